#include "eproc/endpoint.hpp"

#include <cstdio>
#include <exception>

#include "eproc/credentials.hpp"
#include "eproc/json_encode.hpp"
#include "eproc/order_json.hpp"
#include "eproc/soap_encode.hpp"
#include "log/log.hpp"
#include "message/contracts.hpp"
#include "message/url_form.hpp"

namespace og::eproc {

using message::Envelope;

namespace {

constexpr const char* kFace = "eproc";
constexpr const char* kProblemType = "application/problem+json";
constexpr const char* kJsonType = "application/json";

Envelope envelope_hint(const http::Request& request) {
  return message::media_type(request.content_type).type == "application/soap+xml" ? Envelope::Soap12 : Envelope::Soap11;
}

Failure failure_of(message::XmlProblemKind kind) {
  switch (kind) {
    case message::XmlProblemKind::NotWellFormed: return Failure::NotWellFormed;
    case message::XmlProblemKind::NoPayload: return Failure::NoPayload;
    case message::XmlProblemKind::UnknownRoot: return Failure::UnknownOperation;
    case message::XmlProblemKind::NotValid:
    case message::XmlProblemKind::MustUnderstand: break;  // answered before (must_understand)
  }
  return Failure::NotValid;
}

http::Response problem(Failure failure, const char* operation, const std::string& detail = {},
                       const std::vector<rules::eproc::Fault>& faults = {},
                       const std::vector<SchemaError>& errors = {}) {
  http::Response r;
  r.status = problem_of(failure).status;
  r.content_type = kProblemType;
  r.body = problem_json(failure, detail, faults, errors);
  if (r.status == 503) r.headers.emplace_back("Retry-After", std::to_string(kRetryAfterSeconds));
  r.face = kFace;
  r.operation = operation;
  r.outcome = std::string(problem_of(failure).slug);
  return r;
}

// The detail of a problem the hub's outcome names (every problem+json answer has one).
std::string outcome_detail(Failure failure) {
  switch (failure) {
    case Failure::Refused: return "see faults";
    case Failure::NotFound: return "this client has no order with this reference";
    case Failure::Conflict:
      return "an order under this clientReference has other items: read it, or use another clientReference";
    default: return {};
  }
}

http::Response json_problem(const JsonProblem& p, const char* operation) {
  switch (p.kind) {
    case JsonProblem::Kind::Malformed: return problem(Failure::MalformedJson, operation, p.detail);
    case JsonProblem::Kind::Invalid: return problem(Failure::InvalidRequest, operation, "see errors", {}, p.errors);
    case JsonProblem::Kind::Refused: break;
  }
  return problem(Failure::Refused, operation, "see faults", p.faults);
}

http::Response json_answer(int status, std::string body, const char* operation) {
  http::Response r;
  r.status = status;
  r.content_type = kJsonType;
  r.body = std::move(body);
  r.face = kFace;
  r.operation = operation;
  r.outcome = std::to_string(status);
  return r;
}

http::Response not_allowed(const char* allow, const char* operation) {
  auto r = problem(Failure::MethodNotAllowed, operation, std::string("this resource takes ") + allow);
  r.headers.emplace_back("Allow", allow);
  return r;
}

http::Response soap_fault_answer(Failure failure, Envelope envelope, const char* operation,
                                 const std::string& detail = {}) {
  Envelope e = envelope == Envelope::Soap12 ? Envelope::Soap12 : Envelope::Soap11;
  http::Response r;
  r.status = soap_fault_status(failure, e);
  r.content_type = message::content_type_for(e);
  r.body = soap_fault(failure, detail, e);
  if (failure == Failure::Unavailable || failure == Failure::TimedOut)
    r.headers.emplace_back("Retry-After", std::to_string(kRetryAfterSeconds));
  r.face = kFace;
  r.operation = operation;
  r.outcome = "fault";
  return r;
}

http::Response soap_answer(std::string body, Envelope envelope, const char* operation, std::string outcome) {
  http::Response r;
  r.content_type = message::content_type_for(envelope);
  r.body = std::move(body);
  r.face = kFace;
  r.operation = operation;
  r.outcome = std::move(outcome);
  return r;
}

// SOAP's own fault for header blocks we were told to understand.
http::Response must_understand(const message::XmlProblem& problem) {
  Envelope e = problem.envelope == Envelope::Soap12 ? Envelope::Soap12 : Envelope::Soap11;
  http::Response r;
  r.status = 500;
  r.content_type = message::content_type_for(e);
  r.body = message::must_understand_fault(e, problem.not_understood, problem.message);
  r.face = kFace;
  r.outcome = "fault (mustUnderstand)";
  return r;
}

// application/json, or any +json type (RFC 6839); JSON is UTF-8 (RFC 8259).
bool is_json(const http::Request& request) {
  auto media = message::media_type(request.content_type);
  bool json = media.type == kJsonType || media.type.ends_with("+json");
  return json && (!media.charset || message::iequals(*media.charset, "utf-8"));
}

// A path segment's percent escapes decoded ('+' is a plus in a path).
std::optional<std::string> path_segment(std::string_view raw) {
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '%') {
      out += raw[i];
      continue;
    }
    if (i + 2 >= raw.size() || !std::isxdigit(static_cast<unsigned char>(raw[i + 1])) ||
        !std::isxdigit(static_cast<unsigned char>(raw[i + 2])))
      return std::nullopt;
    out += static_cast<char>(std::stoi(std::string(raw.substr(i + 1, 2)), nullptr, 16));
    i += 2;
  }
  return out;
}

