// The catalogue's tables on SQLite: the shared statements (sql/catalog.hpp)
// plus what rests on SQLite's FTS5 trigram index (migrations 6, 9 and 17):
// text search, bulk loading and bulk stock and price changes.
#pragma once
#include "store/sql/catalog.hpp"

namespace og::store::sqlite {

class Connection;

// One seller's catalogue and buyers.
class SqliteCatalog final : public sql::SqlCatalog {
 public:
  SqliteCatalog(Connection& db, std::string seller);

  std::int64_t count_items_matching(const std::vector<std::string>& terms) override;
  std::vector<model::Item> items_matching(const std::vector<std::string>& terms, std::int64_t offset,
                                          std::int64_t limit) override;
  void put_items(const std::function<bool(model::Item&)>& next) override;
  std::int64_t update_stocks(const std::vector<StockChange>& changes) override;
  std::int64_t update_prices(const std::vector<PriceChange>& changes) override;
};

}  // namespace og::store::sqlite
