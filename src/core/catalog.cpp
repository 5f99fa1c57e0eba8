#include "core/catalog.hpp"

namespace og::core {

namespace rv = rules::veloconnect;

rv::ItemUnits units_of(const store::ItemRecord& item) {
  return rv::ItemUnits{item.order_unit, item.base_unit, item.base_per_order_unit, item.step};
}

rv::AvailabilityDecision Catalog::availability(const store::ItemRecord& item, rules::Decimal quantity) const {
  std::optional<rules::Date> delivery;
  if (item.next_delivery) delivery = rules::Date::parse(*item.next_delivery);
  return rv::decide_availability(rv::StockFacts{item.stock, delivery}, quantity, clock_.today());
}

ItemDetail Catalog::details(const ItemQuery& query) {
  std::optional<store::ItemRecord> item;
  std::vector<std::string> replacements;
  store_.read([&](store::Reader& r) {
    item = r.item(query.item_id);
    if (!item) replacements = r.replacements(query.item_id);
  });
  if (!item) {
    if (!replacements.empty()) return ReplacedItem{query.item_id, std::move(replacements)};
    return UnknownItem{query.item_id};
  }
  rules::Decimal quantity;  // zero asks whether any is available
  if (query.quantity) {
    auto converted = rv::to_order_unit(units_of(*item), rv::LineRequest{*query.quantity, query.unit});
    if (auto* reject = std::get_if<rv::RejectLine>(&converted))
      return RejectedItem{"item " + query.item_id + ": " + reject->reason};
    quantity = std::get<rv::AcceptLine>(converted).quantity;
  }
  auto decision = availability(*item, quantity);
  return FoundItem{std::move(*item), decision};
}

}  // namespace og::core
