#include "store/postgres/schema.hpp"

#include "store/postgres/catalog.hpp"
#include "store/postgres/connection.hpp"
#include "store/sql/tables.hpp"

namespace og::store::postgres {

namespace {

// pg_advisory_xact_lock's key for schema changes: any number of ordergate's
// own, held only for the creating transaction.
constexpr const char* kSchemaLock = "SELECT pg_advisory_xact_lock(7301202612)";

// The shared tables a database of schema version `had` lacks (0: all).
void create_tables_since(PgConnection& db, int had) {
  for (const auto& table : sql::shared_tables())
    if (table.since > had)
      for (const auto& statement : sql::postgres_ddl(table)) db.exec(statement.c_str());
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
      create_tables_since(db, 0);
      // Text search: PostgreSQL's own trigram index (SQLite: FTS5 trigrams).
      db.exec("CREATE EXTENSION IF NOT EXISTS pg_trgm");
      db.exec("CREATE INDEX items_text ON items USING gin ((" OG_PG_ITEM_TEXT ") gin_trgm_ops)");
      record_version(db);
      if (on_create) on_create();
      created = true;
    } else if (version < kSchemaVersion) {
      // Versions so far only add tables: an older database gets them, its rows stay.
      create_tables_since(db, version);
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
