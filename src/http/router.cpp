#include "http/router.hpp"

namespace og::http {

Response plain_text(int status, std::string body) {
  Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(body);
  r.face = "http";
  return r;
}

namespace {
Response lost() {
  auto r = plain_text(500, "internal error: the request was not applied; please retry later\n");
  r.outcome = "not applied";
  return r;
}
}  // namespace

Response Endpoint::not_applied(const Request&) {
  return lost();
}

Response Router::not_applied(const Request& request) const {
  for (const auto& [path, endpoint] : routes_)
    if (request.path == path) return endpoint->not_applied(request);
  return lost();
}

Response Router::dispatch(const Request& request) const {
  for (const auto& [path, endpoint] : routes_)
    if (request.path == path) return endpoint->handle(request);
  if (request.path == "/health" && request.method == "GET") return plain_text(200, "ok\n");
  auto r = plain_text(404, "no endpoint at " + std::string(request.path) + "\n");
  r.outcome = "no route";
  return r;
}

}  // namespace og::http
