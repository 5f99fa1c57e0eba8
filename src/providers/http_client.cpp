#include "providers/http_client.hpp"

#include "log/log.hpp"

#include <cstdio>
#include <utility>  // before Boost: asio 1.74's awaitable.hpp uses std::exchange without it

#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <sys/socket.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace og::providers {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;
using Strand = net::strand<net::any_io_executor>;

// ---- small values -----------------------------------------------------------

std::string_view to_string(HttpError error) {
  switch (error) {
    case HttpError::None: return "none";
    case HttpError::Timeout: return "timeout";
    case HttpError::Unreachable: return "unreachable";
    case HttpError::Tls: return "tls";
    case HttpError::Protocol: return "protocol";
    case HttpError::TooLarge: return "too-large";
    case HttpError::Cancelled: return "cancelled";
    case HttpError::Overloaded: return "overloaded";
    case HttpError::BadUrl: return "bad-url";
    case HttpError::BadRequest: return "bad-request";
  }
  return "unknown";
}

namespace {

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

// RFC 9110 token characters: what a method or a header name may consist of.
bool is_token(std::string_view s) {
  if (s.empty()) return false;
  for (unsigned char c : s) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

// A header value may not end the line early: CR, LF or NUL would let a value smuggle in headers of its own.
bool is_field_value(std::string_view s) {
  for (unsigned char c : s)
    if ((c < 0x20 && c != '\t') || c == 0x7f) return false;
  return true;
}

}  // namespace

std::optional<std::string_view> HttpResponse::header(std::string_view name) const {
  for (auto& [n, v] : headers)
    if (iequal(n, name)) return std::string_view(v);
  return std::nullopt;
}

// ---- CancelToken --------------------------------------------------------------

// ---- the client ---------------------------------------------------------------

namespace {

// Where a URL points, and the pool it belongs to.
struct Target {
  bool tls = false;
  std::string host;  // lower case, IPv6 without brackets
  std::uint16_t port = 0;
  std::optional<net::ip::address> address;  // a numeric host needs no resolver
  std::string path;                         // origin-form: /path?query
  std::string host_header;
  std::string key;  // scheme://host:port: one pool each
};

std::optional<Target> parse_url(std::string_view url, std::string& why) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) {
    why = "no scheme";
    return std::nullopt;
  }
  Target t;
  std::string scheme;
  for (char c : url.substr(0, scheme_end)) scheme += lower(c);
  if (scheme == "https") {
    t.tls = true;
  } else if (scheme != "http") {
    why = "scheme '" + scheme + "' is neither http nor https";
    return std::nullopt;
  }
  std::string_view rest = url.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find('#'));  // a fragment is never sent
  auto authority_end = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, authority_end);
  std::string_view path = authority_end == std::string_view::npos ? std::string_view() : rest.substr(authority_end);
  // Credentials in a URL end up in logs; an Authorization header does not.
  if (authority.find('@') != std::string_view::npos) {
    why = "user info in the URL (send an Authorization header instead)";
    return std::nullopt;
  }
  std::string_view host, port;
  bool bracketed = false;
  if (authority.starts_with('[')) {
    auto close = authority.find(']');
    if (close == std::string_view::npos) {
      why = "unclosed IPv6 literal";
      return std::nullopt;
    }
    host = authority.substr(1, close - 1);
    bracketed = true;
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after[0] != ':') {
        why = "junk after the IPv6 literal";
        return std::nullopt;
      }
      port = after.substr(1);
    }
  } else {
    auto colon = authority.find(':');
    host = authority.substr(0, colon);
    if (colon != std::string_view::npos) port = authority.substr(colon + 1);
  }
  if (host.empty()) {
    why = "no host";
    return std::nullopt;
  }
  for (char c : host) t.host += lower(c);
  if (bracketed) {
    beast::error_code ec;
    auto v6 = net::ip::make_address_v6(t.host, ec);
    if (ec) {
      why = "bad IPv6 literal";
      return std::nullopt;
    }
    t.address = v6;
  } else {
    for (char c : t.host) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
      if (!ok) {
        why = "bad character in host";
        return std::nullopt;
      }
    }
    beast::error_code ec;
    auto v4 = net::ip::make_address_v4(t.host, ec);
    if (!ec) t.address = v4;
  }
  unsigned long number = t.tls ? 443 : 80;
  if (!port.empty()) {
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), number);
    if (ec != std::errc() || end != port.data() + port.size() || number == 0 || number > 65535) {
      why = "bad port";
      return std::nullopt;
    }
  }
  t.port = static_cast<std::uint16_t>(number);
  // A space or control character in the target would split the request line.
  for (unsigned char c : path) {
    if (c <= 0x20 || c == 0x7f) {
      why = "unencoded space or control character in path or query";
      return std::nullopt;
    }
  }
  t.path = path.empty() ? "/" : path.starts_with('?') ? "/" + std::string(path) : std::string(path);
  std::string shown_host = bracketed ? "[" + t.host + "]" : t.host;
  bool default_port = t.port == (t.tls ? 443 : 80);
  t.host_header = default_port ? shown_host : shown_host + ":" + std::to_string(t.port);
  t.key = (t.tls ? "https://" : "http://") + shown_host + ":" + std::to_string(t.port);
  return t;
}

