#include "core/buyer_auth.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "core/password.hpp"

namespace og::core {

BuyerAuth::BuyerAuth(store::Store& store, std::chrono::seconds remember)
    : store_(store), remember_(remember), key_(random_bytes(32)) {}

std::string BuyerAuth::fingerprint(std::string_view buyer_id, std::string_view password) const {
  std::string message(buyer_id);
  message.push_back('\0');
  message.append(password);
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key_.data(), static_cast<int>(key_.size()), reinterpret_cast<const unsigned char*>(message.data()),
       message.size(), out, &len);
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
  }
  auto buyer = store_.reader().buyer(buyer_id);
  if (!buyer) return Credentials::UnknownBuyer;
  if (!equal_secrets(hash_password(password, buyer->password_salt, buyer->password_iterations), buyer->password_hash))
    return Credentials::WrongPassword;
  std::unique_lock lock(mutex_);
  verified_[std::string(buyer_id)] = Verified{std::move(print), now + remember_};
  return Credentials::Valid;
}

}  // namespace og::core
