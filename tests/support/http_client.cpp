#include "support/http_client.hpp"

#include <utility>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <algorithm>
#include <optional>

namespace og::test {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

struct HttpClient::Impl {
  std::string host;
  unsigned short port;
  bool tls;
  net::io_context io;
  net::ssl::context ssl{net::ssl::context::tls_client};
  std::optional<beast::tcp_stream> plain;
  std::optional<beast::ssl_stream<beast::tcp_stream>> secure;
  beast::flat_buffer buffer;

  void connect() {
    tcp::resolver resolver(io);
    auto endpoints = resolver.resolve(host, std::to_string(port));
    buffer.clear();
    if (tls) {
      secure.emplace(io, ssl);
      beast::get_lowest_layer(*secure).connect(endpoints);
      secure->handshake(net::ssl::stream_base::client);
    } else {
      plain.emplace(io);
      plain->connect(endpoints);
    }
  }

  template <class Request>
  HttpReply exchange(Request& req) {
    for (int attempt = 0; attempt < 2; ++attempt) {
      if (!plain && !secure) connect();
      try {
        http::response<http::string_body> res;
        if (tls) {
          beast::get_lowest_layer(*secure).expires_after(std::chrono::seconds(30));
          http::write(*secure, req);
          http::read(*secure, buffer, res);
        } else {
          plain->expires_after(std::chrono::seconds(30));
          http::write(*plain, req);
          http::read(*plain, buffer, res);
        }
        HttpReply reply;
        reply.status = static_cast<int>(res.result_int());
        for (auto& f : res) {
          std::string name(f.name_string());
          std::transform(name.begin(), name.end(), name.begin(), ::tolower);
          reply.headers[name] = std::string(f.value());
        }
        reply.body = std::move(res.body());
        if (!res.keep_alive()) {
          plain.reset();
          secure.reset();
        }
        return reply;
      } catch (const beast::system_error&) {
        // The server may have closed an idle keep-alive connection: retry once on a new one.
        plain.reset();
        secure.reset();
        if (attempt == 1) throw;
      }
    }
    return {};
  }
};

HttpClient::HttpClient(std::string host, unsigned short port, bool tls) : impl_(std::make_unique<Impl>()) {
  impl_->host = std::move(host);
  impl_->port = port;
  impl_->tls = tls;
  impl_->ssl.set_verify_mode(net::ssl::verify_none);
}

HttpClient::~HttpClient() = default;

HttpReply HttpClient::get(const std::string& target, const std::map<std::string, std::string>& headers) {
  http::request<http::empty_body> req{http::verb::get, target, 11};
  req.set(http::field::host, impl_->host + ":" + std::to_string(impl_->port));
  for (auto& [k, v] : headers) req.set(k, v);
  req.keep_alive(true);
  return impl_->exchange(req);
}

HttpReply HttpClient::post(const std::string& target, const std::string& body, const std::string& content_type,
                           const std::map<std::string, std::string>& headers) {
  http::request<http::string_body> req{http::verb::post, target, 11};
  req.set(http::field::host, impl_->host + ":" + std::to_string(impl_->port));
  req.set(http::field::content_type, content_type);
  for (auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  req.keep_alive(true);
  req.prepare_payload();
  return impl_->exchange(req);
}

std::string HttpClient::raw(const std::string& bytes) {
  net::io_context io;
  beast::tcp_stream stream(io);
  tcp::resolver resolver(io);
  stream.connect(resolver.resolve(impl_->host, std::to_string(impl_->port)));
  stream.expires_after(std::chrono::seconds(30));
  net::write(stream, net::buffer(bytes));
  std::string out;
  beast::error_code ec;
  char buf[4096];
  for (;;) {
    std::size_t n = stream.read_some(net::buffer(buf), ec);
    out.append(buf, n);
    if (ec) break;
  }
  return out;
}

}  // namespace og::test