void log_failure(const char* what, const std::exception& e) {
  log::error(std::string("eproc ") + what + " failed: " + e.what());
}

}  // namespace

Endpoint::Endpoint(const core::ContextFactory& contexts, core::eproc::Hub& hub, const message::SchemaSet& schema,
                   EndpointOptions options, std::string path)
    : contexts_(contexts),
      hub_(hub),
      reader_(vocabulary(), schema, {}, options.xml_limits),
      options_(options),
      path_(std::move(path)),
      tokens_(options.token_key.empty() ? TokenIssuer(options.token_lifetime)
                                        : TokenIssuer(options.token_key, options.token_lifetime)),
      openapi_(openapi_document(hub.settings().limits)) {}

Endpoint::Route Endpoint::route_of(const http::Request& request, std::string& reference) const {
  std::string_view p = request.path;
  if (p == path_) return Route::Soap;
  if (!p.starts_with(path_) || p.size() <= path_.size() || p[path_.size()] != '/') return Route::Unknown;
  std::string_view rest = p.substr(path_.size() + 1);
  if (rest == "openapi.json") return Route::OpenApi;
  if (rest == "token") return Route::Token;
  if (rest == "availability") return Route::Availability;
  if (rest == "orders") return Route::Orders;
  if (rest.starts_with("orders/")) {
    auto segment = rest.substr(7);
    if (segment.empty() || segment.find('/') != std::string_view::npos) return Route::Unknown;
    auto decoded = path_segment(segment);
    if (!decoded || decoded->empty()) return Route::Unknown;
    reference = std::move(*decoded);
    return Route::Order;
  }
  return Route::Unknown;
}

Task<Endpoint::Auth> Endpoint::authenticate(core::Context& ctx, const http::Request& request, bool allow_bearer) {
  Auth auth;
  Credentials credentials = read_credentials(request.authorization);
  if (auto* basic = std::get_if<BasicCredentials>(&credentials)) {
    try {
      auto client = co_await hub_.authenticate(ctx, basic->user, basic->password);
      auth.client = std::move(client);
    } catch (const std::exception& e) {
      log_failure("authentication", e);
      auth.unavailable = true;
      co_return auth;
    }
  } else if (auto* bearer = std::get_if<BearerCredentials>(&credentials)) {
    if (!allow_bearer) co_return auth;
    auto verified = tokens_.verify(bearer->token, TokenIssuer::Clock::now());
    if (verified.verdict == TokenIssuer::Verdict::Valid) {
      try {
        auth.client = co_await hub_.client(ctx, verified.client_id);
      } catch (const std::exception& e) {
        log_failure("authentication", e);
        auth.unavailable = true;
        co_return auth;
      }
    }
    auth.bearer_refused = !auth.client;
  }
  co_return auth;
}