struct Counters {
  std::atomic<std::uint64_t> requests{0}, opened{0}, reused{0}, retries{0}, timeouts{0}, failures{0};
  std::atomic<std::size_t> live{0}, idle{0}, waiting{0}, peak{0};
};

// One keep-alive connection. Owned by its pool while idle, by one exchange while in use.
struct Connection {
  Connection(const Strand& strand, net::ssl::context* tls, std::shared_ptr<Counters> c) : counters(std::move(c)) {
    if (tls)
      tls_stream.emplace(strand, *tls);
    else
      plain.emplace(strand);
  }
  ~Connection() {
    if (counted) --counters->live;
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  beast::tcp_stream& lowest() { return tls_stream ? beast::get_lowest_layer(*tls_stream) : *plain; }
  void close() { lowest().close(); }

  // An idle HTTP/1.1 connection has nothing to say: end of stream means the peer closed it, and bytes mean it
  // sent something unasked (a 408, garbage). Either way it cannot carry the next request. A non-blocking peek
  // notices before we write, instead of after a failed exchange.
  bool still_quiet() {
    if (buffer.size() != 0) return false;
    auto& socket = lowest().socket();
    if (!socket.is_open()) return false;
    char byte;
    ssize_t n = ::recv(socket.native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
  }

  std::optional<beast::tcp_stream> plain;
  std::optional<beast::ssl_stream<beast::tcp_stream>> tls_stream;
  beast::flat_buffer buffer;
  Clock::time_point idle_since;
  bool counted = false;  // in counters->live
  std::shared_ptr<Counters> counters;
};

// A request queued for a connection to a host at its limit. Woken by cancelling its timer, which otherwise
// expires at the exchange's deadline.
struct Waiter {
  explicit Waiter(const Strand& strand) : timer(strand) {}
  enum class State { Waiting, GotConnection, GotSlot, Aborted } state = State::Waiting;
  net::steady_timer timer;
  std::shared_ptr<Connection> connection;
  bool fresh = false;  // a retry: wants a new connection, not a kept-alive one
};

struct HostPool {
  std::string key;
  std::size_t count = 0;                          // connections open or being opened: in use, idle, connecting
  std::vector<std::shared_ptr<Connection>> idle;  // LIFO: the back is the most recently used, the warmest
  std::deque<std::shared_ptr<Waiter>> waiting;    // FIFO
};

// What the client knows about one running send(), so cancel() and shutdown() can end it.
struct Exchange {
  bool aborted = false;
  std::string abort_detail;
  std::shared_ptr<Waiter> waiter;
  std::shared_ptr<Connection> connection;
  std::weak_ptr<tcp::resolver> resolver;
};

// The outcome of one step of an exchange.
struct Step {
  HttpError error = HttpError::None;
  std::string detail;
  bool ok() const { return error == HttpError::None; }
};

Step fail(HttpError error, std::string detail) {
  return {error, std::move(detail)};
}

// A slot in a host's pool, with the connection if one is open.
struct Lease {
  std::shared_ptr<HostPool> pool;
  std::shared_ptr<Connection> connection;
};

}  // namespace

struct HttpClient::Impl : std::enable_shared_from_this<HttpClient::Impl> {
  Impl(net::any_io_executor executor, HttpClientOptions o)
      : strand(net::make_strand(executor)),
        options(std::move(o)),
        tls(net::ssl::context::tls_client),
        counters(std::make_shared<Counters>()),
        sweeper(strand) {
    if (options.max_connections_per_host == 0) options.max_connections_per_host = 1;
    tls.set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 | net::ssl::context::no_sslv3 |
                    net::ssl::context::no_tlsv1 | net::ssl::context::no_tlsv1_1);
    tls.set_default_verify_paths();
    if (!options.ca_file.empty()) {
      beast::error_code ec;
      tls.load_verify_file(options.ca_file, ec);
      if (ec) throw std::runtime_error("HTTP client: cannot load CA file " + options.ca_file + ": " + ec.message());
    }
    tls.set_verify_mode(options.verify_peer ? net::ssl::verify_peer : net::ssl::verify_none);
  }

