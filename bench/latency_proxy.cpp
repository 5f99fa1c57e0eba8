// latency_proxy: a tiny HTTP/1.1 latency and fault proxy for the hub's
// benchmarks (bench/hub): a provider that answers after N ms, or one that is
// down, without touching the provider.
//
//   latency_proxy --upstream 127.0.0.1:8080 --delay-ms 200 [--listen 127.0.0.1:0] [--mode forward]
//
// It listens, reads each request, waits --delay-ms, then (mode "forward")
// sends it to the upstream on a keep-alive connection of its own (one per
// downstream connection) and passes the answer back unchanged. Other modes:
//   503     answer 503 Service Unavailable after the delay, forward nothing
//   drop    close the connection as soon as a request has been read
//   silent  read requests and never answer (the client's timeout decides)
// The mode and the delay can be changed while it runs, by a request to the
// proxy itself (answered at once, never forwarded):
//   GET /_proxy/mode/<forward|503|drop|silent>   GET /_proxy/delay/<ms>   GET /_proxy/stats
// Prints "latency_proxy listening on <address>:<port>" once it accepts.
// One event loop per --threads (default 1); waiting costs no thread.
#include <utility>  // boost/asio/awaitable.hpp (Boost 1.74) uses std::exchange without it

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/program_options.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace po = boost::program_options;
using tcp = net::ip::tcp;

enum class Mode : int { Forward, Unavailable, Drop, Silent };

std::optional<Mode> mode_of(std::string_view s) {
  if (s == "forward") return Mode::Forward;
  if (s == "503") return Mode::Unavailable;
  if (s == "drop") return Mode::Drop;
  if (s == "silent") return Mode::Silent;
  return std::nullopt;
}

const char* name_of(Mode m) {
  switch (m) {
    case Mode::Forward: return "forward";
    case Mode::Unavailable: return "503";
    case Mode::Drop: return "drop";
    case Mode::Silent: return "silent";
  }
  return "?";
}

struct Shared {
  tcp::endpoint upstream;
  std::atomic<int> mode{static_cast<int>(Mode::Forward)};
  std::atomic<std::int64_t> delay_ms{0};
  std::atomic<std::uint64_t> requests{0}, forwarded{0}, refused{0}, dropped{0}, upstream_errors{0}, connections{0};
};

using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

Response plain(unsigned status, int version, bool keep_alive, std::string body) {
  Response r{static_cast<http::status>(status), version};
  r.set(http::field::content_type, "text/plain");
  r.keep_alive(keep_alive);
  r.body() = std::move(body);
  r.prepare_payload();
  return r;
}

// A request to the proxy itself (/_proxy/...): the answer, or nullopt when it is not one.
std::optional<Response> control(Shared& s, const Request& req) {
  std::string_view target(req.target().data(), req.target().size());
  if (!target.starts_with("/_proxy/")) return std::nullopt;
  target.remove_prefix(8);
  auto answer = [&](unsigned status, std::string body) { return plain(status, req.version(), true, std::move(body)); };
  if (target.starts_with("mode/")) {
    auto m = mode_of(target.substr(5));
    if (!m) return answer(400, "modes: forward 503 drop silent\n");
    s.mode = static_cast<int>(*m);
    return answer(200, std::string("mode ") + name_of(*m) + "\n");
  }
  if (target.starts_with("delay/")) {
    try {
      auto ms = std::stoll(std::string(target.substr(6)));
      if (ms < 0) throw std::invalid_argument("negative");
      s.delay_ms = ms;
      return answer(200, "delay " + std::to_string(ms) + " ms\n");
    } catch (const std::exception&) {
      return answer(400, "delay/<milliseconds>\n");
    }
  }
  if (target == "stats") {
    return answer(200, std::string("mode=") + name_of(static_cast<Mode>(s.mode.load())) +
                           " delay_ms=" + std::to_string(s.delay_ms) + " connections=" + std::to_string(s.connections) +
                           " requests=" + std::to_string(s.requests) + " forwarded=" + std::to_string(s.forwarded) +
                           " refused=" + std::to_string(s.refused) + " dropped=" + std::to_string(s.dropped) +
                           " upstream_errors=" + std::to_string(s.upstream_errors) + "\n");
  }
  return answer(404, "/_proxy/mode/<m>, /_proxy/delay/<ms>, /_proxy/stats\n");
}

