// Maps a request path to the endpoint that serves it.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/exchange.hpp"

namespace og::http {

class Router {
 public:
  void add(std::string path, Endpoint& endpoint) { routes_.emplace_back(std::move(path), &endpoint); }
  // Every path below `prefix` (which ends with '/'), e.g. /veloconnect/<seller>.
  void add_prefix(std::string prefix, Endpoint& endpoint) { prefixes_.emplace_back(std::move(prefix), &endpoint); }
  // The endpoint for `path`, or nullptr.
  Endpoint* find(std::string_view path) const;
  Task<Response> dispatch(const Request& request) const;

 private:
  std::vector<std::pair<std::string, Endpoint*>> routes_;
  std::vector<std::pair<std::string, Endpoint*>> prefixes_;
};

}  // namespace og::http
