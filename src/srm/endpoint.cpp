#include "srm/endpoint.hpp"

#include <iostream>

#include "message/contracts.hpp"
#include "srm/basic_auth.hpp"
#include "srm/decode.hpp"
#include "srm/encode.hpp"
#include "srm/namespaces.hpp"
#include "store/store.hpp"

namespace og::srm {

using message::Envelope;

namespace {

http::Response soap_answer(Envelope envelope, std::string body, const char* operation, std::string outcome) {
  http::Response r;
  r.content_type = message::content_type_for(envelope == Envelope::Plain ? Envelope::Soap11 : envelope);
  r.body = std::move(body);
  r.face = "srm";
  r.operation = operation;
  r.outcome = std::move(outcome);
  return r;
}

// SOAP 1.1 faults travel with 500; SOAP 1.2 tells a sender fault (400) from a
// receiver fault (500).
http::Response fault_answer(message::SoapCodec& codec, Envelope envelope, bool sender, const std::string& text,
                            const std::string& detail, const char* operation) {
  Envelope e = envelope == Envelope::Plain ? Envelope::Soap11 : envelope;
  auto r = soap_answer(e, fault(codec, e, sender, text, detail), operation, "fault");
  r.status = e == Envelope::Soap12 && sender ? 400 : 500;
  return r;
}

// One gSOAP context per thread for the srm binding, emptied per message.
message::SoapCodec& fresh_codec() {
  thread_local message::SoapCodec codec(soap_namespaces());
  codec.reset();
  return codec;
}

std::string problem_text(message::XmlProblemKind kind) {
  switch (kind) {
    case message::XmlProblemKind::NotWellFormed: return "The request is not well-formed XML";
    case message::XmlProblemKind::NoPayload: return "The SOAP envelope has no body";
    case message::XmlProblemKind::UnknownRoot: return "The request names no operation of this service";
    case message::XmlProblemKind::NotValid: break;
  }
  return "The request is not valid against the service's schema";
}

}  // namespace

std::vector<std::string> schema_roots() {
  return {"srm-se-global.xsd"};
}

Endpoint::Endpoint(core::ShoppingCarts& carts, core::SrmUsers& users, const core::Clock& clock,
                   const message::SchemaSet& schema, std::string path)
    : carts_(carts), users_(users), clock_(clock), reader_(vocabulary(), schema, {}), path_(std::move(path)) {}

http::Response Endpoint::serve_contract(const http::Request& request) const {
  auto body = message::contract_document({request.query, request.host, request.tls, path_}, "srm-internal-request.wsdl",
                                         "http://127.0.0.1:8080/srm/InternalRequest");
  if (!body) return http::plain_text(404, "no such schema: " + std::string(request.query.substr(4)) + "\n");
  http::Response r;
  r.content_type = "text/xml; charset=utf-8";
  r.body = std::move(*body);
  r.face = "srm";
  r.operation = "contract";
  r.outcome = "200";
  return r;
}

http::Response Endpoint::handle(const http::Request& request) {
  if (request.method == "GET" && message::is_contract_query(request.query)) return serve_contract(request);
  if (request.method != "POST") {
    auto r = http::plain_text(405, "POST SOAP requests here; GET ?wsdl for the contract\n");
    r.headers.emplace_back("Allow", "GET, POST");
    return r;
  }
  // Nothing is read before the caller is known.
  auto credentials = basic_credentials(request.authorization);
  if (!credentials || !users_.authenticate(credentials->user, credentials->password)) {
    auto r = http::plain_text(401, "HTTP Basic authentication with an SRM user is required\n");
    r.headers.emplace_back("WWW-Authenticate", "Basic realm=\"ordergate SRM\", charset=\"UTF-8\"");
    r.face = "srm";
    r.outcome = "401";
    return r;
  }
  return process(request);
}

http::Response Endpoint::not_applied(const http::Request& request) {
  message::SoapCodec& codec = fresh_codec();
  Envelope envelope =
      message::media_type(request.content_type).type == "application/soap+xml" ? Envelope::Soap12 : Envelope::Soap11;
  return fault_answer(codec, envelope, false, "Internal error; nothing was changed",
                      "The request was not processed and can be sent again", "");
}

http::Response Endpoint::process(const http::Request& request) {
  message::SoapCodec& codec = fresh_codec();
  auto media = message::media_type(request.content_type);
  Envelope hint = media.type == "application/soap+xml" ? Envelope::Soap12 : Envelope::Soap11;
  auto read = reader_.read(request.body, media.charset, hint);
  if (auto* problem = std::get_if<message::XmlProblem>(&read))
    return fault_answer(codec, problem->envelope, true, problem_text(problem->kind), problem->message, "");
  auto& payload = std::get<message::XmlPayload>(read);
  if (payload.envelope == Envelope::Plain)
    return fault_answer(codec, Envelope::Soap11, true, "A SOAP envelope is required",
                        "POST the message inside a SOAP 1.1 or 1.2 Envelope", "");

  Request r = decode(payload);
  const OperationInfo& op = *r.operation;
  try {
    if (op.operation == Operation::Read) {
      auto outcome = carts_.read(r.read_id);
      return soap_answer(
          payload.envelope,
          message::in_envelope(confirmation(codec, op, outcome, r.header, clock_.now()), payload.envelope), op.name,
          outcome.success ? "3" : "5");
    }
    core::RenderAnswer render = [&](const core::CartOutcome& outcome) {
      return confirmation(codec, op, outcome, r.header, clock_.now());
    };
    core::CartMessage message{r.header.uuid, op.name};
    core::Answer answer;
    switch (op.operation) {
      case Operation::Create: answer = carts_.create(r.create, message, render); break;
      case Operation::Release: answer = carts_.release(r.release, message, render); break;
      case Operation::Cancel: answer = carts_.cancel(r.cancel, message, render); break;
      case Operation::Read: break;
    }
    std::string outcome = answer.success ? "3" : "5";
    if (answer.replayed) outcome += " (repeated message)";
    return soap_answer(payload.envelope, message::in_envelope(answer.body, payload.envelope), op.name, outcome);
  } catch (const std::exception& e) {
    // Nothing was committed (the unit of work rolled back); the caller may retry.
    std::cerr << "srm: " << op.name << ": " << e.what() << std::endl;
    return fault_answer(codec, payload.envelope, false, "Internal error; nothing was changed",
                        "The request was not processed and can be sent again", op.name);
  }
}

}  // namespace og::srm
