// A small synchronous HTTP/1.1 client for tests (Boost.Beast), keep-alive
// capable, optionally over TLS without certificate checks.
#pragma once
#include <map>
#include <memory>
#include <string>

namespace og::test {

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

class HttpClient {
 public:
  HttpClient(std::string host, unsigned short port, bool tls = false);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpReply get(const std::string& target, const std::map<std::string, std::string>& headers = {});
  HttpReply post(const std::string& target, const std::string& body, const std::string& content_type,
                 const std::map<std::string, std::string>& headers = {});
  // Sends raw bytes on a fresh connection and returns whatever came back.
  std::string raw(const std::string& bytes);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace og::test
