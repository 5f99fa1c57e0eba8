#include "store/sql/catalog.hpp"

#include "store/sql/rows.hpp"

namespace og::store::sql {

std::string contains_pattern(std::string_view term) {
  std::string pattern = "%";
  for (char c : term) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  pattern += "%";
  return pattern;
}

std::optional<model::Buyer> SqlCatalog::buyer(std::string_view id) {
  auto s = db_.prepare(
      "SELECT id, name, password_salt, password_hash, password_iterations FROM buyers WHERE seller_id = ? AND id = ?");
  s.bind(1, seller_).bind(2, id);
  if (!s.step()) return std::nullopt;
  return model::Buyer{s.text(0), s.text(1), s.blob(2), s.blob(3), static_cast<int>(s.integer(4))};
}

std::optional<model::Item> SqlCatalog::item(std::string_view id) {
  auto s = db_.prepare(
      "SELECT id, description, order_unit, base_unit, base_per_order_unit, step, ean, manufacturer, "
      "manufacturer_item_id, price, currency, recommended_retail_price, stock, next_delivery, classification FROM "
      "items "
      "WHERE seller_id = ? AND id = ?");
  s.bind(1, seller_).bind(2, id);
  if (!s.step()) return std::nullopt;
  return read_item(s);
}

std::vector<std::string> SqlCatalog::replacements(std::string_view item_id) {
  auto s =
      db_.prepare("SELECT replacement_id FROM item_replacements WHERE seller_id = ? AND item_id = ? ORDER BY position");
  s.bind(1, seller_).bind(2, item_id);
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0));
  return out;
}

void SqlCatalog::put_buyer(const model::Buyer& b) {
  auto s = db_.prepare(
      "INSERT INTO buyers (seller_id, id, name, password_salt, password_hash, password_iterations) "
      "VALUES (?,?,?,?,?,?) ON CONFLICT (seller_id, id) DO UPDATE SET name = excluded.name, "
      "password_salt = excluded.password_salt, password_hash = excluded.password_hash, "
      "password_iterations = excluded.password_iterations");
  s.bind(1, seller_).bind(2, b.id).bind(3, b.name).bind_blob(4, b.password_salt).bind_blob(5, b.password_hash);
  s.bind(6, std::int64_t{b.password_iterations});
  s.run();
}

bool SqlCatalog::remove_buyer(std::string_view id) {
  auto s = db_.prepare("DELETE FROM buyers WHERE seller_id = ? AND id = ?");
  s.bind(1, seller_).bind(2, id);
  s.run();
  return db_.changes() > 0;
}

void SqlCatalog::put_item(const model::Item& r) {
  auto s = db_.prepare("INSERT INTO items (" OG_ITEM_WRITE_COLUMNS
                       ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) " OG_ITEM_UPSERT);
  bind_item(s, seller_, r);
  s.run();
}

void bind_item(Statement& s, const std::string& seller, const model::Item& r, int first) {
  s.bind(first + 1, seller).bind(first + 2, r.id).bind(first + 3, r.description).bind(first + 4, r.order_unit);
  s.bind(first + 5, r.base_unit).bind(first + 6, r.base_per_order_unit.units()).bind(first + 7, r.step.units());
  s.bind(first + 8, r.ean).bind(first + 9, r.manufacturer).bind(first + 10, r.manufacturer_item_id);
  s.bind(first + 11, r.price.units()).bind(first + 12, r.currency);
  if (r.recommended_retail_price)
    s.bind(first + 13, r.recommended_retail_price->units());
  else
    s.bind_null(first + 13);
  s.bind(first + 14, r.stock.units()).bind(first + 15, r.next_delivery).bind(first + 16, encode_groups(r.groups));
}

void SqlCatalog::put_replacement(std::string_view item_id, std::string_view replacement_id, int position) {
  auto s = db_.prepare(
      "INSERT INTO item_replacements (seller_id, item_id, replacement_id, position) VALUES (?,?,?,?) "
      "ON CONFLICT (seller_id, item_id, replacement_id) DO UPDATE SET position = excluded.position");
  s.bind(1, seller_).bind(2, item_id).bind(3, replacement_id).bind(4, std::int64_t{position});
  s.run();
}

