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

std::optional<Response> Endpoint::before_body(const Request&) {
  return std::nullopt;
}

Response Endpoint::timed_out(const Request&) {
  auto r = plain_text(503, "the request took too long and was cancelled; its outcome is unknown, ask again\n");
  r.headers.emplace_back("Retry-After", "5");
  r.outcome = "timed out";
  return r;
}

Endpoint* Router::find(std::string_view path) const {
  for (const auto& [route, endpoint] : routes_)
    if (path == route) return endpoint;
  for (const auto& [prefix, endpoint] : prefixes_)
    if (path.size() > prefix.size() && path.starts_with(prefix)) return endpoint;
  return nullptr;
}

Task<Response> Router::dispatch(const Request& request) const {
  Endpoint* endpoint = find(request.path);
  if (endpoint) co_return co_await endpoint->handle(request);
  auto r = plain_text(404, "no endpoint at " + request.path + "\n");
  r.outcome = "no route";
  co_return r;
}

}  // namespace og::http
