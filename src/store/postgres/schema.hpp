// The PostgreSQL schema: the shared tables (sql/tables.hpp) and its version.
#pragma once
#include <functional>

namespace og::store::postgres {

class PgConnection;

// The schema version this build creates and reads (its own numbering, not
// SQLite's migrations): 1 up to receipts and the hub, 2 adds the stock and
// sale transmission tables and the hub outbox's leases.
inline constexpr int kSchemaVersion = 2;

// Creates the schema in an empty database, or brings one an older ordergate
// made up to this version (what it lacks: tables, columns, indexes), under a
// lock that several instances starting at once take in turn (the first
// creates or upgrades, the others find it done), and runs `created` in the
// creating transaction. Returns true when this call created it. Throws
// StoreError for a database made by a newer ordergate.
bool create_or_check_schema(PgConnection& db, const std::function<void()>& created);

}  // namespace og::store::postgres
