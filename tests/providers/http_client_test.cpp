// The outbound HTTP client against real peers: the ordergate binary (plain and
// TLS) where the peer is ordergate, and scripted loopback acceptors for the
// failure modes ordergate never shows (silence, garbage, truncation, oversized
// answers, stale keep-alive connections). Callers are coroutines on a
// two-thread io_context; the client lives on a one-thread io_context of its
// own, so every test also crosses executors the way providers will.
#include <cppunit/extensions/HelperMacros.h>

#include <utility>  // before Boost: asio 1.74's awaitable.hpp uses std::exchange without it

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <future>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "providers/http_client.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "support/xml_check.hpp"

namespace og::test {

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace pv = og::providers;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// samples/veloconnect/xml-post/010-get-profile.request.xml
const std::string kGetProfile =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<vcp:GetProfileRequest xmlns:vcp=\"urn:veloconnect:profile-1.1\" "
    "xmlns:vct=\"urn:veloconnect:transaction-1.0\">\n"
    "  <vct:BuyersID>B127645</vct:BuyersID>\n"
    "  <vct:Credential>\n"
    "    <vct:Password>secret</vct:Password>\n"
    "  </vct:Credential>\n"
    "</vcp:GetProfileRequest>\n";

// An io_context with threads of its own, stopped and joined at scope exit.
class Loop {
 public:
  explicit Loop(int threads) : guard_(net::make_work_guard(io_)) {
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { io_.run(); });
  }
  ~Loop() {
    // Let what is still queued (a client's shutdown) finish, but never hang a test run on it.
    guard_.reset();
    for (int i = 0; i < 250 && !io_.stopped(); ++i) std::this_thread::sleep_for(20ms);
    io_.stop();
    for (auto& t : threads_) t.join();
  }
  net::any_io_executor executor() { return io_.get_executor(); }
  std::set<std::thread::id> thread_ids() const {
    std::set<std::thread::id> ids;
    for (auto& t : threads_) ids.insert(t.get_id());
    return ids;
  }

 private:
  net::io_context io_;
  net::executor_work_guard<net::io_context::executor_type> guard_;
  std::vector<std::thread> threads_;
};

// Runs an awaitable on `ex`; the future holds its result.
template <class T>
std::future<T> start(net::any_io_executor ex, net::awaitable<T> work) {
  auto promise = std::make_shared<std::promise<T>>();
  auto future = promise->get_future();
  net::co_spawn(ex, std::move(work), [promise](std::exception_ptr e, T value) {
    if (e)
      promise->set_exception(e);
    else
      promise->set_value(std::move(value));
  });
  return future;
}

struct Outcome {
  pv::HttpResult result;
  Clock::duration took{};
  std::thread::id resumed_on;
};

net::awaitable<Outcome> timed_send(pv::HttpClient& client, pv::HttpRequest request, pv::CancelToken cancel) {
  auto began = Clock::now();
  Outcome out;
  out.result = co_await client.send(std::move(request), std::move(cancel));
  out.took = Clock::now() - began;
  out.resumed_on = std::this_thread::get_id();
  co_return out;
}

bool ready(const std::future<Outcome>& f) {
  return f.wait_for(0s) == std::future_status::ready;
}

// Polls until `condition` holds; false after `limit`.
bool eventually(const std::function<bool()>& condition, Clock::duration limit = 10s) {
  auto until = Clock::now() + limit;
  while (Clock::now() < until) {
    if (condition()) return true;
    std::this_thread::sleep_for(5ms);
  }
  return condition();
}

std::string describe(const pv::HttpResult& r) {
  return std::string(pv::to_string(r.error)) + " status " + std::to_string(r.response.status) + " " + r.detail;
}

// Evaluates `result` once (it is often a whole exchange).
#define ASSERT_ERROR(expected, result)                                                 \
  do {                                                                                 \
    pv::HttpResult got_ = (result);                                                    \
    CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(got_), std::string(pv::to_string(expected)), \
                                 std::string(pv::to_string(got_.error)));              \
  } while (false)

pv::HttpRequest get(std::string url, std::chrono::milliseconds timeout = 10s) {
  pv::HttpRequest r;
  r.method = "GET";
  r.url = std::move(url);
  r.timeout = timeout;
  r.idempotent = true;
  return r;
}

