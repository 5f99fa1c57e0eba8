// /veloconnect: one URL, three bindings. GET with parameters and POST of a
// form are the URL binding; any other POST is XML (XML-POST, or SOAP 1.1/1.2
// when it comes in an envelope); GET ?wsdl and ?xsd=<file> serve the contract.
#pragma once
#include "http/exchange.hpp"
#include "message/schema_set.hpp"
#include "message/xml_reader.hpp"
#include "veloconnect/service.hpp"

namespace og::veloconnect {

// What a request may hold before it is even decoded.
struct EndpointLimits {
  message::XmlLimits xml;                 // XML-POST and SOAP (405 beyond, like malformed XML)
  std::size_t max_url_parameters = 2000;  // URL binding (400 beyond, before any other check)
};

class Endpoint final : public http::Endpoint {
 public:
  Endpoint(Service& service, const message::SchemaSet& schema, EndpointLimits limits = {},
           std::string path = "/veloconnect");
  Task<http::Response> handle(const http::Request& request) override;
  http::Response timed_out(const http::Request& request) override;

 private:
  http::Response serve_contract(const http::Request& request) const;
  // The request decoded in its binding (on the event loop: parsing is its job).
  struct Parsed {
    DecodeResult decoded;
    message::Envelope envelope;
    // SOAP header blocks we were told to understand: SOAP's own fault instead.
    std::optional<message::XmlProblem> must_understand;
  };
  Parsed parse(const http::Request& request) const;
  http::Response respond(Answer answer, message::Envelope envelope) const;

  Service& service_;
  message::XmlReader reader_;
  std::size_t max_url_parameters_;
  std::string path_;
};

// The schemas requests are validated against.
std::vector<std::string> schema_roots();

}  // namespace og::veloconnect
