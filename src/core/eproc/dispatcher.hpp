// Pushes accepted orders to their providers, from the durable outbox
// (hub_dispatches): one dispatch per provider per order. The outbox, not this
// object, holds the work, so a restart (or kill -9) resumes where the store
// says: a dispatch still "pending" never reached a provider's order (at most
// an open transaction there, which never becomes an order); one "started"
// has the provider's transaction recorded, and is asked about (look-up)
// before anything is sent again, so no provider receives an order twice.
//
// Memory and threads are bounded whatever the backlog: at most
// `max_in_flight` dispatches are worked at once, as coroutines on one
// executor; the rest wait in the store.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "async/task.hpp"
#include "core/eproc/hub.hpp"
#include "core/eproc/lease_maker.hpp"
#include "core/eproc/provider_api.hpp"
#include "model/eproc.hpp"

namespace og::store {
class Store;
class UnitOfWork;
}  // namespace og::store

namespace og::core::eproc {

struct OutboxOptions {
  std::chrono::milliseconds poll{1000};  // how often due work is looked for when nobody wakes us
  std::size_t max_in_flight = 64;
  // How long a claimed job is this instance's alone: longer than one
  // attempt's calls take, since after it another instance takes the job over.
  std::chrono::milliseconds lease{60000};
  // This instance's name among those on one database (its claims carry it).
  std::string instance = "ordergate";
};

template <class Job>
class OutboxLoop;

class Dispatcher {
 public:
  Dispatcher(store::Store& store, ProviderApi& providers, Executor executor, HubSettings settings,
             OutboxOptions options = {});
  void start();
  // Look for due work now (after an order was placed). Any thread.
  void wake();
  // No new attempts; attempts in flight end on their own (their outcome is
  // stored, or they are picked up again after a restart).
  void stop();
  // Once the executor has stopped: the dispatches claimed and not finished
  // become due again at once, for another instance (or the next start).
  void hand_back();
  // Called (on the dispatcher's strand) after an order settled, so its
  // callback goes out at once instead of at the callback outbox's next poll.
  void on_settled(std::function<void()> hook) { settled_ = std::move(hook); }

 private:
  Task<std::vector<model::Dispatch>> due(std::size_t limit);
  Task<void> attempt(model::Dispatch dispatch);
  Task<void> failed(model::Dispatch dispatch, CallStatus status, std::string detail);
  Task<void> give_up(model::Dispatch dispatch, std::string why);

  store::Store& store_;
  ProviderApi& providers_;
  HubSettings settings_;
  std::mt19937_64 random_;
  LeaseMaker leases_;
  std::shared_ptr<OutboxLoop<model::Dispatch>> loop_;
  std::function<void()> settled_;
};

// What a settled share of an order does to the order: the lines' outcomes are
// set, the order's status derived, and a callback queued when it settled and
// the client wants one. Shared by the dispatcher's paths; pure but for `uow`.
// Returns true when the order settled by this.
bool settle_lines(store::UnitOfWork& uow, const std::string& reference, const std::string& provider,
                  const std::function<void(model::HubOrderLine&)>& apply, const std::string& now_iso);

}  // namespace og::core::eproc
