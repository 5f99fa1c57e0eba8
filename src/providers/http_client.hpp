// The one outbound HTTP/1.1 client of ordergate: what every provider (the
// Veloconnect client towards the e-procurement hub, callbacks to clients) uses
// to talk to other systems. Boost.Beast under Asio C++20 coroutines, a
// keep-alive pool per host with a bound on connections and on waiters, TLS
// with peer and host name verification, one deadline per exchange, and errors
// as values: send() never throws.
#pragma once
#include <utility>  // before Boost: asio 1.74's awaitable.hpp uses std::exchange without it
#include "async/cancel.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace og::providers {

struct HttpRequest {
  std::string method = "POST";
  std::string url;  // http://host[:port]/path?query or https://...; no user info (use an Authorization header)
  // Sent as given, after Host and User-Agent (a Host or User-Agent here replaces ours). Content-Length is ours.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // The whole exchange: waiting for a connection, resolve, connect, TLS, write and read.
  std::chrono::milliseconds timeout{10000};
  // May be sent again, once, on a fresh connection when a reused keep-alive connection fails before any byte
  // of an answer: the server closed it while it sat idle, so the request most likely never reached it.
  bool idempotent = false;
};

struct HttpResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // as received, in order
  std::string body;

  // The first header of that name, compared case-insensitively.
  std::optional<std::string_view> header(std::string_view name) const;
};

enum class HttpError {
  None,
  Timeout,      // the exchange's deadline passed (in the queue, connecting, or on the wire)
  Unreachable,  // resolve or connect failed
  Tls,          // handshake failed: untrusted certificate, wrong host name, no common protocol
  Protocol,     // malformed or truncated answer, or the connection ended without one
  TooLarge,     // the answer's body (or header) exceeds the client's limits
  Cancelled,    // CancelToken::cancel() or HttpClient::shutdown()
  Overloaded,   // too many requests already waiting for this host
  BadUrl,       // not an absolute http(s) URL we can send to
  BadRequest,   // a method or header that cannot be put on the wire as given (CR/LF, control characters)
};

std::string_view to_string(HttpError error);

// A transport outcome. An HTTP 500 is ok(): the exchange worked, the answer says what the peer thinks.
struct HttpResult {
  HttpError error = HttpError::None;
  HttpResponse response;  // only meaningful when ok()
  std::string detail;     // what went wrong, for logs only: may name hosts and addresses, never for a client's eyes
  bool ok() const { return error == HttpError::None; }
};

// Cancellation is the house-wide og::CancelToken (src/async/cancel.hpp).
using og::CancelToken;

struct HttpClientOptions {
  std::size_t max_connections_per_host = 8;         // open and being opened, in use and idle
  std::size_t max_waiting_per_host = 1024;          // queued for a connection; one more is Overloaded
  std::chrono::milliseconds idle_keepalive{30000};  // an idle connection older than this is closed, never reused
  std::size_t max_response_body = 8u << 20;
  std::size_t max_response_header = 64u << 10;
  bool verify_peer = true;  // certificate chain and host name; false only for tests and known test peers
  std::string ca_file;      // extra trust anchors (PEM) on top of the system's, e.g. a peer's own certificate
  std::string user_agent = "ordergate";
};

class HttpClient {
 public:
  // Every connection and pool lives on a strand of `executor`, so any executor will do (a one-thread
  // io_context, a thread pool). The executor's context must outlive the client. Throws when `ca_file` cannot
  // be loaded: a configuration error belongs to start-up, not to the first request.
  explicit HttpClient(boost::asio::any_io_executor executor, HttpClientOptions options = {});
  // Shuts down (see shutdown()); exchanges still running keep what they need alive and end Cancelled.
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // May be co_awaited concurrently from coroutines on any executor and thread; resumes on the caller's
  // executor. Never throws: every failure is an HttpResult error.
  boost::asio::awaitable<HttpResult> send(HttpRequest request, CancelToken cancel = {});

  // Counters since construction (totals) and gauges (now). Read from any thread; each value is exact, the
  // set is not one snapshot.
  struct Stats {
    std::uint64_t requests = 0;                 // send() calls
    std::uint64_t connections_opened = 0;       // connections that got through connect (and TLS)
    std::uint64_t connections_reused = 0;       // attempts sent on a kept-alive connection
    std::uint64_t retries = 0;                  // idempotent requests sent again after a stale connection
    std::uint64_t timeouts = 0;                 // results with HttpError::Timeout
    std::uint64_t failures = 0;                 // results with any error, timeouts included
    std::size_t live_connections = 0;           // open now, in use or idle
    std::size_t idle_connections = 0;           // open now and idle in a pool
    std::size_t waiting = 0;                    // requests queued for a connection now, all hosts
    std::size_t peak_connections_per_host = 0;  // most connections one host ever had at once
  };
  Stats stats() const;

  // Closes idle connections, ends waiting and in-flight exchanges with Cancelled, and refuses (Cancelled)
  // every later send(). Safe from any thread; returns before the connections are closed.
  void shutdown();

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace og::providers
