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
    auto pattern = sql::contains_pattern(term);
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
  model::Item r;
  while (next(r)) put_item(r);
  auto index = db_.prepare(
      "INSERT INTO item_text (rowid, id, description, ean, manufacturer, manufacturer_item_id) "
      "SELECT rowid, id, description, ean, manufacturer, manufacturer_item_id FROM items WHERE rowid > ?");
  index.bind(1, watermark);
  index.run();
  db_.exec("DELETE FROM text_index_deferred");
}

}  // namespace og::store::sqlite
