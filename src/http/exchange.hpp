// What the HTTP layer hands a face and gets back: plain values, no Beast types.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace og::http {

struct Request {
  std::string_view method;  // "GET", "POST", ...
  std::string_view path;    // "/veloconnect"
  std::string_view query;   // after '?', undecoded
  std::string_view content_type;
  std::string_view soap_action;  // the SOAPAction header (SOAP 1.1)
  bool has_soap_action = false;
  std::string_view authorization;
  std::string_view host;
  std::string_view body;
  bool tls = false;
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
  virtual Response handle(const Request& request) = 0;
  // The answer to `request` when what handle() did was lost after it
  // answered (its group commit failed; see AnswerGate). Rare.
  virtual Response not_applied(const Request& request);
};

Response plain_text(int status, std::string body);

}  // namespace og::http
