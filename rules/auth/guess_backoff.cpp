#include "rules/auth/guess_backoff.hpp"

#include <algorithm>

namespace og::rules::auth {

namespace {

// Beyond this many failures the spacing is at its cap anyway; counting on
// would only risk overflow.
constexpr int kMaxCounted = 64;

}  // namespace

Ms spacing(const GuessPolicy& policy, int failures) {
  const int over = failures - std::max(0, policy.free_failures);
  if (over < 0) return Ms{0};
  const Ms base = std::max(policy.base, Ms{1});
  const Ms cap = std::max(policy.cap, Ms{0});
  Ms wait = base;
  for (int i = 0; i < over && wait < cap; ++i) wait *= 2;
  return std::min(wait, cap);
}

bool forgotten(const GuessPolicy& policy, const GuessState& state, Ms now) {
  if (state.next_slot > now) return false;  // a reserved slot still spaces checks out
  return state.failures == 0 || now - state.last_failure >= policy.forget;
}

Admission admit(const GuessPolicy& policy, GuessState& state, Ms now) {
  if (forgotten(policy, state, now)) state = GuessState{};
  if (state.failures < policy.free_failures) return {};
  const Ms slot = std::max(now, state.next_slot);
  const Ms wait = slot - now;
  if (wait > policy.max_wait) return {true, wait};
  state.next_slot = slot + spacing(policy, state.failures);
  return {false, wait};
}

void record_failure(const GuessPolicy& policy, GuessState& state, Ms now) {
  if (state.failures > 0 && now - state.last_failure >= policy.forget && state.next_slot <= now) state = GuessState{};
  state.failures = std::min(state.failures + 1, kMaxCounted);
  state.last_failure = now;
}

void record_success(GuessState& state) {
  state = GuessState{};
}

}  // namespace og::rules::auth
