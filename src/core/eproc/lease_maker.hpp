// The claims an outbox takes on due work: each has a name no other claim on
// the same database has (the instance's name, this run's random id and a
// count), so that a write made under an old claim is told apart from one
// under the new claim, and an instance started again under its name knows
// which claims were its own.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>

#include "store/hub_store.hpp"

namespace og::store {
class Store;
}

namespace og::core::eproc {

class LeaseMaker {
 public:
  LeaseMaker(const std::string& instance, std::chrono::milliseconds length);
  // A new claim, due work counted at the current time. One strand only.
  store::Lease next();

 private:
  std::chrono::milliseconds length_;
  std::string run_;
  std::uint64_t count_ = 0;
};

// What `instance` held when it last ran (killed, or stopped without handing
// back) is due again at once: call before its outboxes start. An instance's
// name must be its own: another instance running under it loses its claims.
void hand_back_previous_claims(store::Store& store, const std::string& instance);

}  // namespace og::core::eproc
