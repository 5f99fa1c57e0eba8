#include "http/server.hpp"

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include "async/task.hpp"
#include "http/connection_table.hpp"
#include "http/request_stats.hpp"
#include "log/log.hpp"

#include <array>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace og::http {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = net::ip::tcp;

namespace {

std::string_view view(beast::string_view s) {
  return {s.data(), s.size()};
}

// Second-resolution UTC timestamp, formatted once per second per thread.
struct Shared {
  ServerOptions options;
  const Router& router;
  AccessLog& log;
  std::atomic<std::size_t> connections{0};
  std::atomic<std::size_t> in_flight{0};   // read and not yet answered
  std::atomic<std::size_t> body_bytes{0};  // request bodies being read or handled, by what they declared
  std::atomic<bool> draining{false};
  unsigned short port = 0;  // the port bound (options.port may be 0)
  ConnectionTable table{options.max_connections_per_address};
  RequestStats stats;
};

// "0.0.0.0", "::": the address does not say where clients reach us.
bool is_wildcard(const std::string& host) {
  return host.empty() || host == "0.0.0.0" || host == "::" || host == "[::]";
}

std::string url_host(const net::ip::address& a) {
  return a.is_v6() ? "[" + a.to_string() + "]" : a.to_string();
}

template <class Stream>
class Session : public std::enable_shared_from_this<Session<Stream>> {
 public:
  // `peer`: the client's address, already admitted to shared.table.
  template <class... Args>
  Session(Shared& shared, std::string peer, Args&&... args)
      : shared_(shared), stream_(std::forward<Args>(args)...), peer_(std::move(peer)) {
    ++shared_.connections;
    beast::error_code ec;
    const auto& o = shared_.options;
    if (!o.public_url.empty()) {
      base_url_ = o.public_url;
    } else {
      std::string host = o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host;
      if (is_wildcard(o.host)) {
        auto local = beast::get_lowest_layer(stream_).socket().local_endpoint(ec);
        host = ec ? "127.0.0.1" : url_host(local.address());
      }
      base_url_ = std::string(kTls ? "https://" : "http://") + host + ":" + std::to_string(shared_.port);
    }
    beast::get_lowest_layer(stream_).socket().set_option(tcp::no_delay(true), ec);
    // Beast grows the buffer from 512 bytes; a typical request would then
    // take two reads. One read of up to 16 KB takes any ordinary request whole.
    buffer_.reserve(16 * 1024);
  }
  ~Session() {
    release_body();
    shared_.table.busy(idle_ticket_);
    shared_.table.release(peer_);
    --shared_.connections;
  }

  auto executor() { return beast::get_lowest_layer(stream_).get_executor(); }

  void start() {
    if constexpr (kTls) {
      beast::get_lowest_layer(stream_).expires_after(shared_.options.request_timeout);
      stream_.async_handshake(net::ssl::stream_base::server, [self = this->shared_from_this()](beast::error_code ec) {
        if (ec) return self->close();
        self->read_header();
      });
    } else {
      read_header();
    }
  }

 private:
  static constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;

