// The receipt module's decisions (rules/veloconnect/receipts), each against an
// independent reading of its definition over every combination of a small
// domain: windows day by day, header selection over every list of up to five
// headers on the days around a window, filters over every combination of
// references.
#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "rules/veloconnect/receipts.hpp"

namespace og::test {

namespace {
namespace rv = og::rules::veloconnect;
using og::rules::Date;

Date day(int n) {
  return Date::parse("2026-12-10")->plus_days(n);
}

std::string text(const std::variant<rv::DateWindow, rv::WindowRefused>& w) {
  if (auto* r = std::get_if<rv::WindowRefused>(&w)) return "refused: " + r->reason;
  auto& d = std::get<rv::DateWindow>(w);
  return d.from.to_string() + ".." + d.thru.to_string();
}
}  // namespace

class ReceiptsTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(ReceiptsTest);
  CPPUNIT_TEST(window_examples);
  CPPUNIT_TEST(window_grid_against_independent_expectation);
  CPPUNIT_TEST(headers_examples);
  CPPUNIT_TEST(headers_every_list_of_up_to_five);
  CPPUNIT_TEST(filters_every_combination);
  CPPUNIT_TEST(details_limit);
  CPPUNIT_TEST(confirmation_ids);
  CPPUNIT_TEST_SUITE_END();

 public:
  void window_examples() {
    Date today = day(0);
    CPPUNIT_ASSERT_EQUAL(std::string("2026-09-12..2026-12-10"), text(rv::query_window({}, {}, today, 90)));
    CPPUNIT_ASSERT_EQUAL(std::string("2026-12-01..2026-12-10"), text(rv::query_window(day(-9), {}, today, 90)));
    CPPUNIT_ASSERT_EQUAL(std::string("2026-12-20..2026-12-20"), text(rv::query_window(day(10), {}, today, 90)));
    CPPUNIT_ASSERT_EQUAL(std::string("2026-11-02..2026-11-30"),
                         text(rv::query_window({}, Date::parse("2026-11-30"), today, 29)));
    CPPUNIT_ASSERT_EQUAL(std::string("2026-12-05..2026-12-05"), text(rv::query_window(day(-5), day(-5), today, 90)));
    CPPUNIT_ASSERT_EQUAL(std::string("refused: DateRange: FromDate 2026-12-06 is after ThruDate 2026-12-05"),
                         text(rv::query_window(day(-4), day(-5), today, 90)));
    // A window far in the past or future is what was asked for.
    CPPUNIT_ASSERT_EQUAL(std::string("2000-01-01..2030-12-31"),
                         text(rv::query_window(Date::parse("2000-01-01"), Date::parse("2030-12-31"), today, 90)));
  }

  void window_grid_against_independent_expectation() {
    Date today = day(0);
    std::vector<std::optional<Date>> bounds{std::nullopt};
    for (int d = -4; d <= 4; ++d) bounds.push_back(day(d));
    for (int days : {-1, 0, 1, 2, 7, 90})
      for (const auto& from : bounds)
        for (const auto& thru : bounds) {
          auto w = rv::query_window(from, thru, today, days);
          std::string label = (from ? from->to_string() : "-") + " " + (thru ? thru->to_string() : "-") + " days " +
                              std::to_string(days);
          if (from && thru && *from > *thru) {
            CPPUNIT_ASSERT_MESSAGE(label, std::holds_alternative<rv::WindowRefused>(w));
            continue;
          }
          CPPUNIT_ASSERT_MESSAGE(label, std::holds_alternative<rv::DateWindow>(w));
          auto win = std::get<rv::DateWindow>(w);
          // Day by day: which days of -200..+200 must be in the window.
          int length = std::max(days, 1);
          for (int d = -200; d <= 200; ++d) {
            Date x = day(d);
            bool want;
            if (from && thru)
              want = *from <= x && x <= *thru;
            else if (from)
              want = *from <= x && (x <= today || x == *from);
            else {
              Date end = thru.value_or(today);
              int back = static_cast<int>((end.days() - x.days()).count());
              want = back >= 0 && back < length;
            }
            CPPUNIT_ASSERT_EQUAL_MESSAGE(label + " day " + x.to_string(), want, win.contains(x));
          }
        }
  }

