// Checks a user's password against a stored PBKDF2 hash. PBKDF2 is
// deliberately slow, so it runs on its own threads (never on an event loop or
// the store thread), and a verified password is remembered (as a keyed hash,
// never in clear) for a few minutes: clients send the password with every
// request. The last wrong password of each user is remembered too, so a client
// stuck with a stale password costs a hash per request, not a PBKDF2 run.
//
// Guessing is slowed per user and per client address (GuessThrottle, the
// rule in rules/auth/guess_backoff.hpp): a password the memory already knows
// is no guess and is never held up. An unknown user costs the same PBKDF2
// run as a wrong password, so answer times do not tell names apart.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "async/task.hpp"
#include "core/auth/guess_throttle.hpp"
#include "core/context.hpp"

namespace og::store {
class ReadView;
}

namespace og::core {

struct StoredPassword {
  std::string salt;
  std::string hash;
  int iterations = 0;
};

enum class PasswordVerdict { Valid, UnknownUser, WrongPassword };

// For /metrics: full checks (a PBKDF2 run each), the wrong ones among them,
// and guesses refused unchecked by the pacing.
struct PasswordStats {
  std::uint64_t checked = 0;
  std::uint64_t failed = 0;
  std::uint64_t refused_unchecked = 0;
};

// How password guesses are paced (see GuessThrottle).
struct GuessLimits {
  rules::auth::GuessPolicy per_user;
  int address_free_failures = 50;  // 0: no pacing per address
};

class PasswordCheck {
  struct Remembered;

 public:
  // A user is known within a realm (a Veloconnect buyer within its seller; SRM has one realm, "").
  using Lookup =
      std::function<std::optional<StoredPassword>(store::ReadView&, const std::string& realm, const std::string& user)>;
  // `hashing`: where PBKDF2 runs (a small thread pool).
  PasswordCheck(Lookup lookup, Executor hashing, std::chrono::seconds remember = std::chrono::minutes(5),
                GuessLimits guesses = {});
  Task<PasswordVerdict> check(Context& ctx, const std::string& realm, const std::string& user,
                              const std::string& password);
  PasswordStats stats() const { return {checked_.load(), failed_.load(), refused_.load()}; }

 private:
  std::string fingerprint(std::string_view key, std::string_view password) const;
  void remember(std::unordered_map<std::string, Remembered>& memory, const std::string& key, std::string print,
                PasswordVerdict verdict);
  std::optional<PasswordVerdict> remembered(const std::string& key, const std::string& print);

  Lookup lookup_;
  Executor hashing_;
  std::chrono::seconds remember_;
  struct Remembered {
    std::string fingerprint;
    std::chrono::steady_clock::time_point until;
    PasswordVerdict verdict = PasswordVerdict::WrongPassword;
  };
  std::string key_;       // per process, so fingerprints are useless elsewhere
  StoredPassword decoy_;  // what an unknown user's password is checked against
  GuessThrottle guesses_;
  std::atomic<std::uint64_t> checked_{0}, failed_{0}, refused_{0};
  std::shared_mutex mutex_;
  std::unordered_map<std::string, Remembered> verified_;
  std::unordered_map<std::string, Remembered> rejected_;

  // Checks in flight, by user and fingerprint: the same credentials arriving
  // on many connections at once (a client opening a pool, a restart's first
  // wave) cost one PBKDF2 run, not one each; the others wait for its verdict.
  struct Flight;
  Task<PasswordVerdict> join(std::shared_ptr<Flight> flight);
  Task<PasswordVerdict> verify(Context& ctx, const std::string& realm, const std::string& user,
                               const std::string& password, const std::string& key, std::string print);
  Task<std::optional<StoredPassword>> look_up(Context& ctx, const std::string& realm, const std::string& user);
  std::mutex flights_mutex_;
  std::unordered_map<std::string, std::shared_ptr<Flight>> flights_;
};

}  // namespace og::core
