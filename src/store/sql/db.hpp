// The one SQL surface the stores' domain tables are written against, so that
// the same statements serve SQLite and PostgreSQL: a connection that prepares
// statements (cached per connection, keyed by the literal's address) and a
// statement that binds by position and steps through rows. Statements use `?`
// placeholders and the SQL both engines share; a backend translates what it
// must (PostgreSQL numbers the placeholders).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "store/store.hpp"

namespace og::store::sql {

enum class Dialect { Sqlite, Postgres };

// The database gave up this unit of work because another one, running at the
// same time, conflicted with it (a serialization failure or a deadlock):
// running it again from the start is correct and will, in time, succeed.
class ConflictError : public StoreError {
 public:
  using StoreError::StoreError;
};

// One prepared statement of a backend: what Statement drives.
class Cursor {
 public:
  virtual ~Cursor() = default;
  virtual void bind_text(int index, std::string_view text) = 0;
  virtual void bind_blob(int index, std::string_view bytes) = 0;
  virtual void bind_integer(int index, std::int64_t value) = 0;
  virtual void bind_null(int index) = 0;
  // Runs the statement on the first call; true while a row is available.
  virtual bool step() = 0;
  virtual std::string text(int column) const = 0;
  virtual std::string blob(int column) const = 0;
  virtual std::int64_t integer(int column) const = 0;
  virtual bool is_null(int column) const = 0;
  // Ready to bind and run again (bindings cleared).
  virtual void reset() = 0;
};

// A prepared statement borrowed from its connection; reset when it goes.
class Statement {
 public:
  explicit Statement(Cursor& cursor) : cursor_(cursor) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { cursor_.reset(); }

  Statement& bind(int index, std::string_view text) {
    cursor_.bind_text(index, text);
    return *this;
  }
  Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, std::int64_t value) {
    cursor_.bind_integer(index, value);
    return *this;
  }
  Statement& bind(int index, const std::optional<std::string>& text) {
    return text ? bind(index, std::string_view(*text)) : bind_null(index);
  }
  Statement& bind_blob(int index, std::string_view bytes) {
    cursor_.bind_blob(index, bytes);
    return *this;
  }
  Statement& bind_null(int index) {
    cursor_.bind_null(index);
    return *this;
  }

  // True while a row is available.
  bool step() { return cursor_.step(); }
  // Runs a statement that returns no rows.
  void run() {
    while (step()) {
    }
  }

  std::string text(int column) const { return cursor_.text(column); }
  std::string blob(int column) const { return cursor_.blob(column); }
  std::optional<std::string> optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return text(column);
  }
  std::int64_t integer(int column) const { return cursor_.integer(column); }
  bool is_null(int column) const { return cursor_.is_null(column); }

 private:
  Cursor& cursor_;
};

class Db {
 public:
  virtual ~Db() = default;
  // `sql` must be a string literal: its address keys the statement cache.
  virtual Statement prepare(const char* sql) = 0;
  // For SQL made at run time (a search with as many terms as asked): prepared
  // for this one use, owned by the caller.
  virtual std::unique_ptr<Cursor> prepare_once(const std::string& sql) = 0;
  // Runs statements that return no rows (no placeholders).
  virtual void exec(const char* sql) = 0;
  // Rows the last INSERT, UPDATE or DELETE changed.
  virtual std::int64_t changes() const = 0;
  virtual Dialect dialect() const = 0;
};

}  // namespace og::store::sql