  static net::awaitable<HttpResult> run(std::shared_ptr<Impl> self, HttpRequest request, CancelToken cancel);
  net::awaitable<Step> exchange(HttpRequest& request, CancelToken& cancel, HttpResponse& response);
  net::awaitable<Step> acquire(Exchange& ex, const Target& t, Clock::time_point deadline, bool fresh, Lease& lease);
  net::awaitable<Step> open(Exchange& ex, const Target& t, Clock::time_point deadline, Lease& lease);
  template <class Stream>
  net::awaitable<Step> round_trip(Stream& stream, Connection& c, const bhttp::request<bhttp::string_body>& req,
                                  const Target& t, Clock::time_point deadline, HttpResponse& out, bool& keep_alive,
                                  bool& answered);

  void release(Lease& lease, bool reusable);
  std::shared_ptr<Waiter> next_waiter(HostPool& pool);
  void put_idle(HostPool& pool, std::shared_ptr<Connection> c);
  std::shared_ptr<Connection> take_idle(HostPool& pool, bool oldest);
  void forget_if_empty(const std::shared_ptr<HostPool>& pool);
  void arm_sweeper();
  void sweep();
  void abort(Exchange& ex, std::string detail);
  void close_all();

  Strand strand;
  HttpClientOptions options;
  net::ssl::context tls;
  std::shared_ptr<Counters> counters;
  // Everything below is touched only on `strand`.
  std::unordered_map<std::string, std::shared_ptr<HostPool>> pools;
  std::unordered_set<Exchange*> exchanges;
  net::steady_timer sweeper;
  bool sweeping = false;
  bool shut_down = false;
};

// ---- pool ---------------------------------------------------------------------

void HttpClient::Impl::put_idle(HostPool& pool, std::shared_ptr<Connection> c) {
  c->idle_since = Clock::now();
  pool.idle.push_back(std::move(c));
  ++counters->idle;
  arm_sweeper();
}

std::shared_ptr<Connection> HttpClient::Impl::take_idle(HostPool& pool, bool oldest) {
  std::shared_ptr<Connection> c;
  if (oldest) {
    c = std::move(pool.idle.front());
    pool.idle.erase(pool.idle.begin());
  } else {
    c = std::move(pool.idle.back());
    pool.idle.pop_back();
  }
  --counters->idle;
  return c;
}

std::shared_ptr<Waiter> HttpClient::Impl::next_waiter(HostPool& pool) {
  while (!pool.waiting.empty()) {
    auto w = std::move(pool.waiting.front());
    pool.waiting.pop_front();
    --counters->waiting;
    if (w->state == Waiter::State::Waiting) return w;
  }
  return nullptr;
}

