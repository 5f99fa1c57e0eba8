// The catalogue's tables (migration 1) on the store's connection.
#pragma once
#include "store/catalog_store.hpp"

namespace og::store::sqlite {

class Connection;

class SqliteCatalog final : public CatalogWriter {
 public:
  explicit SqliteCatalog(Connection& db) : db_(db) {}

  std::optional<model::Buyer> buyer(std::string_view id) override;
  std::optional<model::Item> item(std::string_view id) override;
  std::vector<std::string> replacements(std::string_view item_id) override;
  std::int64_t count_items_matching(const std::vector<std::string>& terms) override;
  std::vector<model::Item> items_matching(const std::vector<std::string>& terms, std::int64_t offset,
                                          std::int64_t limit) override;

  void put_buyer(const model::Buyer& buyer) override;
  void put_item(const model::Item& item) override;
  void put_items(const std::function<bool(model::Item&)>& next) override;
  void put_replacement(std::string_view item_id, std::string_view replacement_id, int position) override;

 private:
  Connection& db_;
};

}  // namespace og::store::sqlite
