// What the HTTP layer hands a face and gets back: plain values, no Beast types.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "async/cancel.hpp"
#include "async/task.hpp"

namespace og::http {

// Owns its text: a handler may resume long after the connection read the
// next request (or went away).
struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // "/veloconnect"
  std::string query;   // after '?', undecoded
  std::string content_type;
  std::string soap_action;  // the SOAPAction header (SOAP 1.1)
  bool has_soap_action = false;
  std::string authorization;
  // Where clients reach this server, e.g. "https://vc.example.com" (no path,
  // no trailing slash): --public-url, else the address it listens on. Never
  // the client's Host header, which is the client's to choose.
  std::string base_url;
  std::string body;
  bool tls = false;
  std::string peer;  // the client's address, for per-address limits and the log
  // Cancelled when the client went away or the handler's deadline passed.
  CancelToken cancel;
};

struct Response {
  int status = 200;
  std::string content_type = "application/xml; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // For the access log: which face answered, what was asked, how it ended.
  std::string face;
  std::string operation;
  std::string outcome;
};

class Endpoint {
 public:
  virtual ~Endpoint() = default;
  // Starts on the connection's event loop, which it must never block: work
  // elsewhere (the store, password hashing, other systems) is co_awaited.
  // The coroutine resumes on the same loop.
  virtual Task<Response> handle(const Request& request) = 0;
  // The answer when handle() did not finish within the server's handler
  // timeout (the request is cancelled; whatever it still does is dropped).
  virtual Response timed_out(const Request& request);
  // Called with the request's head (its body not read yet) when reading the
  // body would cost something: a body larger than the server's
  // --max-unauthenticated-body, or a client waiting for "100 Continue". An
  // answer here is sent instead of reading the body (the connection is then
  // closed): what handle() would answer without looking at the body, e.g. a
  // 401 for a request with no credentials. Must not block.
  virtual std::optional<Response> before_body(const Request& head);
};

Response plain_text(int status, std::string body);

}  // namespace og::http
