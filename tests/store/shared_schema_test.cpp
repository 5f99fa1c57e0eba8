// The tables both stores hold are described once (store/sql/tables.hpp):
// SQLite's migrations must leave exactly that shape, column by column (name,
// type, NOT NULL, default, key), index by index and reference by reference
// (and WITHOUT ROWID where SQLite has it), or the PostgreSQL store
// (made from the description) and SQLite have drifted apart.
#include <cppunit/extensions/HelperMacros.h>

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "store/sql/tables.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

namespace {

std::vector<std::vector<std::string>> rows(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  CPPUNIT_ASSERT_EQUAL_MESSAGE(sql, SQLITE_OK, sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr));
  std::vector<std::vector<std::string>> out;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
      row.emplace_back(text ? text : "<null>");
    }
    out.push_back(std::move(row));
  }
  sqlite3_finalize(stmt);
  return out;
}

std::string type_name(store::sql::ColumnType type) {
  switch (type) {
    case store::sql::ColumnType::Text: return "TEXT";
    case store::sql::ColumnType::Integer: return "INTEGER";
    case store::sql::ColumnType::Blob: return "BLOB";
  }
  return "?";
}

}  // namespace

class SharedSchemaTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(SharedSchemaTest);
  CPPUNIT_TEST(sqlite_migrations_reach_the_shared_description);
  CPPUNIT_TEST_SUITE_END();

 public:
  void sqlite_migrations_reach_the_shared_description() {
    TempDir dir;
    auto path = (dir.path() / "og.db").string();
    { store::sqlite::SqliteStore s({path}); }
    sqlite3* db = nullptr;
    CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_open(path.c_str(), &db));
    CPPUNIT_ASSERT(!store::sql::shared_tables().empty());
    for (const auto& table : store::sql::shared_tables()) {
      std::string name(table.name);
      // cid, name, type, notnull, dflt_value, pk
      auto columns = rows(db, "PRAGMA table_info(" + name + ")");
      CPPUNIT_ASSERT_EQUAL_MESSAGE(name + ": columns", table.columns.size(), columns.size());
      std::vector<std::string> key(table.primary_key.size());
      for (std::size_t i = 0; i < columns.size(); ++i) {
        const auto& want = table.columns[i];
        const auto& have = columns[i];
        auto where = name + "." + std::string(want.name);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(where, std::string(want.name), have[1]);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(where + ": type", type_name(want.type), have[2]);
        bool key_column = have[5] != "0";
        // SQLite's INTEGER PRIMARY KEY may be NULL on insert (it numbers the row).
        if (!(key_column && have[2] == "INTEGER" && table.primary_key.size() == 1))
          CPPUNIT_ASSERT_EQUAL_MESSAGE(where + ": NOT NULL", want.not_null, have[3] == "1");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(
            where + ": default", want.default_value.empty() ? std::string("<null>") : std::string(want.default_value),
            have[4]);
        if (key_column) key.at(std::stoul(have[5]) - 1) = have[1];
      }
      CPPUNIT_ASSERT_MESSAGE(name + ": primary key",
                             key == std::vector<std::string>(table.primary_key.begin(), table.primary_key.end()));
      // Named indexes (not SQLite's own for keys and UNIQUE): the same set.
      auto indexes = rows(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = '" + name +
                                  "' AND sql IS NOT NULL ORDER BY name");
      std::vector<std::string> want_indexes;
      for (const auto& i : table.indexes) want_indexes.emplace_back(i.name);
      std::sort(want_indexes.begin(), want_indexes.end());
      std::vector<std::string> have_indexes;
      for (const auto& r : indexes) have_indexes.push_back(r[0]);
      CPPUNIT_ASSERT_MESSAGE(name + ": indexes", want_indexes == have_indexes);
      for (const auto& i : table.indexes) {
        auto info = rows(db, "PRAGMA index_info(" + std::string(i.name) + ")");
        std::vector<std::string> have_columns;
        for (const auto& r : info) have_columns.push_back(r[2]);
        CPPUNIT_ASSERT_MESSAGE(std::string(i.name) + ": columns",
                               have_columns == std::vector<std::string>(i.columns.begin(), i.columns.end()));
        auto unique = rows(
            db, "SELECT \"unique\" FROM pragma_index_list('" + name + "') WHERE name = '" + std::string(i.name) + "'");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string(i.name) + ": unique", i.unique, unique.at(0).at(0) == "1");
        // A partial index covers the same rows.
        auto sql = rows(db, "SELECT sql FROM sqlite_master WHERE name = '" + std::string(i.name) + "'").at(0).at(0);
        auto where = sql.find(" WHERE ");
        std::string have_where = where == std::string::npos ? "" : sql.substr(where + 7);
        while (!have_where.empty() &&
               (have_where.back() == ';' || std::isspace(static_cast<unsigned char>(have_where.back()))))
          have_where.pop_back();
        CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string(i.name) + ": rows", std::string(i.where), have_where);
      }
      // Column-level UNIQUE constraints: SQLite's autoindexes over exactly those columns.
      for (auto column : table.unique_columns) {
        auto found =
            rows(db, "SELECT count(*) FROM pragma_index_list('" + name +
                         "') l WHERE l.\"unique\" = 1 AND l.origin = 'u' AND (SELECT group_concat(name, ', ') FROM "
                         "pragma_index_info(l.name)) = '" +
                         std::string(column) + "'");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(name + ": UNIQUE (" + std::string(column) + ")", std::string("1"),
                                     found.at(0).at(0));
      }
      // from, table, to, ON DELETE
      auto keys = rows(db, "SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list('" + name +
                               "') ORDER BY \"from\"");
      std::vector<std::vector<std::string>> want_keys;
      for (const auto& f : table.foreign_keys)
        want_keys.push_back({std::string(f.column), std::string(f.table), std::string(f.table_column), "CASCADE"});
      std::sort(want_keys.begin(), want_keys.end());
      CPPUNIT_ASSERT_MESSAGE(name + ": foreign keys", want_keys == keys);
      auto without_rowid = rows(db, "SELECT wr FROM pragma_table_list WHERE name = '" + name + "'");
      CPPUNIT_ASSERT_EQUAL_MESSAGE(name + ": WITHOUT ROWID", table.without_rowid, without_rowid.at(0).at(0) == "1");
    }
    sqlite3_close(db);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SharedSchemaTest);

}  // namespace og::test