void HttpClient::Impl::forget_if_empty(const std::shared_ptr<HostPool>& pool) {
  // Pools of hosts no longer talked to would otherwise pile up for the life of the process.
  if (pool->count == 0 && pool->waiting.empty()) {
    auto it = pools.find(pool->key);
    if (it != pools.end() && it->second == pool) pools.erase(it);
  }
}

// Gives the lease back: a healthy connection to the first waiter or to the idle list, a dead one's slot to the
// first waiter or back to the pool.
void HttpClient::Impl::release(Lease& lease, bool reusable) {
  auto pool = std::move(lease.pool);
  auto c = std::move(lease.connection);
  if (!pool) return;
  if (c && reusable && !shut_down) {
    if (auto w = next_waiter(*pool)) {
      if (w->fresh) {
        c->close();
        w->state = Waiter::State::GotSlot;
      } else {
        w->connection = std::move(c);
        w->state = Waiter::State::GotConnection;
      }
      w->timer.cancel();
      return;
    }
    put_idle(*pool, std::move(c));
    return;
  }
  if (c) c->close();
  if (auto w = next_waiter(*pool)) {
    w->state = Waiter::State::GotSlot;
    w->timer.cancel();
    return;
  }
  --pool->count;
  forget_if_empty(pool);
}

// Takes a slot in the host's pool (lease.pool set), with a kept-alive connection when one is there (lease.connection
// set); or fails without holding anything.
net::awaitable<Step> HttpClient::Impl::acquire(Exchange& ex, const Target& t, Clock::time_point deadline, bool fresh,
                                               Lease& lease) {
  auto& slot = pools[t.key];
  if (!slot) {
    slot = std::make_shared<HostPool>();
    slot->key = t.key;
  }
  auto pool = slot;
  if (!fresh) {
    while (!pool->idle.empty()) {
      auto c = take_idle(*pool, false);
      if (Clock::now() - c->idle_since < options.idle_keepalive && c->still_quiet()) {
        lease.pool = pool;
        lease.connection = std::move(c);
        co_return Step{};
      }
      c->close();
      --pool->count;
    }
  }
  if (pool->count < options.max_connections_per_host) {
    ++pool->count;
    if (pool->count > counters->peak.load()) counters->peak.store(pool->count);
    lease.pool = pool;
    co_return Step{};
  }
  if (fresh && !pool->idle.empty()) {
    // A retry after a stale connection: the oldest idle one is the likeliest to be stale too; its slot serves.
    take_idle(*pool, true)->close();
    lease.pool = pool;
    co_return Step{};
  }
  if (pool->waiting.size() >= options.max_waiting_per_host)
    co_return fail(HttpError::Overloaded, std::to_string(pool->waiting.size()) + " requests already wait for " + t.key);
  auto waiter = std::make_shared<Waiter>(strand);
  waiter->fresh = fresh;
  waiter->timer.expires_at(deadline);
  pool->waiting.push_back(waiter);
  ++counters->waiting;
  ex.waiter = waiter;
  auto since = Clock::now();
  beast::error_code ec;
  co_await waiter->timer.async_wait(net::redirect_error(net::use_awaitable, ec));
  ex.waiter.reset();
  auto queued = pool->waiting.size();
  std::erase(pool->waiting, waiter);
  if (pool->waiting.size() != queued) --counters->waiting;
  switch (waiter->state) {
    case Waiter::State::GotConnection:
    case Waiter::State::GotSlot:
      lease.pool = pool;
      lease.connection = std::move(waiter->connection);
      if (ex.aborted) {
        release(lease, true);
        co_return fail(HttpError::Cancelled, ex.abort_detail);
      }
      if (Clock::now() >= deadline) {
        // Woken by a release just as the deadline passed: pass the connection on rather than waste it.
        release(lease, true);
        break;
      }
      co_return Step{};
    case Waiter::State::Aborted: co_return fail(HttpError::Cancelled, ex.abort_detail);
    case Waiter::State::Waiting: break;
  }
  auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - since).count();
  co_return fail(HttpError::Timeout, "waited " + std::to_string(waited) + " ms for a connection to " + t.key + " (" +
                                         std::to_string(options.max_connections_per_host) + " busy)");
}

