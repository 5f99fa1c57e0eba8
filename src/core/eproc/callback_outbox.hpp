// Delivers settled orders to the clients that asked for callbacks, from the
// durable outbox (hub_callbacks): at least once, with exponential backoff,
// across restarts, until the client takes it (a 2xx) or the callback deadline
// after the order settled has passed. The receiver tells repeats apart by
// the idempotency key (the order's reference and the status it reports).
#pragma once
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "async/task.hpp"
#include "core/eproc/dispatcher.hpp"
#include "core/eproc/hub.hpp"
#include "core/eproc/provider_api.hpp"
#include "model/eproc.hpp"

namespace og::core::eproc {

class CallbackOutbox {
 public:
  CallbackOutbox(store::Store& store, CallbackSender& sender, Executor executor, HubSettings settings,
                 OutboxOptions options = {});
  void start();
  void wake();
  void stop();
  // As Dispatcher::hand_back.
  void hand_back();

  static std::string idempotency_key(const model::CallbackJob& job);

 private:
  Task<std::vector<model::CallbackJob>> due(std::size_t limit);
  Task<void> deliver(model::CallbackJob job);

  store::Store& store_;
  CallbackSender& sender_;
  HubSettings settings_;
  std::mt19937_64 random_;
  LeaseMaker leases_;
  std::shared_ptr<OutboxLoop<model::CallbackJob>> loop_;
};

}  // namespace og::core::eproc
