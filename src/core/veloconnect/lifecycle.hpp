// The lifecycle settings of Veloconnect instances (rules/veloconnect/lifecycle.hpp)
// and the periodic work that keeps them: idle instances ended, old ended ones
// and old SRM idempotency records purged.
#pragma once
#include <chrono>
#include <cstdint>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "model/veloconnect.hpp"
#include "rules/veloconnect/lifecycle.hpp"

namespace og::core::veloconnect {

struct Lifecycle {
  rules::veloconnect::Lifetimes lifetimes;
  rules::veloconnect::InstanceLimits limits;
  // Ended instances (and answered SRM messages) older than this are deleted.
  std::chrono::seconds retention{std::chrono::hours(24 * 30)};
  const Clock* clock = nullptr;
};

// `t` as it stands at the lifecycle's now: its state is the effective one.
model::Transaction as_of_now(model::Transaction t, const Lifecycle& lifecycle);

struct SweepReport {
  std::int64_t ended = 0;   // idle instances ended
  std::int64_t purged = 0;  // ended instances and SRM answers deleted
};

class Janitor {
 public:
  explicit Janitor(const Lifecycle& lifecycle) : lifecycle_(lifecycle) {}
  // One pass. Purging goes in slices of `batch` rows, one unit of work each,
  // so that no request waits behind one long deletion.
  Task<SweepReport> sweep(Context& ctx, std::int64_t batch = 1000);

 private:
  const Lifecycle& lifecycle_;
};

}  // namespace og::core::veloconnect