void HttpClient::Impl::arm_sweeper() {
  if (sweeping || shut_down) return;
  std::optional<Clock::time_point> first;
  for (auto& [key, pool] : pools)
    if (!pool->idle.empty()) {
      auto at = pool->idle.front()->idle_since + options.idle_keepalive;
      if (!first || at < *first) first = at;
    }
  if (!first) return;
  sweeping = true;
  sweeper.expires_at(*first);
  sweeper.async_wait([weak = weak_from_this()](beast::error_code ec) {
    auto self = weak.lock();
    if (!self) return;
    self->sweeping = false;
    if (!ec) self->sweep();
  });
}

// Closes idle connections past idle_keepalive, and those the peer has closed, so their sockets do not linger
// until the next request to that host.
void HttpClient::Impl::sweep() {
  auto now = Clock::now();
  std::vector<std::shared_ptr<HostPool>> emptied;
  for (auto& [key, pool] : pools) {
    auto& idle = pool->idle;
    auto before = idle.size();
    std::erase_if(idle, [&](const std::shared_ptr<Connection>& c) {
      if (now - c->idle_since < options.idle_keepalive && c->still_quiet()) return false;
      c->close();
      return true;
    });
    auto closed = before - idle.size();
    pool->count -= closed;
    counters->idle -= closed;
    if (pool->count == 0) emptied.push_back(pool);
  }
  for (auto& pool : emptied) forget_if_empty(pool);
  arm_sweeper();
}

void HttpClient::Impl::abort(Exchange& ex, std::string detail) {
  if (ex.aborted) return;
  ex.aborted = true;
  ex.abort_detail = std::move(detail);
  if (ex.waiter && ex.waiter->state == Waiter::State::Waiting) {
    ex.waiter->state = Waiter::State::Aborted;
    ex.waiter->timer.cancel();
  }
  if (auto r = ex.resolver.lock()) r->cancel();
  // Closing fails the pending operation and any later one; a connection that was cut mid-exchange is never
  // pooled again (the exchange sees `aborted`).
  if (ex.connection) ex.connection->close();
}

void HttpClient::Impl::close_all() {
  shut_down = true;
  for (auto* ex : exchanges) abort(*ex, "the HTTP client was shut down");
  std::vector<std::shared_ptr<HostPool>> all;
  for (auto& [key, pool] : pools) all.push_back(pool);
  for (auto& pool : all) {
    while (!pool->idle.empty()) {
      take_idle(*pool, false)->close();
      --pool->count;
    }
    forget_if_empty(pool);
  }
  sweeper.cancel();
}

// ---- one exchange ---------------------------------------------------------------

