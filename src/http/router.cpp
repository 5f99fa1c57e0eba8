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

Response Router::dispatch(const Request& request) const {
  for (const auto& [path, endpoint] : routes_)
    if (request.path == path) return endpoint->handle(request);
  if (request.path == "/health" && request.method == "GET") return plain_text(200, "ok\n");
  auto r = plain_text(404, "no endpoint at " + std::string(request.path) + "\n");
  r.outcome = "no route";
  return r;
}

}  // namespace og::http
