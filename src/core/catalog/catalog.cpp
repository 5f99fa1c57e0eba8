#include "core/catalog/catalog.hpp"

#include "store/store.hpp"

namespace og::core {

namespace rv = rules::veloconnect;

rv::ItemUnits units_of(const model::Item& item) {
  return rv::ItemUnits{item.order_unit, item.base_unit, item.base_per_order_unit, item.step};
}

rv::AvailabilityDecision Catalog::availability(const model::Item& item, rules::Decimal quantity) const {
  std::optional<rules::Date> delivery;
  if (item.next_delivery) delivery = rules::Date::parse(*item.next_delivery);
  return rv::decide_availability(rv::StockFacts{item.stock, delivery}, quantity, clock_.today());
}

Task<std::vector<ItemDetail>> Catalog::details(Context& ctx, const std::string& seller,
                                               const std::vector<ItemQuery>& queries) const {
  struct Found {
    std::optional<model::Item> item;
    std::vector<std::string> replacements;
  };
  auto found = co_await ctx.store().read(ctx.commit(), [&](store::ReadView& r) {
    std::vector<Found> out;
    out.reserve(queries.size());
    for (const auto& q : queries) {
      Found f{r.catalog(seller).item(q.item_id), {}};
      if (!f.item) f.replacements = r.catalog(seller).replacements(q.item_id);
      out.push_back(std::move(f));
    }
    return out;
  });
  std::vector<ItemDetail> details;
  details.reserve(queries.size());
  for (std::size_t i = 0; i < queries.size(); ++i) {
    const ItemQuery& query = queries[i];
    auto& [item, replacements] = found[i];
    if (!item) {
      if (!replacements.empty())
        details.push_back(ReplacedItem{query.item_id, std::move(replacements)});
      else
        details.push_back(UnknownItem{query.item_id});
      continue;
    }
    rules::Decimal quantity;  // zero asks whether any is available
    if (query.quantity) {
      auto converted = rv::to_order_unit(units_of(*item), rv::LineRequest{*query.quantity, query.unit});
      if (auto* reject = std::get_if<rv::RejectLine>(&converted)) {
        details.push_back(RejectedItem{"item " + query.item_id + ": " + reject->reason});
        continue;
      }
      quantity = std::get<rv::AcceptLine>(converted).quantity;
    }
    auto decision = availability(*item, quantity);
    details.push_back(FoundItem{std::move(*item), decision});
  }
  co_return details;
}

Task<std::vector<model::ClassificationGroup>> Catalog::classification(Context& ctx, const std::string& seller) const {
  co_return co_await ctx.store().read(ctx.commit(),
                                      [&](store::ReadView& r) { return r.catalog(seller).classification(); });
}

}  // namespace og::core
