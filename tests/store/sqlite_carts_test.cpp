// SRM carts in a real SQLite file: every optional field survives the round
// trip as "not submitted" or as its value, cart numbering, master data, the
// answered-message log (decisions since migration 3, rendered XML before it),
// and an existing demo database upgraded with the SRM demo data.
#include <cppunit/extensions/HelperMacros.h>

#include <sqlite3.h>

#include "core/clock.hpp"
#include "core/srm/srm_demo_data.hpp"
#include "store/sqlite/schema.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

namespace {
using namespace rules::srm;
using model::CartField;
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

std::optional<model::Cart> find_cart(SqliteStore& s, const std::string& id) {
  return s.read_now([&](store::ReadView& r) { return r.carts().cart(id); });
}

std::optional<model::SrmAnswer> find_answer(SqliteStore& s, const std::string& uuid) {
  return s.read_now([&](store::ReadView& r) { return r.carts().srm_answer(uuid); });
}

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

void assert_same_answer(const model::SrmAnswer& want, const model::SrmAnswer& got) {
  CPPUNIT_ASSERT_EQUAL(want.uuid, got.uuid);
  CPPUNIT_ASSERT_EQUAL(want.operation, got.operation);
  CPPUNIT_ASSERT_EQUAL(want.success, got.success);
  CPPUNIT_ASSERT_EQUAL(want.cart_id, got.cart_id);
  CPPUNIT_ASSERT_EQUAL(want.change_state_id, got.change_state_id);
  CPPUNIT_ASSERT_EQUAL(want.reference_id, got.reference_id);
  CPPUNIT_ASSERT_EQUAL(want.answer_id, got.answer_id);
  CPPUNIT_ASSERT_EQUAL(want.answered_at, got.answered_at);
  CPPUNIT_ASSERT(want.legacy_body == got.legacy_body);
  CPPUNIT_ASSERT_EQUAL(want.messages.size(), got.messages.size());
  for (std::size_t i = 0; i < want.messages.size(); ++i) {
    const auto& w = want.messages[i];
    const auto& g = got.messages[i];
    std::string at = "message " + std::to_string(i);
    CPPUNIT_ASSERT_MESSAGE(at, w.number == g.number);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(at, w.note, g.note);
    CPPUNIT_ASSERT_MESSAGE(at, w.field == g.field);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(at, w.element, g.element);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(at, w.item_id, g.item_id);
  }
}

}  // namespace

class SqliteCartsTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(SqliteCartsTest);
  CPPUNIT_TEST(cart_round_trip_keeps_what_was_and_was_not_submitted);
  CPPUNIT_TEST(carts_are_numbered_after_the_highest);
  CPPUNIT_TEST(master_data_and_users_round_trip);
  CPPUNIT_TEST(answers_are_kept_by_uuid_with_every_field);
  CPPUNIT_TEST(version_2_answer_comes_back_as_its_rendered_body);
  CPPUNIT_TEST(version_1_demo_database_gets_srm_demo_data);
  CPPUNIT_TEST_SUITE_END();

 public:
  void cart_round_trip_keeps_what_was_and_was_not_submitted() {
    TempDir dir;
    SqliteStore s(SqliteOptions{(dir.path() / "db").string()});
    model::Cart c{"SC-2001", false, "20261123100000", {full_item(), bare_item()}, "t0", "t1"};
    s.write_now([&](store::UnitOfWork& u) { u.carts().put_cart(c); });
    auto back = find_cart(s, "SC-2001");
    CPPUNIT_ASSERT(back.has_value());
    CPPUNIT_ASSERT_EQUAL(std::string("SC-2001"), back->id);
    CPPUNIT_ASSERT(!back->ordered);
    CPPUNIT_ASSERT(back->items.size() == 2);
    CPPUNIT_ASSERT(back->items[0] == full_item());
    CPPUNIT_ASSERT(back->items[1] == bare_item());
    CPPUNIT_ASSERT_EQUAL(std::string("20261123100000"), back->change_state_id);
    CPPUNIT_ASSERT_EQUAL(std::string("t0"), back->created_at);
    CPPUNIT_ASSERT_EQUAL(std::string("t1"), back->updated_at);
    // Replacing keeps no stale rows.
    c.ordered = true;
    c.items = {bare_item()};
    s.write_now([&](store::UnitOfWork& u) { u.carts().put_cart(c); });
    back = find_cart(s, "SC-2001");
    CPPUNIT_ASSERT(back->ordered);
    CPPUNIT_ASSERT(back->items.size() == 1 && back->items[0] == bare_item());
    s.write_now([&](store::UnitOfWork& u) { u.carts().delete_cart("SC-2001"); });
    CPPUNIT_ASSERT(!find_cart(s, "SC-2001").has_value());
  }

  void carts_are_numbered_after_the_highest() {
    TempDir dir;
    SqliteStore s(SqliteOptions{(dir.path() / "db").string()});
    std::string first = s.write_now([&](store::UnitOfWork& u) { return u.carts().next_cart_id(); });
    CPPUNIT_ASSERT_EQUAL(std::string("SC-1001"), first);
    std::string second = s.write_now([&](store::UnitOfWork& u) {
      u.carts().put_cart({"SC-1041", false, "1", {}, "t", "t"});
      return u.carts().next_cart_id();
    });
    CPPUNIT_ASSERT_EQUAL(std::string("SC-1042"), second);
  }

  void master_data_and_users_round_trip() {
    TempDir dir;
    SqliteStore s(SqliteOptions{(dir.path() / "db").string()});
    model::SrmUser user{"srm-user", std::string("s\0lt", 4), std::string("h\0sh\xff", 5), 1000};
    s.write_now([&](store::UnitOfWork& u) {
      u.carts().put_srm_user(user);
      u.carts().put_srm_category({"OFFICE", "01"});
      u.carts().put_srm_product({"P-1000", "Office chair", "01", "OFFICE", "EA"});
    });
    // Putting again replaces.
    s.write_now([&](store::UnitOfWork& u) {
      u.carts().put_srm_category({"OFFICE", "02"});
      u.carts().put_srm_product({"P-1000", "Office chair, black", "01", "OFFICE", "PCE"});
    });
    struct Back {
      std::optional<model::SrmUser> user;
      std::optional<ProductCategory> category;
      std::optional<Product> product;
      bool unknown_found;
    };
    auto back = s.read_now([](store::ReadView& r) {
      auto& c = r.carts();
      return Back{
          c.srm_user("srm-user"), c.srm_category("OFFICE"), c.srm_product("P-1000"),
          c.srm_user("nobody").has_value() || c.srm_category("x").has_value() || c.srm_product("x").has_value()};
    });
    CPPUNIT_ASSERT(back.user && back.category && back.product);
    CPPUNIT_ASSERT(back.user->password_salt == user.password_salt);
    CPPUNIT_ASSERT(back.user->password_hash == user.password_hash);
    CPPUNIT_ASSERT_EQUAL(1000, back.user->password_iterations);
    CPPUNIT_ASSERT_EQUAL(std::string("02"), back.category->product_type);
    CPPUNIT_ASSERT_EQUAL(std::string("Office chair, black"), back.product->description);
    CPPUNIT_ASSERT_EQUAL(std::string("01"), back.product->type_code);
    CPPUNIT_ASSERT_EQUAL(std::string("OFFICE"), back.product->category_id);
    CPPUNIT_ASSERT_EQUAL(std::string("PCE"), back.product->unit);
    CPPUNIT_ASSERT(!back.unknown_found);
  }

  void answers_are_kept_by_uuid_with_every_field() {
    TempDir dir;
    SqliteStore s(SqliteOptions{(dir.path() / "db").string()});
    model::SrmAnswer a;
    a.uuid = "u-1";
    a.operation = "Release";
    a.success = false;
    a.cart_id = "SC-1001";
    a.change_state_id = "20261123100000";
    a.reference_id = "ref-1";
    a.answer_id = "answer-1";
    a.answered_at = 1795000000;
    // One message per CartField, item messages with the element they name,
    // in an order that is not the numbers' order.
    a.messages = {
        {MessageNumber::ChangeStateMismatch, "state differs", CartField::ChangeStateId, "", ""},
        {MessageNumber::QuantityMissing, "Item 10: no quantity", CartField::None, "Quantity", "10"},
        {MessageNumber::CartNotFound, "no such cart", CartField::CartId, "", ""},
        {MessageNumber::NoItems, "", CartField::Items, "", ""},
        {MessageNumber::MessageUuidReused, "n\xc3\xa4here \"quoted\" <xml/>", CartField::MessageUuid, "", ""},
        {MessageNumber::CategoryUnknown, "Item 20: unknown category", CartField::None, "Category", "20"},
    };
    model::SrmAnswer ok;
    ok.uuid = "u-2";
    ok.operation = "Create";
    ok.success = true;
    ok.cart_id = "SC-1002";
    ok.change_state_id = "1";
    ok.reference_id = "ref-2";
    ok.answer_id = "answer-2";
    ok.answered_at = 1;
    s.write_now([&](store::UnitOfWork& u) {
      u.carts().put_srm_answer(a);
      u.carts().put_srm_answer(ok);
    });
    auto back = find_answer(s, "u-1");
    CPPUNIT_ASSERT(back.has_value());
    assert_same_answer(a, *back);
    CPPUNIT_ASSERT(!back->legacy_body.has_value());
    auto back_ok = find_answer(s, "u-2");
    CPPUNIT_ASSERT(back_ok.has_value());
    assert_same_answer(ok, *back_ok);  // no messages, and none of u-1's
    CPPUNIT_ASSERT(!find_answer(s, "u-3").has_value());
    CPPUNIT_ASSERT(!find_answer(s, "U-1").has_value());

    // A second answer under the same UUID is refused by the store itself,
    // and the first stays as it was.
    model::SrmAnswer other = ok;
    other.uuid = "u-1";
    other.operation = "Cancel";
    CPPUNIT_ASSERT_THROW(s.write_now([&](store::UnitOfWork& u) { u.carts().put_srm_answer(other); }),
                         store::StoreError);
    back = find_answer(s, "u-1");
    CPPUNIT_ASSERT(back.has_value());
    assert_same_answer(a, *back);
  }

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
