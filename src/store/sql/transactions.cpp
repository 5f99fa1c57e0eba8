#include "store/sql/transactions.hpp"

#include <cstdio>

#include "store/sql/purge.hpp"
#include "store/sql/rows.hpp"
#include "store/store.hpp"

namespace og::store::sql {

std::optional<model::Transaction> SqlTransactions::transaction(std::string_view buyer_id, std::string_view id) {
  auto s = db_.prepare("SELECT " OG_TXN_COLUMNS " FROM transactions WHERE id = ? AND seller_id = ? AND buyer_id = ?");
  s.bind(1, id).bind(2, seller_).bind(3, buyer_id);
  if (!s.step()) return std::nullopt;
  return read_transaction(s);
}

std::vector<model::Line> SqlTransactions::lines(std::string_view transaction_id) {
  auto s = db_.prepare(
      "SELECT item_id, position, quantity, unit, unit_price, currency, buyers_item_id, delivery_date, backlog "
      "FROM order_lines WHERE transaction_id = ? ORDER BY position");
  s.bind(1, transaction_id);
  std::vector<model::Line> out;
  while (s.step()) {
    model::Line l;
    l.item_id = s.text(0);
    l.position = s.integer(1);
    l.quantity = decimal_column(s, 2);
    l.unit = s.text(3);
    l.unit_price = decimal_column(s, 4);
    l.currency = s.text(5);
    l.buyers_item_id = s.optional_text(6);
    l.delivery_date = s.optional_text(7);
    if (!s.is_null(8)) l.backlog = s.integer(8) != 0;
    out.push_back(std::move(l));
  }
  return out;
}

std::vector<model::Transaction> SqlTransactions::open_transactions(std::string_view buyer_id) {
  auto s =
      db_.prepare("SELECT " OG_TXN_COLUMNS
                  " FROM transactions WHERE seller_id = ? AND buyer_id = ? AND state < 100 ORDER BY created_at, id");
  s.bind(1, seller_).bind(2, buyer_id);
  std::vector<model::Transaction> out;
  while (s.step()) out.push_back(read_transaction(s));
  return out;
}

std::int64_t SqlTransactions::count_open_transactions(std::string_view buyer_id) {
  auto s = db_.prepare("SELECT count(*) FROM transactions WHERE seller_id = ? AND buyer_id = ? AND state < 100");
  s.bind(1, seller_).bind(2, buyer_id);
  return s.step() ? s.integer(0) : 0;
}

void SqlTransactions::insert_transaction(const model::Transaction& r) {
  auto s = db_.prepare("INSERT INTO transactions (" OG_TXN_COLUMNS ", seller_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  s.bind(1, r.id).bind(2, r.buyer_id).bind(3, kind_code(r.kind)).bind(4, std::int64_t{r.state});
  s.bind(5, std::int64_t{r.is_test}).bind(6, r.search_string).bind(7, r.total_count).bind(8, r.order_id);
  s.bind(9, r.issue_date).bind(10, r.created_at).bind(11, r.updated_at).bind(12, seller_);
  s.run();
}

void SqlTransactions::update_transaction(const model::Transaction& r) {
  auto s = db_.prepare(
      "UPDATE transactions SET state = ?, order_id = ?, issue_date = ?, total_count = ?, updated_at = ? "
      "WHERE id = ? AND seller_id = ? AND buyer_id = ?");
  s.bind(1, std::int64_t{r.state}).bind(2, r.order_id).bind(3, r.issue_date).bind(4, r.total_count);
  s.bind(5, r.updated_at).bind(6, r.id).bind(7, seller_).bind(8, r.buyer_id);
  s.run();
  if (db_.changes() != 1) throw StoreError("update_transaction: no such transaction " + r.id);
}

void SqlTransactions::put_line(std::string_view transaction_id, const model::Line& l) {
  auto s = db_.prepare(
      "INSERT INTO order_lines (transaction_id, item_id, position, quantity, unit, unit_price, currency, "
      "buyers_item_id, delivery_date, backlog) VALUES (?,?,?,?,?,?,?,?,?,?) "
      "ON CONFLICT (transaction_id, item_id) DO UPDATE SET quantity = excluded.quantity, unit = excluded.unit, "
      "unit_price = excluded.unit_price, currency = excluded.currency, buyers_item_id = excluded.buyers_item_id, "
      "delivery_date = excluded.delivery_date, backlog = excluded.backlog");
  s.bind(1, transaction_id).bind(2, l.item_id).bind(3, l.position).bind(4, l.quantity.units()).bind(5, l.unit);
  s.bind(6, l.unit_price.units()).bind(7, l.currency).bind(8, l.buyers_item_id).bind(9, l.delivery_date);
  if (l.backlog)
    s.bind(10, std::int64_t{*l.backlog});
  else
    s.bind_null(10);
  s.run();
}

void SqlTransactions::remove_line(std::string_view transaction_id, std::string_view item_id) {
  auto s = db_.prepare("DELETE FROM order_lines WHERE transaction_id = ? AND item_id = ?");
  s.bind(1, transaction_id).bind(2, item_id);
  s.run();
}

void SqlTransactions::clear_lines(std::string_view transaction_id) {
  auto s = db_.prepare("DELETE FROM order_lines WHERE transaction_id = ?");
  s.bind(1, transaction_id);
  s.run();
}

void SqlTransactions::move_lines(std::string_view from, std::string_view to) {
  auto s = db_.prepare("UPDATE order_lines SET transaction_id = ? WHERE transaction_id = ?");
  s.bind(1, to).bind(2, from);
  s.run();
}

std::string SqlTransactions::insert_order(const model::Order& o) {
  std::int64_t number = 1;
  {
    auto s = db_.prepare("SELECT COALESCE(MAX(number), 0) + 1 FROM orders");
    if (s.step()) number = s.integer(0);
  }
  char id[32];
  std::snprintf(id, sizeof id, "OG-%08lld", static_cast<long long>(number));
  auto s = db_.prepare(
      "INSERT INTO orders (number, id, transaction_id, buyer_id, issue_date, total, currency, created_at, seller_id, "
      "lines_key) VALUES (?,?,?,?,?,?,?,?,?,?)");
  s.bind(1, number).bind(2, std::string_view(id)).bind(3, o.transaction_id).bind(4, o.buyer_id);
  s.bind(5, o.issue_date).bind(6, o.total.units()).bind(7, o.currency).bind(8, o.created_at).bind(9, seller_);
  s.bind(10, o.lines_key.empty() ? std::string_view(o.transaction_id) : std::string_view(o.lines_key));
  s.run();
  return id;
}

std::int64_t SqlTransactions::count_open_transactions(std::string_view buyer_id, model::TransactionKind kind,
                                                      std::string_view active_since) {
  auto s = db_.prepare(
      "SELECT count(*) FROM transactions WHERE seller_id = ? AND buyer_id = ? AND state < 100 AND kind = ? AND "
      "updated_at >= ?");
  s.bind(1, seller_).bind(2, buyer_id).bind(3, kind_code(kind)).bind(4, active_since);
  return s.step() ? s.integer(0) : 0;
}

std::optional<model::Transaction> SqlTransactions::least_recent_open_transaction(std::string_view buyer_id,
                                                                                 model::TransactionKind kind) {
  auto s = db_.prepare("SELECT " OG_TXN_COLUMNS
                       " FROM transactions WHERE seller_id = ? AND buyer_id = ? AND state < 100 AND kind = ? "
                       "ORDER BY updated_at, id LIMIT 1");
  s.bind(1, seller_).bind(2, buyer_id).bind(3, kind_code(kind));
  if (!s.step()) return std::nullopt;
  return read_transaction(s);
}

std::int64_t SqlTransactions::end_idle_transactions(model::TransactionKind kind, std::string_view idle_before,
                                                    int state, std::string_view now) {
  auto s = db_.prepare(
      "UPDATE transactions SET state = ?, updated_at = ? WHERE state < 100 AND kind = ? AND updated_at < ?");
  s.bind(1, std::int64_t{state}).bind(2, now).bind(3, kind_code(kind)).bind(4, idle_before);
  s.run();
  return db_.changes();
}

std::int64_t SqlTransactions::purge_ended_transactions(std::string_view before, std::int64_t limit) {
  // Ended and not a finished order of the seller's: searches (kind 2), stock
  // and sale transmissions (kinds 4, 5 and 6: the instance only; what the
  // dealer sent stays in stock_lines, sale_lines and sale_b2x_lines), and
  // orders that were rolled back, ended by the server or only a test.
  static constexpr Purge kEnded{
      "WITH gone AS (SELECT id FROM transactions WHERE state >= 100 AND updated_at < ? AND "
      "(kind IN (2, 4, 5, 6) OR state <> 100 OR is_test = 1) LIMIT ?), "
      "lines AS (DELETE FROM order_lines WHERE transaction_id IN (SELECT id FROM gone)) "
      "DELETE FROM transactions WHERE id IN (SELECT id FROM gone)",
      "CREATE TEMP TABLE IF NOT EXISTS purge_ids (id TEXT PRIMARY KEY) WITHOUT ROWID",
      "DELETE FROM purge_ids",
      "INSERT INTO purge_ids SELECT id FROM transactions WHERE state >= 100 AND updated_at < ? AND "
      "(kind IN (2, 4, 5, 6) OR state <> 100 OR is_test = 1) LIMIT ?",
      "DELETE FROM order_lines WHERE transaction_id IN (SELECT id FROM purge_ids)",
      "DELETE FROM transactions WHERE id IN (SELECT id FROM purge_ids)"};
  return purge(db_, kEnded, before, limit);
}

std::vector<model::Order> SqlTransactions::orders_since(std::string_view since, std::int64_t after_number,
                                                        std::int64_t limit) {
  auto s = db_.prepare(
      "SELECT number, id, transaction_id, lines_key, buyer_id, issue_date, total, currency, created_at FROM orders "
      "WHERE seller_id = ? AND created_at >= ? AND number > ? ORDER BY number LIMIT ?");
  s.bind(1, seller_).bind(2, since).bind(3, after_number).bind(4, limit);
  std::vector<model::Order> out;
  while (s.step())
    out.push_back({s.integer(0), s.text(1), s.text(2), s.text(4), s.text(5), decimal_column(s, 6), s.text(7), s.text(8),
                   s.text(3)});
  return out;
}

}  // namespace og::store::sql
