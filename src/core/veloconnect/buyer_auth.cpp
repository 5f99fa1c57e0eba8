#include "core/veloconnect/buyer_auth.hpp"

#include "store/store.hpp"

namespace og::core::veloconnect {

BuyerAuth::BuyerAuth(Executor hashing, std::chrono::seconds remember, GuessLimits guesses)
    : check_(
          [](store::ReadView& r, const std::string& seller, const std::string& id) -> std::optional<StoredPassword> {
            auto b = r.catalog(seller).buyer(id);
            if (!b) return std::nullopt;
            return StoredPassword{b->password_salt, b->password_hash, b->password_iterations};
          },
          std::move(hashing), remember, guesses) {}

Task<Credentials> BuyerAuth::authenticate(Context& ctx, const std::string& seller, const std::string& buyer_id,
                                          const std::string& password) {
  PasswordVerdict verdict = co_await check_.check(ctx, seller, buyer_id, password);
  switch (verdict) {
    case PasswordVerdict::Valid: co_return Credentials::Valid;
    case PasswordVerdict::UnknownUser: co_return Credentials::UnknownBuyer;
    case PasswordVerdict::WrongPassword: break;
  }
  co_return Credentials::WrongPassword;
}

}  // namespace og::core::veloconnect
