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
};

class TransactionWriter : public TransactionReader {
 public:
  virtual void insert_transaction(const model::Transaction& transaction) = 0;
  virtual void update_transaction(const model::Transaction& transaction) = 0;
  virtual void put_line(std::string_view transaction_id, const model::Line& line) = 0;
  virtual void remove_line(std::string_view transaction_id, std::string_view item_id) = 0;
  // Assigns the next order number and returns the order's ID.
  virtual std::string insert_order(const model::Order& order) = 0;
};

}  // namespace og::store
