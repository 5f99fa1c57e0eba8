// The catalogue's tables on PostgreSQL: the shared statements (sql/catalog.hpp)
// plus text search over a pg_trgm index (postgres/schema.cpp).
#pragma once
#include "store/sql/catalog.hpp"

namespace og::store::postgres {

class PgCatalog final : public sql::SqlCatalog {
 public:
  using SqlCatalog::SqlCatalog;

  std::int64_t count_items_matching(const std::vector<std::string>& terms) override;
  std::vector<model::Item> items_matching(const std::vector<std::string>& terms, std::int64_t offset,
                                          std::int64_t limit) override;
  void put_items(const std::function<bool(model::Item&)>& next) override;
};

// The text an item is found by, as the trigram index holds it: the columns
// SQLite's item_text holds, apart by a unit separator (no term holds one, so
// no term matches across two columns), lower-cased by Unicode's rules (ICU,
// whatever the database's locale; text columns themselves compare bytewise).
#define OG_PG_ITEM_TEXT                                                                                       \
  "lower((id || chr(31) || description || chr(31) || coalesce(ean, '') || chr(31) || coalesce(manufacturer, " \
  "'') || chr(31) || coalesce(manufacturer_item_id, '')) COLLATE \"und-x-icu\")"

}  // namespace og::store::postgres
