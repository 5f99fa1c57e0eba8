// Dates arrive as client text (DeliveryDate) and master data (next delivery);
// a wrong day here silently moves a promise.
#include <cppunit/extensions/HelperMacros.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>

#include "rules/common/date.hpp"

namespace og::test {

namespace {
using og::rules::Date;
using namespace std::chrono;

Date ymd(int y, unsigned m, unsigned d) {
  return Date(sys_days(year(y) / month(m) / day(d)));
}

std::string parsed(std::string_view text) {
  auto d = Date::parse(text);
  return d ? d->to_string() : "rejected";
}

void assert_rejected(std::string_view text) {
  CPPUNIT_ASSERT_EQUAL_MESSAGE("'" + std::string(text) + "'", std::string("rejected"), parsed(text));
}
}  // namespace

class DateTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(DateTest);
  CPPUNIT_TEST(parse_valid_dates);
  CPPUNIT_TEST(parse_gives_the_calendar_day);
  CPPUNIT_TEST(parse_rejects_invalid_months);
  CPPUNIT_TEST(parse_rejects_invalid_days);
  CPPUNIT_TEST(parse_month_lengths);
  CPPUNIT_TEST(parse_leap_years);
  CPPUNIT_TEST(parse_ignores_time_zone);
  CPPUNIT_TEST(parse_rejects_malformed_zone);
  CPPUNIT_TEST(parse_collapses_surrounding_whitespace);
  CPPUNIT_TEST(parse_rejects_zone_out_of_range);
  CPPUNIT_TEST(parse_rejects_garbage);
  CPPUNIT_TEST(to_string_pads);
  CPPUNIT_TEST(plus_days_within_month);
  CPPUNIT_TEST(plus_days_across_month_and_year);
  CPPUNIT_TEST(plus_days_backwards);
  CPPUNIT_TEST(plus_days_over_a_year);
  CPPUNIT_TEST(comparisons);
  CPPUNIT_TEST_SUITE_END();

 public:
  void parse_valid_dates() {
    CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15"), parsed("2024-03-15"));
    CPPUNIT_ASSERT_EQUAL(std::string("1999-12-31"), parsed("1999-12-31"));
    CPPUNIT_ASSERT_EQUAL(std::string("2000-01-01"), parsed("2000-01-01"));
    CPPUNIT_ASSERT_EQUAL(std::string("0001-01-01"), parsed("0001-01-01"));
    CPPUNIT_ASSERT_EQUAL(std::string("9999-12-31"), parsed("9999-12-31"));
  }

  void parse_gives_the_calendar_day() {
    auto d = Date::parse("2024-03-15");
    CPPUNIT_ASSERT(d.has_value());
    CPPUNIT_ASSERT(*d == ymd(2024, 3, 15));
    CPPUNIT_ASSERT(d->days() == sys_days(year(2024) / March / 15));
    auto epoch = Date::parse("1970-01-01");
    CPPUNIT_ASSERT(epoch.has_value());
    CPPUNIT_ASSERT(*epoch == Date());
    CPPUNIT_ASSERT_EQUAL(0L, static_cast<long>(epoch->days().time_since_epoch().count()));
    auto next = Date::parse("1970-01-02");
    CPPUNIT_ASSERT(next.has_value());
    CPPUNIT_ASSERT_EQUAL(1L, static_cast<long>(next->days().time_since_epoch().count()));
  }

  void parse_rejects_invalid_months() {
    for (auto text : {"2024-00-10", "2024-13-10", "2024-99-01", "2024-20-01"}) assert_rejected(text);
  }

  void parse_rejects_invalid_days() {
    for (auto text : {"2024-01-00", "2024-01-32", "2024-04-31", "2024-06-31", "2024-09-31", "2024-11-31", "2024-02-30",
                      "2024-12-99"})
      assert_rejected(text);
  }

  void parse_month_lengths() {
    const unsigned lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (unsigned m = 1; m <= 12; ++m) {
      char last[32], past[32];
      std::snprintf(last, sizeof last, "2023-%02u-%02u", m, lengths[m - 1]);
      std::snprintf(past, sizeof past, "2023-%02u-%02u", m, lengths[m - 1] + 1);
      CPPUNIT_ASSERT_EQUAL(std::string(last), parsed(last));
      assert_rejected(past);
    }
  }

  void parse_leap_years() {
    CPPUNIT_ASSERT_EQUAL(std::string("2024-02-29"), parsed("2024-02-29"));
    CPPUNIT_ASSERT_EQUAL(std::string("2000-02-29"), parsed("2000-02-29"));
    CPPUNIT_ASSERT_EQUAL(std::string("1600-02-29"), parsed("1600-02-29"));
    assert_rejected("2023-02-29");
    assert_rejected("1900-02-29");
    assert_rejected("2100-02-29");
    assert_rejected("2024-02-30");
  }

  void parse_ignores_time_zone() {
    for (auto text : {"2024-03-15Z", "2024-03-15+01:00", "2024-03-15-05:00", "2024-03-15+00:00", "2024-03-15+14:00",
                      "2024-03-15-12:30"})
      CPPUNIT_ASSERT_EQUAL_MESSAGE(text, std::string("2024-03-15"), parsed(text));
    // The zone does not move the day, even at the edge of the year.
    CPPUNIT_ASSERT_EQUAL(std::string("2024-12-31"), parsed("2024-12-31+14:00"));
    CPPUNIT_ASSERT_EQUAL(std::string("2025-01-01"), parsed("2025-01-01-12:00"));
  }

