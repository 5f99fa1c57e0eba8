// The catalogue's tables (sellers, buyers, items, replacements,
// classification) on a store's connection: the same statements for SQLite and
// PostgreSQL. Text search and bulk loading depend on each engine's text index
// (SQLite: FTS5 trigrams; PostgreSQL: pg_trgm), so each store's catalogue
// class adds those.
#pragma once
#include "store/catalog_store.hpp"
#include "store/sql/db.hpp"

// The columns an item is written with, in bind_item's order, and what an
// item already there takes from the new row.
#define OG_ITEM_WRITE_COLUMNS                                                                         \
  "seller_id, id, description, order_unit, base_unit, base_per_order_unit, step, ean, manufacturer, " \
  "manufacturer_item_id, price, currency, recommended_retail_price, stock, next_delivery, classification"
#define OG_ITEM_UPSERT                                                                                     \
  "ON CONFLICT (seller_id, id) DO UPDATE SET "                                                             \
  "description = excluded.description, order_unit = excluded.order_unit, base_unit = excluded.base_unit, " \
  "base_per_order_unit = excluded.base_per_order_unit, step = excluded.step, ean = excluded.ean, "         \
  "manufacturer = excluded.manufacturer, manufacturer_item_id = excluded.manufacturer_item_id, "           \
  "price = excluded.price, currency = excluded.currency, "                                                 \
  "recommended_retail_price = excluded.recommended_retail_price, stock = excluded.stock, "                 \
  "next_delivery = excluded.next_delivery, classification = excluded.classification"

namespace og::store::sql {

// Binds an item's row as parameters first + 1 to first + 16 (in
// OG_ITEM_WRITE_COLUMNS' order).
void bind_item(Statement& s, const std::string& seller, const model::Item& item, int first = 0);

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
  std::int64_t update_stocks(const std::vector<StockChange>& changes) override;
  std::int64_t update_prices(const std::vector<PriceChange>& changes) override;
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
