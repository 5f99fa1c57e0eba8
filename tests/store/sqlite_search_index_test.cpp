// The text index (migration 6): an item is found by its id, its description,
// its EAN, its manufacturer and the manufacturer's article number, through the
// trigram index (three characters and more, migration 17) and og_has_text's
// check on the rows it leaves (every row for shorter terms); the index follows inserts, bulk imports, updates and
// deletes, and a database of version 5 gets its existing items indexed when it is opened.
#include <cppunit/extensions/HelperMacros.h>

#include <sqlite3.h>

#include <stdexcept>

#include "store/sqlite/schema.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/sqlite/text_match.hpp"
#include "support/temp_dir.hpp"
#include "support/text_index.hpp"

namespace og::test {

using rules::Decimal;
using store::sqlite::SqliteStore;

namespace {

model::Item part(const std::string& id, const std::string& description, const std::string& ean,
                 const std::string& manufacturer, const std::string& manufacturer_item_id) {
  model::Item r;
  r.id = id;
  r.description = description;
  r.order_unit = r.base_unit = "EA";
  r.price = *Decimal::parse("9.90");
  r.currency = "EUR";
  r.stock = Decimal::from_int(3);
  if (!ean.empty()) r.ean = ean;
  if (!manufacturer.empty()) r.manufacturer = manufacturer;
  if (!manufacturer_item_id.empty()) r.manufacturer_item_id = manufacturer_item_id;
  return r;
}

std::string db_path(const TempDir& dir) {
  return (dir.path() / "og.db").string();
}

std::int64_t count(SqliteStore& s, std::vector<std::string> terms) {
  return s.read_now([&](store::ReadView& r) { return r.catalog().count_items_matching(terms); });
}

std::vector<std::string> ids(SqliteStore& s, std::vector<std::string> terms) {
  auto items = s.read_now([&](store::ReadView& r) { return r.catalog().items_matching(terms, 0, 100); });
  std::vector<std::string> out;
  for (const auto& i : items) out.push_back(i.id);
  return out;
}

bool index_is_whole(const std::string& path) {
  if (!text_index_is_whole(path)) return false;
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) return false;
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM text_index_deferred", -1, &st, nullptr);
  bool no_deferral_left = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 0;
  sqlite3_finalize(st);
  sqlite3_close(db);
  return no_deferral_left;
}

}  // namespace

class SqliteSearchIndexTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(SqliteSearchIndexTest);
  CPPUNIT_TEST(ean_and_manufacturer_numbers_are_searchable);
  CPPUNIT_TEST(short_terms_look_at_every_indexed_column);
  CPPUNIT_TEST(the_index_follows_bulk_imports_updates_and_deletes);
  CPPUNIT_TEST(a_version_5_database_gets_its_items_indexed);
  CPPUNIT_TEST(a_bulk_write_indexes_repeated_and_existing_items_once);
  CPPUNIT_TEST(a_bulk_write_that_fails_leaves_the_index_whole);
  CPPUNIT_TEST(a_bulk_write_of_many_rows_keeps_the_last_row_of_each_item);
  CPPUNIT_TEST(trigrams_are_of_characters_and_spread_over_a_long_term);
  CPPUNIT_TEST(case_folding_covers_every_script_and_keeps_bad_bytes);
  CPPUNIT_TEST_SUITE_END();

 public:
  void ean_and_manufacturer_numbers_are_searchable() {
    TempDir dir;
    SqliteStore s({db_path(dir)});
    s.write_now([&](store::UnitOfWork& u) {
      u.catalog().put_item(part("BOS-104", "Brake pads front", "4047024793125", "BOSCH", "0986494104"));
      u.catalog().put_item(part("MANN-95", "Oil filter", "4011558724801", "MANN-FILTER", "W712/95"));
      u.catalog().put_item(part("PLAIN", "Bell", "", "", ""));
    });
    CPPUNIT_ASSERT(ids(s, {"4047024793125"}) == std::vector<std::string>{"BOS-104"});
    CPPUNIT_ASSERT(ids(s, {"0986494104"}) == std::vector<std::string>{"BOS-104"});
    CPPUNIT_ASSERT(ids(s, {"W712/95"}) == std::vector<std::string>{"MANN-95"});
    CPPUNIT_ASSERT(ids(s, {"w712"}) == std::vector<std::string>{"MANN-95"});  // case-insensitive, substring
    CPPUNIT_ASSERT(ids(s, {"bosch"}) == std::vector<std::string>{"BOS-104"});
    CPPUNIT_ASSERT(ids(s, {"mann", "filter"}) == std::vector<std::string>{"MANN-95"});
    // Terms may hit different columns of one item; every term must hit.
    CPPUNIT_ASSERT(ids(s, {"bosch", "pads"}) == std::vector<std::string>{"BOS-104"});
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, count(s, {"bosch", "filter"}));
    // Id and description still work as before.
    CPPUNIT_ASSERT(ids(s, {"BOS-"}) == std::vector<std::string>{"BOS-104"});
    CPPUNIT_ASSERT(ids(s, {"bell"}) == std::vector<std::string>{"PLAIN"});
    CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, count(s, {}));
  }

  void short_terms_look_at_every_indexed_column() {
    TempDir dir;
    SqliteStore s({db_path(dir)});
    s.write_now([&](store::UnitOfWork& u) {
      u.catalog().put_item(part("A1", "Pads", "", "QX", ""));
      u.catalog().put_item(part("A2", "Filter", "", "", "Z9"));
      u.catalog().put_item(part("A3", "Tube", "4006381333931", "", ""));
      u.catalog().put_item(part("A4", "Saddle", "", "", ""));
    });
    CPPUNIT_ASSERT(ids(s, {"qx"}) == std::vector<std::string>{"A1"});  // manufacturer
    CPPUNIT_ASSERT(ids(s, {"Z9"}) == std::vector<std::string>{"A2"});  // manufacturer's number
    CPPUNIT_ASSERT(ids(s, {"31"}) == std::vector<std::string>{"A3"});  // EAN
    CPPUNIT_ASSERT(ids(s, {"QX", "pads"}) == std::vector<std::string>{"A1"});
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, count(s, {"QX", "Z9"}));
  }

  void the_index_follows_bulk_imports_updates_and_deletes() {
    TempDir dir;
    SqliteStore s({db_path(dir)});
    int n = 0;
    s.write_now([&](store::UnitOfWork& u) {
      u.catalog().put_items([&](model::Item& r) {
        if (++n > 2) return false;
        r = part("B" + std::to_string(n), "Spark plug", "400000000000" + std::to_string(n), "NGK",
                 "BKR" + std::to_string(n) + "E");
        return true;
      });
    });
    CPPUNIT_ASSERT(ids(s, {"BKR2E"}) == std::vector<std::string>{"B2"});
    CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, count(s, {"ngk"}));
    // A new EAN and article number replace the old ones in the index.
    s.write_now([&](store::UnitOfWork& u) {
      u.catalog().put_item(part("B2", "Spark plug", "4006381333931", "DENSO", "K16TT"));
    });
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, count(s, {"BKR2E"}));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, count(s, {"ngk"}));
    CPPUNIT_ASSERT(ids(s, {"K16TT"}) == std::vector<std::string>{"B2"});
    CPPUNIT_ASSERT(ids(s, {"4006381333931"}) == std::vector<std::string>{"B2"});
    CPPUNIT_ASSERT(ids(s, {"denso"}) == std::vector<std::string>{"B2"});
    // A later single insert is indexed by the trigger again.
    s.write_now([&](store::UnitOfWork& u) { u.catalog().put_item(part("C1", "Glow plug", "", "BERU", "GN857")); });
    CPPUNIT_ASSERT(ids(s, {"GN857"}) == std::vector<std::string>{"C1"});
  }

  void a_bulk_write_indexes_repeated_and_existing_items_once() {
    TempDir dir;
    SqliteStore s({db_path(dir)});
    s.write_now([&](store::UnitOfWork& u) { u.catalog().put_item(part("OLD", "Chain 114 links", "", "KMC", "")); });
    // One bulk write: a new item given twice (the second description wins),
    // the existing item with new text, the existing item again unchanged.
    std::vector<model::Item> rows = {part("N1", "Saddle narrow", "", "", ""),
                                     part("OLD", "Chain 116 links", "", "KMC", ""),
                                     part("N1", "Saddle wide", "", "", ""), part("N2", "Grip", "", "ERGON", "")};
    std::size_t i = 0;
    s.write_now([&](store::UnitOfWork& u) {
      u.catalog().put_items([&](model::Item& r) {
        if (i == rows.size()) return false;
        r = rows[i++];
        return true;
      });
    });
    CPPUNIT_ASSERT(index_is_whole(db_path(dir)));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, count(s, {"narrow"}));
    CPPUNIT_ASSERT(ids(s, {"wide"}) == std::vector<std::string>{"N1"});
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, count(s, {"114"}));
    CPPUNIT_ASSERT(ids(s, {"116"}) == std::vector<std::string>{"OLD"});
    CPPUNIT_ASSERT(ids(s, {"ergon"}) == std::vector<std::string>{"N2"});
    // The same rows again change nothing, and single writes are indexed as before.
    i = 0;
    s.write_now([&](store::UnitOfWork& u) {
      u.catalog().put_items([&](model::Item& r) {
        if (i == rows.size()) return false;
        r = rows[i++];
        return true;
      });
      u.catalog().put_item(part("N3", "Bottle cage", "", "", ""));
      u.catalog().put_item(part("N2", "Grip lock-on", "", "ERGON", ""));
    });
    CPPUNIT_ASSERT(index_is_whole(db_path(dir)));
    CPPUNIT_ASSERT(ids(s, {"cage"}) == std::vector<std::string>{"N3"});
    CPPUNIT_ASSERT(ids(s, {"lock-on"}) == std::vector<std::string>{"N2"});
    CPPUNIT_ASSERT_EQUAL(std::int64_t{4}, count(s, {}));
  }

  void a_bulk_write_that_fails_leaves_the_index_whole() {
    TempDir dir;
    SqliteStore s({db_path(dir)});
    s.write_now([&](store::UnitOfWork& u) { u.catalog().put_item(part("A", "Pedal flat", "", "", "")); });
    int n = 0;
    bool failed = false;
    try {
      s.write_now([&](store::UnitOfWork& u) {
        u.catalog().put_items([&](model::Item& r) {
          if (++n == 3) throw std::runtime_error("the file ended early");
          r = part("B" + std::to_string(n), "Pedal clipless", "", "", "");
          return true;
        });
      });
    } catch (const std::runtime_error&) {
      failed = true;
    }
    CPPUNIT_ASSERT(failed);
    CPPUNIT_ASSERT(index_is_whole(db_path(dir)));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, count(s, {"clipless"}));
    // The insert trigger works again for the next writer.
    s.write_now([&](store::UnitOfWork& u) { u.catalog().put_item(part("C", "Pedal clipless", "", "", "")); });
    CPPUNIT_ASSERT(ids(s, {"clipless"}) == std::vector<std::string>{"C"});
    CPPUNIT_ASSERT(index_is_whole(db_path(dir)));
  }

  void a_version_5_database_gets_its_items_indexed() {
    TempDir dir;
    auto path = db_path(dir);
    {
      sqlite3* db = nullptr;
      CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_open(path.c_str(), &db));
      for (int i = 0; i < 5; ++i)
        CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_exec(db, store::sqlite::migrations()[i], nullptr, nullptr, nullptr));
      const char* rows =
          "INSERT INTO items (seller_id, id, description, order_unit, base_unit, base_per_order_unit, step, ean, "
          "manufacturer, manufacturer_item_id, price, currency, recommended_retail_price, stock, next_delivery) "
          "VALUES ('', 'OLD-1', 'Oil filter', 'EA', 'EA', 1000000, 1000000, '4011558724801', 'MANN-FILTER', "
          "'W712/95', 5900000, 'EUR', NULL, 50000000, NULL);"
          "PRAGMA user_version = 5;";
      CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_exec(db, rows, nullptr, nullptr, nullptr));
      sqlite3_close(db);
    }
    CPPUNIT_ASSERT(store::sqlite::migrations().size() >= 6);
    SqliteStore s({path});
    CPPUNIT_ASSERT(ids(s, {"4011558724801"}) == std::vector<std::string>{"OLD-1"});
    CPPUNIT_ASSERT(ids(s, {"W712/95"}) == std::vector<std::string>{"OLD-1"});
    CPPUNIT_ASSERT(ids(s, {"oil"}) == std::vector<std::string>{"OLD-1"});
    // The migrated triggers keep the index: an update moves the item.
    auto item = s.read_now([](store::ReadView& r) { return r.catalog().item("OLD-1"); });
    CPPUNIT_ASSERT(item.has_value());
    item->manufacturer_item_id = "W712/80";
    s.write_now([&](store::UnitOfWork& u) { u.catalog().put_item(*item); });
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, count(s, {"W712/95"}));
    CPPUNIT_ASSERT(ids(s, {"W712/80"}) == std::vector<std::string>{"OLD-1"});
  }

  void a_bulk_write_of_many_rows_keeps_the_last_row_of_each_item() {
    // Rows go to SQLite 64 to a statement: an item given twice within one
    // statement (D: rows 10 and 20) or in two (M0..M49: rows k and k + 150)
    // ends with its last row, indexed once.
    TempDir dir;
    SqliteStore s({db_path(dir)});
    int k = 0;
    s.write_now([&](store::UnitOfWork& u) {
      u.catalog().put_items([&](model::Item& r) {
        if (k == 203) return false;
        std::string id = k == 10 || k == 20 ? "D" : "M" + std::to_string(k % 150);
        r = part(id, "w" + std::to_string(k) + "x", "", "", "");
        ++k;
        return true;
      });
    });
    CPPUNIT_ASSERT(index_is_whole(db_path(dir)));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{151}, count(s, {}));  // M0..M149 and D
    CPPUNIT_ASSERT(ids(s, {"w20x"}) == std::vector<std::string>{"D"});
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, count(s, {"w10x"}));
    CPPUNIT_ASSERT(ids(s, {"w157x"}) == std::vector<std::string>{"M7"});
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, count(s, {"w7x"}));
    CPPUNIT_ASSERT(ids(s, {"w202x"}) == std::vector<std::string>{"M52"});  // the last, a row of its own
    CPPUNIT_ASSERT(ids(s, {"w99x"}) == std::vector<std::string>{"M99"});
  }

  void trigrams_are_of_characters_and_spread_over_a_long_term() {
    using store::sqlite::trigrams;
    using Grams = std::vector<std::string>;
    CPPUNIT_ASSERT(trigrams("ab", 16).empty());
    CPPUNIT_ASSERT(trigrams("abc", 16) == Grams{"abc"});
    CPPUNIT_ASSERT(trigrams("abcab", 16) == (Grams{"abc", "bca", "cab"}));
    CPPUNIT_ASSERT(trigrams("aaaa", 16) == Grams{"aaa"});  // each once
    // "Öl-Ä": characters, not bytes (Ö and Ä are two bytes each).
    CPPUNIT_ASSERT(trigrams("\xc3\x96l-\xc3\x84", 16) == (Grams{"\xc3\x96l-", "l-\xc3\x84"}));
    // 24 trigrams, 4 asked: the first, the last and two between.
    auto spread = trigrams("abcdefghijklmnopqrstuvwxyz", 4);
    CPPUNIT_ASSERT(spread == (Grams{"abc", "hij", "pqr", "xyz"}));
    CPPUNIT_ASSERT_EQUAL(std::size_t{24}, trigrams("abcdefghijklmnopqrstuvwxyz", 0).size());
  }

  void case_folding_covers_every_script_and_keeps_bad_bytes() {
    using store::sqlite::fold_case;
    CPPUNIT_ASSERT_EQUAL(std::string("brake 28-622"), fold_case("BRAKE 28-622"));
    CPPUNIT_ASSERT_EQUAL(std::string("\xc3\xb6l\xc3\xa4"), fold_case("\xc3\x96L\xc3\x84"));  // ÖLÄ
    CPPUNIT_ASSERT_EQUAL(std::string("\xce\xb1\xce\xb2"), fold_case("\xce\x91\xce\x92"));    // ΑΒ
    CPPUNIT_ASSERT_EQUAL(std::string("\xd0\xb0\xd0\xb1"), fold_case("\xd0\x90\xd0\x91"));    // АБ
    CPPUNIT_ASSERT_EQUAL(std::string("a\xff\xc3z"), fold_case("A\xff\xc3Z"));                // not UTF-8: kept
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SqliteSearchIndexTest);

}  // namespace og::test
