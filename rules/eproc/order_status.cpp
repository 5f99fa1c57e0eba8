#include "rules/eproc/order_status.hpp"

namespace og::rules::eproc {

namespace {
using I = ItemStatus;
using O = OrderStatus;
constexpr ItemStatus kItems[] = {I::Pending, I::Confirmed, I::PartiallyConfirmed, I::Refused, I::NotOrdered};
constexpr OrderStatus kOrders[] = {O::Initialised, O::Confirmed, O::PartiallyConfirmed, O::Canceled};
}  // namespace

std::span<const ItemStatus> all_item_statuses() {
  return kItems;
}
std::span<const OrderStatus> all_order_statuses() {
  return kOrders;
}

std::string_view to_string_view(ItemStatus status) {
  switch (status) {
    case I::Pending: return "pending";
    case I::Confirmed: return "confirmed";
    case I::PartiallyConfirmed: return "partially-confirmed";
    case I::Refused: return "refused";
    case I::NotOrdered: return "not-ordered";
  }
  return "unknown";
}

std::string_view to_string_view(OrderStatus status) {
  switch (status) {
    case O::Initialised: return "initialised";
    case O::Confirmed: return "confirmed";
    case O::PartiallyConfirmed: return "partially confirmed";
    case O::Canceled: return "canceled";
  }
  return "unknown";
}

std::optional<OrderStatus> order_status_from_code(int value) {
  for (OrderStatus s : kOrders)
    if (code(s) == value) return s;
  return std::nullopt;
}

OrderStatus derive_order_status(std::span<const ItemStatus> items) {
  bool any_ordered = false;
  bool all_in_full = true;
  for (ItemStatus s : items) {
    if (s == I::Pending) return O::Initialised;
    if (is_ordered(s)) any_ordered = true;
    if (s != I::Confirmed) all_in_full = false;
  }
  if (!any_ordered) return O::Canceled;
  return all_in_full ? O::Confirmed : O::PartiallyConfirmed;
}

ItemOutcome item_outcome(Decimal requested, const ProviderItemAnswer& answer) {
  if (!answer.accepted) return ItemOutcome{I::Refused, Decimal{}, answer.raw_status};
  Decimal confirmed = answer.confirmed_quantity.value_or(requested);
  if (confirmed <= Decimal{}) return ItemOutcome{I::Refused, Decimal{}, answer.raw_status};
  if (confirmed < requested) return ItemOutcome{I::PartiallyConfirmed, confirmed, answer.raw_status};
  return ItemOutcome{I::Confirmed, confirmed, answer.raw_status};
}

ItemOutcome not_ordered(std::string why) {
  return ItemOutcome{I::NotOrdered, Decimal{}, std::move(why)};
}

}  // namespace og::rules::eproc