  void headers_examples() {
    rv::DateWindow w{day(-10), day(0)};
    std::vector<rv::HeaderKey> c{{day(-1), "A"}, {day(-3), "B"}, {day(-1), "C"}, {day(-11), "X"}, {day(-2), "D"}};
    auto all = rv::select_headers(c, w, 10);
    CPPUNIT_ASSERT(all.complete);
    CPPUNIT_ASSERT((all.listed == std::vector<std::size_t>{2, 0, 4, 1}));  // newest first, outside X left out
    CPPUNIT_ASSERT(all.covered == w);
    // Two fit, but the second day (-2) would be cut after D: only whole days.
    auto cut = rv::select_headers(c, w, 3);
    CPPUNIT_ASSERT(!cut.complete);
    CPPUNIT_ASSERT((cut.listed == std::vector<std::size_t>{2, 0, 4}));
    CPPUNIT_ASSERT(cut.covered == (rv::DateWindow{day(-2), day(0)}));
    auto two = rv::select_headers(c, w, 2);
    CPPUNIT_ASSERT((two.listed == std::vector<std::size_t>{2, 0}));
    CPPUNIT_ASSERT(two.covered == (rv::DateWindow{day(-1), day(0)}));
    // One day holds more than the limit: part of that day, and it says so.
    auto part = rv::select_headers(c, w, 1);
    CPPUNIT_ASSERT(part.partial_day && !part.complete);
    CPPUNIT_ASSERT((part.listed == std::vector<std::size_t>{2}));
    CPPUNIT_ASSERT(part.covered == (rv::DateWindow{day(-1), day(-1)}));
    auto none = rv::select_headers({}, w, 5);
    CPPUNIT_ASSERT(none.complete && none.listed.empty() && none.covered == w);
  }

  // Every list of 0..5 headers on the days around a three-day window (two
  // before and after it included), every limit 0..6: the selection against
  // what its definition says.
  void headers_every_list_of_up_to_five() {
    rv::DateWindow w{day(0), day(2)};
    const int kDays[] = {-1, 0, 1, 2, 3};
    std::size_t checked = 0;
    for (int n = 0; n <= 5; ++n) {
      int combos = 1;
      for (int i = 0; i < n; ++i) combos *= 5;
      for (int code = 0; code < combos; ++code) {
        std::vector<rv::HeaderKey> c;
        int rest = code;
        for (int i = 0; i < n; ++i) {
          // IDs in no particular order, unique.
          c.push_back({day(kDays[rest % 5]), std::string(1, static_cast<char>('a' + (i * 3) % 7))});
          rest /= 5;
        }
        for (std::size_t max = 0; max <= 6; ++max) {
          check_selection(c, w, max);
          ++checked;
        }
      }
    }
    CPPUNIT_ASSERT(checked > 20000);
  }

  void filters_every_combination() {
    using List = std::vector<std::string>;
    const std::vector<List> wanted{{}, {"a"}, {"a", "b"}, {"c"}};
    const std::vector<List> have{{}, {"a"}, {"b"}, {"c"}, {"a", "c"}};
    const std::vector<std::optional<std::string>> refs{std::nullopt, "r1", "r2"};
    const std::vector<std::optional<Date>> dates{std::nullopt, day(0), day(1)};
    auto intersects = [](const List& want, const List& got) {
      std::set<std::string> g(got.begin(), got.end());
      for (const auto& x : want)
        if (g.count(x)) return true;
      return false;
    };
    std::size_t checked = 0;
    for (const auto& fo : wanted)
      for (const auto& fc : wanted)
        for (const auto& fd : wanted)
          for (const auto& ho : have)
            for (const auto& hc : have)
              for (const auto& hd : have) {
                rv::ReferenceFilter f{fo, fc, fd, std::nullopt, std::nullopt};
                rv::References r{ho, hc, hd, std::nullopt, std::nullopt};
                bool want = (fo.empty() || intersects(fo, ho)) && (fc.empty() || intersects(fc, hc)) &&
                            (fd.empty() || intersects(fd, hd));
                CPPUNIT_ASSERT_EQUAL(want, rv::matches(f, r));
                ++checked;
              }
    for (const auto& fr : refs)
      for (const auto& fdt : dates)
        for (const auto& hr : refs)
          for (const auto& hdt : dates) {
            rv::ReferenceFilter f{{}, {}, {}, fr, fdt};
            rv::References r{{}, {}, {}, hr, hdt};
            bool want = (!fr || fr == hr) && (!fdt || fdt == hdt);
            CPPUNIT_ASSERT_EQUAL(want, rv::matches(f, r));
            ++checked;
          }
    CPPUNIT_ASSERT(checked >= 8000);
  }

