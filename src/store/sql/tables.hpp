// The tables both stores hold, described once: SQLite reaches this shape
// through its migrations (a test compares the migrated file with it, column
// by column and index by index), PostgreSQL creates it from this description.
// So the two cannot drift: a migration that changes a shared table changes
// this description too, or the comparison fails.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace og::store::sql {

enum class ColumnType { Text, Integer, Blob };

struct Column {
  std::string_view name;
  ColumnType type;
  bool not_null = true;
  std::string_view default_value = {};  // SQL literal; empty: none
};

struct Index {
  std::string_view name;
  std::vector<std::string_view> columns;
  bool unique = false;
  std::string_view where = {};  // a partial index's condition; empty: every row
};

// A column that names a row of another table; its rows go with that row.
struct ForeignKey {
  std::string_view column;
  std::string_view table;
  std::string_view table_column;
};

struct Table {
  std::string_view name;
  std::vector<Column> columns;
  std::vector<std::string_view> primary_key;  // empty: none (SQLite's rowid)
  std::vector<Index> indexes;
  // UNIQUE constraints, each its columns as "a, b" (SQLite names their
  // indexes itself).
  std::vector<std::string_view> unique_columns = {};
  // Rows every new database holds, as VALUES tuples ("('', '')").
  std::vector<std::string_view> initial_rows = {};
  // Every one ON DELETE CASCADE.
  std::vector<ForeignKey> foreign_keys = {};
  // SQLite keeps the rows in the primary key's b-tree (WITHOUT ROWID);
  // PostgreSQL has no such choice and ignores it.
  bool without_rowid = false;
  // PostgreSQL's schema version that first has this table: a database made
  // by an older version gets it when an instance starts (postgres/schema.cpp).
  int since = 1;
};

// In the order they are created (a table's references come first).
const std::vector<Table>& shared_tables();

// CREATE TABLE and CREATE INDEX statements for PostgreSQL.
std::vector<std::string> postgres_ddl(const Table& table);

}  // namespace og::store::sql
