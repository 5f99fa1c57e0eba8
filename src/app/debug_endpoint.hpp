// /debug/sleep and /debug/fetch, only with --debug-endpoints (tests and
// diagnosis, never on by default): a handler that waits on a timer, and one
// that waits on an outbound HTTP call, to show that a slow handler holds up
// nothing else on its event loop.
#pragma once
#include "http/exchange.hpp"
#include "providers/http_client.hpp"

namespace og::app {

class DebugEndpoint final : public http::Endpoint {
 public:
  explicit DebugEndpoint(providers::HttpClient& client) : client_(client) {}
  Task<http::Response> handle(const http::Request& request) override;

 private:
  providers::HttpClient& client_;
};

}  // namespace og::app
