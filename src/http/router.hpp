// Maps a request path to the face that serves it.
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
  Response dispatch(const Request& request) const;
  // The answer when what dispatch() did was lost (see Endpoint::not_applied).
  Response not_applied(const Request& request) const;

 private:
  std::vector<std::pair<std::string, Endpoint*>> routes_;
};

}  // namespace og::http
