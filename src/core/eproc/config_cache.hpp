// The operator's hub configuration (providers, clients) as requests need it:
// read from the store at most once per `ttl` instead of on every request, so
// an availability call or an order costs no store round trip before its own
// work. A change by `ordergate hub ...` applies within `ttl`.
#pragma once
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "async/task.hpp"
#include "core/context.hpp"
#include "core/eproc/directory.hpp"
#include "model/eproc.hpp"

namespace og::core::eproc {

class ConfigCache {
 public:
  explicit ConfigCache(std::chrono::milliseconds ttl) : ttl_(ttl) {}

  Task<std::shared_ptr<const Directory>> directory(Context& ctx);
  Task<std::optional<model::HubClient>> client(Context& ctx, const std::string& id);

 private:
  using Clock = std::chrono::steady_clock;
  std::chrono::milliseconds ttl_;
  std::mutex mutex_;
  std::shared_ptr<const Directory> directory_;
  Clock::time_point directory_until_{};
  struct CachedClient {
    std::optional<model::HubClient> client;
    Clock::time_point until;
  };
  std::unordered_map<std::string, CachedClient> clients_;
};

}  // namespace og::core::eproc
