// The hub's providers that speak Veloconnect: core::eproc::ProviderApi over
// VeloconnectClient. The core asks in its own terms (a product described by
// provider reference, brand + manufacturer reference or EAN); this class finds
// the provider's item id for it (resolution), asks for availability in one
// GetItemDetailsList, and places orders in two steps (CreateOrder, then
// FinishOrder), reading back with ViewOrder after a crash.
//
// Resolution: a provider reference is the item id itself (the details call
// tells whether the provider knows it); an EAN is a TextSearch for its digits,
// accepting the hit whose StandardItemIdentification has the same GTIN-14; a
// brand + reference is a TextSearch for the reference (as given, then in
// normalize_reference form), accepting the hits whose manufacturer and
// manufacturer's article number both normalise equal. One match resolves; none
// is "not carried", several "ambiguous". Outcomes (positive and negative) are
// cached per provider and product for a while; a failed call is never cached.
//
// Bounds: each call of the ProviderApi is bounded as a whole by the provider's
// timeout_ms (every search and exchange of it, and waiting for a slot), and a
// provider never has more than max_concurrent Veloconnect operations in
// flight, across every call of this object (an asynchronous semaphore: waiting
// blocks no thread).
#pragma once
#include <utility>  // before Boost: asio 1.74's awaitable.hpp uses std::exchange without it

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/eproc/provider_api.hpp"
#include "providers/http_client.hpp"
#include "providers/veloconnect_client.hpp"

namespace og::providers {

struct VeloconnectProviderOptions {
  std::chrono::milliseconds cache_ttl{std::chrono::minutes(10)};  // how long a resolution is believed
  std::size_t max_cache_entries = 100000;                         // the oldest go first beyond this
  std::int64_t search_hits = 50;  // hits read per resolution search (more similar articles than this: unlikely)
  VeloconnectClientOptions client;
};

class VeloconnectProvider : public core::eproc::ProviderApi {
 public:
  // `local_base` is this server's own base URL ("http://127.0.0.1:8080"): a provider URL "local:<seller>"
  // means local_base + "/veloconnect/<seller>". The client must outlive this object and its calls.
  VeloconnectProvider(HttpClient& http, std::string local_base, VeloconnectProviderOptions options = {});
  ~VeloconnectProvider() override;
  VeloconnectProvider(const VeloconnectProvider&) = delete;
  VeloconnectProvider& operator=(const VeloconnectProvider&) = delete;

  Task<core::eproc::AvailabilityAnswer> availability(const model::HubProvider& provider,
                                                     std::vector<core::eproc::AvailabilityAsk> asks,
                                                     CancelToken cancel) override;
  Task<core::eproc::StartResult> start_order(const model::HubProvider& provider,
                                             std::vector<core::eproc::OrderItem> items) override;
  Task<core::eproc::FinishResult> finish_order(const model::HubProvider& provider, std::string transaction,
                                               std::vector<core::eproc::OrderItem> items) override;
  Task<core::eproc::CallStatus> abandon_order(const model::HubProvider& provider, std::string transaction) override;
  Task<core::eproc::FinishResult> look_up_order(const model::HubProvider& provider, std::string transaction,
                                                std::vector<core::eproc::OrderItem> items) override;

  // The account a provider's fields give (its URL with "local:" resolved).
  VeloconnectAccount account(const model::HubProvider& provider) const;

  // Counters since construction; each exact, the set not one snapshot.
  struct Stats {
    std::uint64_t cache_hits = 0;    // resolutions answered from the cache
    std::uint64_t searches = 0;      // TextSearches made to resolve products
    std::uint64_t operations = 0;    // Veloconnect operations started (a search with its pages is one)
    std::size_t peak_in_flight = 0;  // most operations one provider ever had in flight at once
    std::size_t cache_entries = 0;   // now
  };
  Stats stats() const;

  // Forgets every cached resolution (e.g. after a provider's catalogue changed).
  void clear_cache();

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace og::providers
