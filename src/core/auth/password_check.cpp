#include "core/auth/password_check.hpp"

#include <openssl/evp.h>

#include <mutex>

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <stdexcept>

#include "async/offload.hpp"
#include "core/auth/password.hpp"
#include "store/store.hpp"

namespace og::core {

namespace {

// Remembered verdicts kept at most (verified and rejected each): names a
// guesser makes up must not grow the memory without bound.
constexpr std::size_t kMaxRemembered = 100'000;

}  // namespace

PasswordCheck::PasswordCheck(Lookup lookup, Executor hashing, std::chrono::seconds remember, GuessLimits guesses)
    : lookup_(std::move(lookup)),
      hashing_(std::move(hashing)),
      remember_(remember),
      key_(random_bytes(32)),
      decoy_{random_bytes(16), random_bytes(32), kPasswordIterations},
      guesses_(guesses.per_user, guesses.address_free_failures) {}

void PasswordCheck::remember(std::unordered_map<std::string, Remembered>& memory, const std::string& key,
                             std::string print, PasswordVerdict verdict) {
  // Called with mutex_ held.
  auto now = std::chrono::steady_clock::now();
  if (memory.size() >= kMaxRemembered && !memory.count(key)) {
    std::erase_if(memory, [now](const auto& kv) { return kv.second.until <= now; });
    if (memory.size() >= kMaxRemembered) memory.clear();
  }
  memory[key] = Remembered{std::move(print), now + remember_, verdict};
}

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
    return wrong->second.verdict;  // WrongPassword, or UnknownUser
  return std::nullopt;
}

struct PasswordCheck::Flight {
  std::mutex mutex;
  bool done = false;
  PasswordVerdict verdict = PasswordVerdict::UnknownUser;
  std::exception_ptr error;
  std::vector<std::function<void()>> waiters;

  void finish(PasswordVerdict v, std::exception_ptr e) {
    std::vector<std::function<void()>> ready;
    {
      std::lock_guard lock(mutex);
      done = true;
      verdict = v;
      error = std::move(e);
      ready.swap(waiters);
    }
    for (auto& w : ready) w();
  }
};

Task<PasswordVerdict> PasswordCheck::join(std::shared_ptr<Flight> flight) {
  // Named, not a temporary of the co_await expression (GCC 12 destroys those twice).
  auto initiate = [flight](auto handler) {
    auto resume = std::make_shared<decltype(handler)>(std::move(handler));
    auto wake = [resume] {
      auto ex = boost::asio::get_associated_executor(*resume);
      boost::asio::post(ex, [resume] { std::move (*resume)(); });
    };
    std::unique_lock lock(flight->mutex);
    if (flight->done) {
      lock.unlock();
      wake();
    } else {
      flight->waiters.push_back(std::move(wake));
    }
  };
  auto landed =
      boost::asio::async_initiate<const boost::asio::use_awaitable_t<>&, void()>(initiate, boost::asio::use_awaitable);
  co_await std::move(landed);
  if (flight->error) std::rethrow_exception(flight->error);
  co_return flight->verdict;
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

  const std::string flight_key = key + '\0' + print;
  std::shared_ptr<Flight> flight;
  bool leader = false;
  {
    std::lock_guard lock(flights_mutex_);
    auto& slot = flights_[flight_key];
    if (!slot) {
      slot = std::make_shared<Flight>();
      leader = true;
    }
    flight = slot;
  }
  if (!leader) co_return co_await join(flight);

  PasswordVerdict verdict = PasswordVerdict::UnknownUser;
  std::exception_ptr error;
  try {
    // A guess (nothing remembered about these credentials): paced per user and per address.
    auto admission = guesses_.admit(key, ctx.client_address());
    if (admission.refused) {
      ++refused_;
      // Too many guesses: no PBKDF2 run, the verdict a wrong password gets.
      verdict = co_await look_up(ctx, realm, user) ? PasswordVerdict::WrongPassword : PasswordVerdict::UnknownUser;
    } else {
      if (admission.wait.count() > 0) {
        boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, admission.wait);
        boost::system::error_code ec;
        co_await timer.async_wait(boost::asio::redirect_error(boost::asio::use_awaitable, ec));
      }
      verdict = co_await verify(ctx, realm, user, password, key, print);
      ++checked_;
      if (verdict != PasswordVerdict::Valid) ++failed_;
      if (verdict == PasswordVerdict::Valid)
        guesses_.succeeded(key);
      else
        guesses_.failed(key, ctx.client_address());
    }
  } catch (...) {
    error = std::current_exception();
  }
  {
    std::lock_guard lock(flights_mutex_);
    flights_.erase(flight_key);
  }
  flight->finish(verdict, error);
  if (error) std::rethrow_exception(error);
  co_return verdict;
}

Task<PasswordVerdict> PasswordCheck::verify(Context& ctx, const std::string& realm, const std::string& user,
                                            const std::string& password, const std::string& key, std::string print) {
  std::optional<StoredPassword> stored = co_await look_up(ctx, realm, user);
  // An unknown user's password is checked against the decoy: the same work
  // as a known user's, so the time of the answer does not tell them apart.
  const StoredPassword& against = stored ? *stored : decoy_;
  bool valid = co_await offload(
      hashing_, [&] { return equal_secrets(hash_password(password, against.salt, against.iterations), against.hash); });
  valid = valid && stored.has_value();
  std::unique_lock lock(mutex_);
  if (!valid) {
    auto verdict = stored ? PasswordVerdict::WrongPassword : PasswordVerdict::UnknownUser;
    remember(rejected_, key, std::move(print), verdict);
    co_return verdict;
  }
  rejected_.erase(key);
  remember(verified_, key, std::move(print), PasswordVerdict::Valid);
  co_return PasswordVerdict::Valid;
}

Task<std::optional<StoredPassword>> PasswordCheck::look_up(Context& ctx, const std::string& realm,
                                                           const std::string& user) {
  co_return co_await ctx.store().read(ctx.commit(), [&](store::ReadView& r) { return lookup_(r, realm, user); });
}

}  // namespace og::core
