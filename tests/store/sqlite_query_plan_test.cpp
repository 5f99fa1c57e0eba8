// The hub's per-request and per-dispatch queries are answered from an index:
// SQLite's own plan for each, on the schema the migrations build, has no
// table scan and no sort. (A scan of hub_orders per placed order once made
// accepting orders slower with every order ever placed.)
#include <cppunit/extensions/HelperMacros.h>

#include <sqlite3.h>

#include <string>
#include <vector>

#include "store/sql/hub_sql.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

namespace {

// The plan's detail lines ("SEARCH hub_orders USING INDEX ...").
std::vector<std::string> plan(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  std::string explain = "EXPLAIN QUERY PLAN " + sql;
  if (sqlite3_prepare_v2(db, explain.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
    CPPUNIT_FAIL("cannot prepare: " + std::string(sqlite3_errmsg(db)) + " in " + sql);
  std::vector<std::string> out;
  while (sqlite3_step(stmt) == SQLITE_ROW)
    out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 3)));
  sqlite3_finalize(stmt);
  return out;
}

}  // namespace

class SqliteQueryPlanTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(SqliteQueryPlanTest);
  CPPUNIT_TEST(hub_queries_use_an_index_and_never_sort);
  CPPUNIT_TEST_SUITE_END();

 public:
  void hub_queries_use_an_index_and_never_sort() {
    TempDir dir;
    const std::string path = (dir.path() / "og.db").string();
    { store::sqlite::SqliteStore migrated({path}); }
    sqlite3* db = nullptr;
    CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr));
    int checked = 0;
    for (const char* sql : store::sql::hub_sql::kAll) {
      auto lines = plan(db, sql);
      CPPUNIT_ASSERT_MESSAGE(sql, !lines.empty());
      for (const auto& line : lines) {
        CPPUNIT_ASSERT_MESSAGE(line + " in " + sql, line.rfind("SCAN", 0) != 0);
        CPPUNIT_ASSERT_MESSAGE(line + " in " + sql, line.find("TEMP B-TREE") == std::string::npos);
      }
      ++checked;
    }
    sqlite3_close(db);
    CPPUNIT_ASSERT_EQUAL(6, checked);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SqliteQueryPlanTest);

}  // namespace og::test
