// Availability answers what a buyer can get and when; a stale delivery date
// must never turn into a promise.
#include <cppunit/extensions/HelperMacros.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/veloconnect/availability.hpp"

namespace og::test {

namespace {
using og::rules::Date;
using og::rules::Decimal;
using og::rules::veloconnect::AvailabilityCode;
using og::rules::veloconnect::AvailabilityDecision;
using og::rules::veloconnect::decide_availability;
using og::rules::veloconnect::StockFacts;

Decimal dec(std::string_view text) {
  auto d = Decimal::parse(text);
  CPPUNIT_ASSERT_MESSAGE("bad test literal " + std::string(text), d.has_value());
  return *d;
}

Date date(std::string_view text) {
  auto d = Date::parse(text);
  CPPUNIT_ASSERT_MESSAGE("bad test literal " + std::string(text), d.has_value());
  return *d;
}

// Fixed so the test never depends on the clock.
const Date kToday{std::chrono::sys_days(std::chrono::year(2024) / 6 / 15)};

std::string name(AvailabilityCode c) {
  switch (c) {
    case AvailabilityCode::Available: return "Available";
    case AvailabilityCode::PartiallyAvailable: return "PartiallyAvailable";
    case AvailabilityCode::ExpectingDelivery: return "ExpectingDelivery";
    case AvailabilityCode::NotAvailable: return "NotAvailable";
  }
  return "?";
}

std::string text(const std::optional<Decimal>& d) {
  return d ? d->to_string() : "none";
}
std::string text(const std::optional<Date>& d) {
  return d ? d->to_string() : "none";
}

AvailabilityDecision decide(std::string_view on_hand, std::optional<std::string_view> delivery,
                            std::string_view requested) {
  std::optional<Date> next;
  if (delivery) next = date(*delivery);
  return decide_availability(StockFacts{dec(on_hand), next}, dec(requested), kToday);
}
}  // namespace

class AvailabilityTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(AvailabilityTest);
  CPPUNIT_TEST(available_when_stock_covers_request);
  CPPUNIT_TEST(available_ignores_delivery);
  CPPUNIT_TEST(partially_available_carries_on_hand);
  CPPUNIT_TEST(partially_available_with_future_delivery);
  CPPUNIT_TEST(expecting_delivery_when_nothing_on_hand);
  CPPUNIT_TEST(delivery_today_counts);
  CPPUNIT_TEST(past_delivery_is_ignored);
  CPPUNIT_TEST(not_available_without_stock_or_delivery);
  CPPUNIT_TEST(zero_or_negative_request_asks_for_any);
  CPPUNIT_TEST(negative_stock_counts_as_none);
  CPPUNIT_TEST(fractional_quantities);
  CPPUNIT_TEST(grid_against_independent_expectation);
  CPPUNIT_TEST_SUITE_END();

 public:
  void available_when_stock_covers_request() {
    for (auto [on_hand, requested] : {std::pair{"10", "5"}, std::pair{"5", "5"}, std::pair{"1", "1"}}) {
      auto d = decide(on_hand, std::nullopt, requested);
      CPPUNIT_ASSERT_EQUAL(std::string("Available"), name(d.code));
      CPPUNIT_ASSERT_EQUAL(std::string("none"), text(d.available_quantity));
      CPPUNIT_ASSERT_EQUAL(std::string("none"), text(d.expected_delivery));
    }
  }

  // Enough on hand: a later delivery is irrelevant to this buyer.
  void available_ignores_delivery() {
    auto d = decide("10", "2024-07-01", "5");
    CPPUNIT_ASSERT_EQUAL(std::string("Available"), name(d.code));
    CPPUNIT_ASSERT_EQUAL(std::string("none"), text(d.expected_delivery));
  }

  void partially_available_carries_on_hand() {
    auto d = decide("3", std::nullopt, "5");
    CPPUNIT_ASSERT_EQUAL(std::string("PartiallyAvailable"), name(d.code));
    CPPUNIT_ASSERT_EQUAL(std::string("3"), text(d.available_quantity));
    CPPUNIT_ASSERT_EQUAL(std::string("none"), text(d.expected_delivery));

    auto almost = decide("4.999999", std::nullopt, "5");
    CPPUNIT_ASSERT_EQUAL(std::string("PartiallyAvailable"), name(almost.code));
    CPPUNIT_ASSERT_EQUAL(std::string("4.999999"), text(almost.available_quantity));
  }

  void partially_available_with_future_delivery() {
    auto d = decide("3", "2024-06-20", "5");
    CPPUNIT_ASSERT_EQUAL(std::string("PartiallyAvailable"), name(d.code));
    CPPUNIT_ASSERT_EQUAL(std::string("3"), text(d.available_quantity));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-06-20"), text(d.expected_delivery));
  }

  void expecting_delivery_when_nothing_on_hand() {
    auto d = decide("0", "2024-06-16", "5");
    CPPUNIT_ASSERT_EQUAL(std::string("ExpectingDelivery"), name(d.code));
    CPPUNIT_ASSERT_EQUAL(std::string("none"), text(d.available_quantity));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-06-16"), text(d.expected_delivery));

    auto next_year = decide("0", "2025-01-02", "1");
    CPPUNIT_ASSERT_EQUAL(std::string("ExpectingDelivery"), name(next_year.code));
    CPPUNIT_ASSERT_EQUAL(std::string("2025-01-02"), text(next_year.expected_delivery));
  }