// One downstream connection, with its own upstream connection (opened when first needed, kept while the
// upstream keeps it alive).
net::awaitable<void> session(tcp::socket down, Shared& s) {
  ++s.connections;
  auto executor = co_await net::this_coro::executor;
  std::optional<tcp::socket> up;
  beast::flat_buffer down_buffer, up_buffer;
  net::steady_timer timer(executor);
  beast::error_code ec;
  for (;;) {
    http::request_parser<http::string_body> parser;
    parser.body_limit(64u << 20);
    co_await http::async_read(down, down_buffer, parser, net::redirect_error(net::use_awaitable, ec));
    if (ec) break;
    Request req = parser.release();
    if (auto answer = control(s, req)) {
      co_await http::async_write(down, *answer, net::redirect_error(net::use_awaitable, ec));
      if (ec) break;
      continue;
    }
    ++s.requests;
    const auto mode = static_cast<Mode>(s.mode.load());
    if (mode == Mode::Drop) {
      ++s.dropped;
      break;
    }
    if (mode == Mode::Silent) {
      // Hold the connection until the client gives up.
      char sink[512];
      while (!ec) co_await down.async_read_some(net::buffer(sink), net::redirect_error(net::use_awaitable, ec));
      break;
    }
    if (auto delay = s.delay_ms.load(); delay > 0) {
      timer.expires_after(std::chrono::milliseconds(delay));
      co_await timer.async_wait(net::redirect_error(net::use_awaitable, ec));
      ec = {};
    }
    const bool keep_alive = req.keep_alive();
    if (mode == Mode::Unavailable) {
      ++s.refused;
      auto r = plain(503, req.version(), keep_alive, "provider down (latency_proxy)\n");
      co_await http::async_write(down, r, net::redirect_error(net::use_awaitable, ec));
      if (ec || !keep_alive) break;
      continue;
    }
    // Forward: the upstream decides about its own connection; ours follows the client's wish.
    std::optional<http::response<http::string_body>> answer;
    for (int attempt = 0; attempt < 2 && !answer; ++attempt) {
      const bool reused = up.has_value();
      if (!up) {
        up.emplace(executor);
        co_await up->async_connect(s.upstream, net::redirect_error(net::use_awaitable, ec));
        if (ec) {
          up.reset();
          break;
        }
        up->set_option(tcp::no_delay(true), ec);
        up_buffer.clear();
      }
      req.keep_alive(true);
      co_await http::async_write(*up, req, net::redirect_error(net::use_awaitable, ec));
      http::response_parser<http::string_body> rp;
      rp.body_limit(64u << 20);
      if (!ec) co_await http::async_read(*up, up_buffer, rp, net::redirect_error(net::use_awaitable, ec));
      if (ec) {
        up.reset();
        if (!reused) break;  // a fresh connection failed: the upstream's fault, not a stale keep-alive
        continue;
      }
      answer = rp.release();
      if (!answer->keep_alive()) up.reset();
    }
    if (!answer) {
      ++s.upstream_errors;
      auto r = plain(502, req.version(), keep_alive, "upstream failed: " + ec.message() + "\n");
      co_await http::async_write(down, r, net::redirect_error(net::use_awaitable, ec));
      if (ec || !keep_alive) break;
      continue;
    }
    ++s.forwarded;
    answer->version(req.version());
    answer->keep_alive(keep_alive);
    co_await http::async_write(down, *answer, net::redirect_error(net::use_awaitable, ec));
    if (ec || !keep_alive) break;
  }
  down.shutdown(tcp::socket::shutdown_both, ec);
  down.close(ec);
}

