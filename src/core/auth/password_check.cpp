#include "core/auth/password_check.hpp"

#include <openssl/evp.h>

#include <mutex>
#include <stdexcept>

#include "async/offload.hpp"
#include "core/auth/password.hpp"
#include "store/store.hpp"

namespace og::core {

PasswordCheck::PasswordCheck(Lookup lookup, Executor hashing, std::chrono::seconds remember)
    : lookup_(std::move(lookup)), hashing_(std::move(hashing)), remember_(remember), key_(random_bytes(32)) {}

std::string PasswordCheck::fingerprint(std::string_view user, std::string_view password) const {
  // SHA-256 over a per-process random key, the user and the password. The
  // digest is fetched once and the context reused: OpenSSL 3's per-call
  // algorithm fetch costs more than the hash of a short message.
  struct Md {
    EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    ~Md() { EVP_MD_free(md); }
  };
  struct Ctx {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ~Ctx() { EVP_MD_CTX_free(ctx); }
  };
  static const Md sha256;
  thread_local Ctx c;
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  const char separator = '\0';
  if (!sha256.md || !c.ctx || EVP_DigestInit_ex(c.ctx, sha256.md, nullptr) != 1 ||
      EVP_DigestUpdate(c.ctx, key_.data(), key_.size()) != 1 ||
      EVP_DigestUpdate(c.ctx, user.data(), user.size()) != 1 || EVP_DigestUpdate(c.ctx, &separator, 1) != 1 ||
      EVP_DigestUpdate(c.ctx, password.data(), password.size()) != 1 || EVP_DigestFinal_ex(c.ctx, out, &len) != 1)
    throw std::runtime_error("SHA-256 failed");
  return std::string(reinterpret_cast<char*>(out), len);
}

std::optional<PasswordVerdict> PasswordCheck::remembered(const std::string& user, const std::string& print) {
  auto now = std::chrono::steady_clock::now();
  std::shared_lock lock(mutex_);
  auto it = verified_.find(user);
  if (it != verified_.end() && it->second.until > now && equal_secrets(it->second.fingerprint, print))
    return PasswordVerdict::Valid;
  auto wrong = rejected_.find(user);
  if (wrong != rejected_.end() && wrong->second.until > now && equal_secrets(wrong->second.fingerprint, print))
    return PasswordVerdict::WrongPassword;
  return std::nullopt;
}

Task<PasswordVerdict> PasswordCheck::check(Context& ctx, const std::string& realm, const std::string& user,
                                           const std::string& password) {
  // The memory is per realm and user: "seller \0 buyer".
  std::string user_key = realm;
  user_key += '\0';
  user_key += user;
  const std::string& key = user_key;
  std::string print = fingerprint(key, password);
  if (auto known = remembered(key, print)) co_return *known;
  std::optional<StoredPassword> stored =
      co_await ctx.store().read(ctx.commit(), [&](store::ReadView& r) { return lookup_(r, realm, user); });
  if (!stored) co_return PasswordVerdict::UnknownUser;
  bool valid = co_await offload(
      hashing_, [&] { return equal_secrets(hash_password(password, stored->salt, stored->iterations), stored->hash); });
  auto until = std::chrono::steady_clock::now() + remember_;
  std::unique_lock lock(mutex_);
  if (!valid) {
    rejected_[key] = Remembered{std::move(print), until};
    co_return PasswordVerdict::WrongPassword;
  }
  rejected_.erase(key);
  verified_[key] = Remembered{std::move(print), until};
  co_return PasswordVerdict::Valid;
}

}  // namespace og::core
