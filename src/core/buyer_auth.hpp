// Checks a Veloconnect buyer's ID and password (see PasswordCheck).
#pragma once
#include <chrono>

#include "core/password_check.hpp"
#include "rules/veloconnect/transaction_rules.hpp"
#include "store/store.hpp"

namespace og::core {

using rules::veloconnect::Credentials;

class BuyerAuth {
 public:
  explicit BuyerAuth(store::Store& store, std::chrono::seconds remember = std::chrono::minutes(5));
  Credentials authenticate(std::string_view buyer_id, std::string_view password);

 private:
  PasswordCheck check_;
};

}  // namespace og::core
