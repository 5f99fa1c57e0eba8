// SRM carts in a real SQLite file: every optional field survives the round
// trip as "not submitted" or as its value, cart numbering, the message log,
// and an existing demo database upgraded with the SRM demo data.
#include <cppunit/extensions/HelperMacros.h>

#include <sqlite3.h>

#include "core/clock.hpp"
#include "core/srm_demo_data.hpp"
#include "store/sqlite/schema.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

namespace {
using namespace rules::srm;
using store::sqlite::SqliteOptions;
using store::sqlite::SqliteStore;

Item full_item() {
  Item i;
  i.id = "10";
  i.parent_id = "0";
  i.limit_indicator = false;
  i.category = SchemedID{"OFFICE", "ProductCategoryID", "SRMCLNT100"};
  i.note = "";  // submitted but empty: not the same as absent
  i.type_code = "01";
  i.internal_id = SchemedID{"P-1000", std::nullopt, "SRMCLNT100"};
  i.quantity = Quantity{"2.5", "EA"};
  i.net_unit_price = Price{{"199", "EUR"}, Quantity{"1", std::nullopt}};
  i.cost_upper_limit = Amount{"5000", "EUR"};
  i.accounting = {{"60", Quantity{"1.5", "EA"}, "1000"}, {"40", std::nullopt, std::nullopt}};
  i.catalogue = CatalogueReference{std::nullopt, "L-77"};
  return i;
}

Item bare_item() {
  Item i;
  i.id = "20";
  return i;
}
}  // namespace

class SqliteCartsTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(SqliteCartsTest);
  CPPUNIT_TEST(cart_round_trip_keeps_what_was_and_was_not_submitted);
  CPPUNIT_TEST(carts_are_numbered_after_the_highest);
  CPPUNIT_TEST(messages_are_kept_by_uuid);
  CPPUNIT_TEST(version_1_demo_database_gets_srm_demo_data);
  CPPUNIT_TEST_SUITE_END();

 public:
  void cart_round_trip_keeps_what_was_and_was_not_submitted() {
    TempDir dir;
    SqliteStore s(SqliteOptions{(dir.path() / "db").string()});
    store::CartRecord c{"SC-2001", false, "20261123100000", {full_item(), bare_item()}, "t0", "t1"};
    s.write([&](store::UnitOfWork& u) { u.carts().put_cart(c); });
    std::optional<store::CartRecord> back;
    s.read([&](store::Reader& r) { back = r.carts().cart("SC-2001"); });
    CPPUNIT_ASSERT(back.has_value());
    CPPUNIT_ASSERT(back->items.size() == 2);
    CPPUNIT_ASSERT(back->items[0] == full_item());
    CPPUNIT_ASSERT(back->items[1] == bare_item());
    CPPUNIT_ASSERT_EQUAL(std::string("20261123100000"), back->change_state_id);
    // Replacing keeps no stale rows.
    c.ordered = true;
    c.items = {bare_item()};
    s.write([&](store::UnitOfWork& u) { u.carts().put_cart(c); });
    s.read([&](store::Reader& r) { back = r.carts().cart("SC-2001"); });
    CPPUNIT_ASSERT(back->ordered);
    CPPUNIT_ASSERT(back->items.size() == 1 && back->items[0] == bare_item());
    s.write([&](store::UnitOfWork& u) { u.carts().delete_cart("SC-2001"); });
    s.read([&](store::Reader& r) { back = r.carts().cart("SC-2001"); });
    CPPUNIT_ASSERT(!back.has_value());
  }

  void carts_are_numbered_after_the_highest() {
    TempDir dir;
    SqliteStore s(SqliteOptions{(dir.path() / "db").string()});
    std::string first, second;
    s.write([&](store::UnitOfWork& u) { first = u.carts().next_cart_id(); });
    CPPUNIT_ASSERT_EQUAL(std::string("SC-1001"), first);
    s.write([&](store::UnitOfWork& u) {
      u.carts().put_cart({"SC-1041", false, "1", {}, "t", "t"});
      second = u.carts().next_cart_id();
    });
    CPPUNIT_ASSERT_EQUAL(std::string("SC-1042"), second);
  }

  void messages_are_kept_by_uuid() {
    TempDir dir;
    SqliteStore s(SqliteOptions{(dir.path() / "db").string()});
    s.write([&](store::UnitOfWork& u) { u.carts().put_srm_message({"u-1", "Release", "<answer/>", "t"}); });
    std::optional<store::SrmMessageRecord> m;
    s.read([&](store::Reader& r) { m = r.carts().srm_message("u-1"); });
    CPPUNIT_ASSERT(m && m->answer == "<answer/>" && m->operation == "Release");
    // A second message under the same UUID is refused by the store itself.
    CPPUNIT_ASSERT_THROW(s.write([&](store::UnitOfWork& u) {
      u.carts().put_srm_message({"u-1", "Cancel", "<other/>", "t"});
    }),
                         store::StoreError);
  }

  void version_1_demo_database_gets_srm_demo_data() {
    TempDir dir;
    std::string path = (dir.path() / "db").string();
    {
      // A database as the Veloconnect-only release left it.
      sqlite3* db = nullptr;
      CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_open(path.c_str(), &db));
      CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_exec(db, store::sqlite::migrations()[0], nullptr, nullptr, nullptr));
      CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_exec(db, "PRAGMA user_version = 1", nullptr, nullptr, nullptr));
      sqlite3_close(db);
    }
    core::FixedClock clock(rules::Date(std::chrono::sys_days(std::chrono::year(2026) / 11 / 23)));
    int from = -1;
    SqliteOptions o{path};
    o.seed = [](store::UnitOfWork&) { CPPUNIT_FAIL("not a new database"); };
    o.migrated = [&](store::UnitOfWork& u, int from_version) {
      from = from_version;
      core::load_srm_demo_data(u, clock);
    };
    SqliteStore s(o);
    CPPUNIT_ASSERT_EQUAL(1, from);
    std::optional<store::CartRecord> c;
    s.read([&](store::Reader& r) { c = r.carts().cart("SC-1001"); });
    CPPUNIT_ASSERT(c && c->change_state_id == "20261101120000" && c->items.size() == 2);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SqliteCartsTest);

}  // namespace og::test
