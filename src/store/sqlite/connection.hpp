// A thin RAII layer over one sqlite3 connection and its prepared statements,
// behind the SQL surface the domain tables share with PostgreSQL (sql/db.hpp).
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/sql/db.hpp"

namespace og::store::sqlite {

using sql::Statement;

// One sqlite3 statement, prepared once per connection.
class SqliteCursor final : public sql::Cursor {
 public:
  explicit SqliteCursor(sqlite3_stmt* stmt) : stmt_(stmt) {}
  SqliteCursor(const SqliteCursor&) = delete;
  SqliteCursor& operator=(const SqliteCursor&) = delete;
  ~SqliteCursor() override { sqlite3_finalize(stmt_); }

  void bind_text(int index, std::string_view text) override;
  void bind_blob(int index, std::string_view bytes) override;
  void bind_integer(int index, std::int64_t value) override;
  void bind_null(int index) override;
  bool step() override;
  std::string text(int column) const override;
  std::string blob(int column) const override;
  std::int64_t integer(int column) const override { return sqlite3_column_int64(stmt_, column); }
  bool is_null(int column) const override { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  void reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

 private:
  sqlite3_stmt* stmt_;
};

class Connection final : public sql::Db {
 public:
  // `vfs`: a registered VFS by name (nullptr: the default one).
  Connection(const std::string& path, int flags, const char* vfs = nullptr);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  void exec(const char* sql) override;
  Statement prepare(const char* sql) override;
  std::unique_ptr<sql::Cursor> prepare_once(const std::string& sql) override;
  sqlite3* handle() const { return db_; }
  std::int64_t changes() const override { return sqlite3_changes64(db_); }
  sql::Dialect dialect() const override { return sql::Dialect::Sqlite; }

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<const char*, std::unique_ptr<SqliteCursor>> cache_;
};

// Throws StoreError with the connection's message.
[[noreturn]] void fail(sqlite3* db, std::string_view what);

}  // namespace og::store::sqlite
