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
  return {"transaction-1.0.xsd", "order-1.1.xsd", "catalog-1.5.xsd", "profile-1.1.xsd"};
}

Endpoint::Endpoint(Service& service, const message::SchemaSet& schema, std::string path)
    : service_(service), reader_(vocabulary(), schema, {"BuyersID", "TransactionID"}), path_(std::move(path)) {}

http::Response Endpoint::serve_contract(const http::Request& request) const {
  auto body = message::contract_document({request.query, request.host, request.tls, path_}, "veloconnect.wsdl",
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

http::Response Endpoint::handle(const http::Request& request) {
  bool get = request.method == "GET";
  if (get && message::is_contract_query(request.query)) return serve_contract(request);
  if (!get && request.method != "POST") {
    auto r = http::plain_text(405, "use GET or POST\n");
    r.headers.emplace_back("Allow", "GET, POST");
    return r;
  }
  return respond(request, &Service::answer);
}

http::Response Endpoint::not_applied(const http::Request& request) {
  // Rare (a group commit failed after the answer was built): decode the
  // request again to answer 500 in its operation and binding.
  return respond(request, &Service::not_applied);
}

http::Response Endpoint::respond(const http::Request& request, OnDecoded on_decoded) {
  bool get = request.method == "GET";
  thread_local message::SoapCodec codec(soap_namespaces());
  codec.reset();
  auto [type, charset] = message::media_type(request.content_type);
  Envelope envelope = Envelope::Plain;
  Answer answer;
  if (get || type == "application/x-www-form-urlencoded") {
    auto form = message::UrlForm::parse(get ? request.query : request.body);
    auto decoded = decode_url(form);
    answer = std::holds_alternative<Decoded>(decoded)
                 ? (service_.*on_decoded)(std::get<Decoded>(decoded), codec, envelope)
                 : service_.answer(std::get<DecodeError>(decoded), codec, envelope);
  } else {
    Envelope hint = type == "application/soap+xml" ? Envelope::Soap12
                    : request.has_soap_action      ? Envelope::Soap11
                                                   : Envelope::Plain;
    auto read = reader_.read(request.body, charset, hint);
    if (auto* payload = std::get_if<message::XmlPayload>(&read)) {
      envelope = payload->envelope;
      auto decoded = decode_xml(*payload);
      answer = std::holds_alternative<Decoded>(decoded)
                   ? (service_.*on_decoded)(std::get<Decoded>(decoded), codec, envelope)
                   : service_.answer(std::get<DecodeError>(decoded), codec, envelope);
    } else {
      const auto& problem = std::get<message::XmlProblem>(read);
      envelope = problem.envelope;
      answer = service_.answer(decode_error(problem), codec, envelope);
    }
  }
  http::Response r;
  r.content_type = message::content_type_for(envelope);
  r.body = std::move(answer.body);
  r.face = "veloconnect";
  r.operation = std::move(answer.operation);
  r.outcome = std::to_string(response_code(answer.outcome));
  return r;
}

}  // namespace og::veloconnect