  void read_header() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(shared_.options.max_header));
    parser_->body_limit(shared_.options.max_body);
    beast::get_lowest_layer(stream_).expires_after(shared_.options.idle_timeout);
    waiting();
    bhttp::async_read_header(
        stream_, buffer_, *parser_,
        [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  // Until its next request's header is read, the connection may be closed
  // for a newcomer when the server is at its connection limit.
  void waiting() {
    std::weak_ptr<Session> weak = this->shared_from_this();
    auto ex = executor();
    idle_ticket_ = shared_.table.idle([weak, ex] {
      net::post(ex, [weak] {
        if (auto self = weak.lock(); self && self->idle_ticket_ != 0) {
          self->idle_ticket_ = 0;
          beast::error_code ignored;
          beast::get_lowest_layer(self->stream_).socket().shutdown(tcp::socket::shutdown_both, ignored);
          beast::get_lowest_layer(self->stream_).socket().close(ignored);
        }
      });
    });
  }

  void on_header(beast::error_code ec) {
    shared_.table.busy(idle_ticket_);
    idle_ticket_ = 0;
    if (ec) return on_read_error(ec);
    started_ = std::chrono::steady_clock::now();
    auto& req = parser_->get();
    if (auto refused = framing_problem(req)) {
      shared_.stats.hit(Limit::MalformedRequest);
      return reject(400, *refused);
    }
    const bool expects_continue = beast::iequals(req[bhttp::field::expect], "100-continue") && !parser_->is_done();
    const auto declared = parser_->content_length();  // none: chunked, or no body
    const bool chunked = !declared && !parser_->is_done();
    const std::size_t body = chunked ? shared_.options.max_body : static_cast<std::size_t>(declared.value_or(0));
    if (expects_continue || body > shared_.options.max_unauthenticated_body) {
      // Ask the endpoint before the body costs memory (or the client sends it).
      if (Endpoint* endpoint = shared_.router.find(view(req.target()).substr(0, view(req.target()).find('?')))) {
        if (auto early = endpoint->before_body(request())) {
          shared_.stats.hit(Limit::AnsweredBeforeBody);
          unread_body_ = !expects_continue;
          return respond(std::move(*early), false, req.version(), view(req.method_string()),
                         view(req.target()).substr(0, view(req.target()).find('?')));
        }
      }
    }
    if (body > 0) {
      // All bodies in memory at once stay within --max-body-memory: past it a
      // large request waits for none, it is told to come back.
      std::size_t held = shared_.body_bytes.fetch_add(body);
      body_reserved_ = body;
      if (held + body > shared_.options.max_body_memory && held > 0) {
        Response busy = plain_text(503, "too many large requests at once; try again shortly\n");
        busy.headers.emplace_back("Retry-After", "1");
        busy.outcome = "rejected";
        shared_.stats.hit(Limit::BodyMemoryFull);
        unread_body_ = !expects_continue;
        return respond(std::move(busy), false, req.version(), view(req.method_string()), "-");
      }
    }
    if (expects_continue) {
      // curl and many clients wait for this before sending a larger body.
      continue_.emplace(bhttp::status::continue_, req.version());
      beast::get_lowest_layer(stream_).expires_after(shared_.options.request_timeout);
      bhttp::async_write(stream_, *continue_, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
        if (ec) return self->close();
        self->read_body();
      });
      return;
    }
    read_body();
  }

  // RFC 9112 6.1 and 6.3: a request's Transfer-Encoding must end in chunked,
  // else its length cannot be known (400). The only coding ordergate reads is
  // chunked, so anything but exactly "chunked" is refused, and so is
  // Transfer-Encoding beside Content-Length (a request smuggling pattern).
  static std::optional<std::string> framing_problem(const bhttp::request<bhttp::string_body>& req) {
    std::vector<std::string> codings;
    bool present = false;
    for (const auto& field : req) {
      if (field.name() != bhttp::field::transfer_encoding) continue;
      present = true;
      std::string_view value = view(field.value());
      while (!value.empty()) {
        auto comma = value.find(',');
        std::string_view coding = value.substr(0, comma);
        value = comma == std::string_view::npos ? std::string_view() : value.substr(comma + 1);
        auto b = coding.find_first_not_of(" \t");
        if (b == std::string_view::npos) continue;
        coding = coding.substr(b, coding.find_last_not_of(" \t") - b + 1);
        codings.emplace_back(coding);
      }
    }
    if (!present) return std::nullopt;
    if (codings.size() != 1 || !beast::iequals(codings.front(), "chunked"))
      return "Transfer-Encoding must be chunked alone (RFC 9112 6.3)\n";
    if (req.find(bhttp::field::content_length) != req.end())
      return "Transfer-Encoding and Content-Length must not both be sent (RFC 9112 6.3)\n";
    return std::nullopt;
  }

  void read_body() {
    beast::get_lowest_layer(stream_).expires_after(shared_.options.request_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

  void on_read_error(beast::error_code ec) {
    if (ec == bhttp::error::body_limit) shared_.stats.hit(Limit::BodyTooLarge);
    if (ec == bhttp::error::body_limit)
      return reject(413, "request body larger than " + std::to_string(shared_.options.max_body) + " bytes\n");
    if (ec == bhttp::error::header_limit) shared_.stats.hit(Limit::HeaderTooLarge);
    if (ec == bhttp::error::header_limit) return reject(431, "request header too large\n");
    if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
        ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
      shared_.stats.hit(Limit::MalformedRequest);
      return reject(400, "malformed HTTP request: " + ec.message() + "\n");
    }
    close();  // end of stream, timeout, reset: nobody left to answer
  }

  // The request just read, as the faces see it: it owns its text (the body
  // is moved out of the parser).
  Request request() {
    auto& req = parser_->get();
    Request in;
    in.method = std::string(view(req.method_string()));
    std::string_view target = view(req.target());
    auto q = target.find('?');
    in.path = std::string(target.substr(0, q));
    if (q != std::string_view::npos) in.query = std::string(target.substr(q + 1));
    in.content_type = std::string(view(req[bhttp::field::content_type]));
    auto action = req.find("SOAPAction");
    in.has_soap_action = action != req.end();
    if (in.has_soap_action) in.soap_action = std::string(view(action->value()));
    in.authorization = std::string(view(req[bhttp::field::authorization]));
    in.base_url = base_url_;
    in.body = std::move(req.body());
    in.tls = kTls;
    in.peer = peer_;
    return in;
  }

  void on_read(beast::error_code ec) {
    if (ec) return on_read_error(ec);
    ++shared_.in_flight;
    busy_ = true;
    auto in = std::make_shared<Request>(request());
    std::uint64_t number = ++requests_;
    // The handler's deadline: past it the client gets the endpoint's
    // timed_out() answer and the handler's own answer is dropped.
    handler_timer_.expires_after(shared_.options.handler_timeout);
    handler_timer_.async_wait([self = this->shared_from_this(), in, number](beast::error_code ec) {
      if (ec || self->answered_ >= number) return;
      self->shared_.stats.hit(Limit::HandlerTimeout);
      in->cancel.cancel();
      self->answered_ = number;
      Endpoint* endpoint = self->shared_.router.find(in->path);
      Response late = endpoint ? endpoint->timed_out(*in) : plain_text(503, "timed out\n");
      self->answer(std::move(late), false);
    });
    net::co_spawn(executor(), shared_.router.dispatch(*in),
                  [self = this->shared_from_this(), in, number](std::exception_ptr e, Response out) {
                    if (self->answered_ >= number) {
                      --self->shared_.in_flight;  // answered by the deadline already
                      return;
                    }
                    self->answered_ = number;
                    self->handler_timer_.cancel();
                    if (e) {
                      // The detail is for the operator's log, never for the client.
                      try {
                        std::rethrow_exception(e);
                      } catch (const std::exception& x) {
                        log::error(in->method + " " + in->path + " failed: " + x.what());
                      } catch (...) {
                      }
                      out = plain_text(500, "internal error\n");
                      out.outcome = "internal error";
                    }
                    self->answer(std::move(out), true);
                  });
  }

  // `counted`: the in-flight count still holds this request.
  void answer(Response out, bool counted) {
    if (counted) --shared_.in_flight;
    auto& req = parser_->get();
    bool keep_alive = req.keep_alive() && !shared_.draining.load();
    std::string method(view(req.method_string()));
    std::string target(view(req.target()));
    auto path = target.substr(0, target.find('?'));
    respond(std::move(out), keep_alive, req.version(), method, path);
  }

  void release_body() {
    if (body_reserved_ == 0) return;
    shared_.body_bytes.fetch_sub(body_reserved_);
    body_reserved_ = 0;
  }

  void respond(Response out, bool keep_alive, unsigned version, std::string_view method, std::string_view path) {
    release_body();
    auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started_).count();
    shared_.stats.record(out.face, out.operation, out.outcome, out.status, micros);
    if (shared_.log.enabled())
      shared_.log.write(
          access_line(log::utc_now(), peer_, method, path, out.status, out.face, out.operation, out.outcome, micros));
    response_.emplace(static_cast<bhttp::status>(out.status), version);
    response_->set(bhttp::field::server, "ordergate");
    response_->set(bhttp::field::content_type, out.content_type);
    for (auto& [name, value] : out.headers) response_->set(name, value);
    response_->body() = std::move(out.body);
    response_->keep_alive(keep_alive);
    response_->prepare_payload();
    beast::get_lowest_layer(stream_).expires_after(shared_.options.request_timeout);
    bhttp::async_write(stream_, *response_,
                       [self = this->shared_from_this(), keep_alive](beast::error_code ec, std::size_t) {
                         self->response_.reset();
                         self->busy_ = false;
                         if (ec || !keep_alive) return self->close();
                         self->read_header();
                       });
  }

  // Answers a request we refuse to read (too large, malformed), then closes.
  void reject(int status, std::string text) {
    Response r = plain_text(status, std::move(text));
    r.outcome = "rejected";
    started_ = std::chrono::steady_clock::now();
    respond(std::move(r), false, 11, "-", "-");
  }

  void close() {
    beast::error_code ec;
    if constexpr (kTls) {
      beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(2));
      stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {
        beast::error_code ignored;
        beast::get_lowest_layer(self->stream_).socket().close(ignored);
      });
    } else {
      stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
      if (unread_body_) return discard_then_close();
      stream_.socket().close(ec);
    }
  }

  // The client may still be sending the body we answered without reading:
  // closing with unread bytes would reset the connection, and the reset can
  // destroy our answer before the client reads it. So read and drop what
  // comes, at most 1 MiB and 2 s, then close.
  void discard_then_close() {
    if constexpr (!kTls) {
      if (!scratch_) scratch_ = std::make_unique<std::array<char, 16384>>();
      if (discarded_ == 0) stream_.expires_after(std::chrono::seconds(2));
      stream_.async_read_some(net::buffer(*scratch_),
                              [self = this->shared_from_this()](beast::error_code ec, std::size_t n) {
                                self->discarded_ += n;
                                if (ec || self->discarded_ > (1u << 20)) {
                                  beast::error_code ignored;
                                  self->stream_.socket().close(ignored);
                                  return;
                                }
                                self->discard_then_close();
                              });
    }
  }

  Shared& shared_;
  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::optional<bhttp::response<bhttp::empty_body>> continue_;
  std::optional<bhttp::response<bhttp::string_body>> response_;
  net::steady_timer handler_timer_{beast::get_lowest_layer(stream_).get_executor()};
  std::uint64_t requests_ = 0;     // read on this connection
  std::uint64_t answered_ = 0;     // the last of them answered (by its handler or its deadline)
  bool busy_ = false;              // between reading a request and writing its answer
  std::uint64_t idle_ticket_ = 0;  // in shared_.table while waiting for a request
  std::size_t body_reserved_ = 0;  // this request's share of shared_.body_bytes
  bool unread_body_ = false;       // answered without reading the body the client may be sending
  std::size_t discarded_ = 0;
  std::unique_ptr<std::array<char, 16384>> scratch_;
  std::chrono::steady_clock::time_point started_;
  std::string peer_;
  std::string base_url_;
};

}  // namespace

