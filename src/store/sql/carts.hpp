// The SRM tables (SQLite migrations 2 and 3) on a store's connection: the same
// statements for SQLite and PostgreSQL.
#pragma once
#include "store/cart_store.hpp"
#include "store/sql/db.hpp"

namespace og::store::sql {

class SqlCarts final : public CartWriter {
 public:
  explicit SqlCarts(Db& db) : db_(db) {}

  std::optional<model::Cart> cart(std::string_view id) override;
  std::optional<rules::srm::ProductCategory> srm_category(std::string_view id) override;
  std::optional<rules::srm::Product> srm_product(std::string_view id) override;
  std::optional<model::SrmUser> srm_user(std::string_view id) override;
  std::optional<model::SrmAnswer> srm_answer(std::string_view uuid) override;

  std::string next_cart_id() override;
  void put_cart(const model::Cart& cart) override;
  void delete_cart(std::string_view id) override;
  void put_srm_answer(const model::SrmAnswer& answer) override;
  std::int64_t purge_srm_answers(std::string_view before, std::int64_t limit) override;
  void put_srm_category(const rules::srm::ProductCategory& category) override;
  void put_srm_product(const rules::srm::Product& product) override;
  void put_srm_user(const model::SrmUser& user) override;

 private:
  Db& db_;
};

}  // namespace og::store::sql
