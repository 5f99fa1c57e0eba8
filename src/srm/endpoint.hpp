// /srm/InternalRequest: SAP SRM internal request services over SOAP 1.1/1.2,
// HTTP Basic authentication; GET ?wsdl and ?xsd=<file> serve the contract.
#pragma once
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/shopping_carts.hpp"
#include "core/srm_users.hpp"
#include "http/exchange.hpp"
#include "message/schema_set.hpp"
#include "message/xml_reader.hpp"

namespace og::srm {

class Endpoint final : public http::Endpoint {
 public:
  Endpoint(core::ShoppingCarts& carts, core::SrmUsers& users, const core::Clock& clock,
           const message::SchemaSet& schema, std::string path = "/srm/InternalRequest");
  http::Response handle(const http::Request& request) override;
  // The store lost what handle() did (its group commit failed): a Server fault.
  http::Response not_applied(const http::Request& request) override;

 private:
  http::Response serve_contract(const http::Request& request) const;
  http::Response process(const http::Request& request);

  core::ShoppingCarts& carts_;
  core::SrmUsers& users_;
  const core::Clock& clock_;
  message::XmlReader reader_;
  std::string path_;
};

// The schemas requests are validated against.
std::vector<std::string> schema_roots();

}  // namespace og::srm
