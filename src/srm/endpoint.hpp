// /srm/InternalRequest: SAP SRM internal request services over SOAP 1.1/1.2,
// HTTP Basic authentication; GET ?wsdl and ?xsd=<file> serve the contract.
#pragma once
#include <string>
#include <vector>

#include "core/context.hpp"
#include "core/srm/shopping_carts.hpp"
#include "core/srm/srm_users.hpp"
#include "http/exchange.hpp"
#include "message/schema_set.hpp"
#include "message/xml_reader.hpp"
#include "srm/answer_mapping.hpp"

namespace og::srm {

class Endpoint final : public http::Endpoint {
 public:
  Endpoint(const core::ContextFactory& contexts, core::srm::ShoppingCarts& carts, core::srm::SrmUsers& users,
           const message::SchemaSet& schema, message::XmlLimits xml_limits = {},
           std::string path = "/srm/InternalRequest");
  Task<http::Response> handle(const http::Request& request) override;
  http::Response timed_out(const http::Request& request) override;
  std::optional<http::Response> before_body(const http::Request& head) override;

 private:
  static http::Response unauthorized();
  http::Response serve_contract(const http::Request& request) const;
  Task<http::Response> process(const http::Request& request, core::Context& ctx);
  http::Response fault_answer(message::Envelope envelope, FaultKind kind, std::string detail = {},
                              const char* operation = "") const;

  const core::ContextFactory& contexts_;
  core::srm::ShoppingCarts& carts_;
  core::srm::SrmUsers& users_;
  message::XmlReader reader_;
  std::string path_;
};

// The schemas requests are validated against.
std::vector<std::string> schema_roots();

}  // namespace og::srm
