// One seller's receipts (ReadView::receipts(seller)): the delivery notes and
// invoices its ERP loaded, and the orders ordergate took seen as order
// confirmations. Every read names the buyer: a buyer never reaches another
// buyer's documents.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/receipt.hpp"
#include "model/veloconnect.hpp"

namespace og::store {

class ReceiptReader {
 public:
  virtual ~ReceiptReader() = default;
  // The buyer's documents of `kind` issued from `from` to `thru` (inclusive,
  // YYYY-MM-DD), newest first (IssueDate, then ID, descending), those that
  // `accept` takes, at most `limit`.
  virtual std::vector<model::ReceiptHeader> receipt_headers(
      model::ReceiptKind kind, std::string_view buyer_id, std::string_view from, std::string_view thru,
      const std::function<bool(const model::ReceiptHeader&)>& accept, std::size_t limit) = 0;
  // One document of the buyer, whole.
  virtual std::optional<model::ReceiptDocument> receipt(model::ReceiptKind kind, std::string_view buyer_id,
                                                        std::string_view id) = 0;
  // The buyer's finished (non-test) orders issued from `from` to `thru`,
  // newest first (issue date, then ID, descending), those that `accept`
  // takes, at most `limit`.
  virtual std::vector<model::Order> buyer_orders(std::string_view buyer_id, std::string_view from,
                                                 std::string_view thru,
                                                 const std::function<bool(const model::Order&)>& accept,
                                                 std::size_t limit) = 0;
  // One finished order of the buyer.
  virtual std::optional<model::Order> buyer_order(std::string_view buyer_id, std::string_view order_id) = 0;
  // How many documents of `kind` the seller has (operator's report, tests).
  virtual std::int64_t count_receipts(model::ReceiptKind kind) = 0;
};

class ReceiptWriter : public ReceiptReader {
 public:
  // Stores `document` whole; one of the same kind and ID (of any buyer of
  // this seller) is replaced, lines and all. Returns true if it replaced one.
  virtual bool put_receipt(const model::ReceiptDocument& document) = 0;
};

}  // namespace og::store