std::vector<model::ClassificationGroup> SqlCatalog::classification() {
  auto s = db_.prepare(
      "SELECT scheme_id, id, parent_id, description FROM classification_groups WHERE seller_id = ? "
      "ORDER BY scheme_id, position");
  s.bind(1, seller_);
  std::vector<model::ClassificationGroup> out;
  while (s.step()) out.push_back({s.text(0), s.text(1), s.optional_text(2), s.text(3)});
  return out;
}

void SqlCatalog::put_classification_group(const model::ClassificationGroup& g) {
  // A new group goes last in its scheme; a replaced one keeps its place.
  auto s = db_.prepare(
      "INSERT INTO classification_groups (seller_id, scheme_id, id, parent_id, description, position) "
      "VALUES (?1, ?2, ?3, ?4, ?5, (SELECT COALESCE(MAX(position), 0) + 1 FROM classification_groups "
      "WHERE seller_id = ?1 AND scheme_id = ?2)) "
      "ON CONFLICT (seller_id, scheme_id, id) DO UPDATE SET parent_id = excluded.parent_id, "
      "description = excluded.description");
  s.bind(1, seller_).bind(2, g.scheme_id).bind(3, g.id).bind(4, g.parent_id).bind(5, g.description);
  s.run();
}

bool SqlCatalog::update_stock(std::string_view item_id, const rules::Decimal& stock,
                              const std::optional<std::string>& next_delivery) {
  auto s = db_.prepare("UPDATE items SET stock = ?, next_delivery = ? WHERE seller_id = ? AND id = ?");
  s.bind(1, stock.units()).bind(2, next_delivery).bind(3, seller_).bind(4, item_id);
  s.run();
  return db_.changes() == 1;
}

bool SqlCatalog::update_price(std::string_view item_id, const rules::Decimal& price,
                              const std::optional<rules::Decimal>& recommended_retail_price) {
  auto s = db_.prepare(
      "UPDATE items SET price = ?, recommended_retail_price = COALESCE(?, recommended_retail_price) "
      "WHERE seller_id = ? AND id = ?");
  s.bind(1, price.units());
  if (recommended_retail_price)
    s.bind(2, recommended_retail_price->units());
  else
    s.bind_null(2);
  s.bind(3, seller_).bind(4, item_id);
  s.run();
  return db_.changes() == 1;
}

std::int64_t SqlCatalog::update_stocks(const std::vector<StockChange>& changes) {
  std::int64_t known = 0;
  for (const auto& c : changes) known += update_stock(c.item_id, c.stock, c.next_delivery) ? 1 : 0;
  return known;
}

std::int64_t SqlCatalog::update_prices(const std::vector<PriceChange>& changes) {
  std::int64_t known = 0;
  for (const auto& c : changes) known += update_price(c.item_id, c.price, c.recommended_retail_price) ? 1 : 0;
  return known;
}

std::int64_t SqlCatalog::count_items() {
  auto s = db_.prepare("SELECT count(*) FROM items WHERE seller_id = ?");
  s.bind(1, seller_);
  return s.step() ? s.integer(0) : 0;
}

std::optional<model::Seller> SqlSellers::seller(std::string_view id) {
  auto s = db_.prepare("SELECT id, name FROM sellers WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return model::Seller{s.text(0), s.text(1)};
}

std::vector<model::Seller> SqlSellers::sellers() {
  auto s = db_.prepare("SELECT id, name FROM sellers ORDER BY id");
  std::vector<model::Seller> out;
  while (s.step()) out.push_back({s.text(0), s.text(1)});
  return out;
}

void SqlSellers::put_seller(const model::Seller& seller) {
  auto s =
      db_.prepare("INSERT INTO sellers (id, name) VALUES (?,?) ON CONFLICT (id) DO UPDATE SET name = excluded.name");
  s.bind(1, seller.id).bind(2, seller.name);
  s.run();
}

}  // namespace og::store::sql
