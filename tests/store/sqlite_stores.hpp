// Store instances on one SQLite file, for the shared tables' contracts: each
// call opens another. Several processes on one file is the operator's-command
// case, so they write their WAL frames as SQLite does: a store that gathers
// them (the server's default, store/sqlite/wal_buffer.hpp) announces frames
// before they are in the file, and another connection reading in that moment
// gets "disk I/O error" (a known gap, README "Operations").
#pragma once
#include <memory>
#include <string>

#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

inline std::unique_ptr<store::Store> open_sqlite_instance(const TempDir& dir) {
  store::sqlite::SqliteOptions o;
  o.path = (dir.path() / "og.db").string();
  o.gather_wal_writes = false;
  return std::make_unique<store::sqlite::SqliteStore>(std::move(o));
}

}  // namespace og::test
