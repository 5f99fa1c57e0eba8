#include "store/sql/tables.hpp"

namespace og::store::sql {

namespace {

constexpr auto Text = ColumnType::Text;
constexpr auto Integer = ColumnType::Integer;

std::string joined(const std::vector<std::string_view>& names) {
  std::string out;
  for (auto n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

std::string_view postgres_type(ColumnType type) {
  switch (type) {
    case ColumnType::Text: return "TEXT";
    case ColumnType::Integer: return "BIGINT";
    case ColumnType::Blob: return "BYTEA";
  }
  return "TEXT";
}

}  // namespace

const std::vector<Table>& shared_tables() {
  static const std::vector<Table> tables = {
      // Veloconnect transaction instances (migrations 1, 3, 4).
      {"transactions",
       {{"id", Text},
        {"buyer_id", Text},
        {"kind", Integer},
        {"state", Integer},
        {"is_test", Integer},
        {"search_string", Text, true, "''"},
        {"total_count", Integer, true, "0"},
        {"order_id", Text, false},
        {"issue_date", Text, false},
        {"created_at", Text},
        {"updated_at", Text},
        {"seller_id", Text, true, "''"}},
       {"id"},
       {{"transactions_by_state_age", {"state", "updated_at"}},
        {"transactions_by_buyer_state", {"seller_id", "buyer_id", "state"}}}},
      // The lines of an order transaction (migration 1).
      {"order_lines",
       {{"transaction_id", Text},
        {"item_id", Text},
        {"position", Integer},
        {"quantity", Integer},
        {"unit", Text},
        {"unit_price", Integer},
        {"currency", Text},
        {"buyers_item_id", Text, false},
        {"delivery_date", Text, false},
        {"backlog", Integer, false}},
       {"transaction_id", "item_id"},
       {}},
      // Finished orders (migration 11: lines_key, TransactionID no longer unique).
      {"orders",
       {{"number", Integer, false},
        {"id", Text},
        {"transaction_id", Text},
        {"buyer_id", Text},
        {"issue_date", Text},
        {"total", Integer},
        {"currency", Text},
        {"created_at", Text},
        {"seller_id", Text, true, "''"},
        {"lines_key", Text}},
       {"number"},
       {{"orders_by_seller_time", {"seller_id", "created_at"}},
        {"orders_by_transaction", {"transaction_id"}},
        {"orders_by_buyer_date", {"seller_id", "buyer_id", "issue_date", "id"}}},
       {"id"}},
  };
  return tables;
}

std::vector<std::string> postgres_ddl(const Table& table) {
  std::string create = "CREATE TABLE " + std::string(table.name) + " (";
  for (const auto& c : table.columns) {
    create += std::string(c.name) + " " + std::string(postgres_type(c.type));
    if (c.not_null) create += " NOT NULL";
    if (!c.default_value.empty()) create += " DEFAULT " + std::string(c.default_value);
    create += ", ";
  }
  for (auto u : table.unique_columns) create += "UNIQUE (" + std::string(u) + "), ";
  create += "PRIMARY KEY (" + joined(table.primary_key) + "))";
  std::vector<std::string> out{create};
  for (const auto& i : table.indexes)
    out.push_back(std::string(i.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") + std::string(i.name) + " ON " +
                  std::string(table.name) + " (" + joined(i.columns) + ")");
  return out;
}

}  // namespace og::store::sql
