// BuyerAuth's two caches must never change an answer: a remembered right or
// wrong password gives exactly what PBKDF2 would.
#include <cppunit/extensions/HelperMacros.h>

#include "core/buyer_auth.hpp"
#include "core/clock.hpp"
#include "core/demo_data.hpp"
#include "core/password.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

using core::Credentials;

class BuyerAuthTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(BuyerAuthTest);
  CPPUNIT_TEST(answers_are_the_same_with_and_without_caches);
  CPPUNIT_TEST(changed_password_is_honoured_once_the_memory_expires);
  CPPUNIT_TEST_SUITE_END();

 public:
  void answers_are_the_same_with_and_without_caches() {
    TempDir dir;
    core::FixedClock clock(*rules::Date::parse("2026-11-23"));
    store::sqlite::SqliteOptions o{(dir.path() / "og.db").string()};
    o.seed = [&](store::UnitOfWork& u) { core::load_demo_data(u, clock); };
    store::sqlite::SqliteStore s(o);
    core::BuyerAuth auth(s);
    for (int round = 0; round < 3; ++round) {  // cold, then from the caches
      CPPUNIT_ASSERT(auth.authenticate("B127645", "secret") == Credentials::Valid);
      CPPUNIT_ASSERT(auth.authenticate("B127645", "wrong") == Credentials::WrongPassword);
      CPPUNIT_ASSERT(auth.authenticate("B127645", "secret") == Credentials::Valid);
      CPPUNIT_ASSERT(auth.authenticate("B127645", "secret2") == Credentials::WrongPassword);
      CPPUNIT_ASSERT(auth.authenticate("B200001", "secret2") == Credentials::Valid);
      CPPUNIT_ASSERT(auth.authenticate("B200001", "secret") == Credentials::WrongPassword);
      CPPUNIT_ASSERT(auth.authenticate("NOBODY", "secret") == Credentials::UnknownBuyer);
      CPPUNIT_ASSERT(auth.authenticate("B127645", "") == Credentials::WrongPassword);
      CPPUNIT_ASSERT(auth.authenticate("b127645", "secret") == Credentials::UnknownBuyer);
    }
  }

  void changed_password_is_honoured_once_the_memory_expires() {
    TempDir dir;
    store::sqlite::SqliteStore s({(dir.path() / "og.db").string()});
    auto set_password = [&](const std::string& password) {
      s.write([&](store::UnitOfWork& u) {
        store::BuyerRecord b{"B1", "Dealer", core::random_bytes(16), "", 1000};
        b.password_hash = core::hash_password(password, b.password_salt, b.password_iterations);
        u.put_buyer(b);
      });
    };
    set_password("old");
    core::BuyerAuth auth(s, std::chrono::seconds(0));  // remember nothing
    CPPUNIT_ASSERT(auth.authenticate("B1", "old") == Credentials::Valid);
    CPPUNIT_ASSERT(auth.authenticate("B1", "new") == Credentials::WrongPassword);
    set_password("new");
    CPPUNIT_ASSERT(auth.authenticate("B1", "new") == Credentials::Valid);
    CPPUNIT_ASSERT(auth.authenticate("B1", "old") == Credentials::WrongPassword);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(BuyerAuthTest);

}  // namespace og::test