net::awaitable<Step> HttpClient::Impl::open(Exchange& ex, const Target& t, Clock::time_point deadline, Lease& lease) {
  auto c = std::make_shared<Connection>(strand, t.tls ? &tls : nullptr, counters);
  lease.connection = c;
  ex.connection = c;
  beast::error_code ec;
  std::vector<tcp::endpoint> endpoints;
  if (t.address) {
    endpoints.emplace_back(*t.address, t.port);
  } else {
    // Asio resolves on a thread of its own; the resolver has no deadline of its own, so a timer cancels it.
    auto resolver = std::make_shared<tcp::resolver>(strand);
    ex.resolver = resolver;
    net::steady_timer guard(strand);
    guard.expires_at(deadline);
    guard.async_wait([weak = std::weak_ptr<tcp::resolver>(resolver)](beast::error_code e) {
      if (e) return;
      if (auto r = weak.lock()) r->cancel();
    });
    auto results =
        co_await resolver->async_resolve(t.host, std::to_string(t.port), net::redirect_error(net::use_awaitable, ec));
    guard.cancel();
    if (ex.aborted) co_return fail(HttpError::Cancelled, ex.abort_detail);
    if (ec && Clock::now() >= deadline) co_return fail(HttpError::Timeout, "resolving " + t.host);
    if (ec) co_return fail(HttpError::Unreachable, "resolving " + t.host + ": " + ec.message());
    for (auto& entry : results) endpoints.push_back(entry.endpoint());
  }
  auto& socket_stream = c->lowest();
  socket_stream.expires_at(deadline);
  co_await socket_stream.async_connect(endpoints, net::redirect_error(net::use_awaitable, ec));
  if (ex.aborted) co_return fail(HttpError::Cancelled, ex.abort_detail);
  if (ec == beast::error::timeout || (ec && Clock::now() >= deadline))
    co_return fail(HttpError::Timeout, "connecting to " + t.key);
  if (ec) co_return fail(HttpError::Unreachable, "connecting to " + t.key + ": " + ec.message());
  c->counted = true;
  ++counters->live;
  beast::error_code ignored;
  socket_stream.socket().set_option(tcp::no_delay(true), ignored);
  if (t.tls) {
    SSL* ssl = c->tls_stream->native_handle();
    // SNI carries host names only (RFC 6066); a numeric host is checked against the certificate's IP entries.
    if (!t.address) SSL_set_tlsext_host_name(ssl, t.host.c_str());
    if (options.verify_peer) {
      int set = t.address ? X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), t.host.c_str())
                          : SSL_set1_host(ssl, t.host.c_str());
      if (set != 1) co_return fail(HttpError::Tls, "cannot set up host name verification for " + t.host);
    }
    socket_stream.expires_at(deadline);
    co_await c->tls_stream->async_handshake(net::ssl::stream_base::client, net::redirect_error(net::use_awaitable, ec));
    if (ex.aborted) co_return fail(HttpError::Cancelled, ex.abort_detail);
    if (ec == beast::error::timeout || (ec && Clock::now() >= deadline))
      co_return fail(HttpError::Timeout, "TLS handshake with " + t.key);
    if (ec) {
      std::string why = "TLS handshake with " + t.key + ": " + ec.message();
      long verify = SSL_get_verify_result(ssl);
      if (verify != X509_V_OK) why += " (" + std::string(X509_verify_cert_error_string(verify)) + ")";
      co_return fail(HttpError::Tls, why);
    }
  }
  ++counters->opened;
  co_return Step{};
}

template <class Stream>
net::awaitable<Step> HttpClient::Impl::round_trip(Stream& stream, Connection& c,
                                                  const bhttp::request<bhttp::string_body>& req, const Target& t,
                                                  Clock::time_point deadline, HttpResponse& out, bool& keep_alive,
                                                  bool& answered) {
  auto failed = [&](beast::error_code ec, const char* doing) {
    if (ec == beast::error::timeout || Clock::now() >= deadline)
      return fail(HttpError::Timeout, std::string(doing) + " " + t.key);
    if (ec == bhttp::error::body_limit)
      return fail(HttpError::TooLarge,
                  "answer body from " + t.key + " exceeds " + std::to_string(options.max_response_body) + " bytes");
    if (ec == bhttp::error::header_limit)
      return fail(HttpError::TooLarge,
                  "answer header from " + t.key + " exceeds " + std::to_string(options.max_response_header) + " bytes");
    if (ec.category() == net::error::get_ssl_category())
      return fail(HttpError::Tls, std::string(doing) + " " + t.key + ": " + ec.message());
    return fail(HttpError::Protocol, std::string(doing) + " " + t.key + ": " + ec.message());
  };
  beast::error_code ec;
  c.lowest().expires_at(deadline);
  co_await bhttp::async_write(stream, req, net::redirect_error(net::use_awaitable, ec));
  if (ec) co_return failed(ec, "writing to");
  bool head = req.method() == bhttp::verb::head;
  // 1xx answers (other than 101, which we never ask for) precede the real one; each is bounded by the deadline.
  for (;;) {
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(options.max_response_body);
    parser.header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(options.max_response_header, UINT32_MAX)));
    if (head) parser.skip(true);
    c.lowest().expires_at(deadline);
    // The header first, on its own: Beast 1.74's eager body parsing (what async_read does) forgets a
    // Content-Length over body_limit when body bytes arrive in the same read as the header, and reads on.
    // Parsing the header without eagerness reports body_limit before any body byte is taken.
    co_await bhttp::async_read_header(stream, c.buffer, parser, net::redirect_error(net::use_awaitable, ec));
    if (!ec && !parser.is_done())
      co_await bhttp::async_read(stream, c.buffer, parser, net::redirect_error(net::use_awaitable, ec));
    answered = answered || parser.got_some() || c.buffer.size() != 0;
    if (ec == net::ssl::error::stream_truncated && parser.is_header_done() && parser.need_eof()) {
      // Many TLS servers end a close-delimited body without close_notify; the body's end is still the TCP end.
      parser.put_eof(ec);
      if (!ec && !parser.is_done()) ec = bhttp::error::partial_message;
    }
    if (ec) co_return failed(ec, "reading the answer from");
    auto& msg = parser.get();
    int status = static_cast<int>(msg.result_int());
    if (status >= 100 && status < 200 && status != 101) continue;
    out.status = status;
    out.headers.reserve(std::distance(msg.begin(), msg.end()));
    for (auto& field : msg) out.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    out.body = std::move(msg.body());
    keep_alive = req.keep_alive() && msg.keep_alive() && !parser.need_eof();
    co_return Step{};
  }
}

