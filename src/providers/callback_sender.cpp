#include "providers/callback_sender.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace og::providers {

using core::eproc::CallStatus;

HttpCallbackSender::HttpCallbackSender(HttpClient& http, CallbackRendering render, std::chrono::milliseconds timeout)
    : http_(http), render_(std::move(render)), timeout_(timeout) {}

std::string HttpCallbackSender::signature(std::string_view secret, std::int64_t unix_seconds, std::string_view body) {
  std::string message = std::to_string(unix_seconds) + "." + std::string(body);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &length);
  static const char* hex = "0123456789abcdef";
  std::string out = "t=" + std::to_string(unix_seconds) + ",v1=";
  for (unsigned int i = 0; i < length; ++i) {
    out += hex[mac[i] >> 4];
    out += hex[mac[i] & 15];
  }
  return out;
}

Task<CallStatus> HttpCallbackSender::deliver(const model::HubClient& client, const model::HubOrder& order,
                                             std::string idempotency_key) {
  const bool soap = client.callback_binding == "soap";
  HttpRequest request;
  request.method = "POST";
  request.url = client.callback_url;
  request.timeout = timeout_;
  request.body = soap ? render_.soap(order) : render_.json(order);
  // Delivered at least once anyway; a repeat on a stale connection is what the key is for.
  request.idempotent = true;
  auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
  request.headers = {
      {"Content-Type", soap ? "text/xml; charset=utf-8" : "application/json"},
      {"Idempotency-Key", idempotency_key},
      {"X-Ordergate-Order", order.reference},
      {"X-Ordergate-Signature", signature(client.callback_secret, now.count(), request.body)},
  };
  if (soap) request.headers.emplace_back("SOAPAction", "\"urn:ordergate:eprocurement:1#OrderNotification\"");
  HttpResult result = co_await http_.send(std::move(request));
  if (!result.ok()) {
    if (result.error == HttpError::Timeout) co_return CallStatus::Timeout;
    if (result.error == HttpError::Unreachable) co_return CallStatus::Unreachable;
    co_return CallStatus::Error;
  }
  co_return result.response.status >= 200 && result.response.status < 300 ? CallStatus::Ok : CallStatus::Error;
}

}  // namespace og::providers
