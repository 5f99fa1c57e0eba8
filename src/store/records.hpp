// Plain records the store keeps. Decimals are exact (rules::Decimal); dates are
// ISO-8601 text as the protocols carry them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rules/common/decimal.hpp"

namespace og::store {

using rules::Decimal;

struct BuyerRecord {
  std::string id;
  std::string name;
  std::string password_salt;  // raw bytes
  std::string password_hash;  // raw bytes, PBKDF2-HMAC-SHA256
  int password_iterations = 0;
};

struct ItemRecord {
  std::string id;  // the seller's item number (SellersItemIdentification)
  std::string description;
  std::string order_unit;  // UN/ECE Rec. 20
  std::string base_unit;
  Decimal base_per_order_unit = Decimal::from_int(1);
  Decimal step = Decimal::from_int(1);
  std::optional<std::string> ean;
  std::optional<std::string> manufacturer;
  std::optional<std::string> manufacturer_item_id;
  Decimal price;  // net, per order unit
  std::string currency;
  std::optional<Decimal> recommended_retail_price;  // gross, per order unit
  Decimal stock;                                    // in the order unit
  std::optional<std::string> next_delivery;         // YYYY-MM-DD
};

enum class TransactionKind : int { Order = 1, TextSearch = 2 };

struct TransactionRecord {
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

struct LineRecord {
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

struct OrderRecord {
  std::string id;
  std::string transaction_id;
  std::string buyer_id;
  std::string issue_date;
  Decimal total;
  std::string currency;
  std::string created_at;
};

}  // namespace og::store
