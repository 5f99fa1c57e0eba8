// FTS5's own check of the items' text index against the items it was built
// from, on the database file (another connection than the store's).
#pragma once
#include <string>

namespace og::test {

// True when the check passes; else `problem` (when given) says SQLite's error.
bool text_index_is_whole(const std::string& db_path, std::string* problem = nullptr);

}  // namespace og::test
