#include "app/health_endpoint.hpp"

namespace og::app {

Task<http::Response> HealthEndpoint::handle(const http::Request& request) {
  http::Response r;
  r.face = "health";
  if (request.path != "/readyz") {
    r = http::plain_text(200, "ok\n");
    r.face = "health";
    r.operation = "alive";
    r.outcome = "200";
    co_return r;
  }
  store::Health h = store_.health();
  bool draining = draining_();
  std::string body;
  body += std::string("store: ") + (h.writable ? "writable" : "NOT WRITABLE: " + h.problem) + "\n";
  body += std::string("draining: ") + (draining ? "yes" : "no") + "\n";
  body += "commits: " + std::to_string(h.commits) + " (failed " + std::to_string(h.failed_commits) + ")\n";
  int status = h.writable && !draining ? 200 : 503;
  r = http::plain_text(status, (status == 200 ? "ready\n" : "not ready\n") + body);
  r.face = "health";
  r.operation = "ready";
  r.outcome = std::to_string(status);
  co_return r;
}

}  // namespace og::app
