#include "store/sqlite/catalog.hpp"

#include "store/sqlite/connection.hpp"
#include "store/sqlite/rows.hpp"

namespace og::store::sqlite {

namespace {

// The FTS5 trigram index finds substrings of three or more characters; shorter
// terms are matched with LIKE on the rows it narrowed down (or on all rows).
struct SearchSql {
  std::string where;
  std::vector<std::string> params;
};

SearchSql search_sql(const std::vector<std::string>& terms) {
  SearchSql out;
  std::string match;
  std::vector<std::string> short_terms;
  for (const auto& term : terms) {
    std::size_t chars = 0;
    for (unsigned char c : term) chars += (c & 0xC0) != 0x80;
    if (chars >= 3) {
      std::string quoted = "\"";
      for (char c : term) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
      quoted += "\"";
      match += (match.empty() ? "" : " AND ") + quoted;
    } else {
      short_terms.push_back(term);
    }
  }
  std::vector<std::string> clauses;
  if (!match.empty()) {
    clauses.push_back("rowid IN (SELECT rowid FROM item_text WHERE item_text MATCH ?)");
    out.params.push_back(match);
  }
  for (const auto& term : short_terms) {
    std::string pattern = "%";
    for (char c : term) {
      if (c == '%' || c == '_' || c == '\\') pattern += '\\';
      pattern += c;
    }
    pattern += "%";
    // The columns of item_text (NULLs never match).
    clauses.push_back(
        "(id LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE '\\' OR ean LIKE ? ESCAPE '\\' OR manufacturer LIKE ? "
        "ESCAPE '\\' OR manufacturer_item_id LIKE ? ESCAPE '\\')");
    for (int column = 0; column < 5; ++column) out.params.push_back(pattern);
  }
  // One seller's items only (its binding comes first).
  out.where = " WHERE seller_id = ?";
  for (const auto& clause : clauses) out.where += " AND " + clause;
  return out;
}

class RawStatement {
 public:
  RawStatement(Connection& c, const std::string& sql) : cursor_(c.prepare_uncached(sql)) {}
  SqliteCursor& get() { return cursor_; }

 private:
  SqliteCursor cursor_;
};

}  // namespace

std::optional<model::Buyer> SqliteCatalog::buyer(std::string_view id) {
  auto s = db_.prepare(
      "SELECT id, name, password_salt, password_hash, password_iterations FROM buyers WHERE seller_id = ? AND id = ?");
  s.bind(1, seller_).bind(2, id);
  if (!s.step()) return std::nullopt;
  return model::Buyer{s.text(0), s.text(1), s.blob(2), s.blob(3), static_cast<int>(s.integer(4))};
}

std::optional<model::Item> SqliteCatalog::item(std::string_view id) {
  auto s = db_.prepare(
      "SELECT id, description, order_unit, base_unit, base_per_order_unit, step, ean, manufacturer, "
      "manufacturer_item_id, price, currency, recommended_retail_price, stock, next_delivery, classification FROM "
      "items "
      "WHERE seller_id = ? AND id = ?");
  s.bind(1, seller_).bind(2, id);
  if (!s.step()) return std::nullopt;
  return read_item(s);
}

std::vector<std::string> SqliteCatalog::replacements(std::string_view item_id) {
  auto s =
      db_.prepare("SELECT replacement_id FROM item_replacements WHERE seller_id = ? AND item_id = ? ORDER BY position");
  s.bind(1, seller_).bind(2, item_id);
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0));
  return out;
}

std::int64_t SqliteCatalog::count_items_matching(const std::vector<std::string>& terms) {
  auto sql = search_sql(terms);
  RawStatement raw(db_, "SELECT count(*) FROM items" + sql.where);
  Statement s(raw.get());
  s.bind(1, seller_);
  for (std::size_t i = 0; i < sql.params.size(); ++i) s.bind(static_cast<int>(i + 2), sql.params[i]);
  return s.step() ? s.integer(0) : 0;
}

std::vector<model::Item> SqliteCatalog::items_matching(const std::vector<std::string>& terms, std::int64_t offset,
                                                       std::int64_t limit) {
  auto sql = search_sql(terms);
  RawStatement raw(db_,
                   std::string("SELECT ") + kItemColumns + " FROM items" + sql.where + " ORDER BY id LIMIT ? OFFSET ?");
  Statement s(raw.get());
  int n = 1;
  s.bind(n++, seller_);
  for (const auto& p : sql.params) s.bind(n++, p);
  s.bind(n++, limit);
  s.bind(n, offset);
  std::vector<model::Item> out;
  while (s.step()) out.push_back(read_item(s));
  return out;
}

void SqliteCatalog::put_buyer(const model::Buyer& b) {
  auto s = db_.prepare(
      "INSERT OR REPLACE INTO buyers (seller_id, id, name, password_salt, password_hash, password_iterations) "
      "VALUES (?,?,?,?,?,?)");
  s.bind(1, seller_).bind(2, b.id).bind(3, b.name).bind_blob(4, b.password_salt).bind_blob(5, b.password_hash);
  s.bind(6, std::int64_t{b.password_iterations});
  s.run();
}

bool SqliteCatalog::remove_buyer(std::string_view id) {
  auto s = db_.prepare("DELETE FROM buyers WHERE seller_id = ? AND id = ?");
  s.bind(1, seller_).bind(2, id);
  s.run();
  return db_.changes() > 0;
}

