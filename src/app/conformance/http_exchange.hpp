// The kit's HTTP: one synchronous request at a time to the server under test
// (http or https), a fresh connection each, so that one answer can never leak
// into the next and a server that closes early only costs itself a check.
#pragma once
#include <chrono>
#include <optional>
#include <string>

#include "app/conformance/request.hpp"

namespace og::app::conformance {

struct Endpoint {
  bool tls = false;
  std::string host;
  std::string port;
  std::string path;  // "/veloconnect", never empty
};

// "http://host:port/path" or "https://..."; nullopt when it is not such a URL.
std::optional<Endpoint> parse_url(const std::string& url);

struct HttpReply {
  int status = 0;
  std::string content_type;
  std::string body;
};

struct HttpFailure {
  std::string message;  // connection refused, timeout, TLS, ...
};

// What the checks talk through; tests script it.
class Transport {
 public:
  virtual ~Transport() = default;
  // Throws HttpFailure when no HTTP answer came back.
  virtual HttpReply send(const HttpCall& call) const = 0;
};

class HttpExchange : public Transport {
 public:
  explicit HttpExchange(Endpoint endpoint, std::chrono::seconds timeout = std::chrono::seconds(30));
  HttpReply send(const HttpCall& call) const override;
  const Endpoint& endpoint() const { return endpoint_; }

 private:
  Endpoint endpoint_;
  std::chrono::seconds timeout_;
};

}  // namespace og::app::conformance
