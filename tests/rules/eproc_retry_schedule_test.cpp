// Exponential backoff with a cap, equal jitter from the caller, and a deadline
// that bounds the attempts.
#include <cppunit/extensions/HelperMacros.h>

#include <chrono>
#include <climits>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "rules/eproc/retry_schedule.hpp"

namespace og::test {

namespace {
using namespace og::rules::eproc;
using std::chrono::milliseconds;
using namespace std::chrono_literals;

const Instant kT0 = Instant(milliseconds(1'700'000'000'000));

long long ms(milliseconds d) {
  return static_cast<long long>(d.count());
}
}  // namespace

class EprocRetryScheduleTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(EprocRetryScheduleTest);
  CPPUNIT_TEST(doubling_up_to_the_cap_without_jitter);
  CPPUNIT_TEST(jitter_spreads_the_upper_half);
  CPPUNIT_TEST(bounds_for_every_attempt_and_jitter);
  CPPUNIT_TEST(huge_attempt_counts_do_not_overflow);
  CPPUNIT_TEST(misconfigured_policies);
  CPPUNIT_TEST(deadline);
  CPPUNIT_TEST(a_provider_down_for_good);
  CPPUNIT_TEST_SUITE_END();

 public:
  void doubling_up_to_the_cap_without_jitter() {
    RetryPolicy policy{1s, 60s};
    // jitter 0: half the wait.
    const long long want[] = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000};
    for (int n = 1; n <= 9; ++n)
      CPPUNIT_ASSERT_EQUAL_MESSAGE(std::to_string(n), want[n - 1], ms(backoff_delay(policy, n, 0.0)));
    // Fewer than one failure is the first.
    CPPUNIT_ASSERT_EQUAL(500LL, ms(backoff_delay(policy, 0, 0.0)));
    CPPUNIT_ASSERT_EQUAL(500LL, ms(backoff_delay(policy, -5, 0.0)));
  }

  void jitter_spreads_the_upper_half() {
    RetryPolicy policy{1s, 60s};
    CPPUNIT_ASSERT_EQUAL(750LL, ms(backoff_delay(policy, 1, 0.5)));
    CPPUNIT_ASSERT_EQUAL(999LL, ms(backoff_delay(policy, 1, 0.999)));
    CPPUNIT_ASSERT_EQUAL(1500LL, ms(backoff_delay(policy, 2, 0.5)));
    CPPUNIT_ASSERT_EQUAL(45000LL, ms(backoff_delay(policy, 20, 0.5)));
    // Out-of-range draws are clamped into [0, 1).
    CPPUNIT_ASSERT_EQUAL(500LL, ms(backoff_delay(policy, 1, -0.5)));
    CPPUNIT_ASSERT_EQUAL(500LL, ms(backoff_delay(policy, 1, std::nan(""))));
    CPPUNIT_ASSERT(ms(backoff_delay(policy, 1, 1.0)) < 1000);
    CPPUNIT_ASSERT(ms(backoff_delay(policy, 1, 7.0)) < 1000);
    CPPUNIT_ASSERT(ms(backoff_delay(policy, 1, std::numeric_limits<double>::infinity())) < 1000);
  }

  // Every attempt 1..80 with draws across [0, 1): at least half the capped
  // wait and at least 1 ms, less than the capped wait (or the 1 ms floor),
  // never more than the cap, and never shorter than an earlier attempt's at
  // the same draw.
  void bounds_for_every_attempt_and_jitter() {
    for (auto [base, cap] : {std::pair{1000ms, 300000ms}, std::pair{1ms, 10ms}, std::pair{3ms, 1000ms},
                             std::pair{250ms, 250ms}, std::pair{7ms, 100ms}}) {
      RetryPolicy policy{base, cap};
      for (double jitter : {0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999999}) {
        long long previous = 0;
        for (int n = 1; n <= 80; ++n) {
          long long wait = ms(base);
          for (int i = 1; i < n && wait < ms(cap); ++i) wait = std::min(wait * 2, ms(cap));
          wait = std::min(wait, ms(cap));
          long long d = ms(backoff_delay(policy, n, jitter));
          std::string label = std::to_string(ms(base)) + "/" + std::to_string(ms(cap)) + " n " + std::to_string(n) +
                              " j " + std::to_string(jitter) + " -> " + std::to_string(d);
          CPPUNIT_ASSERT_MESSAGE(label, d >= 1);
          CPPUNIT_ASSERT_MESSAGE(label, d >= (wait + 1) / 2);
          CPPUNIT_ASSERT_MESSAGE(label, d <= ms(cap));
          CPPUNIT_ASSERT_MESSAGE(label, d < wait || wait == 1);
          CPPUNIT_ASSERT_MESSAGE(label, d >= previous);
          previous = d;
        }
      }
    }
  }

  void huge_attempt_counts_do_not_overflow() {
    RetryPolicy policy{1000ms, std::chrono::hours(24 * 365)};
    long long cap = ms(policy.cap);
    CPPUNIT_ASSERT_EQUAL(cap / 2, ms(backoff_delay(policy, INT_MAX, 0.0)));
    CPPUNIT_ASSERT(ms(backoff_delay(policy, INT_MAX, 0.999)) <= cap);
    RetryPolicy wide{1ms, milliseconds(std::numeric_limits<std::int64_t>::max())};
    long long d = ms(backoff_delay(wide, INT_MAX, 0.999));
    CPPUNIT_ASSERT(d > 0);
    CPPUNIT_ASSERT(d <= std::numeric_limits<std::int64_t>::max());
  }

  void misconfigured_policies() {
    // A zero or negative base cannot make a loop spin.
    CPPUNIT_ASSERT_EQUAL(1LL, ms(backoff_delay(RetryPolicy{0ms, 10s}, 1, 0.0)));
    CPPUNIT_ASSERT_EQUAL(1LL, ms(backoff_delay(RetryPolicy{-5ms, 10s}, 1, 0.9)));
    CPPUNIT_ASSERT_EQUAL(2LL, ms(backoff_delay(RetryPolicy{0ms, 10s}, 3, 0.0)));
    // A cap below the base caps the base.
    CPPUNIT_ASSERT_EQUAL(250LL, ms(backoff_delay(RetryPolicy{10s, 500ms}, 1, 0.0)));
    CPPUNIT_ASSERT_EQUAL(250LL, ms(backoff_delay(RetryPolicy{10s, 500ms}, 9, 0.0)));
    CPPUNIT_ASSERT_EQUAL(1LL, ms(backoff_delay(RetryPolicy{10s, 0ms}, 9, 0.0)));
  }

  void deadline() {
    RetryPolicy policy{1s, 60s};
    Instant deadline = kT0 + 10s;
    // Well before: the plain backoff.
    CPPUNIT_ASSERT(next_attempt(policy, 1, kT0, deadline, 0.0) == kT0 + 500ms);
    // A retry that would land after the deadline is taken at the deadline.
    CPPUNIT_ASSERT(next_attempt(policy, 5, kT0 + 9s, deadline, 0.0) == deadline);
    CPPUNIT_ASSERT(next_attempt(policy, 1, deadline - 1ms, deadline, 0.999) == deadline);
    // A failure at or after the deadline ends it.
    CPPUNIT_ASSERT(!next_attempt(policy, 1, deadline, deadline, 0.0));
    CPPUNIT_ASSERT(!next_attempt(policy, 1, deadline + 1ms, deadline, 0.0));
    CPPUNIT_ASSERT(!next_attempt(policy, 1, kT0, kT0 - 1h, 0.0));
  }

  // A provider down for an hour, base 1 s, cap 5 min, a repeating draw: the
  // attempts grow, reach the deadline exactly once, and stop.
  void a_provider_down_for_good() {
    RetryPolicy policy{1s, 5min};
    Instant deadline = kT0 + 1h;
    const double draws[] = {0.3, 0.9, 0.0, 0.6, 0.45};
    std::vector<Instant> attempts{kT0};
    int failed = 0;
    while (true) {
      ++failed;
      auto next = next_attempt(policy, failed, attempts.back(), deadline, draws[failed % 5]);
      if (!next) break;
      CPPUNIT_ASSERT(*next > attempts.back());
      CPPUNIT_ASSERT(*next <= deadline);
      CPPUNIT_ASSERT(*next - attempts.back() <= policy.cap);
      attempts.push_back(*next);
      CPPUNIT_ASSERT_MESSAGE("bounded", attempts.size() < 1000);
    }
    CPPUNIT_ASSERT(attempts.back() == deadline);
    CPPUNIT_ASSERT_EQUAL(static_cast<int>(attempts.size()), failed);
    // Backoff reaches the cap after about nine doublings; an hour of 2.5-5
    // minute waits is 12 to 24 more attempts.
    CPPUNIT_ASSERT_MESSAGE(std::to_string(attempts.size()), attempts.size() >= 20 && attempts.size() <= 36);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(EprocRetryScheduleTest);

}  // namespace og::test
