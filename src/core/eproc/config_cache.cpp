#include "core/eproc/config_cache.hpp"

#include "store/store.hpp"

namespace og::core::eproc {

namespace {
// Unknown names are remembered too (a client guessing names costs no store
// read each), but the map is bounded: past this it starts over.
constexpr std::size_t kMaxClients = 10000;
}  // namespace

Task<std::shared_ptr<const Directory>> ConfigCache::directory(Context& ctx) {
  {
    std::lock_guard lock(mutex_);
    if (directory_ && Clock::now() < directory_until_) co_return directory_;
  }
  auto load = [](store::ReadView& r) { return r.hub().hub_providers(); };
  auto providers = co_await ctx.store().read(ctx.commit(), load);
  auto fresh = std::make_shared<const Directory>(make_directory(std::move(providers)));
  std::lock_guard lock(mutex_);
  directory_ = fresh;
  directory_until_ = Clock::now() + ttl_;
  co_return fresh;
}

Task<std::optional<model::HubClient>> ConfigCache::client(Context& ctx, const std::string& id) {
  {
    std::lock_guard lock(mutex_);
    auto it = clients_.find(id);
    if (it != clients_.end() && Clock::now() < it->second.until) co_return it->second.client;
  }
  auto load = [&id](store::ReadView& r) { return r.hub().hub_client(id); };
  auto found = co_await ctx.store().read(ctx.commit(), load);
  std::lock_guard lock(mutex_);
  if (clients_.size() >= kMaxClients) clients_.clear();
  clients_[id] = CachedClient{found, Clock::now() + ttl_};
  co_return found;
}

}  // namespace og::core::eproc