  void delivery_today_counts() {
    auto none = decide("0", "2024-06-15", "5");
    CPPUNIT_ASSERT_EQUAL(std::string("ExpectingDelivery"), name(none.code));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-06-15"), text(none.expected_delivery));

    auto some = decide("2", "2024-06-15", "5");
    CPPUNIT_ASSERT_EQUAL(std::string("PartiallyAvailable"), name(some.code));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-06-15"), text(some.expected_delivery));
  }

  void past_delivery_is_ignored() {
    auto yesterday = decide("0", "2024-06-14", "5");
    CPPUNIT_ASSERT_EQUAL(std::string("NotAvailable"), name(yesterday.code));
    CPPUNIT_ASSERT_EQUAL(std::string("none"), text(yesterday.expected_delivery));

    auto long_ago = decide("0", "2019-01-01", "5");
    CPPUNIT_ASSERT_EQUAL(std::string("NotAvailable"), name(long_ago.code));

    auto partial = decide("2", "2024-06-14", "5");
    CPPUNIT_ASSERT_EQUAL(std::string("PartiallyAvailable"), name(partial.code));
    CPPUNIT_ASSERT_EQUAL(std::string("2"), text(partial.available_quantity));
    CPPUNIT_ASSERT_EQUAL(std::string("none"), text(partial.expected_delivery));
  }

  void not_available_without_stock_or_delivery() {
    auto d = decide("0", std::nullopt, "1");
    CPPUNIT_ASSERT_EQUAL(std::string("NotAvailable"), name(d.code));
    CPPUNIT_ASSERT_EQUAL(std::string("none"), text(d.available_quantity));
    CPPUNIT_ASSERT_EQUAL(std::string("none"), text(d.expected_delivery));
  }

  void zero_or_negative_request_asks_for_any() {
    for (const char* requested : {"0", "-1", "-0.000001"}) {
      auto some = decide("0.5", std::nullopt, requested);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(requested, std::string("Available"), name(some.code));
      CPPUNIT_ASSERT_EQUAL_MESSAGE(requested, std::string("none"), text(some.available_quantity));

      // Nothing on hand is never "available", however little is asked for.
      auto none = decide("0", std::nullopt, requested);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(requested, std::string("NotAvailable"), name(none.code));
      auto coming = decide("0", "2024-06-30", requested);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(requested, std::string("ExpectingDelivery"), name(coming.code));
      CPPUNIT_ASSERT_EQUAL_MESSAGE(requested, std::string("2024-06-30"), text(coming.expected_delivery));
    }
  }

  // Oversold stock (negative on hand) is nothing to offer.
  void negative_stock_counts_as_none() {
    auto d = decide("-3", std::nullopt, "1");
    CPPUNIT_ASSERT_EQUAL(std::string("NotAvailable"), name(d.code));
    CPPUNIT_ASSERT_EQUAL(std::string("none"), text(d.available_quantity));
    auto any = decide("-3", std::nullopt, "0");
    CPPUNIT_ASSERT_EQUAL(std::string("NotAvailable"), name(any.code));
    auto coming = decide("-3", "2024-06-16", "1");
    CPPUNIT_ASSERT_EQUAL(std::string("ExpectingDelivery"), name(coming.code));
  }

  void fractional_quantities() {
    CPPUNIT_ASSERT_EQUAL(std::string("Available"), name(decide("0.5", std::nullopt, "0.5").code));
    CPPUNIT_ASSERT_EQUAL(std::string("PartiallyAvailable"), name(decide("0.499999", std::nullopt, "0.5").code));
    CPPUNIT_ASSERT_EQUAL(std::string("0.000001"), text(decide("0.000001", std::nullopt, "1").available_quantity));
  }

  void grid_against_independent_expectation() {
    const std::vector<std::string_view> stocks = {"-1", "0", "0.5", "3", "5", "10"};
    const std::vector<std::string_view> requests = {"-1", "0", "0.5", "5"};
    const std::vector<std::optional<std::string_view>> deliveries = {std::nullopt, "2024-06-14", "2024-06-15",
                                                                     "2024-06-16"};
    int seen[4] = {0, 0, 0, 0};
    for (auto stock : stocks)
      for (auto req : requests)
        for (const auto& delivery : deliveries) {
          std::int64_t s = dec(stock).units(), r = dec(req).units();
          bool future = delivery && *delivery >= std::string_view("2024-06-15");
          std::string code, quantity = "none", when = "none";
          if (s > 0 && (r <= 0 || s >= r)) {
            code = "Available";
          } else if (s > 0) {
            code = "PartiallyAvailable";
            quantity = dec(stock).to_string();
            if (future) when = std::string(*delivery);
          } else if (future) {
            code = "ExpectingDelivery";
            when = std::string(*delivery);
          } else {
            code = "NotAvailable";
          }
          std::string label = "stock " + std::string(stock) + " req " + std::string(req) + " delivery " +
                              std::string(delivery.value_or("none"));
          auto d = decide(stock, delivery, req);
          CPPUNIT_ASSERT_EQUAL_MESSAGE(label, code, name(d.code));
          CPPUNIT_ASSERT_EQUAL_MESSAGE(label, quantity, text(d.available_quantity));
          CPPUNIT_ASSERT_EQUAL_MESSAGE(label, when, text(d.expected_delivery));
          ++seen[static_cast<int>(d.code)];
        }
    for (int i = 0; i < 4; ++i) CPPUNIT_ASSERT_MESSAGE("code " + std::to_string(i) + " never decided", seen[i] > 0);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(AvailabilityTest);

}  // namespace og::test
