// A dealer's sale transmission (Veloconnect sale-B2B-1.6, or sale-B2X-1.6 to
// a third party) as the receiver keeps it: the transmission's header and one
// row per line.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/amount.hpp"
#include "rules/common/decimal.hpp"

namespace og::model {

struct SaleTransmission {
  std::string transaction_id;
  std::string buyer_id;
  std::string create_date;  // xsd:dateTime as the dealer sent it
  std::int64_t line_count = 0;
  std::string received_at;  // UTC, ISO-8601
  friend bool operator==(const SaleTransmission&, const SaleTransmission&) = default;
};

using SalePrice = Amount;

struct SerialNumber {
  std::string id;
  std::string kind;  // receipt-1.3's SerialIDKind (FRAME, BATTERY, ...), as sent
  std::optional<std::string> description;
  friend bool operator==(const SerialNumber&, const SerialNumber&) = default;
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
  friend bool operator==(const SaleLine&, const SaleLine&) = default;
};

// A cbc code with the code list it comes from.
struct ClassificationCode {
  std::string value;
  std::optional<std::string> list_id;
  std::optional<std::string> list_agency_id;
  friend bool operator==(const ClassificationCode&, const ClassificationCode&) = default;
};

// cac:CommodityClassification: what a service line is instead of an item.
struct CommodityClassification {
  std::optional<ClassificationCode> nature_code;
  std::optional<ClassificationCode> cargo_type_code;
  std::optional<ClassificationCode> commodity_code;
  std::optional<ClassificationCode> item_classification_code;
  friend bool operator==(const CommodityClassification&, const CommodityClassification&) = default;
};

// One cbc:Quantity of a B2X line (the standard allows two, e.g. pieces and
// hours).
struct SaleQuantity {
  rules::Decimal amount;  // negative: goods returned
  std::string text;       // as sent, echoed in the status answer
  std::optional<std::string> unit;
  friend bool operator==(const SaleQuantity&, const SaleQuantity&) = default;
};

// A line sold to a third party (sale-B2X-1.6): goods named by EAN or the
// manufacturer's number and brand, or a service named by its classification
// and description; none of it is required beyond ID and SaleDate.
struct SaleB2XLine {
  std::int64_t position = 0;  // zero-based, in the order sent
  std::string id;             // the dealer's line ID
  std::optional<std::string> standard_item_id;
  std::optional<CommodityClassification> classification;
  std::optional<std::string> manufacturers_item_id;
  std::optional<std::string> manufacturer_name;  // the brand, the identification's IssuerParty
  std::optional<std::string> buyers_item_id;
  std::optional<std::string> description;
  std::optional<std::string> description_language;
  std::optional<std::string> bidex_group_key;  // as sent (up to six digits)
  std::string sale_date;                       // xsd:dateTime as sent
  std::vector<SaleQuantity> quantities;        // at most two
  std::optional<std::string> document_number;
  std::optional<SalePrice> price_gross;
  std::optional<SalePrice> price_net;
  std::optional<SalePrice> recommended_retail_price;
  std::optional<std::string> postal_code;
  std::optional<std::string> sales_channel;  // RETAIL | ONLINE | LEASING | PARTNER
  friend bool operator==(const SaleB2XLine&, const SaleB2XLine&) = default;
};

}  // namespace og::model
