// BuyerAuth's two caches must never change an answer: a remembered right or
// wrong password gives exactly what PBKDF2 would. PBKDF2 runs on the hashing
// executor, never on the caller's event loop, and a remembered answer needs
// no PBKDF2 at all.
#include <cppunit/extensions/HelperMacros.h>

#include "async/task.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <chrono>
#include <future>
#include <memory>
#include <thread>

#include "core/auth/password.hpp"
#include "core/catalog/demo_data.hpp"
#include "core/clock.hpp"
#include "core/context.hpp"
#include "core/veloconnect/buyer_auth.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/loop_threads.hpp"
#include "support/run_task.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

using core::veloconnect::BuyerAuth;
using core::veloconnect::Credentials;

namespace {

Task<Credentials> authenticate(BuyerAuth& auth, core::ContextFactory& contexts, std::string buyer, std::string password,
                               std::string address = {}) {
  core::Context ctx = contexts.make({}, std::move(address));
  auto caller = std::this_thread::get_id();
  static const std::string kDefaultSeller;
  Credentials answer = co_await auth.authenticate(ctx, kDefaultSeller, buyer, password);
  // PBKDF2 ran elsewhere; the caller resumes on its own loop (one thread in these tests).
  CPPUNIT_ASSERT(std::this_thread::get_id() == caller);
  co_return answer;
}

void put_buyer(store::Store& s, const std::string& id, const std::string& password, int iterations) {
  s.write_now([&](store::UnitOfWork& u) {
    model::Buyer b{id, "Dealer " + id, core::random_bytes(16), "", iterations};
    b.password_hash = core::hash_password(password, b.password_salt, b.password_iterations);
    u.catalog().put_buyer(b);
  });
}

// Occupies every thread of a pool until release().
class BlockedPool {
 public:
  BlockedPool(boost::asio::thread_pool& pool, int threads) {
    auto released = release_.get_future().share();
    for (int i = 0; i < threads; ++i) {
      auto entered = std::make_shared<std::promise<void>>();
      entered_.push_back(entered->get_future());
      boost::asio::post(pool, [entered, released] {
        entered->set_value();
        released.wait();
      });
    }
    for (auto& e : entered_) e.wait();
  }
  ~BlockedPool() { release(); }
  void release() {
    if (released_) return;
    released_ = true;
    release_.set_value();
  }

 private:
  std::promise<void> release_;
  std::vector<std::future<void>> entered_;
  bool released_ = false;
};

}  // namespace

class BuyerAuthTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(BuyerAuthTest);
  CPPUNIT_TEST(answers_are_the_same_with_and_without_caches);
  CPPUNIT_TEST(changed_password_is_honoured_once_the_memory_expires);
  CPPUNIT_TEST(hashing_runs_on_the_hashing_pool_and_the_loop_stays_free);
  CPPUNIT_TEST(concurrent_first_logins_all_complete);
  CPPUNIT_TEST(guessing_is_paced_per_buyer_and_per_address);
  CPPUNIT_TEST_SUITE_END();

 public:
  void answers_are_the_same_with_and_without_caches() {
    TempDir dir;
    core::FixedClock clock(*rules::Date::parse("2026-11-23"));
    store::sqlite::SqliteOptions o{(dir.path() / "og.db").string()};
    o.seed = [&](store::UnitOfWork& u) { core::load_demo_data(u, clock); };
    store::sqlite::SqliteStore s(o);
    boost::asio::thread_pool hashing(2);
    BuyerAuth auth(hashing.get_executor());
    core::ContextFactory contexts(s);
    auto check = [&](const char* buyer, const char* password) {
      return run_task(authenticate(auth, contexts, buyer, password));
    };
    for (int round = 0; round < 3; ++round) {  // cold, then from the caches
      CPPUNIT_ASSERT(check("B127645", "secret") == Credentials::Valid);
      CPPUNIT_ASSERT(check("B127645", "wrong") == Credentials::WrongPassword);
      CPPUNIT_ASSERT(check("B127645", "secret") == Credentials::Valid);
      CPPUNIT_ASSERT(check("B127645", "secret2") == Credentials::WrongPassword);
      CPPUNIT_ASSERT(check("B200001", "secret2") == Credentials::Valid);
      CPPUNIT_ASSERT(check("B200001", "secret") == Credentials::WrongPassword);
      CPPUNIT_ASSERT(check("NOBODY", "secret") == Credentials::UnknownBuyer);
      CPPUNIT_ASSERT(check("B127645", "") == Credentials::WrongPassword);
      CPPUNIT_ASSERT(check("b127645", "secret") == Credentials::UnknownBuyer);
    }
    hashing.join();
  }

  void changed_password_is_honoured_once_the_memory_expires() {
    TempDir dir;
    store::sqlite::SqliteStore s({(dir.path() / "og.db").string()});
    put_buyer(s, "B1", "old", 1000);
    boost::asio::thread_pool hashing(1);
    BuyerAuth auth(hashing.get_executor(), std::chrono::seconds(0));  // remember nothing
    core::ContextFactory contexts(s);
    auto check = [&](const char* password) { return run_task(authenticate(auth, contexts, "B1", password)); };
    CPPUNIT_ASSERT(check("old") == Credentials::Valid);
    CPPUNIT_ASSERT(check("new") == Credentials::WrongPassword);
    put_buyer(s, "B1", "new", 1000);
    CPPUNIT_ASSERT(check("new") == Credentials::Valid);
    CPPUNIT_ASSERT(check("old") == Credentials::WrongPassword);
    hashing.join();
  }

  // With the only hashing thread busy, a first login cannot finish (PBKDF2
  // waits for that thread, not for the caller's), while the caller's loop
  // goes on serving; a remembered login needs no PBKDF2 and finishes.
  void hashing_runs_on_the_hashing_pool_and_the_loop_stays_free() {
    TempDir dir;
    store::sqlite::SqliteStore s({(dir.path() / "og.db").string()});
    put_buyer(s, "B1", "pw1", 1000);
    put_buyer(s, "B2", "pw2", 1000);
    boost::asio::thread_pool hashing(1);
    BuyerAuth auth(hashing.get_executor());
    core::ContextFactory contexts(s);
    LoopThreads loop(1);
    CPPUNIT_ASSERT(loop.spawn(authenticate(auth, contexts, "B1", "pw1")).get() == Credentials::Valid);

    BlockedPool blocked(hashing, 1);
    auto first_login = loop.spawn(authenticate(auth, contexts, "B2", "pw2"));
    auto wrong_password = loop.spawn(authenticate(auth, contexts, "B1", "not-pw1"));
    // The loop keeps running handlers and coroutines meanwhile.
    for (int i = 0; i < 3; ++i) loop.drain();
    CPPUNIT_ASSERT(loop.spawn(authenticate(auth, contexts, "B1", "pw1")).get() == Credentials::Valid);
    // An unknown buyer costs the same PBKDF2 run as a wrong password: it waits for the pool too.
    auto unknown = loop.spawn(authenticate(auth, contexts, "NOBODY", "pw"));
    for (int i = 0; i < 3; ++i) loop.drain();
    CPPUNIT_ASSERT(unknown.wait_for(std::chrono::seconds(0)) == std::future_status::timeout);
    CPPUNIT_ASSERT(first_login.wait_for(std::chrono::seconds(0)) == std::future_status::timeout);
    CPPUNIT_ASSERT(wrong_password.wait_for(std::chrono::seconds(0)) == std::future_status::timeout);
    blocked.release();
    CPPUNIT_ASSERT(first_login.get() == Credentials::Valid);
    CPPUNIT_ASSERT(wrong_password.get() == Credentials::WrongPassword);
    CPPUNIT_ASSERT(unknown.get() == Credentials::UnknownBuyer);
    // Now remembered: answered with the pool blocked again, each with its own verdict.
    BlockedPool blocked_again(hashing, 1);
    CPPUNIT_ASSERT(loop.spawn(authenticate(auth, contexts, "B2", "pw2")).get() == Credentials::Valid);
    CPPUNIT_ASSERT(loop.spawn(authenticate(auth, contexts, "B1", "not-pw1")).get() == Credentials::WrongPassword);
    CPPUNIT_ASSERT(loop.spawn(authenticate(auth, contexts, "NOBODY", "pw")).get() == Credentials::UnknownBuyer);
    blocked_again.release();
    hashing.join();
  }

  // Eight buyers log in for the first time at once (full PBKDF2 cost each),
  // with a wrong password each too: every answer is right, and each resumes
  // on the loop that asked.
  void concurrent_first_logins_all_complete() {
    TempDir dir;
    constexpr int kBuyers = 8;
    store::sqlite::SqliteStore s({(dir.path() / "og.db").string()});
    for (int i = 0; i < kBuyers; ++i)
      put_buyer(s, "B" + std::to_string(i), "pw" + std::to_string(i), core::kPasswordIterations);
    boost::asio::thread_pool hashing(2);
    BuyerAuth auth(hashing.get_executor());
    core::ContextFactory contexts(s);
    LoopThreads loop(1);
    std::vector<std::future<Credentials>> logins, wrong;
    for (int i = 0; i < kBuyers; ++i) {
      std::string id = "B" + std::to_string(i);
      logins.push_back(loop.spawn(authenticate(auth, contexts, id, "pw" + std::to_string(i))));
      wrong.push_back(loop.spawn(authenticate(auth, contexts, id, "pw" + std::to_string(i + 1))));
    }
    for (auto& l : logins) CPPUNIT_ASSERT(l.get() == Credentials::Valid);
    for (auto& w : wrong) CPPUNIT_ASSERT(w.get() == Credentials::WrongPassword);
    hashing.join();
  }

  // Past the free failures a buyer's checks are spaced out; with no waiting
  // allowed, a guess inside the spacing is refused without a PBKDF2 run (the
  // hashing pool is blocked and it still answers). A remembered password is
  // no guess. An address is paced the same way across buyers.
  void guessing_is_paced_per_buyer_and_per_address() {
    TempDir dir;
    store::sqlite::SqliteStore s({(dir.path() / "og.db").string()});
    for (std::string id : {"B1", "B2", "B3"}) put_buyer(s, id, "pw-" + id, 1000);
    boost::asio::thread_pool hashing(1);
    core::GuessLimits limits;
    limits.per_user.free_failures = 3;
    limits.per_user.base = std::chrono::minutes(1);
    limits.per_user.max_wait = std::chrono::milliseconds(0);
    limits.address_free_failures = 6;
    BuyerAuth auth(hashing.get_executor(), std::chrono::minutes(5), limits);
    core::ContextFactory contexts(s);
    LoopThreads loop(1);
    auto login = [&](const std::string& buyer, const std::string& password, const std::string& address) {
      return loop.spawn(authenticate(auth, contexts, buyer, password, address)).get();
    };
    const std::string a = "192.0.2.1", b = "192.0.2.2", c = "192.0.2.3";
    CPPUNIT_ASSERT(login("B1", "pw-B1", a) == Credentials::Valid);
    // Three free failures and one paced check (it takes the first slot): each a PBKDF2 run.
    for (int i = 0; i < 4; ++i)
      CPPUNIT_ASSERT(login("B1", "guess-" + std::to_string(i), a) == Credentials::WrongPassword);
    {
      BlockedPool blocked(hashing, 1);
      // Inside the spacing: refused unchecked, from any address, even the right password once forgotten...
      CPPUNIT_ASSERT(login("B1", "guess-4", b) == Credentials::WrongPassword);
      // ...but the remembered one is answered as before.
      CPPUNIT_ASSERT(login("B1", "pw-B1", a) == Credentials::Valid);
      blocked.release();
    }
    // Other buyers are not held up by B1's guesser.
    CPPUNIT_ASSERT(login("B2", "pw-B2", a) == Credentials::Valid);
    // Address b: two failures each for B2 and B3 and an unknown buyer: 6, all free for the address.
    for (std::string buyer : {"B2", "B3", "NOBODY"}) {
      CPPUNIT_ASSERT(login(buyer, "x1", b) != Credentials::Valid);
      CPPUNIT_ASSERT(login(buyer, "x2", b) != Credentials::Valid);
    }
    CPPUNIT_ASSERT(login("B3", "x3", b) == Credentials::WrongPassword);  // the address's first paced slot
    // From b, B3's right password is now refused (B3 itself has 3 failures only)...
    CPPUNIT_ASSERT(login("B3", "pw-B3", b) == Credentials::WrongPassword);
    // ...from c it is accepted.
    CPPUNIT_ASSERT(login("B3", "pw-B3", c) == Credentials::Valid);
    // An unknown buyer under pacing is still told apart as the protocol asks (410 vs 411).
    CPPUNIT_ASSERT(login("NOBODY", "x9", b) == Credentials::UnknownBuyer);
    hashing.join();
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(BuyerAuthTest);

}  // namespace og::test
