#include "veloconnect/endpoint.hpp"

#include <algorithm>
#include <cctype>

#include "message/contracts.hpp"
#include "message/url_form.hpp"
#include "veloconnect/decode_url.hpp"
#include "veloconnect/decode_xml.hpp"
#include "veloconnect/namespaces.hpp"
#include "veloconnect/response_code.hpp"

namespace og::veloconnect {

using message::Envelope;

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

std::vector<std::string> schema_roots() {
  return {"transaction-1.0.xsd", "order-1.1.xsd",    "catalog-1.5.xsd",  "profile-1.1.xsd", "stock-B2B-1.4.xsd",
          "stock-B2C-1.4.xsd",   "sale-B2B-1.6.xsd", "sale-B2X-1.6.xsd", "receipt-1.3.xsd"};
}

Endpoint::Endpoint(Service& service, const message::SchemaSet& schema, EndpointLimits limits, std::string path)
    : service_(service),
      reader_(vocabulary(), schema, {"BuyersID", "TransactionID"}, limits.xml),
      max_url_parameters_(limits.max_url_parameters),
      path_(std::move(path)) {}

http::Response Endpoint::serve_contract(const http::Request& request) const {
  auto body = message::contract_document({request.query, request.base_url, request.path}, "veloconnect.wsdl",
                                         "http://127.0.0.1:8080/veloconnect");
  if (!body) return http::plain_text(404, "no such schema: " + std::string(request.query.substr(4)) + "\n");
  http::Response r;
  r.content_type = "text/xml; charset=utf-8";
  r.body = std::move(*body);
  r.face = "veloconnect";
  r.operation = lower(request.query) == "wsdl" ? "wsdl" : "xsd";
  r.outcome = "200";
  return r;
}

Task<http::Response> Endpoint::handle(const http::Request& request) {
  bool get = request.method == "GET";
  if (get && message::is_contract_query(request.query)) co_return serve_contract(request);
  if (!get && request.method != "POST") {
    auto r = http::plain_text(405, "use GET or POST\n");
    r.headers.emplace_back("Allow", "GET, POST");
    co_return r;
  }
  Parsed parsed = parse(request);
  if (parsed.must_understand) {
    const auto& problem = *parsed.must_understand;
    http::Response r;
    r.status = 500;
    r.content_type = message::content_type_for(parsed.envelope);
    r.body = message::must_understand_fault(parsed.envelope, problem.not_understood, problem.message);
    r.face = "veloconnect";
    r.operation = "unknown";
    r.outcome = "fault (mustUnderstand)";
    co_return r;
  }
  if (auto* error = std::get_if<DecodeError>(&parsed.decoded))
    co_return respond(service_.answer(*error, parsed.envelope), parsed.envelope);
  // /veloconnect/<seller>: a hosted seller's own URL.
  if (request.path.size() > path_.size() + 1)
    std::get<Decoded>(parsed.decoded).request.path_seller = request.path.substr(path_.size() + 1);
  Answer answer =
      co_await service_.answer(std::get<Decoded>(parsed.decoded), parsed.envelope, request.cancel, request.peer);
  co_return respond(std::move(answer), parsed.envelope);
}

http::Response Endpoint::timed_out(const http::Request& request) {
  // Answered in the request's own operation and binding: a 500 the client's
  // parser understands. Its outcome is unknown: the work may still commit.
  Parsed parsed = parse(request);
  DecodeError late{rules::veloconnect::Outcome::InternalError,
                   "internal error: the request took too long; its outcome is unknown, check with GetStatus"};
  if (auto* d = std::get_if<Decoded>(&parsed.decoded)) {
    late.operation = &info(d->request.operation);
    late.buyer_id = d->request.caller.buyer_id;
    late.transaction_id = d->request.transaction_id;
    late.answer_ns = d->answer_ns;
  }
  auto r = respond(service_.answer(late, parsed.envelope), parsed.envelope);
  r.outcome += " (timed out)";
  return r;
}

Endpoint::Parsed Endpoint::parse(const http::Request& request) const {
  bool get = request.method == "GET";
  auto [type, charset] = message::media_type(request.content_type);
  if (get || type == "application/x-www-form-urlencoded") {
    auto form = message::UrlForm::parse(get ? request.query : request.body, max_url_parameters_);
    return {decode_url(form, max_url_parameters_), Envelope::Plain, std::nullopt};
  }
  Envelope hint = type == "application/soap+xml" ? Envelope::Soap12
                  : request.has_soap_action      ? Envelope::Soap11
                                                 : Envelope::Plain;
  auto read = reader_.read(request.body, charset, hint);
  if (auto* payload = std::get_if<message::XmlPayload>(&read))
    return {decode_xml(*payload), payload->envelope, std::nullopt};
  auto& problem = std::get<message::XmlProblem>(read);
  Parsed parsed{decode_error(problem), problem.envelope, std::nullopt};
  if (problem.kind == message::XmlProblemKind::MustUnderstand) parsed.must_understand = std::move(problem);
  return parsed;
}

http::Response Endpoint::respond(Answer answer, Envelope envelope) const {
  http::Response r;
  r.content_type = message::content_type_for(envelope);
  r.body = std::move(answer.body);
  r.face = "veloconnect";
  r.operation = std::move(answer.operation);
  r.outcome = std::to_string(response_code(answer.outcome));
  return r;
}

}  // namespace og::veloconnect
