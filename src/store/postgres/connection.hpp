// One libpq connection and its prepared statements behind the SQL surface the
// domain tables share with SQLite (sql/db.hpp). Parameters and results travel
// as text, except byte strings (bytea), which are bound in binary.
#pragma once
#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/sql/db.hpp"

namespace og::store::postgres {

using sql::Statement;

class PgConnection;

// A statement prepared once per connection under its own name; it runs on
// the first step() with what was bound.
class PgCursor final : public sql::Cursor {
 public:
  PgCursor(PgConnection& owner, std::string name, int parameters);
  PgCursor(const PgCursor&) = delete;
  PgCursor& operator=(const PgCursor&) = delete;
  ~PgCursor() override { reset(); }

  void bind_text(int index, std::string_view text) override;
  void bind_blob(int index, std::string_view bytes) override;
  void bind_integer(int index, std::int64_t value) override;
  void bind_null(int index) override;
  bool step() override;
  std::string text(int column) const override;
  std::string blob(int column) const override;
  std::int64_t integer(int column) const override;
  bool is_null(int column) const override;
  void reset() override;

 private:
  struct Parameter {
    std::optional<std::string> value;
    bool binary = false;
  };
  Parameter& at(int index);

  PgConnection& owner_;
  std::string name_;
  std::vector<Parameter> parameters_;
  PGresult* result_ = nullptr;
  int row_ = -1;
};

class PgConnection final : public sql::Db {
 public:
  // `conninfo`: a libpq connection string or URI (postgresql://...).
  explicit PgConnection(const std::string& conninfo);
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;
  ~PgConnection() override;

  Statement prepare(const char* sql) override;
  std::unique_ptr<sql::Cursor> prepare_once(const std::string& sql) override;
  void exec(const char* sql) override;
  std::int64_t changes() const override { return changes_; }
  sql::Dialect dialect() const override { return sql::Dialect::Postgres; }

  // False once the server is gone (the connection must be made again).
  bool healthy() const { return PQstatus(conn_) == CONNECTION_OK; }
  PGconn* handle() const { return conn_; }
  // Checks a result (throws ConflictError or StoreError), records changes().
  void check(PGresult* result, std::string_view what);
  // The same for a result nobody reads: cleared either way.
  void check_and_clear(PGresult* result, std::string_view what);

 private:
  PGconn* conn_ = nullptr;
  std::unordered_map<const char*, std::unique_ptr<PgCursor>> cache_;
  std::int64_t changes_ = 0;
};

// `?` placeholders numbered for PostgreSQL ($1, $2, ...), outside quoted text;
// `count` gets how many there are.
std::string number_placeholders(std::string_view sql, int& count);

}  // namespace og::store::postgres