net::awaitable<Step> HttpClient::Impl::exchange(HttpRequest& request, CancelToken& cancel, HttpResponse& response) {
  if (shut_down) co_return fail(HttpError::Cancelled, "the HTTP client was shut down");
  if (cancel.cancelled()) co_return fail(HttpError::Cancelled, "cancelled before it started");
  std::string why;
  auto target = parse_url(request.url, why);
  if (!target) co_return fail(HttpError::BadUrl, why);
  if (!is_token(request.method)) co_return fail(HttpError::BadRequest, "method is not an HTTP token");
  bhttp::request<bhttp::string_body> req;
  req.version(11);
  req.method_string(request.method);
  req.target(target->path);
  req.set(bhttp::field::host, target->host_header);
  req.set(bhttp::field::user_agent, options.user_agent);
  for (auto& [name, value] : request.headers) {
    // The detail names the header only when the name itself is clean: it goes to logs.
    if (!is_token(name)) co_return fail(HttpError::BadRequest, "a header name is not an HTTP token");
    if (!is_field_value(value))
      co_return fail(HttpError::BadRequest, "header " + name + " has a control character (CR, LF, NUL) in its value");
    // The body's framing is ours: a caller's Content-Length or Transfer-Encoding could contradict it.
    if (iequal(name, "content-length") || iequal(name, "transfer-encoding")) continue;
    if (iequal(name, "host") || iequal(name, "user-agent"))
      req.set(name, value);
    else
      req.insert(name, value);
  }
  req.body() = std::move(request.body);
  req.prepare_payload();

  auto deadline = Clock::now() + request.timeout;
  if (request.timeout.count() <= 0) co_return fail(HttpError::Timeout, "no time given");

  auto ex = std::make_shared<Exchange>();
  exchanges.insert(ex.get());
  struct Forget {
    Impl* impl;
    Exchange* ex;
    ~Forget() { impl->exchanges.erase(ex); }
  } forget{this, ex.get()};
  auto subscription = cancel.on_cancel([weak = std::weak_ptr<Exchange>(ex), self = weak_from_this(), s = strand] {
    net::post(s, [weak, self] {
      auto impl = self.lock();
      auto e = weak.lock();
      if (impl && e) impl->abort(*e, "cancelled by the caller");
    });
  });

  for (bool retried = false;;) {
    Lease lease;
    Step step;
    bool reused = false, keep_alive = false, answered = false;
    try {
      step = co_await acquire(*ex, *target, deadline, retried, lease);
      if (!step.ok()) co_return step;
      reused = lease.connection != nullptr;
      if (reused) {
        ++counters->reused;
      } else {
        step = co_await open(*ex, *target, deadline, lease);
        ex->connection.reset();
        if (!step.ok()) {
          release(lease, false);
          co_return step;
        }
      }
      if (ex->aborted) {
        release(lease, false);
        co_return fail(HttpError::Cancelled, ex->abort_detail);
      }
      auto c = lease.connection;
      ex->connection = c;
      if (c->tls_stream)
        step = co_await round_trip(*c->tls_stream, *c, req, *target, deadline, response, keep_alive, answered);
      else
        step = co_await round_trip(*c->plain, *c, req, *target, deadline, response, keep_alive, answered);
      ex->connection.reset();
    } catch (...) {
      // Only allocation can throw here; the slot must still go back, or the host would lose it for good.
      ex->connection.reset();
      release(lease, false);
      throw;
    }
    if (ex->aborted) {
      release(lease, false);
      co_return fail(HttpError::Cancelled, ex->abort_detail);
    }
    release(lease, step.ok() && keep_alive);
    if (step.ok()) co_return step;
    // A kept-alive connection that fails before a single byte of answer was most likely closed by the peer
    // while idle, after our liveness check: the request never got there, and a fresh connection will do.
    // Only the caller knows whether sending twice is harmless.
    bool stale = reused && !answered && step.error == HttpError::Protocol;
    if (stale && request.idempotent && !retried && Clock::now() < deadline) {
      retried = true;
      ++counters->retries;
      response = HttpResponse{};
      continue;
    }
    if (stale && !request.idempotent) step.detail += " (kept-alive connection; not retried: request not idempotent)";
    co_return step;
  }
}

