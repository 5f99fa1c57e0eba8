// The Order transaction: instances per (buyer, TransactionID) moving through
// the states 1 -> 2 -> 100 (or 199 after Rollback). Every change is one unit of
// work in the store. The face has checked the credentials (410/411 come first)
// and passes what it found: the rules need them for their own checks.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog/catalog.hpp"
#include "core/clock.hpp"
#include "core/context.hpp"
#include "core/veloconnect/caller.hpp"
#include "core/veloconnect/lifecycle.hpp"
#include "core/veloconnect/result.hpp"
#include "model/veloconnect.hpp"
#include "rules/veloconnect/transaction_rules.hpp"

namespace og::store {
class ReadView;
class TransactionReader;
class TransactionWriter;
class UnitOfWork;
}  // namespace og::store

namespace og::core::veloconnect {

using rules::veloconnect::Credentials;

struct LineInput {
  std::string item_id;
  rules::Decimal quantity;
  std::optional<std::string> unit;
  std::optional<std::string> buyers_item_id;
  std::optional<std::string> delivery_date;  // YYYY-MM-DD
  std::optional<bool> backlog;
};

struct LineView {
  model::Line line;
  std::optional<model::Item> item;  // nullopt if the item has left the catalog
  rules::veloconnect::AvailabilityDecision availability;
};

struct ReplacementNotice {
  std::string item_id;
  std::vector<std::string> replacements;
};

struct OrderView {
  model::Transaction transaction;
  std::vector<LineView> lines;                  // every line of the order
  std::vector<ReplacementNotice> replacements;  // produced by this request
  std::vector<std::string> unknown;             // produced by this request
};

class OrderTransactions {
 public:
  OrderTransactions(const Catalog& catalog, const Clock& clock, const Lifecycle& lifecycle)
      : catalog_(catalog), clock_(clock), lifecycle_(lifecycle) {}

  Task<Result<OrderView>> create(Context& ctx, Credentials credentials, const Caller& caller,
                                 const std::vector<LineInput>& lines);
  Task<Result<OrderView>> update(Context& ctx, Credentials credentials, const Caller& caller,
                                 const std::string& transaction_id, const std::vector<LineInput>& lines);
  Task<Result<OrderView>> view(Context& ctx, Credentials credentials, const Caller& caller,
                               const std::string& transaction_id);
  // On success the view's transaction carries order_id and issue_date.
  Task<Result<OrderView>> finish(Context& ctx, Credentials credentials, const Caller& caller,
                                 const std::string& transaction_id);
  Task<Result<model::Transaction>> rollback(Context& ctx, Credentials credentials, const Caller& caller,
                                            const std::string& transaction_id);
  // One instance, or (without an ID) every open instance of the buyer.
  Task<Result<std::vector<model::Transaction>>> status(Context& ctx, Credentials credentials, const Caller& caller,
                                                       const std::optional<std::string>& transaction_id);

 private:
  struct Applied {
    std::vector<ReplacementNotice> replacements;
    std::vector<std::string> unknown;
    // The order's lines after the change, with their items where the request
    // named them, so that the answer needs no second reading.
    std::vector<std::pair<model::Line, std::optional<model::Item>>> lines;
  };
  std::optional<Failure> apply_lines(store::UnitOfWork& uow, std::string_view seller, const std::string& transaction_id,
                                     const std::vector<LineInput>& lines, Applied& applied);
  std::vector<LineView> line_views(store::ReadView& reader, std::string_view seller,
                                   const std::string& transaction_id) const;
  std::vector<LineView> line_views(store::ReadView& reader, std::string_view seller, Applied& applied) const;
  LineView line_view(model::Line line, std::optional<model::Item> item) const;
  // What is stored of an instance whose step answered `reported`
  // (rules::veloconnect::resting_state); empties the permanent instance.
  static model::Transaction resting(store::TransactionWriter& writer, const model::Transaction& reported);
  Task<Result<OrderView>> change(Context& ctx, rules::veloconnect::Step step, Credentials credentials,
                                 const Caller& caller, const std::string& transaction_id,
                                 const std::vector<LineInput>& lines);

  const Catalog& catalog_;
  const Clock& clock_;
  const Lifecycle& lifecycle_;
};

}  // namespace og::core::veloconnect
