#include "store/sqlite/catalog.hpp"

#include <string_view>
#include <unordered_set>

#include "store/sqlite/connection.hpp"
#include "store/sqlite/rows.hpp"
#include "store/sqlite/text_match.hpp"

namespace og::store::sqlite {

namespace {

// A term of three characters or more narrows the rows down through the
// trigram index (each of its trigrams must be in the row); og_has_text then
// decides on what is left, and on every row for shorter terms.
struct SearchSql {
  std::string where;
  std::vector<std::string> params;
};

// More trigrams of one long term narrow little further and each costs a
// doclist read.
constexpr std::size_t kTrigramsPerTerm = 16;

// Rows per INSERT of a bulk write (16 parameters each), and per UPDATE of
// a stock or price import (3 each).
constexpr int kRowsPerInsert = 64;
constexpr std::size_t kRowsPerUpdate = 64;

// Goes through `changes` in runs of kRowsPerUpdate distinct items, in order:
// a full run to `many` (one statement), the rest one by one to `one`. A run
// ends before an item it already names: in one UPDATE ... FROM, SQLite would
// take either of its rows.
template <class Change, class Many, class One>
std::int64_t in_runs(const std::vector<Change>& changes, Many many, One one) {
  std::int64_t known = 0;
  std::unordered_set<std::string_view> ids;
  for (std::size_t i = 0; i < changes.size();) {
    ids.clear();
    std::size_t end = i;
    while (end < changes.size() && end - i < kRowsPerUpdate && ids.insert(changes[end].item_id).second) ++end;
    if (end - i == kRowsPerUpdate)
      known += many(&changes[i]);
    else
      for (std::size_t k = i; k < end; ++k) known += one(changes[k]) ? 1 : 0;
    i = end;
  }
  return known;
}

// UPDATE items SET `set` FROM a VALUES list of kRowsPerUpdate rows of three
// (v.column1 the item, v.column2 and v.column3 its new values), the seller
// bound last.
std::string update_from_values(const char* set) {
  std::string sql = std::string("UPDATE items SET ") + set + " FROM (VALUES ";
  for (std::size_t i = 0; i < kRowsPerUpdate; ++i) sql += i ? ",(?,?,?)" : "(?,?,?)";
  return sql + ") AS v WHERE items.seller_id = ? AND items.id = v.column1";
}

SearchSql search_sql(const std::vector<std::string>& terms) {
  SearchSql out;
  std::string match;
  std::vector<std::string> clauses;
  for (const auto& term : terms) {
    for (const auto& t : trigrams(term, kTrigramsPerTerm)) {
      std::string quoted = "\"";
      for (char c : t) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
      match += (match.empty() ? "" : " AND ") + quoted + "\"";
    }
  }
  if (!match.empty()) {
    clauses.push_back("rowid IN (SELECT rowid FROM item_text WHERE item_text MATCH ?)");
    out.params.push_back(match);
  }
  for (const auto& term : terms) {
    // The columns of item_text.
    clauses.push_back("og_has_text(?, id, description, ean, manufacturer, manufacturer_item_id)");
    out.params.push_back(fold_case(term));
  }
  // One seller's items only (its binding comes first). With a MATCH, the
  // unary + keeps SQLite from walking all the seller's items through the
  // (seller_id, id) index and testing each against the index's hits: it looks
  // up the hits by rowid instead (a million items: an article number found
  // in 3 ms, not 110-370 ms; a term in every item takes 1.6 times as long).
  out.where = match.empty() ? " WHERE seller_id = ?" : " WHERE +seller_id = ?";
  for (const auto& clause : clauses) out.where += " AND " + clause;
  return out;
}

}  // namespace

SqliteCatalog::SqliteCatalog(Connection& db, std::string seller) : SqlCatalog(db, std::move(seller)) {}

std::int64_t SqliteCatalog::count_items_matching(const std::vector<std::string>& terms) {
  auto sql = search_sql(terms);
  auto cursor = db_.prepare_once("SELECT count(*) FROM items" + sql.where);
  Statement s(*cursor);
  s.bind(1, seller_);
  for (std::size_t i = 0; i < sql.params.size(); ++i) s.bind(static_cast<int>(i + 2), sql.params[i]);
  return s.step() ? s.integer(0) : 0;
}

std::vector<model::Item> SqliteCatalog::items_matching(const std::vector<std::string>& terms, std::int64_t offset,
                                                       std::int64_t limit) {
  auto sql = search_sql(terms);
  auto cursor = db_.prepare_once(std::string("SELECT ") + kItemColumns + " FROM items" + sql.where +
                                 " ORDER BY id LIMIT ? OFFSET ?");
  Statement s(*cursor);
  int n = 1;
  s.bind(n++, seller_);
  for (const auto& p : sql.params) s.bind(n++, p);
  s.bind(n++, limit);
  s.bind(n, offset);
  std::vector<model::Item> out;
  while (s.step()) out.push_back(read_item(s));
  return out;
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
  // Many rows per statement: an INSERT into items opens a statement journal
  // (its triggers, its upsert) and a savepoint of the text index, which cost
  // more than a row; 64 rows share them.
  static const std::string many = [] {
    std::string sql = "INSERT INTO items (" OG_ITEM_WRITE_COLUMNS ") VALUES ";
    for (int i = 0; i < kRowsPerInsert; ++i)
      sql += i ? ",(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    return sql + " " OG_ITEM_UPSERT;
  }();
  std::vector<model::Item> rows(kRowsPerInsert);
  int held = 0;
  while (next(rows[static_cast<std::size_t>(held)])) {
    if (++held < kRowsPerInsert) continue;
    auto insert = db_.prepare(many.c_str());
    for (int i = 0; i < kRowsPerInsert; ++i) sql::bind_item(insert, seller_, rows[static_cast<std::size_t>(i)], i * 16);
    insert.run();
    held = 0;
  }
  for (int i = 0; i < held; ++i) put_item(rows[static_cast<std::size_t>(i)]);
  auto index = db_.prepare(
      "INSERT INTO item_text (rowid, id, description, ean, manufacturer, manufacturer_item_id) "
      "SELECT rowid, id, description, ean, manufacturer, manufacturer_item_id FROM items WHERE rowid > ?");
  index.bind(1, watermark);
  index.run();
  db_.exec("DELETE FROM text_index_deferred");
}

std::int64_t SqliteCatalog::update_stocks(const std::vector<StockChange>& changes) {
  static const std::string many = update_from_values("stock = v.column2, next_delivery = v.column3");
  return in_runs(
      changes,
      [&](const StockChange* run) {
        auto s = db_.prepare(many.c_str());
        for (std::size_t i = 0; i < kRowsPerUpdate; ++i) {
          int at = static_cast<int>(i) * 3;
          s.bind(at + 1, run[i].item_id).bind(at + 2, run[i].stock.units()).bind(at + 3, run[i].next_delivery);
        }
        s.bind(static_cast<int>(kRowsPerUpdate) * 3 + 1, seller_);
        s.run();
        return db_.changes();
      },
      [&](const StockChange& c) { return update_stock(c.item_id, c.stock, c.next_delivery); });
}

std::int64_t SqliteCatalog::update_prices(const std::vector<PriceChange>& changes) {
  static const std::string many = update_from_values(
      "price = v.column2, recommended_retail_price = COALESCE(v.column3, items.recommended_retail_price)");
  return in_runs(
      changes,
      [&](const PriceChange* run) {
        auto s = db_.prepare(many.c_str());
        for (std::size_t i = 0; i < kRowsPerUpdate; ++i) {
          int at = static_cast<int>(i) * 3;
          s.bind(at + 1, run[i].item_id).bind(at + 2, run[i].price.units());
          if (run[i].recommended_retail_price)
            s.bind(at + 3, run[i].recommended_retail_price->units());
          else
            s.bind_null(at + 3);
        }
        s.bind(static_cast<int>(kRowsPerUpdate) * 3 + 1, seller_);
        s.run();
        return db_.changes();
      },
      [&](const PriceChange& c) { return update_price(c.item_id, c.price, c.recommended_retail_price); });
}

}  // namespace og::store::sqlite
