#include "store/postgres/catalog.hpp"

#include "store/sql/rows.hpp"

namespace og::store::postgres {

namespace {

// Every term must be found somewhere in the item's text (any length: the
// trigram index narrows terms of three characters and more, shorter ones are
// checked on what it leaves).
std::string search_where(std::size_t terms) {
  std::string where = " WHERE seller_id = ?";
  for (std::size_t i = 0; i < terms; ++i) where += " AND " OG_PG_ITEM_TEXT " LIKE lower(?) ESCAPE '\\'";
  return where;
}

void bind_terms(sql::Statement& s, const std::string& seller, const std::vector<std::string>& terms) {
  int n = 1;
  s.bind(n++, seller);
  for (const auto& term : terms) s.bind(n++, sql::contains_pattern(term));
}

}  // namespace

std::int64_t PgCatalog::count_items_matching(const std::vector<std::string>& terms) {
  auto cursor = db_.prepare_once("SELECT count(*) FROM items" + search_where(terms.size()));
  sql::Statement s(*cursor);
  bind_terms(s, seller_, terms);
  return s.step() ? s.integer(0) : 0;
}

std::vector<model::Item> PgCatalog::items_matching(const std::vector<std::string>& terms, std::int64_t offset,
                                                   std::int64_t limit) {
  auto cursor = db_.prepare_once(std::string("SELECT ") + sql::kItemColumns + " FROM items" +
                                 search_where(terms.size()) + " ORDER BY id LIMIT ? OFFSET ?");
  sql::Statement s(*cursor);
  bind_terms(s, seller_, terms);
  auto n = static_cast<int>(terms.size()) + 2;
  s.bind(n, limit).bind(n + 1, offset);
  std::vector<model::Item> out;
  while (s.step()) out.push_back(sql::read_item(s));
  return out;
}

// The trigram index is kept by PostgreSQL as rows come: nothing to defer.
void PgCatalog::put_items(const std::function<bool(model::Item&)>& next) {
  model::Item r;
  while (next(r)) put_item(r);
}

}  // namespace og::store::postgres
