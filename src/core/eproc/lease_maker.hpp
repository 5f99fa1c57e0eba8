// The claims an outbox takes on due work: each has a name no other claim on
// the same database has (the instance's name, this run's random id and a
// count), so that a write made under an old claim is told apart from one
// under the new claim, and an instance started again under its name knows
// which claims were its own.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/hub_store.hpp"
#include "store/store.hpp"

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

// What an outbox had not finished when its drain ended goes back in one unit,
// due again at once for any instance (`hand_back` is the writer's call for
// the outbox's kind of job).
template <class Job>
void hand_back_unfinished(store::Store& store, const std::vector<Job>& jobs, const std::string& now,
                          void (store::HubWriter::*hand_back)(const Job&, std::string_view)) {
  if (jobs.empty()) return;
  store.write_now([&](store::UnitOfWork& uow) {
    for (const auto& job : jobs) (uow.hub().*hand_back)(job, now);
  });
}

}  // namespace og::core::eproc