struct Server::Impl {
  Impl(ServerOptions options, const Router& router, AccessLog& log)
      : shared{std::move(options), router, log}, acceptor(first_context()) {}

  net::io_context& first_context() {
    int n = shared.options.threads > 0 ? shared.options.threads
                                       : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    for (int i = 0; i < n; ++i) {
      contexts.push_back(std::make_unique<net::io_context>(1));
      guards.emplace_back(net::make_work_guard(*contexts.back()));
    }
    return *contexts.front();
  }

  // Waits until connections are pending, then takes every one of them: one
  // accept per pass through the busy first thread's queue drained the backlog
  // slower than 1,000 clients filled it (seconds of wait for newcomers).
  void accept() {
    acceptor.async_wait(tcp::acceptor::wait_read, [this](beast::error_code ec) {
      if (ec == net::error::operation_aborted) return;
      for (;;) {
        net::io_context& target = *contexts[next % contexts.size()];
        tcp::socket socket(target);
        beast::error_code aec;
        acceptor.accept(socket, aec);
        if (aec == net::error::would_block || aec == net::error::try_again) break;
        if (aec == net::error::operation_aborted || aec == net::error::bad_descriptor) return;
        if (aec) {
          // Out of descriptors or memory: back off briefly instead of spinning.
          retry.expires_after(std::chrono::milliseconds(50));
          retry.async_wait([this](beast::error_code e) {
            if (!e) accept();
          });
          return;
        }
        ++next;
        start_session(std::move(socket));
      }
      accept();
    });
  }