http::Response Endpoint::unauthorized(bool soap, bool bearer_refused, bool bearer_for_token) const {
  http::Response r;
  if (soap) {
    r = http::plain_text(401, "HTTP Basic authentication with an e-procurement client is required\n");
    r.face = kFace;
    r.outcome = "401";
  } else {
    r = problem(
        Failure::Unauthorized, "",
        bearer_for_token ? "a token is had for HTTP Basic credentials (client ID and password), not for a token"
        : bearer_refused
            ? "the bearer token is not valid or has expired: ask POST " + path_ + "/token for a new one"
            : "send HTTP Basic credentials (client ID and password) or a bearer token from POST " + path_ + "/token");
  }
  r.headers.emplace_back("WWW-Authenticate", "Basic realm=\"ordergate e-procurement\", charset=\"UTF-8\"");
  r.headers.emplace_back("WWW-Authenticate", bearer_refused
                                                 ? "Bearer realm=\"ordergate e-procurement\", error=\"invalid_token\""
                                                 : "Bearer realm=\"ordergate e-procurement\"");
  return r;
}

http::Response Endpoint::serve_contract(const http::Request& request) const {
  auto body = message::contract_document({request.query, request.base_url, path_}, "eprocurement.wsdl",
                                         "http://127.0.0.1:8080/eprocurement");
  if (!body) return http::plain_text(404, "no such schema: " + request.query.substr(4) + "\n");
  http::Response r;
  r.content_type = "text/xml; charset=utf-8";
  r.body = std::move(*body);
  r.face = kFace;
  r.operation = "contract";
  r.outcome = "200";
  return r;
}

Task<http::Response> Endpoint::handle(const http::Request& request) {
  std::string reference;
  Route route = route_of(request, reference);
  // What needs no caller: the contracts, and what does not exist.
  switch (route) {
    case Route::Unknown: co_return problem(Failure::NoSuchResource, "", "no such resource: " + request.path);
    case Route::OpenApi: {
      if (request.method != "GET") co_return not_allowed("GET", "openapi");
      auto r = json_answer(200, openapi_, "openapi");
      co_return r;
    }
    case Route::Soap:
      if (request.method == "GET" && message::is_contract_query(request.query)) co_return serve_contract(request);
      if (request.method != "POST") {
        auto r = http::plain_text(405, "POST SOAP requests here; GET ?wsdl for the contract\n");
        r.headers.emplace_back("Allow", "GET, POST");
        r.face = kFace;
        co_return r;
      }
      break;
    case Route::Token:
      if (request.method != "POST") co_return not_allowed("POST", "token");
      break;
    case Route::Availability:
      if (request.method != "POST") co_return not_allowed("POST", "availability");
      break;
    case Route::Orders:
      if (request.method != "POST") co_return not_allowed("POST", "place-order");
      break;
    case Route::Order:
      if (request.method != "GET") co_return not_allowed("GET", "read-order");
      break;
  }

  core::Context ctx = contexts_.make(request.cancel, request.peer);
  // Nothing is read before the caller is known. A token is had for a
  // password, never for another token.
  Auth auth = co_await authenticate(ctx, request, route != Route::Token);
  if (auth.unavailable)
    co_return route == Route::Soap ? soap_fault_answer(Failure::Unavailable, envelope_hint(request), "")
                                   : problem(Failure::Unavailable, "");
  if (!auth.client)
    co_return unauthorized(
        route == Route::Soap, auth.bearer_refused,
        route == Route::Token && std::holds_alternative<BearerCredentials>(read_credentials(request.authorization)));
  const model::HubClient& client = *auth.client;

  if (request.body.size() > options_.max_body) {
    std::string limit = "at most " + std::to_string(options_.max_body) + " bytes are accepted";
    if (route == Route::Soap) {
      auto r = http::plain_text(413, limit + "\n");
      r.face = kFace;
      co_return r;
    }
    co_return problem(Failure::TooLarge, "", limit);
  }
  switch (route) {
    case Route::Soap: co_return co_await soap(request, ctx, client);
    case Route::Token: co_return token(request, client);
    case Route::Availability: co_return co_await availability(request, ctx, client);
    case Route::Orders: co_return co_await place_order(request, ctx, client);
    case Route::Order: co_return co_await read_order(reference, ctx, client);
    default: break;
  }
  co_return problem(Failure::NoSuchResource, "");
}

