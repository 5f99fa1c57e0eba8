// /healthz and /readyz for load balancers and operators. Alive means the
// event loops answer; ready means new work can be taken: the store's last
// commit reached the disk and the server is not draining. /health stays as
// the old name of /healthz.
#pragma once
#include <functional>

#include "http/exchange.hpp"
#include "store/store.hpp"

namespace og::app {

class HealthEndpoint final : public http::Endpoint {
 public:
  HealthEndpoint(const store::Store& store, std::function<bool()> draining)
      : store_(store), draining_(std::move(draining)) {}
  Task<http::Response> handle(const http::Request& request) override;

 private:
  const store::Store& store_;
  std::function<bool()> draining_;
};

}  // namespace og::app
