// The HTTP/1.1 server: Boost.Beast on one io_context per thread (no strands,
// no locks on the request path), keep-alive, optional TLS, limits set on the
// parser, timeouts on every read and write. A connection costs a few KB and no
// thread, so thousands of idle keep-alive clients cannot starve busy ones.
#pragma once
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "http/access_log.hpp"
#include "http/answer_gate.hpp"
#include "http/router.hpp"

namespace og::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port (see Server::port())
  int threads = 0;             // 0: one per core
  std::size_t max_body = 8u << 20;
  std::size_t max_header = 16u << 10;
  std::chrono::seconds idle_timeout{60};     // between requests on a keep-alive connection
  std::chrono::seconds request_timeout{30};  // to receive one request, or send one answer
  std::size_t max_connections = 20000;
  std::string tls_certificate;  // PEM chain; with tls_key, every connection is TLS
  std::string tls_key;
};

class Server {
 public:
  // With a gate, every answer waits for its verdict (see AnswerGate).
  Server(ServerOptions options, const Router& router, AccessLog& log, AnswerGate* gate = nullptr);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  unsigned short port() const;
  bool tls() const;
  // Serves until stop(); runs the worker threads and joins them.
  void run();
  // Stops accepting and ends the event loops. Safe from any thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace og::http
