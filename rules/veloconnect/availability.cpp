#include "rules/veloconnect/availability.hpp"

namespace og::rules::veloconnect {

AvailabilityDecision decide_availability(const StockFacts& stock, Decimal requested, Date today) {
  // A delivery date in the past is stale master data, not a promise.
  std::optional<Date> delivery;
  if (stock.next_delivery && *stock.next_delivery >= today) delivery = stock.next_delivery;
  bool any_on_hand = stock.on_hand > Decimal();
  if (any_on_hand && (requested <= Decimal() || stock.on_hand >= requested))
    return {AvailabilityCode::Available, std::nullopt, std::nullopt};
  if (any_on_hand) return {AvailabilityCode::PartiallyAvailable, stock.on_hand, delivery};
  if (delivery) return {AvailabilityCode::ExpectingDelivery, std::nullopt, delivery};
  return {AvailabilityCode::NotAvailable, std::nullopt, std::nullopt};
}

}  // namespace og::rules::veloconnect
