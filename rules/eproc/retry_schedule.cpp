#include "rules/eproc/retry_schedule.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace og::rules::eproc {

std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int failed_attempts, double jitter) {
  using std::chrono::milliseconds;
  std::int64_t base = std::max<std::int64_t>(policy.base.count(), 1);
  std::int64_t cap = std::max<std::int64_t>(policy.cap.count(), 1);
  // Doubling stops at the cap, so no attempt count can overflow.
  std::int64_t wait = std::min(base, cap);
  for (int n = 1; n < failed_attempts && wait < cap; ++n) wait = wait > cap / 2 ? cap : wait * 2;
  if (std::isnan(jitter) || jitter < 0.0) jitter = 0.0;
  if (jitter >= 1.0) jitter = std::nextafter(1.0, 0.0);
  std::int64_t fixed = wait - wait / 2;
  auto random = static_cast<std::int64_t>(static_cast<double>(wait / 2) * jitter);
  return milliseconds(fixed + random);
}

std::optional<Instant> next_attempt(const RetryPolicy& policy, int failed_attempts, Instant failed_at, Instant deadline,
                                    double jitter) {
  if (failed_at >= deadline) return std::nullopt;
  Instant at = failed_at + backoff_delay(policy, failed_attempts, jitter);
  return std::min(at, deadline);
}

}  // namespace og::rules::eproc
