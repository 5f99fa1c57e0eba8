// Receipts (Veloconnect receipt-1.3): delivery notes and invoices the seller's
// ERP loads (`ordergate import delivery-notes|invoices`), one buyer each.
// Order confirmations are not stored as receipts: they are the orders
// ordergate took (model::Order and its lines). Dates are YYYY-MM-DD.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "rules/common/decimal.hpp"

namespace og::model {

using rules::Decimal;

enum class ReceiptKind {
  DeliveryNote = 1,  // stored kinds (migration 9)
  Invoice = 2,
};

// Where a line comes from: a document's ID and, optionally, its line.
struct LineReference {
  std::string id;
  std::optional<std::string> line_id;
  friend bool operator==(const LineReference&, const LineReference&) = default;
};

struct ReceiptLine {
  std::string line_id;  // LineID, unique within its document
  std::optional<LineReference> order;
  std::optional<LineReference> confirmation;
  std::optional<LineReference> delivery_note;  // invoices
  std::optional<std::string> delivery_date;
  Decimal quantity;
  std::string unit;  // UN/ECE Rec. 20
  std::string item_id;
  std::optional<std::string> description;
  std::optional<std::string> buyers_item_id;
  Decimal unit_price;  // net, per `unit`
  Decimal line_price;  // net
  std::string currency;
  friend bool operator==(const ReceiptLine&, const ReceiptLine&) = default;
};

// One VAT rate of an invoice: the net amount taxed at it and the tax.
struct VatAmount {
  Decimal rate;  // percent
  Decimal taxable;
  Decimal amount;
  friend bool operator==(const VatAmount&, const VatAmount&) = default;
};

struct ReceiptDocument {
  ReceiptKind kind = ReceiptKind::DeliveryNote;
  std::string id;
  std::string buyer_id;
  std::string issue_date;
  std::optional<std::string> description;
  std::vector<std::string> tracking_urls;  // delivery notes
  std::optional<std::string> url;          // InvoiceURL
  std::string currency;
  Decimal gross_sum;  // invoices
  Decimal net_sum;
  std::vector<VatAmount> vat;
  std::vector<ReceiptLine> lines;  // in LineID order as loaded
  friend bool operator==(const ReceiptDocument&, const ReceiptDocument&) = default;
};

// A document's header: what a Query answer lists, and what its filters see.
struct ReceiptHeader {
  std::string id;
  std::string issue_date;
  std::optional<std::string> description;
  std::vector<std::string> order_ids;  // referred to by its lines, in order of first appearance
  std::vector<std::string> confirmation_ids;
  std::vector<std::string> delivery_note_ids;
};

}  // namespace og::model