pv::HttpRequest get_profile(std::string url) {
  pv::HttpRequest r;
  r.url = std::move(url);
  r.headers = {{"Content-Type", "application/xml; charset=utf-8"}};
  r.body = kGetProfile;
  return r;
}

std::string response_code(const pv::HttpResult& r) {
  return first_text(r.response.body, "ResponseCode").value_or("none");
}

// ---- scripted loopback peers ----------------------------------------------------

// A loopback acceptor that runs a scripted conversation on every connection it accepts, on a thread of its own.
class RawServer {
 public:
  using Script = std::function<net::awaitable<void>(tcp::socket&, RawServer&)>;

  explicit RawServer(Script script)
      : script_(std::move(script)), acceptor_(io_, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)) {
    net::co_spawn(io_, accept_loop(), net::detached);
    thread_ = std::thread([this] { io_.run(); });
  }
  ~RawServer() {
    io_.stop();
    thread_.join();
  }

  unsigned short port() const { return acceptor_.local_endpoint().port(); }
  std::string url(const std::string& path = "/") const { return "http://127.0.0.1:" + std::to_string(port()) + path; }

  std::atomic<int> accepted{0};
  std::atomic<int> open{0};
  std::atomic<int> closed{0};
  std::atomic<int> requests{0};
  std::atomic<bool> go{false};  // for scripts that hold an answer until the test says so
  std::mutex mutex;
  std::vector<std::string> targets;  // request targets in the order they arrived

 private:
  net::awaitable<void> accept_loop() {
    for (;;) {
      beast::error_code ec;
      tcp::socket socket = co_await acceptor_.async_accept(net::redirect_error(net::use_awaitable, ec));
      if (ec) co_return;
      ++accepted;
      net::co_spawn(io_, serve(std::move(socket)), net::detached);
    }
  }
  net::awaitable<void> serve(tcp::socket socket) {
    ++open;
    try {
      co_await script_(socket, *this);
    } catch (const std::exception&) {
    }
    beast::error_code ec;
    socket.shutdown(tcp::socket::shutdown_both, ec);
    socket.close(ec);
    --open;
    ++closed;
  }

  Script script_;
  net::io_context io_;
  tcp::acceptor acceptor_;
  std::thread thread_;
};

// Reads one request (false when the client went away first) and notes its target.
net::awaitable<bool> read_request(tcp::socket& socket, beast::flat_buffer& buffer, RawServer& server) {
  bhttp::request<bhttp::string_body> request;
  beast::error_code ec;
  co_await bhttp::async_read(socket, buffer, request, net::redirect_error(net::use_awaitable, ec));
  if (ec) co_return false;
  ++server.requests;
  std::lock_guard lock(server.mutex);
  server.targets.emplace_back(request.target());
  co_return true;
}

net::awaitable<void> write(tcp::socket& socket, const std::string& bytes) {
  beast::error_code ec;
  co_await net::async_write(socket, net::buffer(bytes), net::redirect_error(net::use_awaitable, ec));
}

// Holds the connection open until the client gives up on it.
net::awaitable<void> drain(tcp::socket& socket) {
  char sink[512];
  for (;;) {
    beast::error_code ec;
    co_await socket.async_read_some(net::buffer(sink), net::redirect_error(net::use_awaitable, ec));
    if (ec) co_return;
  }
}

const std::string kOk = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

net::awaitable<void> never_answer(tcp::socket& socket, RawServer&) {
  co_await drain(socket);
}

net::awaitable<void> keep_alive_ok(tcp::socket& socket, RawServer& server) {
  beast::flat_buffer buffer;
  while (co_await read_request(socket, buffer, server)) co_await write(socket, kOk);
}

// ---- certificates -------------------------------------------------------------

// A self-signed certificate for `name` (CN and subjectAltName) in `dir`; false when openssl failed.
bool make_certificate(const std::filesystem::path& dir, const std::string& stem, const std::string& san,
                      const std::string& cn) {
  std::string cmd =
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=" + cn +
      " -addext subjectAltName=" + san + " -keyout " + (dir / (stem + ".key")).string() + " -out " +
      (dir / (stem + ".pem")).string() + " >/dev/null 2>&1";
  return std::system(cmd.c_str()) == 0;
}

}  // namespace

class HttpClientTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(HttpClientTest);
  CPPUNIT_TEST(wsdl_and_get_profile_from_ordergate);
  CPPUNIT_TEST(keep_alive_reuses_one_connection);
  CPPUNIT_TEST(concurrency_is_bounded_per_host);
  CPPUNIT_TEST(tls_with_trusted_certificate_and_host_name);
  CPPUNIT_TEST(tls_refuses_untrusted_or_misnamed_peer);
  CPPUNIT_TEST(silent_peer_times_out);
  CPPUNIT_TEST(refused_port_is_unreachable);
  CPPUNIT_TEST(garbage_and_truncated_answers_are_protocol_errors);
  CPPUNIT_TEST(oversized_answers_are_too_large);
  CPPUNIT_TEST(cancel_ends_waiting_and_in_flight_requests);
  CPPUNIT_TEST(shutdown_ends_in_flight_and_later_requests);
  CPPUNIT_TEST(full_waiting_queue_is_overloaded);
  CPPUNIT_TEST(waiting_requests_are_served_in_order);
  CPPUNIT_TEST(stale_keep_alive_connections);
  CPPUNIT_TEST(idle_and_closed_connections_are_not_kept);
  CPPUNIT_TEST(slow_host_does_not_delay_other_hosts);
  CPPUNIT_TEST(bad_urls_and_headers_are_refused);
  CPPUNIT_TEST_SUITE_END();

 public:
  void setUp() override {
    dir_ = std::make_unique<TempDir>();
    client_loop_ = std::make_unique<Loop>(1);
    callers_ = std::make_unique<Loop>(2);
  }
  void tearDown() override {
    client_.reset();
    client_loop_.reset();
    callers_.reset();
    server_.reset();
    dir_.reset();
  }

 private:
  pv::HttpClient& client(pv::HttpClientOptions options = {}) {
    client_ = std::make_unique<pv::HttpClient>(client_loop_->executor(), std::move(options));
    return *client_;
  }
  ServerProcess& ordergate(std::vector<std::string> args = {}) {
    server_ = std::make_unique<ServerProcess>(dir_->path() / ("data" + std::to_string(++servers_)), std::move(args));
    return *server_;
  }
  std::future<Outcome> send(pv::HttpRequest request, pv::CancelToken cancel = {}) {
    return start(callers_->executor(), timed_send(*client_, std::move(request), std::move(cancel)));
  }
  Outcome call(pv::HttpRequest request, pv::CancelToken cancel = {}) { return send(std::move(request), cancel).get(); }

 public:
  // The two things a provider does with a Veloconnect peer, on ordergate itself; and the caller resumes on its
  // own executor, not on the client's.
  void wsdl_and_get_profile_from_ordergate() {
    auto& server = ordergate();
    client();
    auto wsdl = call(get(server.url("/veloconnect?wsdl")));
    CPPUNIT_ASSERT_MESSAGE(describe(wsdl.result), wsdl.result.ok());
    CPPUNIT_ASSERT_EQUAL(200, wsdl.result.response.status);
    CPPUNIT_ASSERT(wsdl.result.response.body.find("definitions") != std::string::npos);
    auto type = wsdl.result.response.header("CONTENT-type");
    CPPUNIT_ASSERT(type && type->find("xml") != std::string::npos);
    CPPUNIT_ASSERT(callers_->thread_ids().count(wsdl.resumed_on));

    auto profile = call(get_profile(server.url()));
    CPPUNIT_ASSERT_MESSAGE(describe(profile.result), profile.result.ok());
    CPPUNIT_ASSERT_EQUAL(200, profile.result.response.status);
    CPPUNIT_ASSERT_EQUAL(std::string("200"), response_code(profile.result));
    CPPUNIT_ASSERT(callers_->thread_ids().count(profile.resumed_on));
  }

  // 100 sequential requests (by host name, so through the resolver) share one connection.
  void keep_alive_reuses_one_connection() {
    auto& server = ordergate();
    auto& c = client();
    std::string base = "http://localhost:" + std::to_string(server.port());
    for (int i = 0; i < 100; ++i) {
      auto out = i % 2 ? call(get(base + "/veloconnect?wsdl")) : call(get_profile(base + "/veloconnect"));
      CPPUNIT_ASSERT_MESSAGE(describe(out.result), out.result.ok());
      CPPUNIT_ASSERT_EQUAL(200, out.result.response.status);
    }
    auto s = c.stats();
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{100}, s.requests);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{1}, s.connections_opened);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{99}, s.connections_reused);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, s.failures);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, s.live_connections);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, s.idle_connections);
  }

  // 200 requests at once from two threads, at most 4 connections: the other 196 queue, and all succeed.
  void concurrency_is_bounded_per_host() {
    auto& server = ordergate();
    pv::HttpClientOptions options;
    options.max_connections_per_host = 4;
    auto& c = client(options);
    std::vector<std::future<Outcome>> all;
    for (int i = 0; i < 200; ++i) all.push_back(send(get_profile(server.url())));
    for (auto& f : all) {
      auto out = f.get();
      CPPUNIT_ASSERT_MESSAGE(describe(out.result), out.result.ok());
      CPPUNIT_ASSERT_EQUAL(std::string("200"), response_code(out.result));
    }
    auto s = c.stats();
    CPPUNIT_ASSERT(s.peak_connections_per_host <= 4);
    CPPUNIT_ASSERT(s.connections_opened >= 1 && s.connections_opened <= 4);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{200}, s.connections_opened + s.connections_reused);
    CPPUNIT_ASSERT_EQUAL(std::size_t{0}, s.waiting);
  }

  // ordergate with a self-signed certificate for localhost and 127.0.0.1, trusted through ca_file: by address
  // (checked against the IP entry) and by name (SNI and the DNS entry), kept alive like plain HTTP.
  void tls_with_trusted_certificate_and_host_name() {
    CPPUNIT_ASSERT(make_certificate(dir_->path(), "local", "DNS:localhost,IP:127.0.0.1", "localhost"));
    auto cert = (dir_->path() / "local.pem").string();
    auto& server = ordergate({"--tls-cert", cert, "--tls-key", (dir_->path() / "local.key").string()});
    pv::HttpClientOptions options;
    options.ca_file = cert;
    auto& c = client(options);
    std::string port = std::to_string(server.port());
    for (int i = 0; i < 5; ++i) {
      auto by_address = call(get_profile("https://127.0.0.1:" + port + "/veloconnect"));
      CPPUNIT_ASSERT_MESSAGE(describe(by_address.result), by_address.result.ok());
      CPPUNIT_ASSERT_EQUAL(std::string("200"), response_code(by_address.result));
      auto by_name = call(get("https://localhost:" + port + "/veloconnect?wsdl"));
      CPPUNIT_ASSERT_MESSAGE(describe(by_name.result), by_name.result.ok());
      CPPUNIT_ASSERT_EQUAL(200, by_name.result.response.status);
    }
    // One pool per host as written: one connection each, reused.
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{2}, c.stats().connections_opened);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{8}, c.stats().connections_reused);
  }

  void tls_refuses_untrusted_or_misnamed_peer() {
    CPPUNIT_ASSERT(make_certificate(dir_->path(), "local", "DNS:localhost,IP:127.0.0.1", "localhost"));
    CPPUNIT_ASSERT(make_certificate(dir_->path(), "other", "DNS:other.example", "other.example"));
    auto local = (dir_->path() / "local.pem").string();
    auto other = (dir_->path() / "other.pem").string();
    auto& server = ordergate({"--tls-cert", local, "--tls-key", (dir_->path() / "local.key").string()});
    std::string url = "https://127.0.0.1:" + std::to_string(server.port()) + "/veloconnect";

    // Not trusted: the system's anchors do not know it.
    client();
    auto untrusted = call(get_profile(url));
    ASSERT_ERROR(pv::HttpError::Tls, untrusted.result);

    // Trusted, but issued for another name: host name verification refuses it, by address and by name.
    std::vector<std::string> args = {"--tls-cert", other, "--tls-key", (dir_->path() / "other.key").string()};
    ServerProcess misnamed(dir_->path() / "misnamed", args);
    pv::HttpClientOptions trusting;
    trusting.ca_file = other;
    client(trusting);
    std::string port = std::to_string(misnamed.port());
    ASSERT_ERROR(pv::HttpError::Tls, call(get("https://127.0.0.1:" + port + "/veloconnect?wsdl")).result);
    ASSERT_ERROR(pv::HttpError::Tls, call(get("https://localhost:" + port + "/veloconnect?wsdl")).result);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, client_->stats().connections_opened);

    // verify_peer = false is the explicit way out (test peers only).
    pv::HttpClientOptions blind;
    blind.verify_peer = false;
    client(blind);
    auto out = call(get_profile(url));
    CPPUNIT_ASSERT_MESSAGE(describe(out.result), out.result.ok());

    // A CA file that cannot be read is a start-up error, not a per-request one.
    pv::HttpClientOptions missing;
    missing.ca_file = (dir_->path() / "absent.pem").string();
    CPPUNIT_ASSERT_THROW(pv::HttpClient(client_loop_->executor(), missing), std::runtime_error);
  }

  // A peer that accepts and never answers: Timeout after the request's timeout, and the connection is dropped.
  // A request queued behind it times out too: the wait counts against its own timeout.
  void silent_peer_times_out() {
    RawServer silent(never_answer);
    pv::HttpClientOptions options;
    options.max_connections_per_host = 1;
    auto& c = client(options);
    auto first = send(get(silent.url(), 300ms));
    CPPUNIT_ASSERT(eventually([&] { return silent.accepted == 1; }));
    auto queued = send(get(silent.url("/queued"), 300ms));
    auto a = first.get();
    ASSERT_ERROR(pv::HttpError::Timeout, a.result);
    CPPUNIT_ASSERT(a.took >= 300ms);
    CPPUNIT_ASSERT(a.took < 3s);  // generous: a loaded CI machine, never a tight bound
    auto b = queued.get();
    ASSERT_ERROR(pv::HttpError::Timeout, b.result);
    CPPUNIT_ASSERT(b.took < 3s);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{2}, c.stats().timeouts);
    // The timed-out connection is closed, never reused.
    CPPUNIT_ASSERT(eventually([&] { return silent.open == 0; }));
    CPPUNIT_ASSERT_EQUAL(std::size_t{0}, c.stats().live_connections);
    ASSERT_ERROR(pv::HttpError::Timeout, call(get(silent.url(), 100ms)).result);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, c.stats().connections_reused);
  }

  void refused_port_is_unreachable() {
    unsigned short port;
    {
      // A port that was free a moment ago and has no listener now.
      net::io_context io;
      tcp::acceptor probe(io, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
      port = probe.local_endpoint().port();
    }
    client();
    auto out = call(get("http://127.0.0.1:" + std::to_string(port) + "/", 3s));
    ASSERT_ERROR(pv::HttpError::Unreachable, out.result);
    CPPUNIT_ASSERT(out.took < 3s);
  }

  void garbage_and_truncated_answers_are_protocol_errors() {
    RawServer garbage([](tcp::socket& s, RawServer& server) -> net::awaitable<void> {
      beast::flat_buffer buffer;
      if (co_await read_request(s, buffer, server)) co_await write(s, "THIS IS NOT HTTP AT ALL\r\n\r\n");
    });
    RawServer truncated([](tcp::socket& s, RawServer& server) -> net::awaitable<void> {
      beast::flat_buffer buffer;
      if (co_await read_request(s, buffer, server))
        co_await write(s, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nonly a little");
    });
    RawServer chunks_cut([](tcp::socket& s, RawServer& server) -> net::awaitable<void> {
      beast::flat_buffer buffer;
      if (co_await read_request(s, buffer, server))
        co_await write(s, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
    });
    auto& c = client();
    ASSERT_ERROR(pv::HttpError::Protocol, call(get(garbage.url())).result);
    ASSERT_ERROR(pv::HttpError::Protocol, call(get(truncated.url())).result);
    ASSERT_ERROR(pv::HttpError::Protocol, call(get(chunks_cut.url())).result);
    // None of those connections is offered again.
    CPPUNIT_ASSERT_EQUAL(std::size_t{0}, c.stats().live_connections);
  }

  void oversized_answers_are_too_large() {
    constexpr std::size_t kLimit = 64 * 1024;
    // Announced up front, refused at the header.
    RawServer declared([](tcp::socket& s, RawServer& server) -> net::awaitable<void> {
      beast::flat_buffer buffer;
      if (co_await read_request(s, buffer, server))
        co_await write(s, "HTTP/1.1 200 OK\r\nContent-Length: 200000\r\n\r\n" + std::string(200000, 'x'));
    });
    // Chunked, so only counting the body as it arrives can catch it.
    RawServer chunked([](tcp::socket& s, RawServer& server) -> net::awaitable<void> {
      beast::flat_buffer buffer;
      if (!co_await read_request(s, buffer, server)) co_return;
      co_await write(s, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
      std::string chunk = "1000\r\n" + std::string(0x1000, 'y') + "\r\n";
      for (int i = 0; i < 64; ++i) co_await write(s, chunk);
      co_await write(s, "0\r\n\r\n");
    });
    // Exactly at the limit is fine.
    RawServer at_limit([](tcp::socket& s, RawServer& server) -> net::awaitable<void> {
      beast::flat_buffer buffer;
      while (co_await read_request(s, buffer, server))
        co_await write(
            s, "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(kLimit) + "\r\n\r\n" + std::string(kLimit, 'z'));
    });
    pv::HttpClientOptions options;
    options.max_response_body = kLimit;
    client(options);
    ASSERT_ERROR(pv::HttpError::TooLarge, call(get(declared.url())).result);
    ASSERT_ERROR(pv::HttpError::TooLarge, call(get(chunked.url())).result);
    auto fits = call(get(at_limit.url()));
    CPPUNIT_ASSERT_MESSAGE(describe(fits.result), fits.result.ok());
    CPPUNIT_ASSERT_EQUAL(kLimit, fits.result.response.body.size());
  }

  // One request holds the only connection to a silent peer; a second waits for it. Cancelling the waiting one
  // ends it at once, cancelling the one on the wire ends it too: neither waits for its 10 s timeout.
  void cancel_ends_waiting_and_in_flight_requests() {
    RawServer silent(never_answer);
    pv::HttpClientOptions options;
    options.max_connections_per_host = 1;
    auto& c = client(options);
    pv::CancelToken on_wire, waiting;
    auto first = send(get(silent.url(), 10s), on_wire);
    CPPUNIT_ASSERT(eventually([&] { return silent.accepted == 1; }));
    auto second = send(get(silent.url(), 10s), waiting);
    CPPUNIT_ASSERT(eventually([&] { return c.stats().waiting == 1; }));

    waiting.cancel();
    auto b = second.get();
    ASSERT_ERROR(pv::HttpError::Cancelled, b.result);
    CPPUNIT_ASSERT(b.took < 5s);
    CPPUNIT_ASSERT(!ready(first));

    on_wire.cancel();
    auto a = first.get();
    ASSERT_ERROR(pv::HttpError::Cancelled, a.result);
    CPPUNIT_ASSERT(a.took < 5s);
    CPPUNIT_ASSERT(eventually([&] { return silent.open == 0; }));

    // A token cancelled beforehand never starts anything.
    pv::CancelToken early;
    early.cancel();
    ASSERT_ERROR(pv::HttpError::Cancelled, call(get(silent.url()), early).result);
    CPPUNIT_ASSERT_EQUAL(1, silent.accepted.load());
  }

  void shutdown_ends_in_flight_and_later_requests() {
    RawServer silent(never_answer);
    pv::HttpClientOptions options;
    options.max_connections_per_host = 1;
    auto& c = client(options);
    auto on_wire = send(get(silent.url(), 10s));
    CPPUNIT_ASSERT(eventually([&] { return silent.accepted == 1; }));
    auto queued = send(get(silent.url(), 10s));
    CPPUNIT_ASSERT(eventually([&] { return c.stats().waiting == 1; }));
    c.shutdown();
    ASSERT_ERROR(pv::HttpError::Cancelled, on_wire.get().result);
    ASSERT_ERROR(pv::HttpError::Cancelled, queued.get().result);
    ASSERT_ERROR(pv::HttpError::Cancelled, call(get(silent.url())).result);
    CPPUNIT_ASSERT_EQUAL(1, silent.accepted.load());
  }

  // One connection busy, two waiting (the bound): the next request is refused at once, while the others wait on.
  void full_waiting_queue_is_overloaded() {
    RawServer silent(never_answer);
    pv::HttpClientOptions options;
    options.max_connections_per_host = 1;
    options.max_waiting_per_host = 2;
    auto& c = client(options);
    std::vector<std::future<Outcome>> held;
    held.push_back(send(get(silent.url(), 10s)));
    CPPUNIT_ASSERT(eventually([&] { return silent.accepted == 1; }));
    held.push_back(send(get(silent.url(), 10s)));
    held.push_back(send(get(silent.url(), 10s)));
    CPPUNIT_ASSERT(eventually([&] { return c.stats().waiting == 2; }));
    auto refused = call(get(silent.url(), 10s));
    ASSERT_ERROR(pv::HttpError::Overloaded, refused.result);
    for (auto& f : held) CPPUNIT_ASSERT(!ready(f));
    // Another host is not affected by this one's queue.
    RawServer other(keep_alive_ok);
    CPPUNIT_ASSERT(call(get(other.url())).result.ok());
    c.shutdown();
    for (auto& f : held) ASSERT_ERROR(pv::HttpError::Cancelled, f.get().result);
  }

  // Requests queued for a host's only connection get it in the order they came (FIFO).
  void waiting_requests_are_served_in_order() {
    // The first answer waits for the test's go, so everything after it has to queue.
    RawServer slow_first([](tcp::socket& s, RawServer& server) -> net::awaitable<void> {
      beast::flat_buffer buffer;
      while (co_await read_request(s, buffer, server)) {
        while (!server.go) {
          net::steady_timer pause(s.get_executor(), 5ms);
          co_await pause.async_wait(net::use_awaitable);
        }
        co_await write(s, kOk);
      }
    });
    pv::HttpClientOptions options;
    options.max_connections_per_host = 1;
    auto& c = client(options);
    std::vector<std::future<Outcome>> all;
    all.push_back(send(get(slow_first.url("/0"))));
    CPPUNIT_ASSERT(eventually([&] { return slow_first.requests == 1; }));
    for (int i = 1; i <= 5; ++i) {
      all.push_back(send(get(slow_first.url("/" + std::to_string(i)))));
      CPPUNIT_ASSERT(eventually([&] { return c.stats().waiting == static_cast<std::size_t>(i); }));
    }
    slow_first.go = true;
    for (auto& f : all) CPPUNIT_ASSERT(f.get().result.ok());
    std::vector<std::string> expected = {"/0", "/1", "/2", "/3", "/4", "/5"};
    CPPUNIT_ASSERT(expected == slow_first.targets);
    CPPUNIT_ASSERT_EQUAL(1, slow_first.accepted.load());
  }

  void stale_keep_alive_connections() {
    // (1) The peer closed the idle connection and its FIN is here: the client notices before writing, so even a
    // non-idempotent request goes out once, on a new connection.
    RawServer answer_then_close([](tcp::socket& s, RawServer& server) -> net::awaitable<void> {
      beast::flat_buffer buffer;
      if (co_await read_request(s, buffer, server)) co_await write(s, kOk);  // keep-alive promised, then closed
    });
    auto& c = client();
    pv::HttpRequest post;
    post.url = answer_then_close.url();
    post.body = "not idempotent";
    CPPUNIT_ASSERT(call(post).result.ok());
    CPPUNIT_ASSERT(eventually([&] { return answer_then_close.closed == 1; }));
    std::this_thread::sleep_for(50ms);  // loopback delivers the FIN at once; this only absorbs scheduling
    auto second = call(post);
    CPPUNIT_ASSERT_MESSAGE(describe(second.result), second.result.ok());
    CPPUNIT_ASSERT_EQUAL(2, answer_then_close.accepted.load());
    CPPUNIT_ASSERT_EQUAL(2, answer_then_close.requests.load());
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, c.stats().retries);

    // (2) The peer takes the next request on a kept-alive connection and closes without a byte of answer (the
    // race the check cannot see). Idempotent: sent again on a fresh connection, transparently.
    RawServer drop_second([](tcp::socket& s, RawServer& server) -> net::awaitable<void> {
      beast::flat_buffer buffer;
      if (!co_await read_request(s, buffer, server)) co_return;
      co_await write(s, kOk);
      co_await read_request(s, buffer, server);
    });
    CPPUNIT_ASSERT(call(get(drop_second.url("/a"))).result.ok());
    auto retried = call(get(drop_second.url("/b")));
    CPPUNIT_ASSERT_MESSAGE(describe(retried.result), retried.result.ok());
    CPPUNIT_ASSERT_EQUAL(200, retried.result.response.status);
    CPPUNIT_ASSERT_EQUAL(2, drop_second.accepted.load());
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{1}, c.stats().retries);
    std::vector<std::string> expected = {"/a", "/b", "/b"};
    CPPUNIT_ASSERT(expected == drop_second.targets);

    // (3) The same for a request that is not idempotent: the peer may have acted on it, so it is not sent again.
    pv::HttpRequest once;
    once.url = drop_second.url("/c");
    once.body = "not idempotent";
    auto failed = call(once);  // lands on the fresh connection's second turn
    ASSERT_ERROR(pv::HttpError::Protocol, failed.result);
    CPPUNIT_ASSERT(failed.result.detail.find("not idempotent") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{1}, c.stats().retries);
    CPPUNIT_ASSERT_EQUAL(2, drop_second.accepted.load());
  }

  void idle_and_closed_connections_are_not_kept() {
    RawServer peer(keep_alive_ok);
    pv::HttpClientOptions options;
    options.idle_keepalive = 200ms;
    auto& c = client(options);
    CPPUNIT_ASSERT(call(get(peer.url())).result.ok());
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, c.stats().idle_connections);
    // Closed by the client once idle_keepalive has passed, without any further request.
    CPPUNIT_ASSERT(eventually([&] { return c.stats().live_connections == 0 && peer.open == 0; }, 5s));
    CPPUNIT_ASSERT(call(get(peer.url())).result.ok());
    CPPUNIT_ASSERT_EQUAL(2, peer.accepted.load());

    // "Connection: close" from the server: every request gets a connection of its own.
    RawServer closing([](tcp::socket& s, RawServer& server) -> net::awaitable<void> {
      beast::flat_buffer buffer;
      if (co_await read_request(s, buffer, server))
        co_await write(s, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok");
    });
    for (int i = 0; i < 3; ++i) CPPUNIT_ASSERT(call(get(closing.url())).result.ok());
    CPPUNIT_ASSERT_EQUAL(3, closing.accepted.load());
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, c.stats().connections_reused);
  }

  // Host A never answers and holds all of its connections and a queue; meanwhile 50 requests to ordergate (host
  // B) all complete, before any of A's requests has even timed out.
  void slow_host_does_not_delay_other_hosts() {
    RawServer slow(never_answer);
    auto& server = ordergate();
    auto& c = client();  // 8 connections per host
    std::vector<std::future<Outcome>> stuck;
    for (int i = 0; i < 10; ++i) stuck.push_back(send(get(slow.url(), 2s)));
    CPPUNIT_ASSERT(eventually([&] { return slow.accepted == 8 && c.stats().waiting == 2; }));

    // The WSDL, not GetProfile: its answer costs ordergate next to nothing, so even an ASan build of the server
    // answers 50 of them well inside A's 2 s. What is measured is the client, not the server's password hashing.
    std::vector<std::future<Outcome>> quick;
    for (int i = 0; i < 50; ++i) quick.push_back(send(get(server.url("/veloconnect?wsdl"))));
    for (auto& f : quick) {
      auto out = f.get();
      CPPUNIT_ASSERT_MESSAGE(describe(out.result), out.result.ok());
      CPPUNIT_ASSERT_EQUAL(200, out.result.response.status);
    }
    // Causal rather than timed: B's answers are all in while every request to A is still pending.
    for (auto& f : stuck) CPPUNIT_ASSERT(!ready(f));

    for (auto& f : stuck) {
      auto out = f.get();
      ASSERT_ERROR(pv::HttpError::Timeout, out.result);
      CPPUNIT_ASSERT(out.took < 6s);
    }
  }

  void bad_urls_and_headers_are_refused() {
    client();
    for (std::string url : {"", "127.0.0.1:80/x", "ftp://127.0.0.1/", "http://", "http:///path",
                            "http://user:pw@127.0.0.1/", "http://127.0.0.1:0/", "http://127.0.0.1:65536/",
                            "http://127.0.0.1:8o/", "http://127.0.0.1/a b", "http://[::1/", "http://bad host/"}) {
      auto out = call(get(url));
      CPPUNIT_ASSERT_EQUAL_MESSAGE(url, std::string("bad-url"), std::string(pv::to_string(out.result.error)));
    }
    auto injected = get("http://127.0.0.1:9/");
    injected.headers = {{"X-Note", "fine\r\nX-Evil: yes"}};
    ASSERT_ERROR(pv::HttpError::BadRequest, call(injected).result);
    auto bad_method = get("http://127.0.0.1:9/");
    bad_method.method = "GET /x HTTP/1.1\r\n";
    ASSERT_ERROR(pv::HttpError::BadRequest, call(bad_method).result);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, client_->stats().connections_opened);
  }

 private:
  std::unique_ptr<TempDir> dir_;
  std::unique_ptr<Loop> client_loop_;
  std::unique_ptr<Loop> callers_;
  std::unique_ptr<pv::HttpClient> client_;
  std::unique_ptr<ServerProcess> server_;
  int servers_ = 0;
};

CPPUNIT_TEST_SUITE_REGISTRATION(HttpClientTest);

}  // namespace og::test
