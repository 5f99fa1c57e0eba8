// Forgetting a batch of old rows together with the rows that hang on them,
// in each engine's terms: PostgreSQL in one statement whose chosen keys feed
// both deletes (a data-modifying WITH; a temporary table there would be made
// per session), SQLite through a temporary list of the chosen keys (it has no
// data-modifying WITH, and its temporary tables live with the connection).
#pragma once
#include <cstdint>
#include <string_view>

#include "store/sql/db.hpp"

namespace og::store::sql {

// Statements as literals (the connection caches them by address). The ones
// that choose bind the cut-off first, the batch size second.
struct Purge {
  const char* postgres;           // WITH gone AS (... LIMIT ?), ... DELETE ...
  const char* sqlite_list;        // CREATE TEMP TABLE IF NOT EXISTS <list> ...
  const char* sqlite_clear;       // DELETE FROM <list>
  const char* sqlite_choose;      // INSERT INTO <list> SELECT ... LIMIT ?
  const char* sqlite_dependents;  // DELETE FROM <dependents> WHERE ... IN <list>
  const char* sqlite_rows;        // DELETE FROM <table> WHERE ... IN <list>
};

// How many rows of the table itself went (not of its dependents).
std::int64_t purge(Db& db, const Purge& statements, std::string_view before, std::int64_t limit);

}  // namespace og::store::sql
