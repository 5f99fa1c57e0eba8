// The users SRM middleware authenticates as (HTTP Basic), checked like buyers.
#pragma once
#include "core/auth/password_check.hpp"

namespace og::core::srm {

class SrmUsers {
 public:
  explicit SrmUsers(Executor hashing, std::chrono::seconds remember = std::chrono::minutes(5),
                    GuessLimits guesses = {});
  Task<bool> authenticate(Context& ctx, const std::string& user, const std::string& password);

  PasswordStats password_stats() const { return check_.stats(); }

 private:
  PasswordCheck check_;
};

}  // namespace og::core::srm
