// The SQLite store against a real file: schema creation and reopening, seeding
// exactly once, atomic units of work, failed commits, search.
#include <cppunit/extensions/HelperMacros.h>

#include "core/clock.hpp"
#include "core/demo_data.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

#include <sqlite3.h>

namespace og::test {

using rules::Decimal;
using store::sqlite::SqliteOptions;
using store::sqlite::SqliteStore;

namespace {

store::ItemRecord item(const std::string& id, const std::string& description) {
  store::ItemRecord r;
  r.id = id;
  r.description = description;
  r.order_unit = r.base_unit = "EA";
  r.price = *Decimal::parse("1.50");
  r.currency = "EUR";
  r.stock = Decimal::from_int(7);
  return r;
}

store::TransactionRecord transaction(const std::string& id, const std::string& buyer, int state) {
  store::TransactionRecord t;
  t.id = id;
  t.buyer_id = buyer;
  t.state = state;
  t.created_at = t.updated_at = "2026-11-23T00:00:00Z";
  return t;
}

std::optional<store::ItemRecord> find_item(SqliteStore& s, const std::string& id) {
  std::optional<store::ItemRecord> out;
  s.read([&](store::Reader& r) { out = r.item(id); });
  return out;
}

}  // namespace

class SqliteStoreTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(SqliteStoreTest);
  CPPUNIT_TEST(new_database_is_created_and_seeded_once);
  CPPUNIT_TEST(item_round_trip_keeps_exact_decimals);
  CPPUNIT_TEST(exception_in_unit_of_work_keeps_nothing);
  CPPUNIT_TEST(failed_commit_keeps_nothing);
  CPPUNIT_TEST(lines_upsert_and_remove);
  CPPUNIT_TEST(orders_are_numbered);
  CPPUNIT_TEST(transactions_are_per_buyer);
  CPPUNIT_TEST(search_matches_all_terms_as_substrings);
  CPPUNIT_TEST(bulk_items_are_searchable_and_later_ones_too);
  CPPUNIT_TEST(newer_schema_is_refused);
  CPPUNIT_TEST(demo_data_is_the_documented_catalog);
  CPPUNIT_TEST_SUITE_END();

 public:
  void new_database_is_created_and_seeded_once() {
    TempDir dir;
    SqliteOptions o;
    o.path = (dir.path() / "og.db").string();
    int seeded = 0;
    o.seed = [&](store::UnitOfWork& uow) {
      ++seeded;
      uow.put_item(item("A1", "Seeded"));
    };
    {
      SqliteStore s(o);
      CPPUNIT_ASSERT(s.created());
      CPPUNIT_ASSERT(find_item(s, "A1").has_value());
    }
    SqliteStore again(o);
    CPPUNIT_ASSERT(!again.created());
    CPPUNIT_ASSERT_EQUAL(1, seeded);
    CPPUNIT_ASSERT(find_item(again, "A1").has_value());
  }

  void item_round_trip_keeps_exact_decimals() {
    TempDir dir;
    SqliteStore s({(dir.path() / "og.db").string()});
    auto r = item("X", "Tyre");
    r.price = *Decimal::parse("19.95");
    r.recommended_retail_price = *Decimal::parse("34.90");
    r.base_per_order_unit = Decimal::from_int(100);
    r.next_delivery = "2026-12-07";
    r.ean = "4012345678901";
    s.write([&](store::UnitOfWork& u) { u.put_item(r); });
    auto back = find_item(s, "X");
    CPPUNIT_ASSERT(back.has_value());
    CPPUNIT_ASSERT_EQUAL(std::string("19.95"), back->price.to_string(2));
    CPPUNIT_ASSERT_EQUAL(std::string("34.90"), back->recommended_retail_price->to_string(2));
    CPPUNIT_ASSERT_EQUAL(std::string("100"), back->base_per_order_unit.to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("2026-12-07"), back->next_delivery.value_or(""));
    CPPUNIT_ASSERT_EQUAL(std::string("4012345678901"), back->ean.value_or(""));
    CPPUNIT_ASSERT(!find_item(s, "x").has_value());  // IDs are exact, not case-folded
  }

