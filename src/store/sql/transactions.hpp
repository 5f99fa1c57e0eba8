// Veloconnect's transaction, order-line and order tables on a store's
// connection: the same statements for SQLite and PostgreSQL.
#pragma once
#include "store/sql/db.hpp"
#include "store/transaction_store.hpp"

namespace og::store::sql {

// One seller's transactions and orders. end_idle_transactions and
// purge_ended_transactions are the janitor's: they work across every seller.
class SqlTransactions final : public TransactionWriter {
 public:
  SqlTransactions(Db& db, std::string seller) : db_(db), seller_(std::move(seller)) {}

  std::optional<model::Transaction> transaction(std::string_view buyer_id, std::string_view id) override;
  std::vector<model::Line> lines(std::string_view transaction_id) override;
  std::vector<model::Transaction> open_transactions(std::string_view buyer_id) override;
  std::int64_t count_open_transactions(std::string_view buyer_id) override;
  std::int64_t count_open_transactions(std::string_view buyer_id, model::TransactionKind kind,
                                       std::string_view active_since) override;
  std::optional<model::Transaction> least_recent_open_transaction(std::string_view buyer_id,
                                                                  model::TransactionKind kind) override;
  std::vector<model::Order> orders_since(std::string_view since, std::int64_t after_number,
                                         std::int64_t limit) override;

  void insert_transaction(const model::Transaction& transaction) override;
  void update_transaction(const model::Transaction& transaction) override;
  void put_line(std::string_view transaction_id, const model::Line& line) override;
  void remove_line(std::string_view transaction_id, std::string_view item_id) override;
  void clear_lines(std::string_view transaction_id) override;
  void move_lines(std::string_view from, std::string_view to) override;
  std::string insert_order(const model::Order& order) override;
  std::int64_t end_idle_transactions(model::TransactionKind kind, std::string_view idle_before, int state,
                                     std::string_view now) override;
  std::int64_t purge_ended_transactions(std::string_view before, std::int64_t limit) override;

 private:
  Db& db_;
  std::string seller_;
};

}  // namespace og::store::sql
