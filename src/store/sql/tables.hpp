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
};

// In the order they are created (a table's references come first).
const std::vector<Table>& shared_tables();

// CREATE TABLE and CREATE INDEX statements for PostgreSQL.
std::vector<std::string> postgres_ddl(const Table& table);

}  // namespace og::store::sql
