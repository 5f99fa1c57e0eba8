#include "store/sql/stock.hpp"

#include "store/sql/db.hpp"
#include "store/sql/rows.hpp"
#include "store/sql/transmission_rows.hpp"

namespace og::store::sql {

namespace {

#define OG_STOCK_LINE_COLUMNS                                                                                      \
  "position, sellers_item_id, buyers_item_id, ean, manufacturer_item_id, manufacturer_name, marketplace_item_id, " \
  "quantity, unit, availability, price, price_currency, special_price, special_price_currency, orderable, "        \
  "delivery_min_days, delivery_max_days, condition, carried"

std::optional<std::int64_t> units(const std::optional<rules::Decimal>& d) {
  if (!d) return std::nullopt;
  return d->units();
}

}  // namespace

std::optional<model::StockTransmission> SqlStock::transmission(std::string_view buyer_id,
                                                               std::string_view transaction_id) {
  auto s = db_.prepare(
      "SELECT transaction_id, buyer_id, variant, create_date, frequence, line_count, received_at "
      "FROM stock_transmissions WHERE transaction_id = ? AND seller_id = ? AND buyer_id = ?");
  s.bind(1, transaction_id).bind(2, seller_).bind(3, buyer_id);
  if (!s.step()) return std::nullopt;
  model::StockTransmission t;
  t.transaction_id = s.text(0);
  t.buyer_id = s.text(1);
  t.variant = s.integer(2) == 2 ? model::StockVariant::B2C : model::StockVariant::B2B;
  t.create_date = s.text(3);
  t.frequence = s.text(4);
  t.line_count = s.integer(5);
  t.received_at = s.text(6);
  return t;
}

std::vector<model::StockLine> SqlStock::lines(std::string_view transaction_id, std::int64_t offset,
                                              std::int64_t limit) {
  return lines_page<model::StockLine>(db_, OG_LINES_PAGE_SQL(OG_STOCK_LINE_COLUMNS, "stock_lines"), transaction_id,
                                      offset, limit, [](const Statement& s) {
                                        model::StockLine l;
                                        l.position = s.integer(0);
                                        l.sellers_item_id = s.optional_text(1);
                                        l.buyers_item_id = s.optional_text(2);
                                        l.ean = s.optional_text(3);
                                        l.manufacturer_item_id = s.optional_text(4);
                                        l.manufacturer_name = s.optional_text(5);
                                        l.marketplace_item_id = s.optional_text(6);
                                        if (!s.is_null(7)) l.quantity = decimal_column(s, 7);
                                        l.unit = s.optional_text(8);
                                        l.availability = s.optional_text(9);
                                        l.price = amount_column(s, 10);
                                        l.special_price = amount_column(s, 12);
                                        if (!s.is_null(14)) l.orderable = s.integer(14) != 0;
                                        l.delivery_min_days = optional_integer(s, 15);
                                        l.delivery_max_days = optional_integer(s, 16);
                                        l.condition = s.optional_text(17);
                                        l.carried = s.integer(18) != 0;
                                        return l;
                                      });
}

bool SqlStock::carries(const model::StockLine& line) {
  // An obsolete item (only replacements left) is not in items: not carried.
  if (line.sellers_item_id) {
    auto s = db_.prepare("SELECT 1 FROM items WHERE seller_id = ? AND id = ?");
    s.bind(1, seller_).bind(2, *line.sellers_item_id);
    if (s.step()) return true;
  }
  if (line.ean) {
    auto s = db_.prepare("SELECT 1 FROM items WHERE seller_id = ? AND ean = ?");
    s.bind(1, seller_).bind(2, *line.ean);
    if (s.step()) return true;
  }
  if (line.manufacturer_item_id) {
    // The cast gives ?3 its type where PostgreSQL cannot infer one (IS NULL).
    auto s = db_.prepare(
        "SELECT 1 FROM items WHERE seller_id = ? AND manufacturer_item_id = ? AND "
        "(CAST(?3 AS TEXT) IS NULL OR upper(manufacturer) = upper(?3))");
    s.bind(1, seller_).bind(2, *line.manufacturer_item_id).bind(3, line.manufacturer_name);
    if (s.step()) return true;
  }
  return false;
}

void SqlStock::insert_transmission(const model::StockTransmission& t, const std::vector<model::StockLine>& lines) {
  {
    auto s = db_.prepare(
        "INSERT INTO stock_transmissions (transaction_id, seller_id, buyer_id, variant, create_date, frequence, "
        "line_count, received_at) VALUES (?,?,?,?,?,?,?,?)");
    s.bind(1, t.transaction_id).bind(2, seller_).bind(3, t.buyer_id);
    s.bind(4, std::int64_t{t.variant == model::StockVariant::B2C ? 2 : 1});
    s.bind(5, t.create_date).bind(6, t.frequence).bind(7, t.line_count).bind(8, t.received_at);
    s.run();
  }
  for (const auto& l : lines) {
    auto s = db_.prepare("INSERT INTO stock_lines (transaction_id, " OG_STOCK_LINE_COLUMNS
                         ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, t.transaction_id).bind(2, l.position).bind(3, l.sellers_item_id).bind(4, l.buyers_item_id);
    s.bind(5, l.ean).bind(6, l.manufacturer_item_id).bind(7, l.manufacturer_name).bind(8, l.marketplace_item_id);
    bind_optional(s, 9, units(l.quantity));
    s.bind(10, l.unit).bind(11, l.availability);
    bind_amount(s, 12, l.price);
    bind_amount(s, 14, l.special_price);
    bind_optional(s, 16, l.orderable ? std::optional<std::int64_t>(*l.orderable ? 1 : 0) : std::nullopt);
    bind_optional(s, 17, l.delivery_min_days);
    bind_optional(s, 18, l.delivery_max_days);
    s.bind(19, l.condition);
    s.bind(20, std::int64_t{l.carried ? 1 : 0});
    s.run();
  }
}

}  // namespace og::store::sql