void SqliteCatalog::put_item(const model::Item& r) {
  auto s = db_.prepare(
      "INSERT INTO items (seller_id, id, description, order_unit, base_unit, base_per_order_unit, step, ean, "
      "manufacturer, manufacturer_item_id, price, currency, recommended_retail_price, stock, next_delivery, "
      "classification) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (seller_id, id) DO UPDATE SET "
      "description = excluded.description, order_unit = excluded.order_unit, base_unit = excluded.base_unit, "
      "base_per_order_unit = excluded.base_per_order_unit, step = excluded.step, ean = excluded.ean, "
      "manufacturer = excluded.manufacturer, manufacturer_item_id = excluded.manufacturer_item_id, "
      "price = excluded.price, currency = excluded.currency, "
      "recommended_retail_price = excluded.recommended_retail_price, stock = excluded.stock, "
      "next_delivery = excluded.next_delivery, classification = excluded.classification");
  s.bind(1, seller_).bind(2, r.id).bind(3, r.description).bind(4, r.order_unit).bind(5, r.base_unit);
  s.bind(6, r.base_per_order_unit.units()).bind(7, r.step.units()).bind(8, r.ean).bind(9, r.manufacturer);
  s.bind(10, r.manufacturer_item_id).bind(11, r.price.units()).bind(12, r.currency);
  if (r.recommended_retail_price)
    s.bind(13, r.recommended_retail_price->units());
  else
    s.bind_null(13);
  s.bind(14, r.stock.units()).bind(15, r.next_delivery).bind(16, encode_groups(r.groups));
  s.run();
}

void SqliteCatalog::put_items(const std::function<bool(model::Item&)>& next) {
  // New rows are indexed together at the end (migration 9 says why and how
  // the triggers know). Rows above the watermark were all inserted here: an
  // item given twice is inserted once and then updated, still unindexed.
  std::int64_t watermark = 0;
  {
    auto s = db_.prepare("SELECT COALESCE(MAX(rowid), 0) FROM items");
    if (s.step()) watermark = s.integer(0);
  }
  {
    auto s = db_.prepare("INSERT INTO text_index_deferred (one, watermark) VALUES (1, ?)");
    s.bind(1, watermark);
    s.run();
  }
  model::Item r;
  while (next(r)) put_item(r);
  auto index = db_.prepare(
      "INSERT INTO item_text (rowid, id, description, ean, manufacturer, manufacturer_item_id) "
      "SELECT rowid, id, description, ean, manufacturer, manufacturer_item_id FROM items WHERE rowid > ?");
  index.bind(1, watermark);
  index.run();
  db_.exec("DELETE FROM text_index_deferred");
}

void SqliteCatalog::put_replacement(std::string_view item_id, std::string_view replacement_id, int position) {
  auto s = db_.prepare(
      "INSERT OR REPLACE INTO item_replacements (seller_id, item_id, replacement_id, position) VALUES (?,?,?,?)");
  s.bind(1, seller_).bind(2, item_id).bind(3, replacement_id).bind(4, std::int64_t{position});
  s.run();
}

std::vector<model::ClassificationGroup> SqliteCatalog::classification() {
  auto s = db_.prepare(
      "SELECT scheme_id, id, parent_id, description FROM classification_groups WHERE seller_id = ? "
      "ORDER BY scheme_id, position");
  s.bind(1, seller_);
  std::vector<model::ClassificationGroup> out;
  while (s.step()) out.push_back({s.text(0), s.text(1), s.optional_text(2), s.text(3)});
  return out;
}

void SqliteCatalog::put_classification_group(const model::ClassificationGroup& g) {
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

bool SqliteCatalog::update_stock(std::string_view item_id, const rules::Decimal& stock,
                                 const std::optional<std::string>& next_delivery) {
  auto s = db_.prepare("UPDATE items SET stock = ?, next_delivery = ? WHERE seller_id = ? AND id = ?");
  s.bind(1, stock.units()).bind(2, next_delivery).bind(3, seller_).bind(4, item_id);
  s.run();
  return db_.changes() == 1;
}

bool SqliteCatalog::update_price(std::string_view item_id, const rules::Decimal& price,
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

std::int64_t SqliteCatalog::count_items() {
  auto s = db_.prepare("SELECT count(*) FROM items WHERE seller_id = ?");
  s.bind(1, seller_);
  return s.step() ? s.integer(0) : 0;
}

std::optional<model::Seller> SqliteSellers::seller(std::string_view id) {
  auto s = db_.prepare("SELECT id, name FROM sellers WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return model::Seller{s.text(0), s.text(1)};
}

std::vector<model::Seller> SqliteSellers::sellers() {
  auto s = db_.prepare("SELECT id, name FROM sellers ORDER BY id");
  std::vector<model::Seller> out;
  while (s.step()) out.push_back({s.text(0), s.text(1)});
  return out;
}

void SqliteSellers::put_seller(const model::Seller& seller) {
  auto s =
      db_.prepare("INSERT INTO sellers (id, name) VALUES (?,?) ON CONFLICT (id) DO UPDATE SET name = excluded.name");
  s.bind(1, seller.id).bind(2, seller.name);
  s.run();
}

}  // namespace og::store::sqlite