net::awaitable<void> listen(tcp::acceptor& acceptor, Shared& s, std::vector<net::io_context*> loops) {
  std::size_t next = 0;
  for (;;) {
    auto& loop = *loops[next++ % loops.size()];
    tcp::socket socket(loop);
    beast::error_code ec;
    co_await acceptor.async_accept(socket, net::redirect_error(net::use_awaitable, ec));
    if (ec) {
      if (ec == net::error::operation_aborted) co_return;
      continue;  // e.g. out of file descriptors: keep serving the others
    }
    socket.set_option(tcp::no_delay(true), ec);
    net::co_spawn(loop, session(std::move(socket), s), net::detached);
  }
}

tcp::endpoint endpoint_of(const std::string& hostport) {
  auto colon = hostport.rfind(':');
  if (colon == std::string::npos) throw std::invalid_argument("host:port expected, got " + hostport);
  return {net::ip::make_address(hostport.substr(0, colon)),
          static_cast<unsigned short>(std::stoi(hostport.substr(colon + 1)))};
}

}  // namespace

int main(int argc, char** argv) {
  std::string listen_at = "127.0.0.1:0", upstream, mode = "forward";
  std::int64_t delay_ms = 0;
  int threads = 1;
  po::options_description options("latency_proxy options");
  options.add_options()("help", "this text")("listen", po::value(&listen_at)->default_value(listen_at),
                                             "address:port to listen on (port 0: any free port)")(
      "upstream", po::value(&upstream), "address:port requests are forwarded to (required)")(
      "delay-ms", po::value(&delay_ms)->default_value(0), "wait this long before forwarding each request")(
      "mode", po::value(&mode)->default_value(mode), "forward, 503, drop or silent")(
      "threads", po::value(&threads)->default_value(1), "event loops");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, options), vm);
    po::notify(vm);
  } catch (const std::exception& e) {
    std::cerr << "latency_proxy: " << e.what() << "\n" << options;
    return 2;
  }
  if (vm.count("help") || upstream.empty() || !mode_of(mode) || delay_ms < 0 || threads < 1) {
    std::cerr << options;
    return vm.count("help") ? 0 : 2;
  }
  std::signal(SIGPIPE, SIG_IGN);
  Shared shared;
  try {
    shared.upstream = endpoint_of(upstream);
  } catch (const std::exception& e) {
    std::cerr << "latency_proxy: --upstream: " << e.what() << "\n";
    return 2;
  }
  shared.mode = static_cast<int>(*mode_of(mode));
  shared.delay_ms = delay_ms;

  std::vector<std::unique_ptr<net::io_context>> contexts;
  std::vector<net::io_context*> loops;
  for (int i = 0; i < threads; ++i) {
    contexts.push_back(std::make_unique<net::io_context>(1));
    loops.push_back(contexts.back().get());
  }
  tcp::acceptor acceptor(*loops[0]);
  try {
    auto at = endpoint_of(listen_at);
    acceptor.open(at.protocol());
    acceptor.set_option(net::socket_base::reuse_address(true));
    acceptor.bind(at);
    acceptor.listen(net::socket_base::max_listen_connections);
  } catch (const std::exception& e) {
    std::cerr << "latency_proxy: cannot listen on " << listen_at << ": " << e.what() << "\n";
    return 1;
  }
  net::signal_set stop(*loops[0], SIGINT, SIGTERM);
  stop.async_wait([&](const beast::error_code&, int) {
    for (auto* l : loops) l->stop();
  });
  net::co_spawn(*loops[0], listen(acceptor, shared, loops), net::detached);
  std::cout << "latency_proxy listening on " << acceptor.local_endpoint().address().to_string() << ":"
            << acceptor.local_endpoint().port() << " (upstream " << upstream << ", delay " << delay_ms << " ms, mode "
            << mode << ")" << std::endl;

  std::vector<std::thread> workers;
  for (std::size_t i = 1; i < loops.size(); ++i) {
    workers.emplace_back([l = loops[i]] {
      auto guard = net::make_work_guard(*l);
      l->run();
    });
  }
  loops[0]->run();
  for (auto* l : loops) l->stop();
  for (auto& w : workers) w.join();
  return 0;
}