  void exception_in_unit_of_work_keeps_nothing() {
    TempDir dir;
    SqliteStore s({(dir.path() / "og.db").string()});
    CPPUNIT_ASSERT_THROW(s.write([&](store::UnitOfWork& u) {
      u.put_item(item("Y", "half"));
      throw std::runtime_error("abort");
    }),
                         std::runtime_error);
    CPPUNIT_ASSERT(!find_item(s, "Y").has_value());
  }

  void failed_commit_keeps_nothing() {
    TempDir dir;
    SqliteOptions o{(dir.path() / "og.db").string()};
    o.fail_commits = true;
    {
      SqliteStore s(o);
      CPPUNIT_ASSERT_THROW(s.write([&](store::UnitOfWork& u) { u.put_item(item("Z", "never")); }), store::StoreError);
      CPPUNIT_ASSERT(!find_item(s, "Z").has_value());
    }
    o.fail_commits = false;
    SqliteStore s(o);
    CPPUNIT_ASSERT(!find_item(s, "Z").has_value());
  }

  void lines_upsert_and_remove() {
    TempDir dir;
    SqliteStore s({(dir.path() / "og.db").string()});
    s.write([&](store::UnitOfWork& u) {
      u.insert_transaction(transaction("t1", "B1", 2));
      store::LineRecord l;
      l.item_id = "A";
      l.position = 1;
      l.quantity = Decimal::from_int(2);
      l.unit = "EA";
      l.unit_price = *Decimal::parse("4.50");
      l.currency = "EUR";
      u.put_line("t1", l);
      l.quantity = Decimal::from_int(5);  // same item: the line changes, no second line
      u.put_line("t1", l);
      l.item_id = "B";
      l.position = 2;
      u.put_line("t1", l);
      u.remove_line("t1", "A");
    });
    std::vector<store::LineRecord> lines;
    s.read([&](store::Reader& r) { lines = r.lines("t1"); });
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, lines.size());
    CPPUNIT_ASSERT_EQUAL(std::string("B"), lines[0].item_id);
    CPPUNIT_ASSERT_EQUAL(std::string("5"), lines[0].quantity.to_string());
  }

  void orders_are_numbered() {
    TempDir dir;
    SqliteStore s({(dir.path() / "og.db").string()});
    std::string first, second;
    s.write([&](store::UnitOfWork& u) {
      store::OrderRecord o{"", "t1", "B1", "2026-11-23", Decimal::from_int(10), "EUR", "now"};
      first = u.insert_order(o);
      o.transaction_id = "t2";
      second = u.insert_order(o);
    });
    CPPUNIT_ASSERT_EQUAL(std::string("OG-00000001"), first);
    CPPUNIT_ASSERT_EQUAL(std::string("OG-00000002"), second);
  }

  void transactions_are_per_buyer() {
    TempDir dir;
    SqliteStore s({(dir.path() / "og.db").string()});
    s.write([&](store::UnitOfWork& u) {
      u.insert_transaction(transaction("t1", "B1", 2));
      u.insert_transaction(transaction("t2", "B1", 100));
      u.insert_transaction(transaction("t3", "B2", 2));
    });
    s.read([&](store::Reader& r) {
      CPPUNIT_ASSERT(r.transaction("B1", "t1").has_value());
      CPPUNIT_ASSERT(!r.transaction("B2", "t1").has_value());  // another buyer's ID is nobody's
      CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, r.count_open_transactions("B1"));
      CPPUNIT_ASSERT_EQUAL(std::size_t{1}, r.open_transactions("B2").size());
    });
  }

  void search_matches_all_terms_as_substrings() {
    TempDir dir;
    SqliteStore s({(dir.path() / "og.db").string()});
    s.write([&](store::UnitOfWork& u) {
      u.put_item(item("52090311600", "Brake cable 1.5 x 2000 mm"));
      u.put_item(item("52090311100", "Shift cable 1.1 x 2100 mm, pack of 100"));
      u.put_item(item("200600221", "Tyre 28-622"));
      u.put_item(item("P100%", "Odd 100% item_name"));
    });
    s.read([&](store::Reader& r) {
      CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, r.count_items_matching({"cable"}));
      CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, r.count_items_matching({"CABLE", "brake"}));
      CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, r.count_items_matching({"0311600"}));  // item number substring
      CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, r.count_items_matching({"x", "mm"}));  // short terms
      CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, r.count_items_matching({"0%"}));       // LIKE wildcards are literal
      CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, r.count_items_matching({"cable", "tyre"}));
      CPPUNIT_ASSERT_EQUAL(std::int64_t{4}, r.count_items_matching({}));
      auto page = r.items_matching({"cable"}, 1, 10);  // ordered by item number
      CPPUNIT_ASSERT_EQUAL(std::size_t{1}, page.size());
      CPPUNIT_ASSERT_EQUAL(std::string("52090311600"), page[0].id);
    });
  }

  void bulk_items_are_searchable_and_later_ones_too() {
    TempDir dir;
    SqliteStore s({(dir.path() / "og.db").string()});
    s.write([&](store::UnitOfWork& u) { u.put_item(item("A1", "Brake cable")); });
    int n = 0;
    s.write([&](store::UnitOfWork& u) {
      u.put_items([&](store::ItemRecord& r) {
        if (++n > 3) return false;
        r = item("B" + std::to_string(n), "Tyre number " + std::to_string(n));
        return true;
      });
    });
    s.write([&](store::UnitOfWork& u) { u.put_item(item("C1", "Tyre lever")); });
    s.read([&](store::Reader& r) {
      CPPUNIT_ASSERT(r.item("B3").has_value());
      CPPUNIT_ASSERT_EQUAL(std::int64_t{4}, r.count_items_matching({"tyre"}));   // the bulk ones and the later one
      CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, r.count_items_matching({"brake"}));  // the earlier one is kept
    });
    // The index is maintained per item again afterwards (the trigger is back).
    s.write([&](store::UnitOfWork& u) { u.put_item(item("B2", "Saddle")); });
    s.read([&](store::Reader& r) { CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, r.count_items_matching({"tyre"})); });
  }

  void newer_schema_is_refused() {
    TempDir dir;
    std::string path = (dir.path() / "og.db").string();
    { SqliteStore s({path}); }
    {
      sqlite3* db = nullptr;
      sqlite3_open(path.c_str(), &db);
      sqlite3_exec(db, "PRAGMA user_version = 999", nullptr, nullptr, nullptr);
      sqlite3_close(db);
    }
    CPPUNIT_ASSERT_THROW(SqliteStore s({path}), store::StoreError);
  }

  void demo_data_is_the_documented_catalog() {
    TempDir dir;
    core::FixedClock clock(*rules::Date::parse("2026-11-23"));
    SqliteOptions o{(dir.path() / "og.db").string()};
    o.seed = [&](store::UnitOfWork& u) { core::load_demo_data(u, clock); };
    SqliteStore s(o);
    s.read([&](store::Reader& r) {
      CPPUNIT_ASSERT(r.buyer("B127645").has_value());
      CPPUNIT_ASSERT(r.buyer("B200001").has_value());
      auto shift = r.item("52090311100");
      CPPUNIT_ASSERT_EQUAL(std::string("PK"), shift->order_unit);
      CPPUNIT_ASSERT_EQUAL(std::string("100"), shift->base_per_order_unit.to_string());
      CPPUNIT_ASSERT_EQUAL(std::string("49.00"), shift->price.to_string(2));
      CPPUNIT_ASSERT_EQUAL(std::string("20"), shift->stock.to_string());
      CPPUNIT_ASSERT_EQUAL(std::string("4012345678901"), r.item("52090311600")->ean.value_or(""));
      CPPUNIT_ASSERT_EQUAL(std::string("2026-12-07"), r.item("200200456")->next_delivery.value_or(""));
      CPPUNIT_ASSERT_EQUAL(std::string("3"), r.item("200300156")->stock.to_string());
      CPPUNIT_ASSERT_EQUAL(std::string("40"), r.item("200600221")->stock.to_string());
      CPPUNIT_ASSERT(!r.item("100000001").has_value());
      CPPUNIT_ASSERT(r.replacements("100000001") == std::vector<std::string>{"200300156"});
    });
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SqliteStoreTest);

}  // namespace og::test
