// SAP SRM shopping carts, their master data, users and the processed-message log.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "model/srm.hpp"
#include "rules/srm/master_data.hpp"

namespace og::store {

class CartReader {
 public:
  virtual ~CartReader() = default;
  virtual std::optional<model::Cart> cart(std::string_view id) = 0;
  virtual std::optional<rules::srm::ProductCategory> srm_category(std::string_view id) = 0;
  virtual std::optional<rules::srm::Product> srm_product(std::string_view id) = 0;
  virtual std::optional<model::SrmUser> srm_user(std::string_view id) = 0;
  virtual std::optional<model::SrmAnswer> srm_answer(std::string_view uuid) = 0;
};

class CartWriter : public CartReader {
 public:
  // The ID the next new cart gets (SC-<number>, numbers after the highest).
  virtual std::string next_cart_id() = 0;
  // Inserts the cart, or replaces it with its items.
  virtual void put_cart(const model::Cart& cart) = 0;
  virtual void delete_cart(std::string_view id) = 0;
  virtual void put_srm_answer(const model::SrmAnswer& answer) = 0;
  // Forgets up to `limit` answered messages older than `before` (UTC,
  // ISO-8601): a UUID repeated after that is a new message. Returns how many.
  virtual std::int64_t purge_srm_answers(std::string_view before, std::int64_t limit) = 0;

  virtual void put_srm_category(const rules::srm::ProductCategory& category) = 0;
  virtual void put_srm_product(const rules::srm::Product& product) = 0;
  virtual void put_srm_user(const model::SrmUser& user) = 0;
};

}  // namespace og::store
