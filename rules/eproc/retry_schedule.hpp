// When to try again after a failed provider dispatch or callback delivery.
// Pure: the caller passes the time of the failure, the deadline and a random
// draw, so the schedule is the same in tests and in production.
//
// Exponential backoff: the n-th failure waits base * 2^(n-1), never more than
// cap. "Equal jitter": half of that wait is fixed and half is scaled by the
// caller's draw in [0, 1). The fixed half guarantees a provider that just
// failed is not hit again at once (full jitter may draw 0); the random half
// spreads the retries of many orders that failed together (1,000 orders in
// flight to a provider that went down) so they do not return in lockstep.
//
// The deadline bounds the attempts, not the wait: a retry that would fall
// after the deadline is moved to the deadline itself, so the last chance is
// taken rather than given up early; a failure at or after the deadline ends
// the retries (the dispatch's items become "not ordered", a callback stops).
#pragma once
#include <chrono>
#include <optional>

namespace og::rules::eproc {

using Instant = std::chrono::sys_time<std::chrono::milliseconds>;

struct RetryPolicy {
  // The wait after the first failure. A zero or negative base is taken as
  // 1 ms, so a misconfiguration cannot make a retry loop spin.
  std::chrono::milliseconds base{1'000};
  // No wait is longer than this (a cap below base caps base too).
  std::chrono::milliseconds cap{std::chrono::minutes(5)};
};

// The wait after `failed_attempts` failures (1 = the first failure; less is
// taken as 1). `jitter` is the caller's uniform draw in [0, 1); a value
// outside is clamped into it (NaN as 0).
std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int failed_attempts, double jitter);

// When to try next after the `failed_attempts`-th failure at `failed_at`, or
// nothing: give up (`failed_at` is at or past `deadline`).
std::optional<Instant> next_attempt(const RetryPolicy& policy, int failed_attempts, Instant failed_at, Instant deadline,
                                    double jitter);

}  // namespace og::rules::eproc
