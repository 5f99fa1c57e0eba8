// /veloconnect: one URL, three bindings. GET with parameters and POST of a
// form are the URL binding; any other POST is XML (XML-POST, or SOAP 1.1/1.2
// when it comes in an envelope); GET ?wsdl and ?xsd=<file> serve the contract.
#pragma once
#include "http/exchange.hpp"
#include "message/schema_set.hpp"
#include "message/xml_reader.hpp"
#include "veloconnect/service.hpp"

namespace og::veloconnect {

class Endpoint final : public http::Endpoint {
 public:
  Endpoint(Service& service, const message::SchemaSet& schema, std::string path = "/veloconnect");
  Task<http::Response> handle(const http::Request& request) override;
  http::Response timed_out(const http::Request& request) override;

 private:
  http::Response serve_contract(const http::Request& request) const;
  // The request decoded in its binding (on the event loop: parsing is its job).
  struct Parsed {
    DecodeResult decoded;
    message::Envelope envelope;
  };
  Parsed parse(const http::Request& request) const;
  http::Response respond(Answer answer, message::Envelope envelope) const;

  Service& service_;
  message::XmlReader reader_;
  std::string path_;
};

// The schemas requests are validated against.
std::vector<std::string> schema_roots();

}  // namespace og::veloconnect
