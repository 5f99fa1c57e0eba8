// The pacing of password guesses per key: free failures, then checks spaced
// out one behind the other, refused beyond the longest wait, forgotten after
// a while, cleared by a success.
#include <cppunit/extensions/HelperMacros.h>

#include <chrono>
#include <string>

#include "rules/auth/guess_backoff.hpp"

namespace og::test {

namespace {
using namespace og::rules::auth;
using namespace std::chrono_literals;

const Ms kT0{1'000'000};

// A key that has failed `n` times at kT0 and holds no reserved slot.
GuessState failed_times(const GuessPolicy& p, int n) {
  GuessState s;
  for (int i = 0; i < n; ++i) record_failure(p, s, kT0);
  return s;
}
}  // namespace

class AuthGuessBackoffTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(AuthGuessBackoffTest);
  CPPUNIT_TEST(spacing_is_free_then_doubles_to_the_cap);
  CPPUNIT_TEST(free_failures_are_never_held_up);
  CPPUNIT_TEST(parallel_guesses_queue_one_behind_the_other);
  CPPUNIT_TEST(a_check_beyond_the_longest_wait_is_refused_and_reserves_nothing);
  CPPUNIT_TEST(a_sequential_guesser_gets_one_check_per_spacing);
  CPPUNIT_TEST(success_clears_and_old_failures_are_forgotten);
  CPPUNIT_TEST(misconfigured_policies_and_huge_counts);
  CPPUNIT_TEST_SUITE_END();

 public:
  void spacing_is_free_then_doubles_to_the_cap() {
    GuessPolicy p;  // 5 free, 250 ms doubling, cap 8 s
    for (int f = 0; f < 5; ++f) CPPUNIT_ASSERT_EQUAL(0LL, static_cast<long long>(spacing(p, f).count()));
    const long long want[] = {250, 500, 1000, 2000, 4000, 8000, 8000, 8000};
    for (int i = 0; i < 8; ++i) CPPUNIT_ASSERT_EQUAL(want[i], static_cast<long long>(spacing(p, 5 + i).count()));
    // Every count from 0 to far beyond: never below the previous, never above the cap.
    Ms previous{0};
    for (int f = 0; f < 10'000; ++f) {
      Ms s = spacing(p, f);
      CPPUNIT_ASSERT(s >= previous && s <= p.cap);
      previous = s;
    }
  }

  void free_failures_are_never_held_up() {
    GuessPolicy p;
    for (int n = 0; n < p.free_failures; ++n) {
      GuessState s = failed_times(p, n);
      for (int i = 0; i < 100; ++i) {
        Admission a = admit(p, s, kT0);
        CPPUNIT_ASSERT(!a.refused);
        CPPUNIT_ASSERT_EQUAL(0LL, static_cast<long long>(a.wait.count()));
      }
    }
  }

  void parallel_guesses_queue_one_behind_the_other() {
    GuessPolicy p;
    GuessState s = failed_times(p, 7);  // spacing 1 s
    // Ten checks arriving at once: 0 s, 1 s, ... 10 s (the longest wait); the eleventh is refused.
    for (int i = 0; i <= 10; ++i) {
      Admission a = admit(p, s, kT0);
      CPPUNIT_ASSERT(!a.refused);
      CPPUNIT_ASSERT_EQUAL(1000LL * i, static_cast<long long>(a.wait.count()));
    }
    CPPUNIT_ASSERT(admit(p, s, kT0).refused);
    // Time passes: the queue drains at the same pace.
    Admission later = admit(p, s, kT0 + 5s);
    CPPUNIT_ASSERT(!later.refused);
    CPPUNIT_ASSERT_EQUAL(6000LL, static_cast<long long>(later.wait.count()));
  }

