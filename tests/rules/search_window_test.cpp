// SearchResult paging: whatever StartIndex and Count a client sends, the
// window must lie inside the hits and never exceed the page limit.
#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>

#include "rules/veloconnect/search_window.hpp"

namespace og::test {

namespace {
using og::rules::veloconnect::clamp_window;
using og::rules::veloconnect::SearchWindow;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

std::string text(SearchWindow w) {
  return std::to_string(w.start) + "+" + std::to_string(w.count);
}
std::string text(std::int64_t start, std::int64_t count) {
  return std::to_string(start) + "+" + std::to_string(count);
}
}  // namespace

class SearchWindowTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(SearchWindowTest);
  CPPUNIT_TEST(window_inside_hits_is_unchanged);
  CPPUNIT_TEST(negative_start_becomes_zero);
  CPPUNIT_TEST(start_past_the_end_is_empty_at_the_end);
  CPPUNIT_TEST(negative_count_becomes_zero);
  CPPUNIT_TEST(count_is_capped_at_max);
  CPPUNIT_TEST(count_is_capped_at_remaining_hits);
  CPPUNIT_TEST(zero_total_gives_empty_window);
  CPPUNIT_TEST(zero_or_negative_max_gives_empty_window);
  CPPUNIT_TEST(extreme_values_do_not_overflow);
  CPPUNIT_TEST(grid_against_independent_expectation);
  CPPUNIT_TEST_SUITE_END();

 public:
  void window_inside_hits_is_unchanged() {
    CPPUNIT_ASSERT_EQUAL(text(0, 10), text(clamp_window(0, 10, 100, 50)));
    CPPUNIT_ASSERT_EQUAL(text(20, 10), text(clamp_window(20, 10, 100, 50)));
    CPPUNIT_ASSERT_EQUAL(text(90, 10), text(clamp_window(90, 10, 100, 50)));
    CPPUNIT_ASSERT_EQUAL(text(0, 50), text(clamp_window(0, 50, 100, 50)));
    CPPUNIT_ASSERT_EQUAL(text(0, 0), text(clamp_window(0, 0, 100, 50)));
  }

  void negative_start_becomes_zero() {
    CPPUNIT_ASSERT_EQUAL(text(0, 10), text(clamp_window(-1, 10, 100, 50)));
    CPPUNIT_ASSERT_EQUAL(text(0, 10), text(clamp_window(-1000, 10, 100, 50)));
  }

  void start_past_the_end_is_empty_at_the_end() {
    CPPUNIT_ASSERT_EQUAL(text(100, 0), text(clamp_window(100, 10, 100, 50)));
    CPPUNIT_ASSERT_EQUAL(text(100, 0), text(clamp_window(101, 10, 100, 50)));
    CPPUNIT_ASSERT_EQUAL(text(100, 0), text(clamp_window(5000, 10, 100, 50)));
  }

  void negative_count_becomes_zero() {
    CPPUNIT_ASSERT_EQUAL(text(5, 0), text(clamp_window(5, -1, 100, 50)));
    CPPUNIT_ASSERT_EQUAL(text(5, 0), text(clamp_window(5, -100, 100, 50)));
  }

  void count_is_capped_at_max() {
    CPPUNIT_ASSERT_EQUAL(text(0, 50), text(clamp_window(0, 51, 100, 50)));
    CPPUNIT_ASSERT_EQUAL(text(10, 50), text(clamp_window(10, 1000, 100, 50)));
    CPPUNIT_ASSERT_EQUAL(text(0, 1), text(clamp_window(0, 10, 100, 1)));
  }

  void count_is_capped_at_remaining_hits() {
    CPPUNIT_ASSERT_EQUAL(text(95, 5), text(clamp_window(95, 10, 100, 50)));
    CPPUNIT_ASSERT_EQUAL(text(99, 1), text(clamp_window(99, 10, 100, 50)));
    CPPUNIT_ASSERT_EQUAL(text(0, 3), text(clamp_window(0, 10, 3, 50)));
    // Both caps at once: the smaller wins.
    CPPUNIT_ASSERT_EQUAL(text(60, 40), text(clamp_window(60, 1000, 100, 50)));
    CPPUNIT_ASSERT_EQUAL(text(40, 50), text(clamp_window(40, 1000, 100, 50)));
  }

  void zero_total_gives_empty_window() {
    CPPUNIT_ASSERT_EQUAL(text(0, 0), text(clamp_window(0, 10, 0, 50)));
    CPPUNIT_ASSERT_EQUAL(text(0, 0), text(clamp_window(5, 10, 0, 50)));
    CPPUNIT_ASSERT_EQUAL(text(0, 0), text(clamp_window(-5, -10, 0, 50)));
    // A negative total cannot come from a count of hits; treat it as none.
    CPPUNIT_ASSERT_EQUAL(text(0, 0), text(clamp_window(3, 10, -7, 50)));
  }

  void zero_or_negative_max_gives_empty_window() {
    CPPUNIT_ASSERT_EQUAL(text(0, 0), text(clamp_window(0, 10, 100, 0)));
    CPPUNIT_ASSERT_EQUAL(text(7, 0), text(clamp_window(7, 10, 100, -1)));
  }

  void extreme_values_do_not_overflow() {
    CPPUNIT_ASSERT_EQUAL(text(0, 50), text(clamp_window(kMin, kMax, 100, 50)));
    CPPUNIT_ASSERT_EQUAL(text(100, 0), text(clamp_window(kMax, kMax, 100, 50)));
    CPPUNIT_ASSERT_EQUAL(text(0, 0), text(clamp_window(kMin, kMin, 100, 50)));
    CPPUNIT_ASSERT_EQUAL(text(kMax - 10, 10), text(clamp_window(kMax - 10, kMax, kMax, kMax)));
    CPPUNIT_ASSERT_EQUAL(text(0, 0), text(clamp_window(0, 10, kMin, 50)));
    CPPUNIT_ASSERT_EQUAL(text(0, 0), text(clamp_window(0, 10, 100, kMin)));
  }

  void grid_against_independent_expectation() {
    for (std::int64_t total = -2; total <= 10; ++total)
      for (std::int64_t max = -1; max <= 6; ++max)
        for (std::int64_t start = -3; start <= 13; ++start)
          for (std::int64_t count = -3; count <= 13; ++count) {
            // Walk the hits one by one: those from the (clamped) start, as many
            // as asked for and allowed.
            std::int64_t hits = total < 0 ? 0 : total;
            std::int64_t first = start < 0 ? 0 : start > hits ? hits : start;
            std::int64_t taken = 0;
            for (std::int64_t i = first; i < hits && taken < count && taken < max; ++i) ++taken;
            std::string label = "start " + std::to_string(start) + " count " + std::to_string(count) + " total " +
                                std::to_string(total) + " max " + std::to_string(max);
            SearchWindow w = clamp_window(start, count, total, max);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(label, text(first, taken), text(w));
            CPPUNIT_ASSERT_MESSAGE(
                label, w.start >= 0 && w.count >= 0 && w.start + w.count <= std::max<std::int64_t>(total, 0));
          }
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SearchWindowTest);

}  // namespace og::test
