// The Order transaction: instances per (buyer, TransactionID) moving through
// the states 1 -> 2 -> 100 (or 199 after Rollback). Every change is one unit of
// work in the store; an answer is built only after it committed.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/buyer_auth.hpp"
#include "core/caller.hpp"
#include "core/catalog.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "store/store.hpp"

namespace og::core {

struct LineInput {
  std::string item_id;
  rules::Decimal quantity;
  std::optional<std::string> unit;
  std::optional<std::string> buyers_item_id;
  std::optional<std::string> delivery_date;  // YYYY-MM-DD
  std::optional<bool> backlog;
};

struct LineView {
  store::LineRecord line;
  std::optional<store::ItemRecord> item;  // nullopt if the item has left the catalog
  rules::veloconnect::AvailabilityDecision availability;
};

struct ReplacementNotice {
  std::string item_id;
  std::vector<std::string> replacements;
};

struct OrderView {
  store::TransactionRecord transaction;
  std::vector<LineView> lines;                  // every line of the order
  std::vector<ReplacementNotice> replacements;  // produced by this request
  std::vector<std::string> unknown;             // produced by this request
};

struct TransactionLimits {
  long max_open_per_buyer = 1000;
};

class OrderTransactions {
 public:
  OrderTransactions(store::Store& store, BuyerAuth& auth, Catalog& catalog, const Clock& clock,
                    TransactionLimits limits)
      : store_(store), auth_(auth), catalog_(catalog), clock_(clock), limits_(limits) {}

  Result<OrderView> create(const Caller& caller, const std::vector<LineInput>& lines);
  Result<OrderView> update(const Caller& caller, std::string_view transaction_id, const std::vector<LineInput>& lines);
  Result<OrderView> view(const Caller& caller, std::string_view transaction_id);
  // On success the view's transaction carries order_id and issue_date.
  Result<OrderView> finish(const Caller& caller, std::string_view transaction_id);
  Result<store::TransactionRecord> rollback(const Caller& caller, std::string_view transaction_id);
  // One instance, or (without an ID) every open instance of the buyer.
  Result<std::vector<store::TransactionRecord>> status(const Caller& caller,
                                                       std::optional<std::string_view> transaction_id);

 private:
  struct Applied {
    std::vector<ReplacementNotice> replacements;
    std::vector<std::string> unknown;
    // The order's lines after the change, with their items where the request
    // named them, so that the answer needs no second reading.
    std::vector<std::pair<store::LineRecord, std::optional<store::ItemRecord>>> lines;
  };
  std::optional<Failure> apply_lines(store::UnitOfWork& uow, const std::string& transaction_id,
                                     const std::vector<LineInput>& lines, Applied& applied);
  std::vector<LineView> line_views(store::Reader& reader, const std::string& transaction_id);
  std::vector<LineView> line_views(store::Reader& reader, Applied& applied);
  LineView line_view(store::LineRecord line, std::optional<store::ItemRecord> item) const;
  Result<OrderView> change(rules::veloconnect::Step step, const Caller& caller, std::string_view transaction_id,
                           const std::vector<LineInput>& lines);

  store::Store& store_;
  BuyerAuth& auth_;
  Catalog& catalog_;
  const Clock& clock_;
  TransactionLimits limits_;
};

}  // namespace og::core
