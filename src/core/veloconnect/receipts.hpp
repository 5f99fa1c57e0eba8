// The receipt module (receipt-1.3): a buyer's order confirmations (the
// orders ordergate took), delivery notes and invoices (what the seller's ERP
// loaded), by Query (headers in a date window, filtered by what they refer
// to) and Details (whole documents by ID). Offers: ordergate has no source of
// offers, so their Query lists none and every OfferID is unknown (README).
// A buyer sees its own documents of the seller it addressed only; another
// buyer's (or seller's) ID is unknown, exactly like an ID that never existed.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "core/veloconnect/caller.hpp"
#include "core/veloconnect/result.hpp"
#include "model/receipt.hpp"
#include "rules/veloconnect/receipts.hpp"
#include "rules/veloconnect/transaction_rules.hpp"

namespace og::core::veloconnect {

enum class ReceiptType { Offer, OrderConfirmation, DeliveryNote, Invoice };

struct ReceiptQueryInput {
  std::optional<rules::Date> from;
  std::optional<rules::Date> thru;
  rules::veloconnect::ReferenceFilter filter;
};

struct HeaderList {
  rules::veloconnect::DateWindow covered;  // the DateRange to echo
  // Newest first. Order confirmations: id, issue date, order_ids = {the order}.
  std::vector<model::ReceiptHeader> headers;
  bool complete = true;
  bool partial_day = false;
};

struct DetailsList {
  // In the order asked, each once. Order confirmations come as documents of
  // their own: one line per order line, LineID its position, each referring
  // to the order and that line.
  std::vector<model::ReceiptDocument> documents;
  std::vector<std::string> unknown;  // as asked, each once
};

class Receipts {
 public:
  Receipts(const Clock& clock, rules::veloconnect::ReceiptLimits limits) : clock_(clock), limits_(limits) {}

  // More filter IDs (all kinds together) than a Details request may name: 400.
  Task<Result<HeaderList>> query(Context& ctx, rules::veloconnect::Credentials credentials, const Caller& caller,
                                 ReceiptType type, const ReceiptQueryInput& input) const;
  // More IDs than the limit: 400, nothing read.
  Task<Result<DetailsList>> details(Context& ctx, rules::veloconnect::Credentials credentials, const Caller& caller,
                                    ReceiptType type, const std::vector<std::string>& ids) const;

  const rules::veloconnect::ReceiptLimits& limits() const { return limits_; }

 private:
  const Clock& clock_;
  rules::veloconnect::ReceiptLimits limits_;
};

}  // namespace og::core::veloconnect
