// The receipt tables on SQLite: the buyer + date queries are answered from an
// index (what every engine must do is receipt_store_contract.hpp's).
#include <cppunit/extensions/HelperMacros.h>

#include <sqlite3.h>

#include <string>

#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

using store::sqlite::SqliteStore;

class SqliteReceiptsTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(SqliteReceiptsTest);
  CPPUNIT_TEST(buyer_and_date_queries_use_an_index);
  CPPUNIT_TEST_SUITE_END();

 public:
  // Random documents and filters: the store with the rule's predicate selects
  // exactly what filtering every document by the rule selects.

  void buyer_and_date_queries_use_an_index() {
    TempDir dir;
    const std::string path = (dir.path() / "og.db").string();
    { SqliteStore migrated({path}); }
    sqlite3* db = nullptr;
    CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr));
    // The outer queries of receipt_headers and buyer_orders (their WHERE and ORDER BY).
    for (const char* sql :
         {"SELECT r.id FROM receipts r WHERE r.seller_id = ? AND r.kind = ? AND r.buyer_id = ? AND r.issue_date >= ? "
          "AND r.issue_date <= ? ORDER BY r.issue_date DESC, r.id DESC",
          "SELECT number, id FROM orders WHERE seller_id = ? AND buyer_id = ? AND issue_date >= ? AND issue_date <= ? "
          "ORDER BY issue_date DESC, id DESC"}) {
      sqlite3_stmt* stmt = nullptr;
      std::string explain = std::string("EXPLAIN QUERY PLAN ") + sql;
      CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_prepare_v2(db, explain.c_str(), -1, &stmt, nullptr));
      int lines = 0;
      while (sqlite3_step(stmt) == SQLITE_ROW) {
        std::string detail = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 3));
        CPPUNIT_ASSERT_MESSAGE(detail + " in " + sql, detail.rfind("SEARCH", 0) == 0);
        CPPUNIT_ASSERT_MESSAGE(detail + " in " + sql, detail.find("INDEX") != std::string::npos);
        CPPUNIT_ASSERT_MESSAGE(detail + " in " + sql, detail.find("TEMP B-TREE") == std::string::npos);
        ++lines;
      }
      sqlite3_finalize(stmt);
      CPPUNIT_ASSERT(lines > 0);
    }
    sqlite3_close(db);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SqliteReceiptsTest);

}  // namespace og::test
