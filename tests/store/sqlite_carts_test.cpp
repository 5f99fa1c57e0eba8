// SRM carts in SQLite files as earlier releases left them: answers kept as
// rendered XML before migration 3, and a demo database upgraded with the SRM
// demo data. What the tables do on any engine is the contract's
// (cart_store_contract.hpp, run by cart_tables_test.cpp).
#include <cppunit/extensions/HelperMacros.h>

#include <sqlite3.h>

#include "core/clock.hpp"
#include "core/srm/srm_demo_data.hpp"
#include "store/cart_store_contract.hpp"
#include "store/sqlite/schema.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

namespace {
using namespace rules::srm;
using contract::assert_same_answer;
using contract::find_answer;
using contract::find_cart;
using model::CartField;
using store::sqlite::SqliteOptions;
using store::sqlite::SqliteStore;

// A database as an earlier release left it: the first `version` migrations.
void old_database(const std::string& path, int version, const char* more_sql = nullptr) {
  sqlite3* db = nullptr;
  CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_open(path.c_str(), &db));
  for (int i = 0; i < version; ++i)
    CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_exec(db, store::sqlite::migrations()[i], nullptr, nullptr, nullptr));
  if (more_sql) CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_exec(db, more_sql, nullptr, nullptr, nullptr));
  std::string pragma = "PRAGMA user_version = " + std::to_string(version);
  CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_exec(db, pragma.c_str(), nullptr, nullptr, nullptr));
  sqlite3_close(db);
}

}  // namespace

class SqliteCartsTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(SqliteCartsTest);
  CPPUNIT_TEST(version_2_answer_comes_back_as_its_rendered_body);
  CPPUNIT_TEST(version_1_demo_database_gets_srm_demo_data);
  CPPUNIT_TEST_SUITE_END();

 public:
  void version_2_answer_comes_back_as_its_rendered_body() {
    // ordergate 0.1 (schema version 2) kept the rendered answer: after
    // migration 3 such a row comes back as legacy_body, to be sent as it is.
    TempDir dir;
    std::string path = (dir.path() / "db").string();
    const std::string body =
        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
        "<n0:ReleaseConfirmation>SC-1001 &amp; more</n0:ReleaseConfirmation></soap:Body></soap:Envelope>";
    std::string insert =
        "INSERT INTO srm_messages (uuid, operation, answer, created_at) VALUES ('legacy-1', 'Release', '" + body +
        "', '2026-11-20T10:00:00Z')";
    old_database(path, 2, insert.c_str());
    int from = -1;
    SqliteOptions o{path};
    o.migrated = [&](store::UnitOfWork&, int from_version) { from = from_version; };
    SqliteStore s(o);
    CPPUNIT_ASSERT(!s.created());
    CPPUNIT_ASSERT_EQUAL(2, from);
    auto legacy = find_answer(s, "legacy-1");
    CPPUNIT_ASSERT(legacy.has_value());
    CPPUNIT_ASSERT_EQUAL(std::string("legacy-1"), legacy->uuid);
    CPPUNIT_ASSERT_EQUAL(std::string("Release"), legacy->operation);
    CPPUNIT_ASSERT(legacy->legacy_body.has_value());
    CPPUNIT_ASSERT_EQUAL(body, *legacy->legacy_body);
    CPPUNIT_ASSERT(legacy->messages.empty());
    // Its UUID stays taken; answers decided now sit beside it.
    model::SrmAnswer again;
    again.uuid = "legacy-1";
    again.operation = "Release";
    CPPUNIT_ASSERT_THROW(s.write_now([&](store::UnitOfWork& u) { u.carts().put_srm_answer(again); }),
                         store::StoreError);
    model::SrmAnswer fresh;
    fresh.uuid = "new-1";
    fresh.operation = "Cancel";
    fresh.success = true;
    fresh.messages = {{MessageNumber::CartCanceled, "SC-1001 canceled", CartField::CartId, "", ""}};
    s.write_now([&](store::UnitOfWork& u) { u.carts().put_srm_answer(fresh); });
    auto back = find_answer(s, "new-1");
    CPPUNIT_ASSERT(back.has_value());
    assert_same_answer(fresh, *back);
    CPPUNIT_ASSERT_EQUAL(body, find_answer(s, "legacy-1")->legacy_body.value_or(""));
  }

  void version_1_demo_database_gets_srm_demo_data() {
    TempDir dir;
    std::string path = (dir.path() / "db").string();
    old_database(path, 1);  // as the Veloconnect-only release left it
    core::FixedClock clock(rules::Date(std::chrono::sys_days(std::chrono::year(2026) / 11 / 23)));
    int from = -1;
    SqliteOptions o{path};
    o.seed = [](store::UnitOfWork&) { CPPUNIT_FAIL("not a new database"); };
    o.migrated = [&](store::UnitOfWork& u, int from_version) {
      from = from_version;
      core::load_srm_demo_data(u, clock);
    };
    {
      SqliteStore s(o);
      CPPUNIT_ASSERT_EQUAL(1, from);
      auto c = find_cart(s, "SC-1001");
      CPPUNIT_ASSERT(c && c->change_state_id == "20261101120000" && c->items.size() == 2);
      CPPUNIT_ASSERT(find_cart(s, "SC-1002").value_or(model::Cart{}).ordered);
      auto master = s.read_now([](store::ReadView& r) {
        return r.carts().srm_user("srm-user").has_value() && r.carts().srm_product("S-3000").has_value() &&
               r.carts().srm_category("SERVICES").has_value();
      });
      CPPUNIT_ASSERT(master);
    }
    // Migrated once: the next start finds the current schema.
    from = -1;
    SqliteStore again(o);
    CPPUNIT_ASSERT_EQUAL(-1, from);
    CPPUNIT_ASSERT(find_cart(again, "SC-1003").has_value());
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SqliteCartsTest);

}  // namespace og::test
