// The e-procurement hub's core: availability across a client's providers in
// one call, orders accepted durably and pushed to providers later (by the
// Dispatcher), orders read back by reference. Decisions come from
// rules/eproc; this class loads what they need, calls providers through
// ProviderApi and keeps orders through the store. How any of it looks on the
// wire (JSON, SOAP, problem types, HTTP statuses) is the face's business
// (src/eproc), mapped in one place there.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "async/task.hpp"
#include "core/auth/password_check.hpp"
#include "core/clock.hpp"
#include "core/context.hpp"
#include "core/eproc/config_cache.hpp"
#include "core/eproc/provider_api.hpp"
#include "model/eproc.hpp"
#include "rules/eproc/batch_validation.hpp"
#include "rules/eproc/limits.hpp"
#include "rules/eproc/retry_schedule.hpp"

namespace og::core::eproc {

struct HubSettings {
  rules::eproc::Limits limits;
  // A provider's items not ordered by then (after retries) are "not ordered".
  std::chrono::seconds dispatch_deadline{std::chrono::minutes(15)};
  rules::eproc::RetryPolicy dispatch_retry;
  // Callbacks are retried this long after the order settled, then given up.
  std::chrono::seconds callback_deadline{std::chrono::hours(24)};
  rules::eproc::RetryPolicy callback_retry{std::chrono::seconds(2), std::chrono::minutes(10)};
  // Providers and clients are read from the store at most this often.
  std::chrono::milliseconds config_ttl{1000};
  std::chrono::seconds password_memory{std::chrono::minutes(5)};
  GuessLimits guesses;
};

// How a hub call ended, before any answer content. One enum for the face to
// map to HTTP statuses / SOAP faults in one place.
enum class HubError {
  None,
  Refused,      // validation: `faults` says why (nothing was done)
  Conflict,     // the client reference names an order with another body
  NotFound,     // no such order for this client
  Unavailable,  // the store failed or is not writable: try again
};

// One provider's answer to one client request.
struct ProviderAnswer {
  std::string provider;
  CallStatus status = CallStatus::Ok;    // of the provider's call
  std::optional<ItemAvailability> item;  // with Ok
};

struct RequestAnswer {
  std::size_t index = 0;                  // the client's request
  std::vector<ProviderAnswer> providers;  // every provider asked, in directory order
};

struct AvailabilityOutcome {
  HubError error = HubError::None;
  std::vector<rules::eproc::Fault> faults;  // with Refused
  std::vector<RequestAnswer> answers;       // one per request, in the client's order
};

struct OrderOutcome {
  HubError error = HubError::None;
  std::vector<rules::eproc::Fault> faults;  // with Refused
  model::HubOrder order;                    // with None
  bool replayed = false;                    // the same client reference again: the order as it is now
};

class Hub {
 public:
  Hub(ProviderApi& providers, Executor hashing, const Clock& clock, HubSettings settings);

  // The client whose HTTP Basic credentials these are, or nullopt.
  Task<std::optional<model::HubClient>> authenticate(Context& ctx, const std::string& client_id,
                                                     const std::string& password);

  // The client as configured now (for a bearer token, which names its
  // client): a client removed or changed since the token was issued is seen.
  Task<std::optional<model::HubClient>> client(Context& ctx, const std::string& client_id);
  PasswordStats password_stats() const { return passwords_.stats(); }

  // Every request validated first (all or nothing), then one call per
  // provider in parallel, each bounded by the provider's timeout.
  Task<AvailabilityOutcome> availability(Context& ctx, const model::HubClient& client,
                                         std::vector<rules::eproc::RequestLine> requests);

  // Validated, then stored with one dispatch per provider in one unit of
  // work; answered (status 2) only once that is durable (the face asks
  // ctx.durable()). `wake` is called after the commit so the dispatcher
  // starts at once instead of at its next poll.
  Task<OrderOutcome> place_order(Context& ctx, const model::HubClient& client, rules::eproc::OrderRequest request);

  Task<OrderOutcome> read_order(Context& ctx, const model::HubClient& client, const std::string& reference);

  const HubSettings& settings() const { return settings_; }
  void on_order_placed(std::function<void()> wake) { wake_ = std::move(wake); }

 private:
  ProviderApi& providers_;
  const Clock& clock_;
  HubSettings settings_;
  PasswordCheck passwords_;
  ConfigCache config_;
  std::function<void()> wake_;
};

}  // namespace og::core::eproc