  void a_check_beyond_the_longest_wait_is_refused_and_reserves_nothing() {
    GuessPolicy p;
    p.max_wait = 0ms;                   // no waiting at all: one check per spacing, the rest refused
    GuessState s = failed_times(p, 6);  // spacing 500 ms
    CPPUNIT_ASSERT(!admit(p, s, kT0).refused);
    const GuessState before = s;
    for (int i = 0; i < 50; ++i) {
      Admission a = admit(p, s, kT0 + 499ms);
      CPPUNIT_ASSERT(a.refused);
      CPPUNIT_ASSERT_EQUAL(1LL, static_cast<long long>(a.wait.count()));
      CPPUNIT_ASSERT(s.next_slot == before.next_slot && s.failures == before.failures);
    }
    CPPUNIT_ASSERT(!admit(p, s, kT0 + 500ms).refused);
  }

  void a_sequential_guesser_gets_one_check_per_spacing() {
    // One guess after another, each failing as soon as it is checked: after
    // the free ones, the time between checks is the spacing of the count.
    GuessPolicy p;
    GuessState s;
    Ms now = kT0;
    Ms last_check = now;
    int checks = 0;
    while (now < kT0 + std::chrono::hours(1)) {
      Admission a = admit(p, s, now);
      CPPUNIT_ASSERT(!a.refused);  // one at a time never waits beyond the cap
      Ms at = now + a.wait;
      if (checks > p.free_failures) CPPUNIT_ASSERT(at - last_check >= spacing(p, s.failures - 1));
      last_check = at;
      record_failure(p, s, at);
      ++checks;
      now = at + 1ms;
    }
    // 5 free, then 250 ms, 500 ms, 1, 2, 4 s, then one per 8 s: about 456 in the hour, not 150 per second.
    CPPUNIT_ASSERT(checks > 440 && checks < 470);
  }

  void success_clears_and_old_failures_are_forgotten() {
    GuessPolicy p;
    GuessState s = failed_times(p, 20);
    record_success(s);
    CPPUNIT_ASSERT_EQUAL(0, s.failures);
    CPPUNIT_ASSERT_EQUAL(0LL, static_cast<long long>(admit(p, s, kT0).wait.count()));

    s = failed_times(p, 20);
    CPPUNIT_ASSERT(!forgotten(p, s, kT0 + p.forget - 1ms));
    CPPUNIT_ASSERT(forgotten(p, s, kT0 + p.forget));
    Admission a = admit(p, s, kT0 + p.forget);
    CPPUNIT_ASSERT(!a.refused && a.wait == 0ms);
    CPPUNIT_ASSERT_EQUAL(0, s.failures);
    // A failure after the forgetting time starts the count anew.
    s = failed_times(p, 20);
    record_failure(p, s, kT0 + p.forget);
    CPPUNIT_ASSERT_EQUAL(1, s.failures);
    // A reserved slot in the future is not forgotten, even if the failures are old.
    s = failed_times(p, 20);
    s.next_slot = kT0 + p.forget + 1s;
    CPPUNIT_ASSERT(!forgotten(p, s, kT0 + p.forget));
    // A key that never failed is nothing to keep.
    CPPUNIT_ASSERT(forgotten(p, GuessState{}, kT0));
  }

  void misconfigured_policies_and_huge_counts() {
    GuessPolicy p;
    p.base = 0ms;  // taken as 1 ms: a spacing of zero would not pace anything
    CPPUNIT_ASSERT_EQUAL(1LL, static_cast<long long>(spacing(p, p.free_failures).count()));
    p.base = -5ms;
    CPPUNIT_ASSERT_EQUAL(1LL, static_cast<long long>(spacing(p, p.free_failures).count()));
    p = GuessPolicy{};
    p.free_failures = -3;  // none free
    CPPUNIT_ASSERT_EQUAL(250LL, static_cast<long long>(spacing(p, 0).count()));
    p = GuessPolicy{};
    p.cap = 100ms;  // a cap below the base caps the base too
    CPPUNIT_ASSERT_EQUAL(100LL, static_cast<long long>(spacing(p, 5).count()));
    p = GuessPolicy{};
    GuessState s;
    for (int i = 0; i < 1'000'000; ++i) record_failure(p, s, kT0);
    CPPUNIT_ASSERT(s.failures <= 64);
    CPPUNIT_ASSERT(spacing(p, s.failures) == p.cap);
    CPPUNIT_ASSERT(spacing(p, 1 << 30) == p.cap);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(AuthGuessBackoffTest);

}  // namespace og::test
