// Item details and availability for the catalog operations (GetItemDetails,
// GetItemDetailsList, SearchResult ITEM_DETAIL).
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "model/catalog.hpp"
#include "rules/veloconnect/availability.hpp"
#include "rules/veloconnect/order_request_line.hpp"

namespace og::core {

struct ItemQuery {
  std::string item_id;
  std::optional<rules::Decimal> quantity;
  std::optional<std::string> unit;
};

struct FoundItem {
  model::Item item;
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
  explicit Catalog(const Clock& clock) : clock_(clock) {}
  // One answer per query, in order, read in one go from `seller`'s catalogue.
  Task<std::vector<ItemDetail>> details(Context& ctx, const std::string& seller,
                                        const std::vector<ItemQuery>& queries) const;
  // Every group of `seller`'s classification schemes, by scheme (empty: none).
  Task<std::vector<model::ClassificationGroup>> classification(Context& ctx, const std::string& seller) const;
  // Availability of `quantity` (order unit) of a known item today.
  rules::veloconnect::AvailabilityDecision availability(const model::Item& item, rules::Decimal quantity) const;

 private:
  const Clock& clock_;
};

rules::veloconnect::ItemUnits units_of(const model::Item& item);

}  // namespace og::core
