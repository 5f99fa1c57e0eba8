// The PostgreSQL schema: the shared tables (sql/tables.hpp) and its version.
#pragma once
#include <functional>

namespace og::store::postgres {

class PgConnection;

// The schema version this build creates and reads: raised with every change
// of the shared tables' description (2: the hub outbox's leases).
inline constexpr int kSchemaVersion = 2;

// Creates the schema in an empty database, under a lock that several
// instances starting at once take in turn (the first creates, the others
// find it made), and runs `created` in the same transaction; adds what an
// older version's schema lacks (tables, columns, indexes). Returns true
// when this call created it. Throws StoreError for a database made by a
// newer ordergate.
bool create_or_check_schema(PgConnection& db, const std::function<void()>& created);

}  // namespace og::store::postgres
