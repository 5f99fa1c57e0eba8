// Checks a buyer's ID and password against the store. PBKDF2 is deliberately
// slow, so a verified password is remembered (as a keyed hash, never in clear)
// for a few minutes: a dealer's shop sends the password with every request.
// The last wrong password of each buyer is remembered too, so a client stuck
// with a stale password costs a hash per request, not a PBKDF2 run.
#pragma once
#include <chrono>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "rules/veloconnect/transaction_rules.hpp"
#include "store/store.hpp"

namespace og::core {

using rules::veloconnect::Credentials;

class BuyerAuth {
 public:
  explicit BuyerAuth(store::Store& store, std::chrono::seconds remember = std::chrono::minutes(5));
  Credentials authenticate(std::string_view buyer_id, std::string_view password);

 private:
  std::string fingerprint(std::string_view buyer_id, std::string_view password) const;

  store::Store& store_;
  std::chrono::seconds remember_;
  std::string key_;  // per process, so fingerprints are useless elsewhere
  struct Verified {
    std::string fingerprint;
    std::chrono::steady_clock::time_point until;
  };
  std::shared_mutex mutex_;
  std::unordered_map<std::string, Verified> verified_;
  std::unordered_map<std::string, Verified> rejected_;
};

}  // namespace og::core
