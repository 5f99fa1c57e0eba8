// SAP SRM shopping carts, the users SRM middleware logs in as, and the
// processed-message log that makes a repeated MessageHeader UUID harmless.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rules/srm/cart.hpp"
#include "rules/srm/message.hpp"

namespace og::model {

struct Cart {
  std::string id;  // SC-1001
  bool ordered = false;
  std::string change_state_id;
  std::vector<rules::srm::Item> items;  // in the order they were submitted
  std::string created_at;               // UTC, ISO-8601
  std::string updated_at;
};

struct SrmUser {
  std::string id;
  std::string password_salt;
  std::string password_hash;
  int password_iterations = 0;
};

// What a Log item refers to in the cart as a whole; the face names the element.
enum class CartField { None, CartId, ChangeStateId, Items, MessageUuid };

struct CartMessage {
  rules::srm::MessageNumber number;
  std::string note;
  CartField field = CartField::None;
  std::string element;  // an item field, as rules/srm names it ("" when `field` says it)
  std::string item_id;  // "" for the cart as a whole
};

// The decision on one SRM message, as it was answered: kept under the
// message's UUID so that a repeated message gets the same answer again.
struct SrmAnswer {
  std::string uuid;       // the request's MessageHeader UUID
  std::string operation;  // as the face names it
  bool success = false;
  std::string cart_id;  // "" when the answer names no cart
  std::string change_state_id;
  std::vector<CartMessage> messages;
  std::string reference_id;      // the request's MessageHeader ID, which the answer refers to
  std::string answer_id;         // the answer's own MessageHeader UUID
  std::int64_t answered_at = 0;  // Unix seconds: the answer's CreationDateTime
  // An answer stored by ordergate 0.1 as rendered XML (before migration 3).
  std::optional<std::string> legacy_body;
};

}  // namespace og::model
