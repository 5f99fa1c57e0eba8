#include "app/conformance/http_exchange.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

namespace og::app::conformance {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

std::optional<Endpoint> parse_url(const std::string& url) {
  Endpoint e;
  std::string rest;
  if (url.starts_with("http://")) {
    rest = url.substr(7);
  } else if (url.starts_with("https://")) {
    e.tls = true;
    rest = url.substr(8);
  } else {
    return std::nullopt;
  }
  auto slash = rest.find('/');
  std::string authority = rest.substr(0, slash);
  e.path = slash == std::string::npos ? "/" : rest.substr(slash);
  if (auto q = e.path.find('?'); q != std::string::npos) e.path.resize(q);
  if (authority.starts_with("[")) {
    // An IPv6 literal: [::1]:8080
    auto close = authority.find(']');
    if (close == std::string::npos) return std::nullopt;
    e.host = authority.substr(1, close - 1);
    if (close + 1 < authority.size() && authority[close + 1] == ':') e.port = authority.substr(close + 2);
  } else if (auto colon = authority.rfind(':'); colon != std::string::npos) {
    e.host = authority.substr(0, colon);
    e.port = authority.substr(colon + 1);
  } else {
    e.host = authority;
  }
  if (e.port.empty()) e.port = e.tls ? "443" : "80";
  if (e.host.empty()) return std::nullopt;
  return e;
}

HttpExchange::HttpExchange(Endpoint endpoint, std::chrono::seconds timeout)
    : endpoint_(std::move(endpoint)), timeout_(timeout) {}

namespace {

template <class Stream>
HttpReply round_trip(Stream& stream, const http::request<http::string_body>& request) {
  http::write(stream, request);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  http::read(stream, buffer, parser);
  auto& response = parser.get();
  HttpReply reply;
  reply.status = static_cast<int>(response.result_int());
  reply.content_type = std::string(response[http::field::content_type]);
  reply.body = std::move(response.body());
  return reply;
}

}  // namespace

HttpReply HttpExchange::send(const HttpCall& call) const {
  try {
    asio::io_context io;
    asio::ip::tcp::resolver resolver(io);
    auto addresses = resolver.resolve(endpoint_.host, endpoint_.port);
    std::string target = endpoint_.path;
    if (!call.query.empty()) target += "?" + call.query;
    http::request<http::string_body> request(call.method == "GET" ? http::verb::get : http::verb::post, target, 11);
    request.set(http::field::host, endpoint_.host);
    request.set(http::field::user_agent, "ordergate-conformance");
    request.set(http::field::connection, "close");
    if (!call.content_type.empty()) request.set(http::field::content_type, call.content_type);
    if (!call.soap_action.empty()) request.set("SOAPAction", call.soap_action);
    if (call.method != "GET") {
      request.body() = call.body;
      request.prepare_payload();
    }
    if (!endpoint_.tls) {
      beast::tcp_stream stream(io);
      stream.expires_after(timeout_);
      stream.connect(addresses);
      stream.expires_after(timeout_);
      return round_trip(stream, request);
    }
    asio::ssl::context context(asio::ssl::context::tls_client);
    context.set_default_verify_paths();
    context.set_verify_mode(asio::ssl::verify_peer);
    beast::ssl_stream<beast::tcp_stream> stream(io, context);
    // SNI and the certificate's name: suppliers share hosts.
    SSL_set_tlsext_host_name(stream.native_handle(), endpoint_.host.c_str());
    stream.set_verify_callback(asio::ssl::host_name_verification(endpoint_.host));
    beast::get_lowest_layer(stream).expires_after(timeout_);
    beast::get_lowest_layer(stream).connect(addresses);
    stream.handshake(asio::ssl::stream_base::client);
    beast::get_lowest_layer(stream).expires_after(timeout_);
    return round_trip(stream, request);
  } catch (const boost::system::system_error& e) {
    throw HttpFailure{e.code().message()};
  } catch (const std::exception& e) {
    throw HttpFailure{e.what()};
  }
}

}  // namespace og::app::conformance
