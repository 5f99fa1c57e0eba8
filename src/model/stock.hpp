// A dealer's stock transmission (Veloconnect stock-B2B/B2C-1.4) as the
// supplier keeps it: the transmission's header and one row per line.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "model/amount.hpp"
#include "rules/common/decimal.hpp"

namespace og::model {

enum class StockVariant { B2B, B2C };

struct StockTransmission {
  std::string transaction_id;
  std::string buyer_id;
  StockVariant variant = StockVariant::B2B;
  std::string create_date;  // xsd:dateTime as the dealer sent it
  std::string frequence;    // Complete | Incremental
  std::int64_t line_count = 0;
  std::string received_at;  // UTC, ISO-8601
  friend bool operator==(const StockTransmission&, const StockTransmission&) = default;
};

// A price as B2C lines carry it (gross, the shop's).
using StockPrice = Amount;

struct StockLine {
  std::int64_t position = 0;                   // zero-based, in the order sent
  std::optional<std::string> sellers_item_id;  // B2B: the supplier's item number
  std::optional<std::string> buyers_item_id;
  // B2C identifies items by what a shop knows of them.
  std::optional<std::string> ean;
  std::optional<std::string> manufacturer_item_id;
  std::optional<std::string> manufacturer_name;
  std::optional<std::string> marketplace_item_id;
  std::optional<rules::Decimal> quantity;
  std::optional<std::string> unit;
  std::optional<std::string> availability;  // Available | LimitedAvailable | NotAvailable
  std::optional<StockPrice> price;          // B2C BasePrice
  std::optional<StockPrice> special_price;  // B2C SpecialPrice
  std::optional<bool> orderable;
  std::optional<std::int64_t> delivery_min_days;
  std::optional<std::int64_t> delivery_max_days;
  std::optional<std::string> condition;  // BIDEX CO10..CO50
  // Whether the supplier carried the item when the line arrived: what
  // GetItemStatusStockTransmit answers as Available.
  bool carried = false;
  friend bool operator==(const StockLine&, const StockLine&) = default;
};

}  // namespace og::model
