#include "store/postgres/schema.hpp"

#include <set>
#include <string>

#include "store/postgres/catalog.hpp"
#include "store/postgres/connection.hpp"
#include "store/sql/tables.hpp"

namespace og::store::postgres {

namespace {

// pg_advisory_xact_lock's key for schema changes: any number of ordergate's
// own, held only for the creating transaction.
constexpr const char* kSchemaLock = "SELECT pg_advisory_xact_lock(7301202612)";

std::set<std::string> columns_of(PgConnection& db, std::string_view table) {
  auto s = db.prepare(
      "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?");
  s.bind(1, table);
  std::set<std::string> out;
  while (s.step()) out.insert(s.text(0));
  return out;
}

bool has_index(PgConnection& db, std::string_view name) {
  auto s = db.prepare("SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ?");
  s.bind(1, name);
  return s.step();
}

// From an older version of the same description: what is missing is added
// (tables, columns with their defaults, indexes); nothing is dropped or
// changed, so an instance of the older version keeps working beside it.
void upgrade(PgConnection& db) {
  for (const auto& table : sql::shared_tables()) {
    auto have = columns_of(db, table.name);
    if (have.empty()) {
      for (const auto& statement : sql::postgres_ddl(table)) db.exec(statement.c_str());
      continue;
    }
    for (const auto& column : table.columns)
      if (!have.count(std::string(column.name)))
        db.exec(("ALTER TABLE " + std::string(table.name) + " ADD COLUMN " + sql::postgres_column(column)).c_str());
    for (const auto& index : table.indexes)
      if (!has_index(db, index.name)) db.exec(sql::postgres_index(table, index).c_str());
  }
}

void record_version(PgConnection& db) {
  auto s = db.prepare("INSERT INTO ordergate_schema (version) VALUES (?)");
  s.bind(1, std::int64_t{kSchemaVersion});
  s.run();
}

}  // namespace

bool create_or_check_schema(PgConnection& db, const std::function<void()>& on_create) {
  db.exec("BEGIN");
  try {
    db.exec(kSchemaLock);
    db.exec("CREATE TABLE IF NOT EXISTS ordergate_schema (version BIGINT NOT NULL)");
    int version = 0;
    {
      auto s = db.prepare("SELECT max(version) FROM ordergate_schema");
      if (s.step() && !s.is_null(0)) version = static_cast<int>(s.integer(0));
    }
    bool created = false;
    if (version > kSchemaVersion)
      throw StoreError("the database's schema (version " + std::to_string(version) +
                       ") is newer than this ordergate's (" + std::to_string(kSchemaVersion) + ")");
    if (version == 0) {
      for (const auto& table : sql::shared_tables())
        for (const auto& statement : sql::postgres_ddl(table)) db.exec(statement.c_str());
      // Text search: PostgreSQL's own trigram index (SQLite: FTS5 trigrams).
      db.exec("CREATE EXTENSION IF NOT EXISTS pg_trgm");
      db.exec("CREATE INDEX items_text ON items USING gin ((" OG_PG_ITEM_TEXT ") gin_trgm_ops)");
      record_version(db);
      if (on_create) on_create();
      created = true;
    } else if (version < kSchemaVersion) {
      upgrade(db);
      record_version(db);
    }
    db.exec("COMMIT");
    return created;
  } catch (...) {
    if (db.healthy()) db.exec("ROLLBACK");
    throw;
  }
}

}  // namespace og::store::postgres
