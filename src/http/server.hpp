// The HTTP/1.1 server: Boost.Beast on one io_context per thread (no strands,
// no locks on the request path), keep-alive, optional TLS, limits set on the
// parser, timeouts on every read and write. A connection costs a few KB and no
// thread, so thousands of idle keep-alive clients cannot starve busy ones.
// The loops only read, parse and write: an endpoint's handler is a coroutine
// that awaits everything else (the store, hashing, other systems), so a slow
// request never holds up the other connections of its loop.
#pragma once
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "async/task.hpp"
#include "http/access_log.hpp"
#include "http/router.hpp"

namespace og::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port (see Server::port())
  int threads = 0;             // 0: one per core
  std::size_t max_body = 8u << 20;
  std::size_t max_header = 16u << 10;
  // A body larger than this (or chunked, or awaited with "100 Continue") is
  // read only if the endpoint does not refuse the request by its head alone
  // (Endpoint::before_body: e.g. no credentials).
  std::size_t max_unauthenticated_body = 64u << 10;
  // All request bodies being read or handled at once, by their declared size
  // (a chunked one counts as max_body): beyond it 503 with Retry-After.
  std::size_t max_body_memory = 256u << 20;
  std::chrono::seconds idle_timeout{60};     // between requests on a keep-alive connection
  std::chrono::seconds request_timeout{30};  // to receive one request, or send one answer
  std::chrono::seconds handler_timeout{60};  // for an endpoint to answer (then 503, and the request is cancelled)
  // At the limit, the connection that has waited longest for its next
  // request is closed for a newcomer; refused only if none is waiting.
  std::size_t max_connections = 20000;
  std::size_t max_connections_per_address = 1024;  // 0: no limit
  std::string tls_certificate;                     // PEM chain; with tls_key, every connection is TLS
  std::string tls_key;
  // The base URL clients reach this server at (Request::base_url), e.g.
  // "https://vc.example.com"; empty: the listen address (on a wildcard
  // address, the local address the connection came in on).
  std::string public_url;
};

class Server {
 public:
  Server(ServerOptions options, const Router& router, AccessLog& log);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  unsigned short port() const;
  // /metrics: what was answered, the limits hit, and the connections now
  // (Prometheus text). Safe from any thread.
  std::string metrics() const;
  // The first event loop's executor, for periodic work of the application.
  Executor executor() const;
  bool tls() const;
  // Serves until stop(); runs the worker threads and joins them.
  void run();
  // Stops accepting and ends the event loops at once. Safe from any thread.
  void stop();
  // Graceful stop: accepts no more connections, answers what is in flight
  // (with Connection: close), waits up to `grace` for that, then stop().
  // Call from a thread other than the loops'.
  void drain(std::chrono::milliseconds grace);
  bool draining() const;
  // Requests read and not yet fully answered.
  std::size_t in_flight() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace og::http
