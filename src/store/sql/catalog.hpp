// The catalogue's tables (sellers, buyers, items, replacements,
// classification) on a store's connection: the same statements for SQLite and
// PostgreSQL. Text search and bulk loading depend on each engine's text index
// (SQLite: FTS5 trigrams; PostgreSQL: pg_trgm), so each store's catalogue
// class adds those.
#pragma once
#include "store/catalog_store.hpp"
#include "store/sql/db.hpp"

namespace og::store::sql {

// One seller's catalogue and buyers.
class SqlCatalog : public CatalogWriter {
 public:
  SqlCatalog(Db& db, std::string seller) : db_(db), seller_(std::move(seller)) {}

  std::optional<model::Buyer> buyer(std::string_view id) override;
  std::optional<model::Item> item(std::string_view id) override;
  std::vector<std::string> replacements(std::string_view item_id) override;
  std::vector<model::ClassificationGroup> classification() override;

  void put_buyer(const model::Buyer& buyer) override;
  void put_item(const model::Item& item) override;
  void put_replacement(std::string_view item_id, std::string_view replacement_id, int position) override;
  void put_classification_group(const model::ClassificationGroup& group) override;
  bool remove_buyer(std::string_view id) override;
  bool update_stock(std::string_view item_id, const rules::Decimal& stock,
                    const std::optional<std::string>& next_delivery) override;
  bool update_price(std::string_view item_id, const rules::Decimal& price,
                    const std::optional<rules::Decimal>& recommended_retail_price) override;
  std::int64_t count_items() override;

 protected:
  Db& db_;
  std::string seller_;
};

class SqlSellers final : public SellerWriter {
 public:
  explicit SqlSellers(Db& db) : db_(db) {}
  std::optional<model::Seller> seller(std::string_view id) override;
  std::vector<model::Seller> sellers() override;
  void put_seller(const model::Seller& seller) override;

 private:
  Db& db_;
};

// A search term as a LIKE pattern that finds it anywhere ('%', '_' and '\'
// taken literally, escaped with '\').
std::string contains_pattern(std::string_view term);

}  // namespace og::store::sql
