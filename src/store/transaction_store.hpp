// Veloconnect transaction instances, their order lines and finished orders.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/veloconnect.hpp"

namespace og::store {

class TransactionReader {
 public:
  virtual ~TransactionReader() = default;
  virtual std::optional<model::Transaction> transaction(std::string_view buyer_id, std::string_view id) = 0;
  virtual std::vector<model::Line> lines(std::string_view transaction_id) = 0;
  virtual std::vector<model::Transaction> open_transactions(std::string_view buyer_id) = 0;
  virtual std::int64_t count_open_transactions(std::string_view buyer_id) = 0;
  // Open instances of `kind` changed at or after `active_since` (UTC, ISO-8601):
  // the ones that are not idle too long.
  virtual std::int64_t count_open_transactions(std::string_view buyer_id, model::TransactionKind kind,
                                               std::string_view active_since) = 0;
  // The open instance of `kind` changed longest ago.
  virtual std::optional<model::Transaction> least_recent_open_transaction(std::string_view buyer_id,
                                                                          model::TransactionKind kind) = 0;
  // This seller's orders taken at or after `since` (UTC, ISO-8601), numbered
  // above `after_number`, oldest first, at most `limit`: a page of an export.
  virtual std::vector<model::Order> orders_since(std::string_view since, std::int64_t after_number,
                                                 std::int64_t limit) = 0;
};

class TransactionWriter : public TransactionReader {
 public:
  virtual void insert_transaction(const model::Transaction& transaction) = 0;
  virtual void update_transaction(const model::Transaction& transaction) = 0;
  virtual void put_line(std::string_view transaction_id, const model::Line& line) = 0;
  virtual void remove_line(std::string_view transaction_id, std::string_view item_id) = 0;
  virtual void clear_lines(std::string_view transaction_id) = 0;
  // Every line of `from` now belongs to `to` (a finished order's own key).
  virtual void move_lines(std::string_view from, std::string_view to) = 0;
  // Assigns the next order number and returns the order's ID.
  virtual std::string insert_order(const model::Order& order) = 0;
  // Every open instance of `kind` changed before `idle_before` goes to `state`
  // (changed `now`). Returns how many.
  virtual std::int64_t end_idle_transactions(model::TransactionKind kind, std::string_view idle_before, int state,
                                             std::string_view now) = 0;
  // Deletes up to `limit` ended instances changed before `before` (UTC,
  // ISO-8601) with their lines: searches, rolled back or ended orders, test
  // orders. Finished orders stay (they are the seller's business records).
  virtual std::int64_t purge_ended_transactions(std::string_view before, std::int64_t limit) = 0;
};

}  // namespace og::store
