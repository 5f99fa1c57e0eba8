#include "rules/veloconnect/order_request_line.hpp"

#include <cctype>

namespace og::rules::veloconnect {

bool same_unit(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(a[i])) != std::toupper(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

std::variant<AcceptLine, RejectLine> to_order_unit(const ItemUnits& item, const LineRequest& request) {
  if (request.quantity.is_negative()) return RejectLine{"quantity " + request.quantity.to_string() + " is negative"};
  std::optional<Decimal> quantity;
  if (!request.unit || request.unit->empty() || same_unit(*request.unit, item.order_unit)) {
    quantity = request.quantity;
  } else if (same_unit(*request.unit, item.base_unit)) {
    quantity = request.quantity.divide_round_up(item.base_per_order_unit, Decimal::from_units(1));
  } else {
    return RejectLine{"unit " + *request.unit + " cannot be converted to the order unit " + item.order_unit};
  }
  std::optional<Decimal> rounded;
  if (quantity) rounded = quantity->round_up_to(item.step);
  if (!rounded) return RejectLine{"quantity " + request.quantity.to_string() + " is out of range"};
  bool unit_changed = request.unit && !request.unit->empty() && !same_unit(*request.unit, item.order_unit);
  return AcceptLine{*rounded, unit_changed || *rounded != request.quantity};
}

LineDecision decide_line(const std::optional<ItemUnits>& item, const std::vector<std::string>& replacements,
                         const LineRequest& request) {
  if (request.quantity.is_zero()) return RemoveLine{};
  if (!item) {
    if (!replacements.empty()) return ReplaceItem{replacements};
    return UnknownItem{};
  }
  auto converted = to_order_unit(*item, request);
  if (auto* reject = std::get_if<RejectLine>(&converted)) return *reject;
  return std::get<AcceptLine>(converted);
}

}  // namespace og::rules::veloconnect
