// Pushes a settled order to a client's callback URL over the house's HTTP
// client. The body is the order in the client's binding (rendered by the
// face's encoder, handed in at start-up, so this file knows no wire format);
// headers let the receiver check it came from us and drop repeats:
//   Idempotency-Key: <order reference>-<status>
//   X-Ordergate-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the client's secret>
//   X-Ordergate-Order: <order reference>
#pragma once
#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "core/eproc/provider_api.hpp"
#include "providers/http_client.hpp"

namespace og::providers {

struct CallbackRendering {
  std::function<std::string(const model::HubOrder&)> json;
  std::function<std::string(const model::HubOrder&)> soap;
};

class HttpCallbackSender final : public core::eproc::CallbackSender {
 public:
  HttpCallbackSender(HttpClient& http, CallbackRendering render,
                     std::chrono::milliseconds timeout = std::chrono::seconds(10));
  Task<core::eproc::CallStatus> deliver(const model::HubClient& client, const model::HubOrder& order,
                                        std::string idempotency_key) override;

  // The signature header's value for `body` at `unix_seconds` (also what a
  // receiver computes to check it).
  static std::string signature(std::string_view secret, std::int64_t unix_seconds, std::string_view body);

 private:
  HttpClient& http_;
  CallbackRendering render_;
  std::chrono::milliseconds timeout_;
};

}  // namespace og::providers
