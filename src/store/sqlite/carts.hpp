// The SRM tables of the SQLite store (migration 2), on the store's connection.
#pragma once
#include "store/carts.hpp"

namespace og::store::sqlite {

class Connection;

class SqliteCarts final : public CartWriter {
 public:
  explicit SqliteCarts(Connection& db) : db_(db) {}

  std::optional<CartRecord> cart(std::string_view id) override;
  std::optional<rules::srm::ProductCategory> srm_category(std::string_view id) override;
  std::optional<rules::srm::Product> srm_product(std::string_view id) override;
  std::optional<SrmUserRecord> srm_user(std::string_view id) override;
  std::optional<SrmMessageRecord> srm_message(std::string_view uuid) override;

  std::string next_cart_id() override;
  void put_cart(const CartRecord& cart) override;
  void delete_cart(std::string_view id) override;
  void put_srm_message(const SrmMessageRecord& message) override;
  void put_srm_category(const rules::srm::ProductCategory& category) override;
  void put_srm_product(const rules::srm::Product& product) override;
  void put_srm_user(const SrmUserRecord& user) override;

 private:
  Connection& db_;
};

}  // namespace og::store::sqlite
