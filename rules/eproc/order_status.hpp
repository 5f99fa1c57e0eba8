// What became of an order and of each of its items. The seed's order
// statuses, made exact:
//   2 initialised          some item is still pending (the order "is going to be
//                          forwarded to the targeted providers")
//   3 confirmed            every item is confirmed in full
//   5 partially confirmed  "at least 1 item ... could not be ordered, but some could"
//   7 canceled             "no item could be ordered"
// The seed leaves codes 1, 4 and 6 undefined; they are not used.
//
// A partially confirmed item (3 of 5 confirmed) counts twice: something of it
// was ordered, and something of it could not be. An order whose items are all
// confirmed in full is 3; one with anything ordered and anything not (even a
// single item confirmed 3 of 5) is 5; one with nothing ordered is 7. A client
// reading 3 can rely on having every piece it asked for.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "rules/common/decimal.hpp"

namespace og::rules::eproc {

enum class ItemStatus {
  Pending,             // not yet answered by its provider (or not yet sent)
  Confirmed,           // the provider confirmed the whole quantity (or more)
  PartiallyConfirmed,  // the provider confirmed less than asked, but some
  Refused,             // the provider answered and ordered nothing
  NotOrdered,          // the provider could not be reached before the deadline
};
std::span<const ItemStatus> all_item_statuses();
std::string_view to_string_view(ItemStatus status);  // "pending", "confirmed", "partially-confirmed", ...

// Something of the item was ordered.
constexpr bool is_ordered(ItemStatus s) {
  return s == ItemStatus::Confirmed || s == ItemStatus::PartiallyConfirmed;
}

enum class OrderStatus { Initialised = 2, Confirmed = 3, PartiallyConfirmed = 5, Canceled = 7 };
std::span<const OrderStatus> all_order_statuses();
constexpr int code(OrderStatus s) {
  return static_cast<int>(s);
}
std::string_view to_string_view(OrderStatus status);  // the seed's labels: "initialised", "confirmed", ...
std::optional<OrderStatus> order_status_from_code(int code);

// Settled: the order will not change any more; the callback is due.
constexpr bool is_settled(OrderStatus s) {
  return s != OrderStatus::Initialised;
}

// The order's status from its items' (see above). An order without items
// (validation never accepts one) is 7: nothing was ordered.
OrderStatus derive_order_status(std::span<const ItemStatus> items);

// What a provider answered for one item, as its protocol client read it.
struct ProviderItemAnswer {
  bool accepted = false;                      // the provider took the line at all
  std::optional<Decimal> confirmed_quantity;  // empty: the provider did not say (then: as asked)
  std::string raw_status;                     // the provider's own status words or code, as sent
};

// The item's outcome: the normalised status next to the provider's raw one
// (providers have more statuses than any hub; the raw one is kept for people).
struct ItemOutcome {
  ItemStatus status;
  Decimal confirmed_quantity;  // zero unless ordered
  std::string raw_status;
};

// The normalised outcome of an answer, for an item asked with `requested`:
//   not accepted                       -> refused
//   accepted, quantity not said        -> confirmed as asked
//   accepted, 0 or less                -> refused (accepting nothing orders nothing)
//   accepted, less than asked          -> partially confirmed
//   accepted, as asked or more         -> confirmed (more: the provider rounded up to
//                                         full packs; the confirmed quantity says so)
ItemOutcome item_outcome(Decimal requested, const ProviderItemAnswer& answer);

// An item whose provider stayed unreachable until the dispatch deadline.
// `why` goes where the raw status would ("timeout", "connection refused").
ItemOutcome not_ordered(std::string why);

}  // namespace og::rules::eproc
