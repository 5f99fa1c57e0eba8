#include "store/sql/transmission_rows.hpp"

#include "store/sql/rows.hpp"

namespace og::store::sql {

void bind_optional(Statement& s, int index, const std::optional<std::int64_t>& v) {
  if (v)
    s.bind(index, *v);
  else
    s.bind_null(index);
}

std::optional<std::int64_t> optional_integer(const Statement& s, int column) {
  if (s.is_null(column)) return std::nullopt;
  return s.integer(column);
}

void bind_amount(Statement& s, int index, const std::optional<model::Amount>& a) {
  if (a)
    s.bind(index, a->amount.units()).bind(index + 1, a->currency);
  else
    s.bind_null(index).bind_null(index + 1);
}

std::optional<model::Amount> amount_column(const Statement& s, int column) {
  if (s.is_null(column)) return std::nullopt;
  return model::Amount{decimal_column(s, column), s.text(column + 1)};
}

}  // namespace og::store::sql
