// Availability of a quantity of an item, from stock on hand and the next
// expected delivery.
#pragma once
#include <optional>

#include "rules/common/date.hpp"
#include "rules/common/decimal.hpp"

namespace og::rules::veloconnect {

enum class AvailabilityCode { Available, PartiallyAvailable, ExpectingDelivery, NotAvailable };

struct StockFacts {
  Decimal on_hand;                    // in the order unit
  std::optional<Date> next_delivery;  // when more is expected, if known
};

struct AvailabilityDecision {
  AvailabilityCode code;
  std::optional<Decimal> available_quantity;  // with PartiallyAvailable
  std::optional<Date> expected_delivery;      // when a delivery in the future is known
};

// `requested` is in the order unit; zero or negative asks "is any available".
AvailabilityDecision decide_availability(const StockFacts& stock, Decimal requested, Date today);

}  // namespace og::rules::veloconnect
