// Veloconnect transaction instances, their order lines and finished orders.
// Decimals are exact (rules::Decimal); dates are ISO-8601 text as the protocol
// carries them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "rules/common/decimal.hpp"
#include "rules/veloconnect/transaction_rules.hpp"

namespace og::model {

using rules::Decimal;
using rules::veloconnect::TransactionKind;

struct Transaction {
  std::string id;
  std::string buyer_id;
  TransactionKind kind = TransactionKind::Order;
  int state = 1;
  bool is_test = false;
  std::string search_string;     // TextSearch
  std::int64_t total_count = 0;  // TextSearch
  std::optional<std::string> order_id;
  std::optional<std::string> issue_date;
  std::string created_at;  // UTC, ISO-8601
  std::string updated_at;
};

struct Line {
  std::string item_id;
  std::int64_t position = 0;
  Decimal quantity;  // in `unit`, the item's order unit
  std::string unit;
  Decimal unit_price;  // net, per `unit`, as agreed when the line last changed
  std::string currency;
  std::optional<std::string> buyers_item_id;
  std::optional<std::string> delivery_date;
  std::optional<bool> backlog;
};

struct Order {
  std::int64_t number = 0;  // orders are numbered in the order they were taken
  std::string id;
  std::string transaction_id;
  std::string buyer_id;
  std::string issue_date;
  Decimal total;
  std::string currency;
  std::string created_at;
  // Where the order's lines are kept (order_lines' transaction_id): the
  // TransactionID, except for the permanent OrderInOnlineShop instance, whose
  // finished orders share its TransactionID and each keep their lines apart.
  // Empty: the TransactionID.
  std::string lines_key;
};

}  // namespace og::model
