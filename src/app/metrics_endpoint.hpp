// GET /metrics: Prometheus text format. The HTTP server's own figures
// (requests by face, operation and outcome, latency, limits hit,
// connections), the store's commits, and password checks per face.
#pragma once
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/auth/password_check.hpp"
#include "http/exchange.hpp"
#include "store/store.hpp"

namespace og::app {

class MetricsEndpoint final : public http::Endpoint {
 public:
  using Passwords = std::function<core::PasswordStats()>;
  MetricsEndpoint(const store::Store& store, std::function<std::string()> server,
                  std::vector<std::pair<std::string, Passwords>> faces)
      : store_(store), server_(std::move(server)), faces_(std::move(faces)) {}
  Task<http::Response> handle(const http::Request& request) override;

 private:
  const store::Store& store_;
  std::function<std::string()> server_;
  std::vector<std::pair<std::string, Passwords>> faces_;  // face name, its password checks
};

}  // namespace og::app