  void start_session(tcp::socket socket) {
    beast::error_code ec;
    auto remote = socket.remote_endpoint(ec);
    std::string peer = ec ? std::string("-") : remote.address().to_string();
    auto refuse = [&socket] {
      beast::error_code ignored;
      socket.close(ignored);
    };
    // One address may hold only so many: refused before it costs anything.
    if (!shared.table.admit(peer)) {
      shared.stats.hit(Limit::PerAddressRefused);
      return refuse();
    }
    bool full = shared.connections.load() >= shared.options.max_connections;
    if (full && shared.table.evict_oldest(1) == 1) {
      shared.stats.hit(Limit::ConnectionsEvicted);
    } else if (full) {
      shared.stats.hit(Limit::ConnectionsRefused);
      // Full of connections that are all working on a request: refuse
      // rather than degrade everyone.
      shared.table.release(peer);
      return refuse();
    }
    if (ssl) {
      auto session = std::make_shared<Session<beast::ssl_stream<beast::tcp_stream>>>(shared, std::move(peer),
                                                                                     std::move(socket), *ssl);
      net::post(session->executor(), [session] { session->start(); });
    } else {
      auto session = std::make_shared<Session<beast::tcp_stream>>(shared, std::move(peer), std::move(socket));
      net::post(session->executor(), [session] { session->start(); });
    }
  }