net::awaitable<HttpResult> HttpClient::Impl::run(std::shared_ptr<Impl> self, HttpRequest request, CancelToken cancel) {
  ++self->counters->requests;
  HttpResult result;
  try {
    auto step = co_await self->exchange(request, cancel, result.response);
    result.error = step.error;
    result.detail = std::move(step.detail);
  } catch (const std::exception& e) {
    // Nothing above throws by design (errors travel as error codes); memory exhaustion still could.
    // The detail can reach a hub client (an item's message): the text goes to the log only.
    log::error(std::string("outbound HTTP exchange failed: ") + e.what());
    result.error = HttpError::Protocol;
    result.detail = "internal error";
  }
  if (!result.ok()) {
    result.response = HttpResponse{};
    ++self->counters->failures;
    if (result.error == HttpError::Timeout) ++self->counters->timeouts;
  }
  co_return result;
}

// ---- public face --------------------------------------------------------------------

HttpClient::HttpClient(net::any_io_executor executor, HttpClientOptions options)
    : impl_(std::make_shared<Impl>(std::move(executor), std::move(options))) {}

HttpClient::~HttpClient() {
  shutdown();
}

net::awaitable<HttpResult> HttpClient::send(HttpRequest request, CancelToken cancel) {
  HttpResult result;
  try {
    // The exchange runs on the strand that owns the pools; co_spawn's completion resumes us on our own executor.
    result = co_await net::co_spawn(impl_->strand, Impl::run(impl_, std::move(request), std::move(cancel)),
                                    net::use_awaitable);
  } catch (const std::exception& e) {
    log::error(std::string("outbound HTTP request failed: ") + e.what());
    result.error = HttpError::Protocol;
    result.detail = "internal error";
  }
  co_return result;
}

HttpClient::Stats HttpClient::stats() const {
  auto& c = *impl_->counters;
  Stats s;
  s.requests = c.requests.load();
  s.connections_opened = c.opened.load();
  s.connections_reused = c.reused.load();
  s.retries = c.retries.load();
  s.timeouts = c.timeouts.load();
  s.failures = c.failures.load();
  s.live_connections = c.live.load();
  s.idle_connections = c.idle.load();
  s.waiting = c.waiting.load();
  s.peak_connections_per_host = c.peak.load();
  return s;
}

void HttpClient::shutdown() {
  net::post(impl_->strand, [impl = impl_] { impl->close_all(); });
}

}  // namespace og::providers
