// The catalogue's tables (migrations 1 and 4: one catalogue per seller) on the store's connection.
#pragma once
#include "store/catalog_store.hpp"

namespace og::store::sqlite {

class Connection;

// One seller's catalogue and buyers.
class SqliteCatalog final : public CatalogWriter {
 public:
  SqliteCatalog(Connection& db, std::string seller) : db_(db), seller_(std::move(seller)) {}

  std::optional<model::Buyer> buyer(std::string_view id) override;
  std::optional<model::Item> item(std::string_view id) override;
  std::vector<std::string> replacements(std::string_view item_id) override;
  std::int64_t count_items_matching(const std::vector<std::string>& terms) override;
  std::vector<model::Item> items_matching(const std::vector<std::string>& terms, std::int64_t offset,
                                          std::int64_t limit) override;
  std::vector<model::ClassificationGroup> classification() override;

  void put_buyer(const model::Buyer& buyer) override;
  void put_item(const model::Item& item) override;
  void put_items(const std::function<bool(model::Item&)>& next) override;
  void put_replacement(std::string_view item_id, std::string_view replacement_id, int position) override;
  void put_classification_group(const model::ClassificationGroup& group) override;
  bool remove_buyer(std::string_view id) override;
  bool update_stock(std::string_view item_id, const rules::Decimal& stock,
                    const std::optional<std::string>& next_delivery) override;
  bool update_price(std::string_view item_id, const rules::Decimal& price,
                    const std::optional<rules::Decimal>& recommended_retail_price) override;
  std::int64_t count_items() override;

 private:
  Connection& db_;
  std::string seller_;
};

class SqliteSellers final : public SellerWriter {
 public:
  explicit SqliteSellers(Connection& db) : db_(db) {}
  std::optional<model::Seller> seller(std::string_view id) override;
  std::vector<model::Seller> sellers() override;
  void put_seller(const model::Seller& seller) override;

 private:
  Connection& db_;
};

}  // namespace og::store::sqlite
