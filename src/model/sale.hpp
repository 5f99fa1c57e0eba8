// A dealer's sale transmission (Veloconnect sale-B2B-1.6) as the supplier
// keeps it: the transmission's header and one row per line.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rules/common/decimal.hpp"

namespace og::model {

struct SaleTransmission {
  std::string transaction_id;
  std::string buyer_id;
  std::string create_date;  // xsd:dateTime as the dealer sent it
  std::int64_t line_count = 0;
  std::string received_at;  // UTC, ISO-8601
};

struct SalePrice {
  rules::Decimal amount;
  std::string currency;
};

struct SerialNumber {
  std::string id;
  std::string kind;  // receipt-1.3's SerialIDKind (FRAME, BATTERY, ...), as sent
  std::optional<std::string> description;
};

struct SaleLine {
  std::int64_t position = 0;  // zero-based, in the order sent
  std::string id;             // the dealer's line ID
  std::string sellers_item_id;
  std::optional<std::string> buyers_item_id;
  // Negative: goods returned (README).
  rules::Decimal quantity;
  std::string quantity_text;  // as sent, echoed in the status answer
  std::string sale_date;      // xsd:dateTime as sent
  std::optional<std::string> document_number;
  std::optional<SalePrice> price_gross;
  std::optional<SalePrice> price_net;
  std::optional<std::string> postal_code;
  std::vector<SerialNumber> serial_numbers;
  std::optional<std::string> sales_channel;  // RETAIL | ONLINE | LEASING | PARTNER
};

}  // namespace og::model
