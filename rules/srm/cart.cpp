#include "rules/srm/cart.hpp"

#include <algorithm>
#include <cctype>

namespace og::rules::srm {

ItemKind kind_of(const Item& item) {
  if (item.limit_indicator.value_or(false)) return ItemKind::Limit;
  if (item.internal_id) return ItemKind::Internal;
  return ItemKind::FreeText;
}

bool same_content(const std::vector<Item>& submitted, const std::vector<Item>& stored) {
  if (submitted.size() != stored.size()) return false;
  auto by_id = [](const Item* a, const Item* b) { return a->id < b->id; };
  std::vector<const Item*> a, b;
  for (const auto& i : submitted) a.push_back(&i);
  for (const auto& i : stored) b.push_back(&i);
  std::sort(a.begin(), a.end(), by_id);
  std::sort(b.begin(), b.end(), by_id);
  // LimitIndicator false and no LimitIndicator say the same.
  auto normalized = [](const Item& item) {
    Item copy = item;
    if (!copy.limit_indicator.value_or(false)) copy.limit_indicator.reset();
    return copy;
  };
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!(normalized(*a[i]) == normalized(*b[i]))) return false;
  return true;
}

std::optional<std::string> canonical_decimal(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  auto dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (whole.empty() && fraction.empty()) return std::nullopt;
  auto digits = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
  };
  if (!digits(whole) || !digits(fraction)) return std::nullopt;
  while (!whole.empty() && whole.front() == '0') whole.remove_prefix(1);
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  std::string out = whole.empty() ? "0" : std::string(whole);
  if (!fraction.empty()) {
    out += '.';
    out.append(fraction);
  }
  if (negative && out != "0") out.insert(out.begin(), '-');
  return out;
}

}  // namespace og::rules::srm
