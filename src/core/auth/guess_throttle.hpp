// Keeps rules::auth's guess backoff per key (a user within its realm, a
// client address) for the password checks of one process. Bounded: at most
// `max_keys` keys are tracked; when full, forgotten keys are swept out, and
// if that is not enough the oldest half is dropped (a flood of new names or
// addresses then costs the guesser its own history, never the server memory).
#pragma once
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "rules/auth/guess_backoff.hpp"

namespace og::core {

class GuessThrottle {
 public:
  using Clock = std::chrono::steady_clock;
  // `per_address`: the same pacing with its own number of free failures:
  // many users may share an address (an office behind NAT, a load balancer).
  explicit GuessThrottle(rules::auth::GuessPolicy per_user = {}, int address_free_failures = 50,
                         std::size_t max_keys = 100'000);

  // Admits one check for a user (a key unique within the process) from an
  // address ("" = none): refused if either refuses it, else the longer wait
  // (both slots are reserved).
  rules::auth::Admission admit(const std::string& user, const std::string& address,
                               Clock::time_point now = Clock::now());
  void failed(const std::string& user, const std::string& address, Clock::time_point now = Clock::now());
  // Clears the user's count; the address's stays (one good login among many
  // guesses from there must not wipe them).
  void succeeded(const std::string& user);

  std::size_t tracked() const;

 private:
  rules::auth::Ms ms(Clock::time_point t) const;
  void make_room(rules::auth::Ms now);

  struct Key {
    std::string name;
    const rules::auth::GuessPolicy* policy;
  };
  std::vector<Key> keys_of(const std::string& user, const std::string& address) const;

  rules::auth::GuessPolicy user_policy_;
  rules::auth::GuessPolicy address_policy_;
  std::size_t max_keys_;
  Clock::time_point epoch_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, rules::auth::GuessState> states_;
};

}  // namespace og::core
