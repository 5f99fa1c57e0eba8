// SAP SRM shopping carts, their master data and the processed-message log,
// behind their own small interface: reached through Reader::carts() and
// UnitOfWork::carts(), so they share the unit of work with everything else.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/srm/cart.hpp"
#include "rules/srm/master_data.hpp"

namespace og::store {

struct CartRecord {
  std::string id;  // SC-1001
  bool ordered = false;
  std::string change_state_id;
  std::vector<rules::srm::Item> items;  // in the order they were submitted
  std::string created_at;               // UTC, ISO-8601
  std::string updated_at;
};

struct SrmUserRecord {
  std::string id;
  std::string password_salt;
  std::string password_hash;
  int password_iterations = 0;
};

// An answered SRM message, kept so that a repeated MessageHeader UUID gets
// the first answer again.
struct SrmMessageRecord {
  std::string uuid;
  std::string operation;
  std::string answer;  // the confirmation element, plain XML
  std::string created_at;
};

class CartReader {
 public:
  virtual ~CartReader() = default;
  virtual std::optional<CartRecord> cart(std::string_view id) = 0;
  virtual std::optional<rules::srm::ProductCategory> srm_category(std::string_view id) = 0;
  virtual std::optional<rules::srm::Product> srm_product(std::string_view id) = 0;
  virtual std::optional<SrmUserRecord> srm_user(std::string_view id) = 0;
  virtual std::optional<SrmMessageRecord> srm_message(std::string_view uuid) = 0;
};

class CartWriter : public CartReader {
 public:
  // The ID the next new cart gets (SC-<number>, numbers after the highest).
  virtual std::string next_cart_id() = 0;
  // Inserts the cart, or replaces it with its items.
  virtual void put_cart(const CartRecord& cart) = 0;
  virtual void delete_cart(std::string_view id) = 0;
  virtual void put_srm_message(const SrmMessageRecord& message) = 0;

  virtual void put_srm_category(const rules::srm::ProductCategory& category) = 0;
  virtual void put_srm_product(const rules::srm::Product& product) = 0;
  virtual void put_srm_user(const SrmUserRecord& user) = 0;
};

}  // namespace og::store