  void details_limit() {
    for (std::size_t max = 0; max <= 5; ++max)
      for (std::size_t count = 0; count <= max + 3; ++count) {
        auto refused = rv::details_refused(count, max, "DeliveryNoteDetails");
        CPPUNIT_ASSERT_EQUAL(count > max, refused.has_value());
        if (refused)
          CPPUNIT_ASSERT_EQUAL(
              "at most " + std::to_string(max) + " IDs per DeliveryNoteDetails (" + std::to_string(count) + " sent)",
              *refused);
      }
  }

  void confirmation_ids() {
    CPPUNIT_ASSERT_EQUAL(std::string("OC-OG-00000001"), rv::confirmation_id_of("OG-00000001"));
    for (const char* order : {"OG-00000001", "OG-99999999", "X", "OC-1", "a b"})
      CPPUNIT_ASSERT_EQUAL(std::string(order), rv::order_id_of(rv::confirmation_id_of(order)).value_or("?"));
    for (const char* other : {"", "OC-", "OG-00000001", "oc-OG-00000001", "OC", " OC-OG-1"})
      CPPUNIT_ASSERT_MESSAGE(other, !rv::order_id_of(other));
  }

 private:
  static void check_selection(const std::vector<rv::HeaderKey>& c, rv::DateWindow w, std::size_t max) {
    auto s = rv::select_headers(c, w, max);
    std::string label = "n " + std::to_string(c.size()) + " max " + std::to_string(max);
    for (const auto& h : c) label += " " + h.issue_date.to_string().substr(8) + h.id;
    std::vector<std::size_t> inside;
    for (std::size_t i = 0; i < c.size(); ++i)
      if (w.contains(c[i].issue_date)) inside.push_back(i);
    auto newer = [&](std::size_t a, std::size_t b) {
      return c[a].issue_date != c[b].issue_date ? c[a].issue_date > c[b].issue_date : c[a].id > c[b].id;
    };
    // At most max, each listed once, only from the window, newest first.
    CPPUNIT_ASSERT_MESSAGE(label, s.listed.size() <= max);
    std::set<std::size_t> seen(s.listed.begin(), s.listed.end());
    CPPUNIT_ASSERT_MESSAGE(label, seen.size() == s.listed.size());
    for (auto i : s.listed) CPPUNIT_ASSERT_MESSAGE(label, w.contains(c[i].issue_date));
    for (std::size_t k = 1; k < s.listed.size(); ++k)
      CPPUNIT_ASSERT_MESSAGE(label, newer(s.listed[k - 1], s.listed[k]));
    // The listed are the newest ones: nothing left out is newer than one listed.
    for (auto i : inside)
      if (!seen.count(i))
        for (auto j : s.listed) CPPUNIT_ASSERT_MESSAGE(label, newer(j, i));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(label, inside.size() == s.listed.size(), s.complete);
    CPPUNIT_ASSERT_MESSAGE(label, s.covered.thru == w.thru || s.partial_day);
    CPPUNIT_ASSERT_MESSAGE(label, s.covered.from >= w.from && s.covered.from <= s.covered.thru);
    if (s.complete) {
      CPPUNIT_ASSERT_MESSAGE(label, s.covered == w && !s.partial_day);
      return;
    }
    // Cut: a listed header exists whenever the window has any and max > 0.
    if (max > 0) CPPUNIT_ASSERT_MESSAGE(label, !s.listed.empty());
    if (s.partial_day) {
      // Only when the newest day alone holds more than max.
      Date first = c[s.listed.empty() ? inside.front() : s.listed.front()].issue_date;
      std::size_t on_day = 0;
      Date newest = c[inside.front()].issue_date;
      for (auto i : inside) newest = std::max(newest, c[i].issue_date);
      for (auto i : inside) on_day += c[i].issue_date == newest ? 1 : 0;
      CPPUNIT_ASSERT_MESSAGE(label, on_day > max);
      CPPUNIT_ASSERT_MESSAGE(label, s.covered == (rv::DateWindow{newest, newest}));
      (void)first;
      return;
    }
    // The echoed range is covered completely ...
    for (auto i : inside)
      if (s.covered.contains(c[i].issue_date)) CPPUNIT_ASSERT_MESSAGE(label, seen.count(i) == 1);
    // ... and is the widest such: the day before it has a header left out.
    Date before = s.covered.from.plus_days(-1);
    bool left_out = false;
    for (auto i : inside) left_out |= c[i].issue_date == before && !seen.count(i);
    CPPUNIT_ASSERT_MESSAGE(label, left_out);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ReceiptsTest);

}  // namespace og::test