  Shared shared;
  std::vector<std::unique_ptr<net::io_context>> contexts;
  std::vector<net::executor_work_guard<net::io_context::executor_type>> guards;
  tcp::acceptor acceptor;
  net::steady_timer retry{acceptor.get_executor()};
  std::optional<net::ssl::context> ssl;
  std::size_t next = 0;
  std::vector<std::thread> threads;
};

Server::Server(ServerOptions options, const Router& router, AccessLog& log)
    : impl_(std::make_unique<Impl>(std::move(options), router, log)) {
  auto& o = impl_->shared.options;
  if (!o.tls_certificate.empty() || !o.tls_key.empty()) {
    if (o.tls_certificate.empty() || o.tls_key.empty())
      throw std::runtime_error("TLS needs both a certificate and a key");
    impl_->ssl.emplace(net::ssl::context::tls_server);
    impl_->ssl->set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 |
                            net::ssl::context::no_sslv3 | net::ssl::context::no_tlsv1 | net::ssl::context::no_tlsv1_1 |
                            net::ssl::context::single_dh_use);
    impl_->ssl->use_certificate_chain_file(o.tls_certificate);
    impl_->ssl->use_private_key_file(o.tls_key, net::ssl::context::pem);
  }
  tcp::endpoint endpoint(net::ip::make_address(o.host), o.port);
  auto& a = impl_->acceptor;
  a.open(endpoint.protocol());
  a.set_option(net::socket_base::reuse_address(true));
  a.bind(endpoint);
  a.listen(net::socket_base::max_listen_connections);
  a.non_blocking(true);
  impl_->shared.port = a.local_endpoint().port();
}

Server::~Server() {
  stop();
}

unsigned short Server::port() const {
  return impl_->acceptor.local_endpoint().port();
}
std::string Server::metrics() const {
  const auto& sh = impl_->shared;
  std::string out = sh.stats.render();
  auto gauge = [&out](const char* name, const char* help, std::size_t value) {
    out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " gauge\n" + name + " " +
           std::to_string(value) + "\n";
  };
  gauge("ordergate_connections", "Open client connections.", sh.connections.load());
  gauge("ordergate_connections_idle", "Connections waiting for their next request.", sh.table.idle_count());
  gauge("ordergate_requests_in_flight", "Requests read and not yet answered.", sh.in_flight.load());
  gauge("ordergate_request_body_bytes", "Request bytes held for bodies being read or handled.", sh.body_bytes.load());
  return out;
}
Executor Server::executor() const {
  return impl_->contexts.front()->get_executor();
}

bool Server::tls() const {
  return impl_->ssl.has_value();
}

void Server::run() {
  impl_->accept();
  for (std::size_t i = 1; i < impl_->contexts.size(); ++i)
    impl_->threads.emplace_back([ctx = impl_->contexts[i].get()] { ctx->run(); });
  impl_->contexts.front()->run();
  for (auto& t : impl_->threads) t.join();
  impl_->threads.clear();
}

bool Server::draining() const {
  return impl_->shared.draining.load();
}

std::size_t Server::in_flight() const {
  return impl_->shared.in_flight.load();
}

void Server::drain(std::chrono::milliseconds grace) {
  impl_->shared.draining = true;
  net::post(*impl_->contexts.front(), [impl = impl_.get()] {
    beast::error_code ec;
    impl->acceptor.close(ec);
  });
  auto until = std::chrono::steady_clock::now() + grace;
  while (impl_->shared.in_flight.load() > 0 && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  // The last answers are being written: a moment for them to leave.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  stop();
}

void Server::stop() {
  net::post(*impl_->contexts.front(), [impl = impl_.get()] {
    beast::error_code ec;
    impl->acceptor.close(ec);
  });
  for (auto& g : impl_->guards) g.reset();
  for (auto& c : impl_->contexts) c->stop();
}

}  // namespace og::http
