// /eprocurement: the e-procurement hub's face, two bindings over one hub.
//
//   POST /eprocurement                     SOAP 1.1/1.2 (CheckAvailability, PlaceOrder, ReadOrder)
//   GET  /eprocurement?wsdl, ?xsd=<file>   the SOAP contract
//   GET  /eprocurement/openapi.json        the JSON binding's OpenAPI 3.0 document
//   POST /eprocurement/token               HTTP Basic in, a bearer token out
//   POST /eprocurement/availability        JSON
//   POST /eprocurement/orders              JSON (201 Created, 200 when replayed)
//   GET  /eprocurement/orders/{reference}  JSON
//
// Every call but the contracts needs HTTP Basic (client ID and password,
// checked by the hub) or a bearer token; nothing of the body is read before
// the caller is known. How each failure looks is answer_mapping's business.
// The app routes both "/eprocurement" and the prefix "/eprocurement/" here.
#pragma once
#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/context.hpp"
#include "core/eproc/hub.hpp"
#include "eproc/answer_mapping.hpp"
#include "eproc/bearer_token.hpp"
#include "eproc/json_decode.hpp"
#include "eproc/soap_decode.hpp"
#include "http/exchange.hpp"
#include "message/schema_set.hpp"
#include "message/xml_reader.hpp"

namespace og::eproc {

struct EndpointOptions {
  // Larger request bodies are answered 413 (below the server's --max-body).
  std::size_t max_body = 1024 * 1024;
  // How long a token from POST /eprocurement/token is valid.
  std::chrono::seconds token_lifetime{std::chrono::minutes(15)};
  // The tokens' signing key; empty: a random one of this process (tokens
  // then hold on this instance only, and end with it).
  std::string token_key;
  // The shape a SOAP request may have (a Client/Sender fault beyond).
  message::XmlLimits xml_limits;
};

class Endpoint final : public http::Endpoint {
 public:
  Endpoint(const core::ContextFactory& contexts, core::eproc::Hub& hub, const message::SchemaSet& schema,
           EndpointOptions options = {}, std::string path = "/eprocurement");
  Task<http::Response> handle(const http::Request& request) override;
  http::Response timed_out(const http::Request& request) override;
  std::optional<http::Response> before_body(const http::Request& head) override;

 private:
  enum class Route { Soap, OpenApi, Token, Availability, Orders, Order, Unknown };
  struct Auth {
    std::optional<model::HubClient> client;
    bool bearer_refused = false;  // a token was sent and is not (or no longer) valid
    bool unavailable = false;     // the check itself failed (the store)
  };

  Route route_of(const http::Request& request, std::string& reference) const;
  Task<Auth> authenticate(core::Context& ctx, const http::Request& request, bool allow_bearer);

  Task<http::Response> soap(const http::Request& request, core::Context& ctx, const model::HubClient& client);
  Task<http::Response> availability(const http::Request& request, core::Context& ctx, const model::HubClient& client);
  Task<http::Response> place_order(const http::Request& request, core::Context& ctx, const model::HubClient& client);
  Task<http::Response> read_order(const std::string& reference, core::Context& ctx, const model::HubClient& client);
  http::Response token(const http::Request& request, const model::HubClient& client) const;

  http::Response serve_contract(const http::Request& request) const;
  // `bearer_for_token`: the caller sent a bearer token to POST <path>/token, which takes HTTP Basic only.
  http::Response unauthorized(bool soap, bool bearer_refused, bool bearer_for_token = false) const;

  const core::ContextFactory& contexts_;
  core::eproc::Hub& hub_;
  message::XmlReader reader_;
  EndpointOptions options_;
  std::string path_;
  TokenIssuer tokens_;
  std::string openapi_;  // served as is: the limits of this hub filled in
};

// The OpenAPI document with `limits` in its maxItems and maxLength.
std::string openapi_document(const rules::eproc::Limits& limits);

}  // namespace og::eproc
