#include "store/sql/rows.hpp"

namespace og::store::sql {

rules::Decimal decimal_column(const Statement& s, int column) {
  return rules::Decimal::from_units(s.integer(column));
}

std::optional<std::string> encode_groups(const std::vector<model::ItemGroup>& groups) {
  if (groups.empty()) return std::nullopt;
  std::string out;
  for (const auto& g : groups) {
    if (!out.empty()) out += '\x1e';
    out += g.scheme_id + '\x1f' + g.group_id;
  }
  return out;
}

std::vector<model::ItemGroup> decode_groups(const std::optional<std::string>& column) {
  std::vector<model::ItemGroup> out;
  if (!column) return out;
  std::string_view rest(*column);
  while (!rest.empty()) {
    auto end = rest.find('\x1e');
    auto pair = rest.substr(0, end);
    auto sep = pair.find('\x1f');
    if (sep != std::string_view::npos)
      out.push_back({std::string(pair.substr(0, sep)), std::string(pair.substr(sep + 1))});
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return out;
}

std::int64_t kind_code(model::TransactionKind kind) {
  switch (kind) {
    case model::TransactionKind::Order: return 1;
    case model::TransactionKind::TextSearch: return 2;
    case model::TransactionKind::OrderInOnlineShop: return 3;
    case model::TransactionKind::StockTransmission: return 4;
    case model::TransactionKind::SaleTransmission: return 5;
    case model::TransactionKind::SaleB2XTransmission: return 6;
  }
  return 1;
}

model::Item read_item(const Statement& s) {
  model::Item r;
  r.id = s.text(0);
  r.description = s.text(1);
  r.order_unit = s.text(2);
  r.base_unit = s.text(3);
  r.base_per_order_unit = decimal_column(s, 4);
  r.step = decimal_column(s, 5);
  r.ean = s.optional_text(6);
  r.manufacturer = s.optional_text(7);
  r.manufacturer_item_id = s.optional_text(8);
  r.price = decimal_column(s, 9);
  r.currency = s.text(10);
  if (!s.is_null(11)) r.recommended_retail_price = decimal_column(s, 11);
  r.stock = decimal_column(s, 12);
  r.next_delivery = s.optional_text(13);
  r.groups = decode_groups(s.optional_text(14));
  return r;
}

model::Transaction read_transaction(const Statement& s) {
  model::Transaction r;
  r.id = s.text(0);
  r.buyer_id = s.text(1);
  switch (s.integer(2)) {
    case 2: r.kind = model::TransactionKind::TextSearch; break;
    case 3: r.kind = model::TransactionKind::OrderInOnlineShop; break;
    case 4: r.kind = model::TransactionKind::StockTransmission; break;
    case 5: r.kind = model::TransactionKind::SaleTransmission; break;
    case 6: r.kind = model::TransactionKind::SaleB2XTransmission; break;
    default: r.kind = model::TransactionKind::Order; break;
  }
  r.state = static_cast<int>(s.integer(3));
  r.is_test = s.integer(4) != 0;
  r.search_string = s.text(5);
  r.total_count = s.integer(6);
  r.order_id = s.optional_text(7);
  r.issue_date = s.optional_text(8);
  r.created_at = s.text(9);
  r.updated_at = s.text(10);
  return r;
}

}  // namespace og::store::sql
