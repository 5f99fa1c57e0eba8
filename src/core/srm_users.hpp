// The users SRM middleware authenticates as (HTTP Basic), checked like buyers.
#pragma once
#include "core/password_check.hpp"

namespace og::core {

class SrmUsers {
 public:
  explicit SrmUsers(store::Store& store)
      : check_(store, [](store::Reader& r, std::string_view id) -> std::optional<StoredPassword> {
          auto u = r.carts().srm_user(id);
          if (!u) return std::nullopt;
          return StoredPassword{u->password_salt, u->password_hash, u->password_iterations};
        }) {}
  bool authenticate(std::string_view user, std::string_view password) {
    return check_.check(user, password) == PasswordVerdict::Valid;
  }

 private:
  PasswordCheck check_;
};

}  // namespace og::core
