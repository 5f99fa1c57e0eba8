#include "srm/endpoint.hpp"

#include <cstdio>

#include "log/log.hpp"
#include "message/contracts.hpp"
#include "srm/basic_auth.hpp"
#include "srm/decode.hpp"
#include "srm/encode.hpp"
#include "srm/namespaces.hpp"

namespace og::srm {

using message::Envelope;

namespace {

// One gSOAP context per thread for the srm binding, emptied per message:
// call after the last co_await of the request.
message::SoapCodec& fresh_codec() {
  thread_local message::SoapCodec codec(soap_namespaces());
  codec.reset();
  return codec;
}

FaultKind fault_kind(message::XmlProblemKind kind) {
  switch (kind) {
    case message::XmlProblemKind::NotWellFormed: return FaultKind::NotWellFormed;
    case message::XmlProblemKind::NoPayload: return FaultKind::NoPayload;
    case message::XmlProblemKind::UnknownRoot: return FaultKind::UnknownOperation;
    case message::XmlProblemKind::NotValid:
    case message::XmlProblemKind::MustUnderstand: break;  // answered before (must_understand)
  }
  return FaultKind::NotValid;
}

Envelope envelope_hint(const http::Request& request) {
  return message::media_type(request.content_type).type == "application/soap+xml" ? Envelope::Soap12 : Envelope::Soap11;
}

// SOAP's own fault for header blocks we were told to understand.
http::Response must_understand(const message::XmlProblem& problem) {
  Envelope e = problem.envelope == Envelope::Plain ? Envelope::Soap11 : problem.envelope;
  http::Response r;
  r.status = 500;
  r.content_type = message::content_type_for(e);
  r.body = message::must_understand_fault(e, problem.not_understood, problem.message);
  r.face = "srm";
  r.outcome = "fault (mustUnderstand)";
  return r;
}

}  // namespace

std::vector<std::string> schema_roots() {
  return {"srm-se-global.xsd"};
}

Endpoint::Endpoint(const core::ContextFactory& contexts, core::srm::ShoppingCarts& carts, core::srm::SrmUsers& users,
                   const message::SchemaSet& schema, message::XmlLimits xml_limits, std::string path)
    : contexts_(contexts),
      carts_(carts),
      users_(users),
      reader_(vocabulary(), schema, {}, xml_limits),
      path_(std::move(path)) {}

http::Response Endpoint::serve_contract(const http::Request& request) const {
  auto body = message::contract_document({request.query, request.base_url, path_}, "srm-internal-request.wsdl",
                                         "http://127.0.0.1:8080/srm/InternalRequest");
  if (!body) return http::plain_text(404, "no such schema: " + request.query.substr(4) + "\n");
  http::Response r;
  r.content_type = "text/xml; charset=utf-8";
  r.body = std::move(*body);
  r.face = "srm";
  r.operation = "contract";
  r.outcome = "200";
  return r;
}

// SOAP 1.1 faults travel with 500; SOAP 1.2 tells a sender fault (400) from a
// receiver fault (500).
http::Response Endpoint::fault_answer(Envelope envelope, FaultKind kind, std::string detail,
                                      const char* operation) const {
  Envelope e = envelope == Envelope::Plain ? Envelope::Soap11 : envelope;
  FaultText f = fault_of(kind, std::move(detail));
  http::Response r;
  r.content_type = message::content_type_for(e);
  r.body = fault(fresh_codec(), e, f.sender, f.text, f.detail);
  r.status = e == Envelope::Soap12 && f.sender ? 400 : 500;
  r.face = "srm";
  r.operation = operation;
  r.outcome = "fault";
  return r;
}

Task<http::Response> Endpoint::handle(const http::Request& request) {
  if (request.method == "GET" && message::is_contract_query(request.query)) co_return serve_contract(request);
  if (request.method != "POST") {
    auto r = http::plain_text(405, "POST SOAP requests here; GET ?wsdl for the contract\n");
    r.headers.emplace_back("Allow", "GET, POST");
    co_return r;
  }
  core::Context ctx = contexts_.make(request.cancel, request.peer);
  // Nothing is read before the caller is known.
  auto credentials = basic_credentials(request.authorization);
  bool known = false;
  if (credentials) known = co_await users_.authenticate(ctx, credentials->user, credentials->password);
  if (!known) co_return unauthorized();
  co_return co_await process(request, ctx);
}

http::Response Endpoint::unauthorized() {
  auto r = http::plain_text(401, "HTTP Basic authentication with an SRM user is required\n");
  r.headers.emplace_back("WWW-Authenticate", "Basic realm=\"ordergate SRM\", charset=\"UTF-8\"");
  r.face = "srm";
  r.outcome = "401";
  return r;
}

std::optional<http::Response> Endpoint::before_body(const http::Request& head) {
  // No credentials at all: the 401 needs no body (and no "100 Continue").
  if (head.method == "POST" && !basic_credentials(head.authorization)) return unauthorized();
  return std::nullopt;
}

http::Response Endpoint::timed_out(const http::Request& request) {
  return fault_answer(envelope_hint(request), FaultKind::TimedOut);
}

Task<http::Response> Endpoint::process(const http::Request& request, core::Context& ctx) {
  auto media = message::media_type(request.content_type);
  auto read = reader_.read(request.body, media.charset, envelope_hint(request));
  if (auto* problem = std::get_if<message::XmlProblem>(&read)) {
    if (problem->kind == message::XmlProblemKind::MustUnderstand) co_return must_understand(*problem);
    co_return fault_answer(problem->envelope, fault_kind(problem->kind), problem->message);
  }
  auto& payload = std::get<message::XmlPayload>(read);
  if (payload.envelope == Envelope::Plain) co_return fault_answer(Envelope::Soap11, FaultKind::NoEnvelope);

  Request r = decode(payload);
  const OperationInfo& op = *r.operation;
  core::srm::CartMessageHeader header{r.header.uuid, r.header.id.value_or(""), op.name};
  std::optional<core::srm::CartOutcome> outcome;
  try {
    switch (op.operation) {
      case Operation::Read: outcome = co_await carts_.read(ctx, r.read_id, header); break;
      case Operation::Create: outcome = co_await carts_.create(ctx, r.create, header); break;
      case Operation::Release: outcome = co_await carts_.release(ctx, r.release, header); break;
      case Operation::Cancel: outcome = co_await carts_.cancel(ctx, r.cancel, header); break;
    }
  } catch (const std::exception& e) {
    // Nothing was committed (the unit of work rolled back); the caller may retry.
    log::error(std::string("srm ") + op.name + " failed: " + e.what());
  }
  // No answer before the commit it reports.
  bool durable = false;
  if (outcome) durable = co_await ctx.durable();
  if (!durable) co_return fault_answer(payload.envelope, FaultKind::NotApplied, {}, op.name);

  http::Response answer;
  answer.content_type = message::content_type_for(payload.envelope);
  std::string element =
      outcome->legacy_body ? *outcome->legacy_body : confirmation(fresh_codec(), op, *outcome, r.header);
  answer.body = message::in_envelope(element, payload.envelope);
  answer.face = "srm";
  answer.operation = op.name;
  answer.outcome = std::string(result_code(*outcome));
  if (outcome->replayed) answer.outcome += " (repeated message)";
  co_return answer;
}

}  // namespace og::srm
