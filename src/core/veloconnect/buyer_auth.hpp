// Checks a Veloconnect buyer's ID and password (see PasswordCheck).
#pragma once
#include <chrono>

#include "core/auth/password_check.hpp"
#include "rules/veloconnect/transaction_rules.hpp"

namespace og::core::veloconnect {

using rules::veloconnect::Credentials;

class BuyerAuth {
 public:
  explicit BuyerAuth(Executor hashing, std::chrono::seconds remember = std::chrono::minutes(5),
                     GuessLimits guesses = {});
  // A buyer of `seller` ("" the default seller).
  Task<Credentials> authenticate(Context& ctx, const std::string& seller, const std::string& buyer_id,
                                 const std::string& password);

  PasswordStats password_stats() const { return check_.stats(); }

 private:
  PasswordCheck check_;
};

}  // namespace og::core::veloconnect
