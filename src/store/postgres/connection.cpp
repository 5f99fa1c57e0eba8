#include "store/postgres/connection.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace og::store::postgres {

namespace {

// Conflicts between concurrent units of work: the unit runs again. A unique
// key two units inserted at once is one of them (PostgreSQL reports it so
// when the loser could not see the winner's row).
bool conflict(const char* sqlstate) {
  return sqlstate && (std::strcmp(sqlstate, "40001") == 0 || std::strcmp(sqlstate, "40P01") == 0 ||
                      std::strcmp(sqlstate, "23505") == 0);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string number_placeholders(std::string_view sql, int& count) {
  std::string out;
  out.reserve(sql.size() + 16);
  count = 0;
  char quote = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (quote) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      // ?NNN (SQLite's numbered form) keeps its number; a bare ? takes the next.
      std::size_t digits = i + 1;
      while (digits < sql.size() && sql[digits] >= '0' && sql[digits] <= '9') ++digits;
      if (digits > i + 1) {
        int number = std::stoi(std::string(sql.substr(i + 1, digits - i - 1)));
        out += '$' + std::to_string(number);
        count = std::max(count, number);
        i = digits - 1;
      } else {
        out += '$' + std::to_string(++count);
      }
    } else {
      out += c;
    }
  }
  return out;
}

PgCursor::PgCursor(PgConnection& owner, std::string name, int parameters)
    : owner_(owner), name_(std::move(name)), parameters_(static_cast<std::size_t>(parameters)) {}

PgCursor::Parameter& PgCursor::at(int index) {
  if (index < 1 || static_cast<std::size_t>(index) > parameters_.size())
    throw StoreError("bind: no parameter " + std::to_string(index) + " in " + name_);
  return parameters_[static_cast<std::size_t>(index - 1)];
}

void PgCursor::bind_text(int index, std::string_view text) {
  at(index) = {std::string(text), false};
}
void PgCursor::bind_blob(int index, std::string_view bytes) {
  at(index) = {std::string(bytes), true};
}
void PgCursor::bind_integer(int index, std::int64_t value) {
  at(index) = {std::to_string(value), false};
}
void PgCursor::bind_null(int index) {
  at(index) = {std::nullopt, false};
}

bool PgCursor::step() {
  if (!result_) {
    std::vector<const char*> values(parameters_.size());
    std::vector<int> lengths(parameters_.size());
    std::vector<int> formats(parameters_.size());
    for (std::size_t i = 0; i < parameters_.size(); ++i) {
      const auto& p = parameters_[i];
      values[i] = p.value ? p.value->c_str() : nullptr;
      lengths[i] = p.value ? static_cast<int>(p.value->size()) : 0;
      formats[i] = p.binary ? 1 : 0;
    }
    result_ = PQexecPrepared(owner_.handle(), name_.c_str(), static_cast<int>(parameters_.size()), values.data(),
                             lengths.data(), formats.data(), 0);
    try {
      owner_.check(result_, name_);
    } catch (...) {
      reset();
      throw;
    }
    row_ = -1;
  }
  return ++row_ < PQntuples(result_);
}

std::string PgCursor::text(int column) const {
  return std::string(PQgetvalue(result_, row_, column), static_cast<std::size_t>(PQgetlength(result_, row_, column)));
}

std::string PgCursor::blob(int column) const {
  // bytea in text results is hex: \x0a1b...
  std::string_view hex(PQgetvalue(result_, row_, column), static_cast<std::size_t>(PQgetlength(result_, row_, column)));
  if (hex.size() < 2 || hex[0] != '\\' || hex[1] != 'x') return std::string(hex);
  std::string out;
  out.reserve((hex.size() - 2) / 2);
  for (std::size_t i = 2; i + 1 < hex.size(); i += 2) {
    int hi = hex_value(hex[i]), lo = hex_value(hex[i + 1]);
    if (hi < 0 || lo < 0) throw StoreError("blob: not hex");
    out += static_cast<char>(hi * 16 + lo);
  }
  return out;
}

std::int64_t PgCursor::integer(int column) const {
  const char* p = PQgetvalue(result_, row_, column);
  std::int64_t value = 0;
  std::from_chars(p, p + PQgetlength(result_, row_, column), value);
  return value;
}

bool PgCursor::is_null(int column) const {
  return PQgetisnull(result_, row_, column) != 0;
}

void PgCursor::reset() {
  if (result_) PQclear(result_);
  result_ = nullptr;
  row_ = -1;
  for (auto& p : parameters_) p = {};
}

PgConnection::PgConnection(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
    std::string message = conn_ ? PQerrorMessage(conn_) : "out of memory";
    PQfinish(conn_);
    conn_ = nullptr;
    throw StoreError("connect to PostgreSQL: " + message);
  }
  // Warnings (NOTICE) are the server log's business, not the process's stderr.
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
  exec("SET client_min_messages = WARNING");
}

PgConnection::~PgConnection() {
  cache_.clear();
  PQfinish(conn_);
}

void PgConnection::check(PGresult* result, std::string_view what) {
  auto status = PQresultStatus(result);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
    const char* tuples = PQcmdTuples(result);
    changes_ = 0;
    if (tuples && *tuples) std::from_chars(tuples, tuples + std::strlen(tuples), changes_);
    return;
  }
  std::string message = std::string(what) + ": " + (result ? PQresultErrorMessage(result) : PQerrorMessage(conn_));
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  if (result && conflict(PQresultErrorField(result, PG_DIAG_SQLSTATE))) throw sql::ConflictError(message);
  throw StoreError(message);
}

void PgConnection::check_and_clear(PGresult* result, std::string_view what) {
  std::unique_ptr<PGresult, decltype(&PQclear)> owned(result, &PQclear);
  check(result, what);
}

void PgConnection::exec(const char* sql) {
  check_and_clear(PQexec(conn_, sql), "exec");
}

Statement PgConnection::prepare(const char* sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    int count = 0;
    auto text = number_placeholders(sql, count);
    auto name = "s" + std::to_string(cache_.size() + 1);
    check_and_clear(PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr), "prepare");
    it = cache_.emplace(sql, std::make_unique<PgCursor>(*this, std::move(name), count)).first;
  }
  return Statement(*it->second);
}

std::unique_ptr<sql::Cursor> PgConnection::prepare_once(const std::string& sql) {
  // The unnamed statement: replaced by the next one, which is what a cursor
  // that is used at once and then dropped needs.
  int count = 0;
  auto text = number_placeholders(sql, count);
  check_and_clear(PQprepare(conn_, "", text.c_str(), 0, nullptr), "prepare");
  return std::make_unique<PgCursor>(*this, std::string(), count);
}

}  // namespace og::store::postgres
