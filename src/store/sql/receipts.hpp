// The receipt tables (SQLite migration 13) and, seen as order confirmations,
// the orders table, on a store's connection: the same statements for SQLite
// and PostgreSQL.
#pragma once
#include "store/receipt_store.hpp"
#include "store/sql/db.hpp"

namespace og::store::sql {

// One seller's receipts.
class SqlReceipts final : public ReceiptWriter {
 public:
  SqlReceipts(Db& db, std::string seller) : db_(db), seller_(std::move(seller)) {}

  std::vector<model::ReceiptHeader> receipt_headers(model::ReceiptKind kind, std::string_view buyer_id,
                                                    std::string_view from, std::string_view thru,
                                                    const std::function<bool(const model::ReceiptHeader&)>& accept,
                                                    std::size_t limit) override;
  std::optional<model::ReceiptDocument> receipt(model::ReceiptKind kind, std::string_view buyer_id,
                                                std::string_view id) override;
  std::vector<model::Order> buyer_orders(std::string_view buyer_id, std::string_view from, std::string_view thru,
                                         const std::function<bool(const model::Order&)>& accept,
                                         std::size_t limit) override;
  std::optional<model::Order> buyer_order(std::string_view buyer_id, std::string_view order_id) override;
  std::int64_t count_receipts(model::ReceiptKind kind) override;

  bool put_receipt(const model::ReceiptDocument& document) override;

 private:
  Db& db_;
  std::string seller_;
};

}  // namespace og::store::sql
