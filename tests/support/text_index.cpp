#include "support/text_index.hpp"

#include <sqlite3.h>

namespace og::test {

bool text_index_is_whole(const std::string& db_path, std::string* problem) {
  sqlite3* db = nullptr;
  bool whole = sqlite3_open(db_path.c_str(), &db) == SQLITE_OK;
  // The check is a write: it waits for another writer's transaction to end.
  sqlite3_busy_timeout(db, 10000);
  // rank 1: against the content table too.
  whole = whole && sqlite3_exec(db, "INSERT INTO item_text(item_text, rank) VALUES ('integrity-check', 1)", nullptr,
                                nullptr, nullptr) == SQLITE_OK;
  if (!whole && problem) *problem = sqlite3_errmsg(db);
  sqlite3_close(db);
  return whole;
}

}  // namespace og::test
