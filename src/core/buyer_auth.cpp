#include "core/buyer_auth.hpp"

#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

#include "core/password.hpp"

namespace og::core {

BuyerAuth::BuyerAuth(store::Store& store, std::chrono::seconds remember)
    : store_(store), remember_(remember), key_(random_bytes(32)) {}

std::string BuyerAuth::fingerprint(std::string_view buyer_id, std::string_view password) const {
  // SHA-256 over a per-process random key, the buyer and the password. The
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
      EVP_DigestUpdate(c.ctx, buyer_id.data(), buyer_id.size()) != 1 || EVP_DigestUpdate(c.ctx, &separator, 1) != 1 ||
      EVP_DigestUpdate(c.ctx, password.data(), password.size()) != 1 || EVP_DigestFinal_ex(c.ctx, out, &len) != 1)
    throw std::runtime_error("SHA-256 failed");
  return std::string(reinterpret_cast<char*>(out), len);
}

Credentials BuyerAuth::authenticate(std::string_view buyer_id, std::string_view password) {
  auto now = std::chrono::steady_clock::now();
  std::string print = fingerprint(buyer_id, password);
  {
    std::shared_lock lock(mutex_);
    auto it = verified_.find(std::string(buyer_id));
    if (it != verified_.end() && it->second.until > now && equal_secrets(it->second.fingerprint, print))
      return Credentials::Valid;
    auto wrong = rejected_.find(std::string(buyer_id));
    if (wrong != rejected_.end() && wrong->second.until > now && equal_secrets(wrong->second.fingerprint, print))
      return Credentials::WrongPassword;
  }
  std::optional<store::BuyerRecord> buyer;
  store_.read([&](store::Reader& r) { buyer = r.buyer(buyer_id); });
  if (!buyer) return Credentials::UnknownBuyer;
  if (!equal_secrets(hash_password(password, buyer->password_salt, buyer->password_iterations), buyer->password_hash))
    return Credentials::WrongPassword;
  std::unique_lock lock(mutex_);
  rejected_.erase(std::string(buyer_id));
  verified_[std::string(buyer_id)] = Verified{std::move(print), now + remember_};
  return Credentials::Valid;
}

}  // namespace og::core
