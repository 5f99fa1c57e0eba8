#include "core/buyer_auth.hpp"

namespace og::core {

BuyerAuth::BuyerAuth(store::Store& store, std::chrono::seconds remember)
    : check_(
          store,
          [](store::Reader& r, std::string_view id) -> std::optional<StoredPassword> {
            auto b = r.buyer(id);
            if (!b) return std::nullopt;
            return StoredPassword{b->password_salt, b->password_hash, b->password_iterations};
          },
          remember) {}

Credentials BuyerAuth::authenticate(std::string_view buyer_id, std::string_view password) {
  switch (check_.check(buyer_id, password)) {
    case PasswordVerdict::Valid: return Credentials::Valid;
    case PasswordVerdict::UnknownUser: return Credentials::UnknownBuyer;
    case PasswordVerdict::WrongPassword: break;
  }
  return Credentials::WrongPassword;
}

}  // namespace og::core
