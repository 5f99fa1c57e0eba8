// What the stock and sale transmission tables share: optional integers and
// amounts as nullable column pairs, and a page of lines read in the order
// sent (every lines table is keyed by transaction_id and position).
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "model/amount.hpp"
#include "store/sql/db.hpp"

namespace og::store::sql {

void bind_optional(Statement& s, int index, const std::optional<std::int64_t>& v);
std::optional<std::int64_t> optional_integer(const Statement& s, int column);
// An amount in micro-units at `index` and its currency at `index + 1`; both NULL for none.
void bind_amount(Statement& s, int index, const std::optional<model::Amount>& a);
std::optional<model::Amount> amount_column(const Statement& s, int column);

// The statements below, as literals (the connection caches statements by
// their text's address): every lines table is keyed by transaction_id and
// position, every table of a line's children by those and a number.
#define OG_LINES_PAGE_SQL(columns, table) \
  "SELECT " columns " FROM " table " WHERE transaction_id = ? ORDER BY position LIMIT ? OFFSET ?"
#define OG_LINE_CHILDREN_SQL(columns, table)          \
  "SELECT position, " columns " FROM " table          \
  " WHERE transaction_id = ? AND position BETWEEN ? " \
  "AND ? ORDER BY position, number"

// Lines `offset` .. `offset + limit - 1` in the order sent, each read by
// `read_line`; `sql` is an OG_LINES_PAGE_SQL.
template <class Line, class ReadLine>
std::vector<Line> lines_page(Db& db, const char* sql, std::string_view transaction_id, std::int64_t offset,
                             std::int64_t limit, ReadLine read_line) {
  auto s = db.prepare(sql);
  s.bind(1, transaction_id).bind(2, limit).bind(3, offset);
  std::vector<Line> out;
  while (s.step()) out.push_back(read_line(s));
  return out;
}

// The children of `lines`, a page read by lines_page: `add(line, statement)`
// for each row in number order (its columns from 1 on); `sql` is an
// OG_LINE_CHILDREN_SQL.
template <class Line, class Add>
void line_children(Db& db, const char* sql, std::string_view transaction_id, std::vector<Line>& lines, Add add) {
  if (lines.empty()) return;
  auto s = db.prepare(sql);
  s.bind(1, transaction_id).bind(2, lines.front().position).bind(3, lines.back().position);
  while (s.step()) add(lines[static_cast<std::size_t>(s.integer(0) - lines.front().position)], s);
}

// Stores `children` of the line at `position`, numbered in order: `sql`
// inserts (transaction_id, position, number, ...) and `bind(statement,
// child)` binds the rest from 4 on.
template <class Children, class Bind>
void insert_children(Db& db, const char* sql, std::string_view transaction_id, std::int64_t position,
                     const Children& children, Bind bind) {
  std::int64_t number = 0;
  for (const auto& child : children) {
    auto s = db.prepare(sql);
    s.bind(1, transaction_id).bind(2, position).bind(3, number++);
    bind(s, child);
    s.run();
  }
}

}  // namespace og::store::sql
