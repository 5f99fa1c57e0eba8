// Item details and availability for the catalog operations (GetItemDetails,
// GetItemDetailsList, SearchResult ITEM_DETAIL).
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/clock.hpp"
#include "rules/veloconnect/availability.hpp"
#include "rules/veloconnect/order_request_line.hpp"
#include "store/store.hpp"

namespace og::core {

struct ItemQuery {
  std::string item_id;
  std::optional<rules::Decimal> quantity;
  std::optional<std::string> unit;
};

struct FoundItem {
  store::ItemRecord item;
  rules::veloconnect::AvailabilityDecision availability;
};
struct ReplacedItem {
  std::string item_id;
  std::vector<std::string> replacements;
};
struct UnknownItem {
  std::string item_id;
};
struct RejectedItem {
  std::string reason;
};

using ItemDetail = std::variant<FoundItem, ReplacedItem, UnknownItem, RejectedItem>;

class Catalog {
 public:
  Catalog(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}
  ItemDetail details(const ItemQuery& query);
  // Availability of `quantity` (order unit) of a known item today.
  rules::veloconnect::AvailabilityDecision availability(const store::ItemRecord& item, rules::Decimal quantity) const;

 private:
  store::Store& store_;
  const Clock& clock_;
};

rules::veloconnect::ItemUnits units_of(const store::ItemRecord& item);

}  // namespace og::core
