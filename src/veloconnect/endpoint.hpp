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
  http::Response handle(const http::Request& request) override;
  http::Response not_applied(const http::Request& request) override;

 private:
  using OnDecoded = Answer (Service::*)(const Decoded&, message::SoapCodec&, message::Envelope);
  http::Response serve_contract(const http::Request& request) const;
  // Decodes the request in its binding and answers with `on_decoded` (or the decode error).
  http::Response respond(const http::Request& request, OnDecoded on_decoded);

  Service& service_;
  message::XmlReader reader_;
  std::string path_;
};

// The schemas requests are validated against.
std::vector<std::string> schema_roots();

}  // namespace og::veloconnect