  void parse_collapses_surrounding_whitespace() {
    // xsd:date has whiteSpace="collapse": the schema accepts these, so must the rule.
    for (auto text : {"2024-03-15 ", " 2024-03-15", "\t2024-03-15\n", " 2024-03-15Z "})
      CPPUNIT_ASSERT_EQUAL_MESSAGE(text, std::string("2024-03-15"), parsed(text));
  }

  void parse_rejects_zone_out_of_range() {
    for (auto text : {"2024-03-15+99:99", "2024-03-15+14:01", "2024-03-15-15:00", "2024-03-15+01:60"})
      assert_rejected(text);
  }

  void parse_rejects_malformed_zone() {
    for (auto text : {"2024-03-15z", "2024-03-15+0100", "2024-03-15+01", "2024-03-15+1:00", "2024-03-15+01:0",
                      "2024-03-15+01:00:00", "2024-03-15 01:00", "2024-03-15+01-00", "2024-03-15+ab:00",
                      "2024-03-15+01:0x", "2024-03-15ZZ", "2024-03-15Z+01:00", "2024-03-15UTC"})
      assert_rejected(text);
  }

  void parse_rejects_garbage() {
    for (auto text :
         {"",           "2024",        "2024-03",    "2024-3-15",  "2024-03-5",           "24-03-15",
          "2024/03/15", "2024.03.15",  "15-03-2024", "20240315",   "2024-03-15T00:00:00", "2024-03-15T00:00:00Z",
          "abcd-ef-gh", "2024-0a-15",  "2024-03-1a", "2O24-03-15", "+2024-03-15",         "-2024-03-15",
          "2024--3-15", "2024-03-15x", "yesterday"})
      assert_rejected(text);
  }

  void to_string_pads() {
    CPPUNIT_ASSERT_EQUAL(std::string("2024-01-05"), ymd(2024, 1, 5).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("0987-06-07"), ymd(987, 6, 7).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("1970-01-01"), Date().to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("2024-12-31"), ymd(2024, 12, 31).to_string());
  }

  void plus_days_within_month() {
    CPPUNIT_ASSERT_EQUAL(std::string("2024-03-16"), ymd(2024, 3, 15).plus_days(1).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15"), ymd(2024, 3, 15).plus_days(0).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("2024-03-31"), ymd(2024, 3, 15).plus_days(16).to_string());
  }

  void plus_days_across_month_and_year() {
    CPPUNIT_ASSERT_EQUAL(std::string("2024-02-01"), ymd(2024, 1, 31).plus_days(1).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("2024-02-29"), ymd(2024, 2, 28).plus_days(1).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("2024-03-01"), ymd(2024, 2, 29).plus_days(1).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("2023-03-01"), ymd(2023, 2, 28).plus_days(1).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("2024-05-01"), ymd(2024, 4, 30).plus_days(1).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("2025-01-01"), ymd(2024, 12, 31).plus_days(1).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("2025-01-14"), ymd(2024, 12, 31).plus_days(14).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("2024-03-02"), ymd(2024, 2, 1).plus_days(30).to_string());
  }

  void plus_days_backwards() {
    CPPUNIT_ASSERT_EQUAL(std::string("2024-12-31"), ymd(2025, 1, 1).plus_days(-1).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("2024-02-29"), ymd(2024, 3, 1).plus_days(-1).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("2023-02-28"), ymd(2023, 3, 1).plus_days(-1).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("1969-12-31"), Date().plus_days(-1).to_string());
  }

  void plus_days_over_a_year() {
    CPPUNIT_ASSERT_EQUAL(std::string("2025-01-01"), ymd(2024, 1, 1).plus_days(366).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("2024-01-01"), ymd(2023, 1, 1).plus_days(365).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("2000-01-01"), Date().plus_days(10957).to_string());
    // Adding and subtracting the same span is the identity.
    for (int n : {1, 28, 29, 31, 365, 366, 1000, 100000})
      CPPUNIT_ASSERT(ymd(2024, 2, 29).plus_days(n).plus_days(-n) == ymd(2024, 2, 29));
  }

  void comparisons() {
    CPPUNIT_ASSERT(ymd(2024, 3, 15) < ymd(2024, 3, 16));
    CPPUNIT_ASSERT(ymd(2024, 12, 31) < ymd(2025, 1, 1));
    CPPUNIT_ASSERT(ymd(2024, 3, 15) == *Date::parse("2024-03-15+01:00"));
    CPPUNIT_ASSERT(ymd(2024, 3, 15) != ymd(2024, 3, 14));
    CPPUNIT_ASSERT(ymd(2024, 3, 15) >= ymd(2024, 3, 15));
    CPPUNIT_ASSERT(!(ymd(2024, 3, 15) > ymd(2024, 3, 15)));
    CPPUNIT_ASSERT(ymd(2024, 3, 15).plus_days(1) > ymd(2024, 3, 15));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(DateTest);

}  // namespace og::test
