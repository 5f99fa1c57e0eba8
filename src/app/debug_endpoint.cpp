#include "app/debug_endpoint.hpp"

#include <boost/asio/steady_timer.hpp>

#include <algorithm>
#include <chrono>

namespace og::app {

namespace {

// The value of `name` in a query string (no decoding but %3A, %2F, %3F, %3D, %26).
std::string param(const std::string& query, const std::string& name) {
  std::string key = name + "=";
  std::size_t at = 0;
  while (at < query.size()) {
    std::size_t end = query.find('&', at);
    if (end == std::string::npos) end = query.size();
    if (query.compare(at, key.size(), key) == 0) {
      std::string value = query.substr(at + key.size(), end - at - key.size());
      std::string out;
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '%' && i + 2 < value.size()) {
          out += static_cast<char>(std::stoi(value.substr(i + 1, 2), nullptr, 16));
          i += 2;
        } else {
          out += value[i];
        }
      }
      return out;
    }
    at = end + 1;
  }
  return {};
}

http::Response text(int status, std::string body, const char* operation) {
  auto r = http::plain_text(status, std::move(body));
  r.face = "debug";
  r.operation = operation;
  r.outcome = std::to_string(status);
  return r;
}

}  // namespace

Task<http::Response> DebugEndpoint::handle(const http::Request& request) {
  if (request.path == "/debug/sleep") {
    long ms = 0;
    try {
      ms = std::clamp(std::stol(param(request.query, "ms")), 0L, 60'000L);
    } catch (...) {
      co_return text(400, "ms=<milliseconds> (0 to 60000)\n", "sleep");
    }
    boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor);
    timer.expires_after(std::chrono::milliseconds(ms));
    co_await timer.async_wait(boost::asio::use_awaitable);
    co_return text(200, "slept " + std::to_string(ms) + " ms\n", "sleep");
  }
  if (request.path == "/debug/fetch") {
    providers::HttpRequest out;
    out.method = "GET";
    out.url = param(request.query, "url");
    out.timeout = std::chrono::seconds(30);
    auto started = std::chrono::steady_clock::now();
    auto result = co_await client_.send(std::move(out), request.cancel);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    if (!result.ok())
      co_return text(502, "fetch failed: " + std::string(providers::to_string(result.error)) + "\n", "fetch");
    co_return text(200,
                   "fetched " + std::to_string(result.response.status) + " in " + std::to_string(ms.count()) + " ms\n",
                   "fetch");
  }
  co_return text(404, "no such debug endpoint\n", "-");
}

}  // namespace og::app