std::optional<http::Response> Endpoint::before_body(const http::Request& head) {
  std::string reference;
  Route route = route_of(head, reference);
  // Only what handle() refuses for its credentials alone: no credentials, or
  // a bearer token that is no token of ours (checked without I/O).
  bool needs_caller = route == Route::Token || route == Route::Availability || route == Route::Orders ||
                      route == Route::Order || (route == Route::Soap && head.method == "POST");
  if (!needs_caller) return std::nullopt;
  Credentials credentials = read_credentials(head.authorization);
  if (std::holds_alternative<NoCredentials>(credentials)) return unauthorized(route == Route::Soap, false);
  if (auto* bearer = std::get_if<BearerCredentials>(&credentials)) {
    if (route == Route::Token) return unauthorized(false, false, true);
    if (tokens_.verify(bearer->token, TokenIssuer::Clock::now()).verdict != TokenIssuer::Verdict::Valid)
      return unauthorized(route == Route::Soap, true);
  }
  return std::nullopt;
}

http::Response Endpoint::timed_out(const http::Request& request) {
  std::string reference;
  if (route_of(request, reference) == Route::Soap)
    return soap_fault_answer(Failure::TimedOut, envelope_hint(request), "");
  return problem(Failure::TimedOut, "",
                 "its outcome is unknown: read the order, or place it again with the same clientReference");
}

