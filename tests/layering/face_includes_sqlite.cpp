// A face may not reach SQLite through the store's implementation either.
#include "core/context.hpp"
#include "store/sqlite/sqlite_store.hpp"
