#include "core/srm/srm_users.hpp"

#include "store/store.hpp"

namespace og::core::srm {

SrmUsers::SrmUsers(Executor hashing, std::chrono::seconds remember, GuessLimits guesses)
    : check_(
          [](store::ReadView& r, const std::string&, const std::string& id) -> std::optional<StoredPassword> {
            auto u = r.carts().srm_user(id);
            if (!u) return std::nullopt;
            return StoredPassword{u->password_salt, u->password_hash, u->password_iterations};
          },
          std::move(hashing), remember, guesses) {}

Task<bool> SrmUsers::authenticate(Context& ctx, const std::string& user, const std::string& password) {
  static const std::string kRealm;
  PasswordVerdict verdict = co_await check_.check(ctx, kRealm, user, password);
  co_return verdict == PasswordVerdict::Valid;
}

}  // namespace og::core::srm