http::Response Endpoint::token(const http::Request& request, const model::HubClient& client) const {
  // OAuth 2.0's client credentials grant, if the client speaks it; an empty
  // body is fine too.
  if (message::media_type(request.content_type).type == "application/x-www-form-urlencoded") {
    auto grant = message::UrlForm::parse(request.body).get("grant_type");
    if (grant && *grant != "client_credentials")
      return problem(Failure::BadGrant, "token", "grant_type must be client_credentials");
  }
  auto r =
      json_answer(200, token_json(tokens_.issue(client.id, TokenIssuer::Clock::now()), tokens_.lifetime()), "token");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Task<http::Response> Endpoint::availability(const http::Request& request, core::Context& ctx,
                                            const model::HubClient& client) {
  constexpr const char* kOp = "availability";
  if (!is_json(request)) co_return problem(Failure::UnsupportedMediaType, kOp, "send application/json (UTF-8)");
  auto decoded = decode_availability(request.body, hub_.settings().limits);
  if (auto* p = std::get_if<JsonProblem>(&decoded)) co_return json_problem(*p, kOp);
  std::optional<core::eproc::AvailabilityOutcome> outcome;
  try {
    outcome = co_await hub_.availability(ctx, client, std::move(std::get<0>(decoded)));
  } catch (const std::exception& e) {
    log_failure(kOp, e);
  }
  if (!outcome) co_return problem(Failure::Internal, kOp);
  if (auto failure = failure_of(outcome->error))
    co_return problem(*failure, kOp, outcome_detail(*failure), outcome->faults);
  bool durable = co_await ctx.durable();
  if (!durable) co_return problem(Failure::Unavailable, kOp);
  co_return json_answer(200, availability_json(outcome->answers), kOp);
}

Task<http::Response> Endpoint::place_order(const http::Request& request, core::Context& ctx,
                                           const model::HubClient& client) {
  constexpr const char* kOp = "place-order";
  if (!is_json(request)) co_return problem(Failure::UnsupportedMediaType, kOp, "send application/json (UTF-8)");
  auto decoded = decode_order(request.body, hub_.settings().limits);
  if (auto* p = std::get_if<JsonProblem>(&decoded)) co_return json_problem(*p, kOp);
  std::optional<core::eproc::OrderOutcome> outcome;
  try {
    outcome = co_await hub_.place_order(ctx, client, std::move(std::get<0>(decoded)));
  } catch (const std::exception& e) {
    log_failure(kOp, e);
  }
  if (!outcome) co_return problem(Failure::Internal, kOp);
  if (auto failure = failure_of(outcome->error))
    co_return problem(*failure, kOp, outcome_detail(*failure), outcome->faults);
  // No answer before the commit it reports: the order exists once durable.
  bool durable = co_await ctx.durable();
  if (!durable) co_return problem(Failure::Unavailable, kOp, "the order was not kept; place it again");
  auto r = json_answer(outcome->replayed ? 200 : 201, order_json(outcome->order), kOp);
  r.headers.emplace_back("Location", path_ + "/orders/" + outcome->order.reference);
  if (outcome->replayed) r.outcome += " (replayed)";
  co_return r;
}

Task<http::Response> Endpoint::read_order(const std::string& reference, core::Context& ctx,
                                          const model::HubClient& client) {
  constexpr const char* kOp = "read-order";
  std::optional<core::eproc::OrderOutcome> outcome;
  try {
    outcome = co_await hub_.read_order(ctx, client, reference);
  } catch (const std::exception& e) {
    log_failure(kOp, e);
  }
  if (!outcome) co_return problem(Failure::Internal, kOp);
  if (auto failure = failure_of(outcome->error))
    co_return problem(*failure, kOp, outcome_detail(*failure), outcome->faults);
  bool durable = co_await ctx.durable();
  if (!durable) co_return problem(Failure::Unavailable, kOp);
  co_return json_answer(200, order_json(outcome->order), kOp);
}

Task<http::Response> Endpoint::soap(const http::Request& request, core::Context& ctx, const model::HubClient& client) {
  auto media = message::media_type(request.content_type);
  auto read = reader_.read(request.body, media.charset, envelope_hint(request));
  if (auto* p = std::get_if<message::XmlProblem>(&read)) {
    if (p->kind == message::XmlProblemKind::MustUnderstand) co_return must_understand(*p);
    co_return soap_fault_answer(failure_of(p->kind), p->envelope, "", p->message);
  }
  auto& payload = std::get<message::XmlPayload>(read);
  if (payload.envelope == Envelope::Plain) co_return soap_fault_answer(Failure::NoEnvelope, Envelope::Soap11, "");
  const Envelope envelope = payload.envelope;
  SoapRequest r = decode_soap(payload);
  const char* op = info(r.operation).name;

  std::optional<core::eproc::AvailabilityOutcome> availability;
  std::optional<core::eproc::OrderOutcome> order;
  core::eproc::HubError error = core::eproc::HubError::None;
  const std::vector<rules::eproc::Fault>* faults = nullptr;
  try {
    switch (r.operation) {
      case SoapOperation::CheckAvailability:
        availability = co_await hub_.availability(ctx, client, std::move(r.requests));
        break;
      case SoapOperation::PlaceOrder: order = co_await hub_.place_order(ctx, client, std::move(r.order)); break;
      case SoapOperation::ReadOrder: order = co_await hub_.read_order(ctx, client, r.reference); break;
    }
  } catch (const std::exception& e) {
    log_failure(op, e);
  }
  if (availability) {
    error = availability->error;
    faults = &availability->faults;
  } else if (order) {
    error = order->error;
    faults = &order->faults;
  } else {
    co_return soap_fault_answer(Failure::Internal, envelope, op);
  }
  if (auto failure = failure_of(error)) {
    if (*failure == Failure::Refused)
      co_return soap_answer(faults_soap(r.operation, *faults, envelope), envelope, op, "refused");
    if (is_business_fault(*failure))
      co_return soap_answer(business_fault_soap(r.operation, *failure, {}, envelope), envelope, op,
                            std::string(business_code(*failure)));
    co_return soap_fault_answer(*failure, envelope, op);
  }
  // No answer before the commit it reports.
  bool durable = co_await ctx.durable();
  if (!durable) co_return soap_fault_answer(Failure::Unavailable, envelope, op);
  if (availability) co_return soap_answer(availability_soap(availability->answers, envelope), envelope, op, "ok");
  std::string body = order_answer_soap(r.operation, order->order, order->replayed, envelope);
  co_return soap_answer(std::move(body), envelope, op, order->replayed ? "ok (replayed)" : "ok");
}

}  // namespace og::eproc
