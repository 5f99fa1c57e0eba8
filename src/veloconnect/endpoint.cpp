#include "veloconnect/endpoint.hpp"

#include <algorithm>
#include <cctype>

#include "contracts_table.hpp"
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

// "text/xml; charset=ISO-8859-1" -> ("text/xml", "ISO-8859-1")
std::pair<std::string, std::optional<std::string>> media_type(std::string_view content_type) {
  auto semi = content_type.find(';');
  std::string type = lower(content_type.substr(0, semi));
  type.erase(type.find_last_not_of(" \t") + 1);
  std::optional<std::string> charset;
  if (semi != std::string_view::npos) {
    std::string params = lower(content_type.substr(semi + 1));
    auto at = params.find("charset=");
    if (at != std::string::npos) {
      std::string value(content_type.substr(semi + 1 + at + 8));
      value = value.substr(0, value.find(';'));
      value.erase(std::remove(value.begin(), value.end(), '"'), value.end());
      value.erase(0, value.find_first_not_of(" \t"));
      value.erase(value.find_last_not_of(" \t") + 1);
      if (!value.empty()) charset = value;
    }
  }
  return {type, charset};
}

// The Host header ends up in the served WSDL; accept only what a host can be.
std::string safe_host(std::string_view host) {
  if (host.empty() || host.size() > 255) return "127.0.0.1";
  for (char c : host)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']'))
      return "127.0.0.1";
  return std::string(host);
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

std::string_view embedded(std::string_view name) {
  for (const auto& e : contracts::all())
    if (e.name == name) return e.bytes;
  return {};
}

bool is_schema(std::string_view name) {
  return name.ends_with(".xsd") && !embedded(name).empty();
}

}  // namespace

std::vector<std::string> schema_roots() {
  return {"transaction-1.0.xsd", "order-1.1.xsd", "catalog-1.5.xsd", "profile-1.1.xsd"};
}

Endpoint::Endpoint(Service& service, const message::SchemaSet& schema, std::string path)
    : service_(service), reader_(vocabulary(), schema, {"BuyersID", "TransactionID"}), path_(std::move(path)) {}

http::Response Endpoint::serve_contract(const http::Request& request) const {
  std::string base = std::string(request.tls ? "https://" : "http://") + safe_host(request.host) + path_;
  std::string query = lower(request.query);
  std::string body;
  if (query == "wsdl") {
    body = std::string(embedded("veloconnect.wsdl"));
    replace_all(body, "http://127.0.0.1:8080/veloconnect", base);
    replace_all(body, "schemaLocation=\"../xsd/", "schemaLocation=\"" + base + "?xsd=");
  } else {
    std::string name(request.query.substr(4));
    if (!is_schema(name)) return http::plain_text(404, "no such schema: " + name + "\n");
    body = std::string(embedded(name));
    // Imports name their neighbours by file name; point them at this server.
    replace_all(body, "schemaLocation=\"", "schemaLocation=\"" + base + "?xsd=");
  }
  http::Response r;
  r.content_type = "text/xml; charset=utf-8";
  r.body = std::move(body);
  r.face = "veloconnect";
  r.operation = query == "wsdl" ? "wsdl" : "xsd";
  r.outcome = "200";
  return r;
}

http::Response Endpoint::handle(const http::Request& request) {
  bool get = request.method == "GET";
  if (get && (lower(request.query) == "wsdl" || lower(request.query).starts_with("xsd=")))
    return serve_contract(request);
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
  auto [type, charset] = media_type(request.content_type);
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
