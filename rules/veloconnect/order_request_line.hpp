// The server rule OrderRequestLine: what one requested line becomes.
//  1. an invalid ID with a known replacement -> RequestReplacement,
//     an invalid ID without one -> ItemUnknown;
//  2. a valid ID -> an order line whose quantity is converted to the item's
//     order unit and rounded up to a valid step (full packs).
// A quantity of 0 removes the line (UpdateOrder); that is decided first, so a
// line can be removed even when its item has since left the catalog.
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "rules/common/decimal.hpp"

namespace og::rules::veloconnect {

// What the rule needs to know of an item's master data.
struct ItemUnits {
  std::string order_unit;               // UN/ECE Rec. 20 code the item is sold in ("EA", "PK")
  std::string base_unit;                // unit the pack is made of ("EA"); equals order_unit when not packed
  Decimal base_per_order_unit;          // base units in one order unit (100 for a pack of 100), > 0
  Decimal step = Decimal::from_int(1);  // smallest orderable increment of the order unit, > 0
};

struct LineRequest {
  Decimal quantity;
  std::optional<std::string> unit;  // quantityUnitCode as sent; absent means the order unit
};

struct AcceptLine {
  Decimal quantity;  // in the item's order unit
  bool adjusted;     // converted or rounded: the answer differs from the request
};
struct RemoveLine {};
struct ReplaceItem {
  std::vector<std::string> replacements;
};
struct UnknownItem {};
struct RejectLine {
  std::string reason;
};

using LineDecision = std::variant<AcceptLine, RemoveLine, ReplaceItem, UnknownItem, RejectLine>;

// `item` is nullopt when the ID is not a current catalog item; `replacements`
// are the IDs the catalog names for an obsolete one.
LineDecision decide_line(const std::optional<ItemUnits>& item, const std::vector<std::string>& replacements,
                         const LineRequest& request);

// The quantity in the order unit, or a reason why it cannot be converted.
std::variant<AcceptLine, RejectLine> to_order_unit(const ItemUnits& item, const LineRequest& request);

// Unit codes compare without regard to case ("ea" is EA).
bool same_unit(std::string_view a, std::string_view b);

}  // namespace og::rules::veloconnect
