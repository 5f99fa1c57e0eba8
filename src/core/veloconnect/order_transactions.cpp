#include "core/veloconnect/order_transactions.hpp"

#include <algorithm>

#include "core/ids.hpp"
#include "core/veloconnect/instance_gate.hpp"
#include "core/veloconnect/online_shop.hpp"
#include "rules/veloconnect/order_request_line.hpp"
#include "store/store.hpp"

namespace og::core::veloconnect {

namespace rv = rules::veloconnect;
using model::TransactionKind;
using TransactionRecord = model::Transaction;

LineView OrderTransactions::line_view(model::Line line, std::optional<model::Item> item) const {
  LineView v{std::move(line), std::move(item), {}};
  v.availability = v.item ? catalog_.availability(*v.item, v.line.quantity)
                          : rv::AvailabilityDecision{rv::AvailabilityCode::NotAvailable, std::nullopt, std::nullopt};
  return v;
}

std::vector<LineView> OrderTransactions::line_views(store::ReadView& reader, std::string_view seller,
                                                    const std::string& transaction_id) const {
  std::vector<LineView> out;
  for (auto& line : reader.transactions(seller).lines(transaction_id)) {
    auto item = reader.catalog(seller).item(line.item_id);
    out.push_back(line_view(std::move(line), std::move(item)));
  }
  return out;
}

std::vector<LineView> OrderTransactions::line_views(store::ReadView& reader, std::string_view seller,
                                                    Applied& applied) const {
  std::vector<LineView> out;
  out.reserve(applied.lines.size());
  for (auto& [line, item] : applied.lines) {
    if (!item) item = reader.catalog(seller).item(line.item_id);  // a line this request did not name
    out.push_back(line_view(std::move(line), std::move(item)));
  }
  return out;
}

std::optional<Failure> OrderTransactions::apply_lines(store::UnitOfWork& uow, std::string_view seller,
                                                      const std::string& transaction_id,
                                                      const std::vector<LineInput>& lines, Applied& applied) {
  struct Planned {
    const LineInput* input;
    rv::LineDecision decision;
    std::optional<model::Item> item;
  };
  // Decide every line before writing any, so a rejected line leaves the order untouched.
  std::vector<Planned> plan;
  plan.reserve(lines.size());
  for (const auto& input : lines) {
    auto item = uow.catalog(seller).item(input.item_id);
    std::vector<std::string> replacements;
    if (!item) replacements = uow.catalog(seller).replacements(input.item_id);
    std::optional<rv::ItemUnits> units;
    if (item) units = units_of(*item);
    auto decision = rv::decide_line(units, replacements, rv::LineRequest{input.quantity, input.unit});
    if (auto* reject = std::get_if<rv::RejectLine>(&decision))
      return Failure{rv::Outcome::GeneralError, "OrderRequestLine for item " + input.item_id + ": " + reject->reason,
                     std::nullopt};
    plan.push_back({&input, std::move(decision), std::move(item)});
  }

  auto existing = uow.transactions(seller).lines(transaction_id);
  std::int64_t next_position = existing.empty() ? 1 : existing.back().position + 1;
  // What the table will hold, kept along with the writes below (same keys,
  // same upsert and delete) so that the answer need not read it back.
  applied.lines.clear();
  for (const auto& l : existing) applied.lines.emplace_back(l, std::nullopt);
  auto held = [&](const std::string& item_id) {
    return std::find_if(applied.lines.begin(), applied.lines.end(),
                        [&](const auto& entry) { return entry.first.item_id == item_id; });
  };
  auto position_of = [&](const std::string& item_id) -> std::optional<std::int64_t> {
    for (const auto& l : existing)
      if (l.item_id == item_id) return l.position;
    return std::nullopt;
  };
  rules::Date today = clock_.today();

  for (auto& p : plan) {
    const LineInput& in = *p.input;
    if (std::holds_alternative<rv::RemoveLine>(p.decision)) {
      uow.transactions(seller).remove_line(transaction_id, in.item_id);
      if (auto at = held(in.item_id); at != applied.lines.end()) applied.lines.erase(at);
    } else if (auto* replace = std::get_if<rv::ReplaceItem>(&p.decision)) {
      applied.replacements.push_back({in.item_id, replace->replacements});
    } else if (std::holds_alternative<rv::UnknownItem>(p.decision)) {
      applied.unknown.push_back(in.item_id);
    } else if (auto* accept = std::get_if<rv::AcceptLine>(&p.decision)) {
      model::Line line;
      line.item_id = in.item_id;
      if (auto pos = position_of(in.item_id)) {
        line.position = *pos;
      } else {
        line.position = next_position++;
        existing.push_back(line);
      }
      line.quantity = accept->quantity;
      line.unit = p.item->order_unit;
      line.unit_price = p.item->price;
      line.currency = p.item->currency;
      line.buyers_item_id = in.buyers_item_id;
      line.backlog = in.backlog;
      // The server may move a delivery date; one in the past moves to today.
      if (in.delivery_date) {
        auto wanted = rules::Date::parse(*in.delivery_date);
        line.delivery_date = (wanted && *wanted >= today) ? wanted->to_string() : today.to_string();
      }
      uow.transactions(seller).put_line(transaction_id, line);
      if (auto at = held(in.item_id); at != applied.lines.end())
        *at = {line, p.item};  // an update keeps the line's position, as put_line does
      else
        applied.lines.emplace_back(line, p.item);
    }
  }
  std::sort(applied.lines.begin(), applied.lines.end(),
            [](const auto& a, const auto& b) { return a.first.position < b.first.position; });
  return std::nullopt;
}

TransactionRecord OrderTransactions::resting(store::TransactionWriter& writer, const TransactionRecord& reported) {
  TransactionRecord stored = reported;
  stored.state = rv::resting_state(reported.kind, reported.state);
  if (stored.state != reported.state) {
    // The permanent instance after FinishOrder or Rollback: empty, as new.
    // A finished order's lines have moved to the order already.
    writer.clear_lines(reported.id);
    stored.order_id.reset();
    stored.issue_date.reset();
  }
  return stored;
}

Task<Result<OrderView>> OrderTransactions::create(Context& ctx, Credentials credentials, const Caller& caller,
                                                  const std::vector<LineInput>& lines) {
  const std::string& seller = caller.seller;
  if (credentials != Credentials::Valid) co_return refusal(rv::check_credentials(credentials), {});
  try {
    co_return co_await ctx.store().write(ctx.commit(), [&](store::UnitOfWork& uow) {
      auto t =
          open_instance(uow.transactions(seller), TransactionKind::Order,
                        rv::state_after(rv::Step::CreateOrder, rv::state::kStart), credentials, caller, lifecycle_);
      uow.transactions(seller).insert_transaction(t);
      Applied applied;
      if (auto failure = apply_lines(uow, seller, t.id, lines, applied)) throw Refusal{std::move(*failure)};
      return OrderView{t, line_views(uow, seller, applied), std::move(applied.replacements),
                       std::move(applied.unknown)};
    });
  } catch (Refusal& r) {
    co_return std::move(r.failure);
  }
}

Task<Result<OrderView>> OrderTransactions::change(Context& ctx, rv::Step step, Credentials credentials,
                                                  const Caller& caller, const std::string& transaction_id,
                                                  const std::vector<LineInput>& lines) {
  const std::string& seller = caller.seller;
  if (credentials != Credentials::Valid) co_return refusal(rv::check_credentials(credentials), {});
  try {
    co_return co_await ctx.store().write(ctx.commit(), [&](store::UnitOfWork& uow) {
      ensure_shop_instance(uow.transactions(seller), caller, transaction_id, clock_);
      std::optional<TransactionRecord> t =
          admit_step(uow.transactions(seller), step, credentials, caller, transaction_id, lifecycle_);
      Applied applied;
      if (step == rv::Step::UpdateOrder) {
        if (auto failure = apply_lines(uow, seller, t->id, lines, applied)) {
          failure->transaction = t;
          throw Refusal{std::move(*failure)};
        }
      }
      auto views = step == rv::Step::UpdateOrder ? line_views(uow, seller, applied) : line_views(uow, seller, t->id);
      if (step == rv::Step::FinishOrder) {
        if (views.empty()) throw Refusal{{rv::Outcome::GeneralError, "the order has no lines to finish", t}};
        rules::Date today = clock_.today();
        t->issue_date = today.to_string();
        if (t->is_test) {
          // A test never reaches the merchandise system; the ID says so.
          t->order_id = "TEST-" + t->id.substr(0, 8);
        } else {
          model::Order order;
          order.transaction_id = t->id;
          order.buyer_id = t->buyer_id;
          order.issue_date = *t->issue_date;
          order.currency = views.front().line.currency;
          for (const auto& v : views) {
            auto amount = v.line.quantity.times(v.line.unit_price);
            if (!amount) throw Refusal{{rv::Outcome::GeneralError, "order total is out of range", t}};
            order.total = order.total + *amount;
          }
          order.created_at = clock_.now_utc();
          // The permanent instance is emptied for the next order: the lines
          // of this one move to a key of their own.
          if (rv::is_permanent(t->kind)) order.lines_key = new_transaction_id();
          t->order_id = uow.transactions(seller).insert_order(order);
          if (rv::is_permanent(t->kind)) uow.transactions(seller).move_lines(t->id, order.lines_key);
        }
      }
      t->state = rv::state_after(step, t->state);
      t->updated_at = clock_.now_utc();
      uow.transactions(seller).update_transaction(resting(uow.transactions(seller), *t));
      return OrderView{*t, std::move(views), std::move(applied.replacements), std::move(applied.unknown)};
    });
  } catch (Refusal& r) {
    co_return std::move(r.failure);
  }
}

Task<Result<OrderView>> OrderTransactions::update(Context& ctx, Credentials credentials, const Caller& caller,
                                                  const std::string& transaction_id,
                                                  const std::vector<LineInput>& lines) {
  return change(ctx, rv::Step::UpdateOrder, credentials, caller, transaction_id, lines);
}

Task<Result<OrderView>> OrderTransactions::finish(Context& ctx, Credentials credentials, const Caller& caller,
                                                  const std::string& transaction_id) {
  static const std::vector<LineInput> kNoLines;
  return change(ctx, rv::Step::FinishOrder, credentials, caller, transaction_id, kNoLines);
}

Task<Result<OrderView>> OrderTransactions::view(Context& ctx, Credentials credentials, const Caller& caller,
                                                const std::string& transaction_id) {
  const std::string& seller = caller.seller;
  if (credentials != Credentials::Valid) co_return refusal(rv::check_credentials(credentials), {});
  try {
    co_return co_await ctx.store().read(ctx.commit(), [&](store::ReadView& reader) {
      auto t =
          admit_step(reader.transactions(seller), rv::Step::ViewOrder, credentials, caller, transaction_id, lifecycle_);
      return OrderView{t, line_views(reader, seller, t.id), {}, {}};
    });
  } catch (Refusal& r) {
    co_return std::move(r.failure);
  }
}

Task<Result<TransactionRecord>> OrderTransactions::rollback(Context& ctx, Credentials credentials, const Caller& caller,
                                                            const std::string& transaction_id) {
  const std::string& seller = caller.seller;
  if (credentials != Credentials::Valid) co_return refusal(rv::check_credentials(credentials), {});
  try {
    co_return co_await ctx.store().write(ctx.commit(), [&](store::UnitOfWork& uow) {
      ensure_shop_instance(uow.transactions(seller), caller, transaction_id, clock_);
      auto t =
          admit_step(uow.transactions(seller), rv::Step::Rollback, credentials, caller, transaction_id, lifecycle_);
      t.state = rv::state_after(rv::Step::Rollback, t.state);
      t.updated_at = clock_.now_utc();
      uow.transactions(seller).update_transaction(resting(uow.transactions(seller), t));
      return t;
    });
  } catch (Refusal& r) {
    co_return std::move(r.failure);
  }
}

Task<Result<std::vector<TransactionRecord>>> OrderTransactions::status(
    Context& ctx, Credentials credentials, const Caller& caller, const std::optional<std::string>& transaction_id) {
  const std::string& seller = caller.seller;
  if (credentials != Credentials::Valid) co_return refusal(rv::check_credentials(credentials), {});
  try {
    co_return co_await ctx.store().read(ctx.commit(), [&](store::ReadView& reader) {
      std::vector<TransactionRecord> found;
      if (transaction_id)
        found.push_back(admit_step(reader.transactions(seller), rv::Step::GetStatus, credentials, caller,
                                   *transaction_id, lifecycle_));
      else
        for (auto& t : reader.transactions(seller).open_transactions(caller.buyer_id)) {
          // Not the permanent basket: it is published in the profile, and a
          // client that rolls back whatever is open would empty it.
          if (rv::is_permanent(t.kind)) continue;
          t = as_of_now(std::move(t), lifecycle_);
          if (rv::is_open(t.state)) found.push_back(std::move(t));  // not an idle one the janitor will end
        }
      return found;
    });
  } catch (Refusal& r) {
    co_return std::move(r.failure);
  }
}

}  // namespace og::core::veloconnect
