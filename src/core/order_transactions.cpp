#include "core/order_transactions.hpp"

#include <algorithm>

#include "core/instance_gate.hpp"
#include "rules/veloconnect/order_request_line.hpp"

namespace og::core {

namespace rv = rules::veloconnect;
using store::TransactionKind;
using store::TransactionRecord;

LineView OrderTransactions::line_view(store::LineRecord line, std::optional<store::ItemRecord> item) const {
  LineView v{std::move(line), std::move(item), {}};
  v.availability = v.item ? catalog_.availability(*v.item, v.line.quantity)
                          : rv::AvailabilityDecision{rv::AvailabilityCode::NotAvailable, std::nullopt, std::nullopt};
  return v;
}

std::vector<LineView> OrderTransactions::line_views(store::Reader& reader, const std::string& transaction_id) {
  std::vector<LineView> out;
  for (auto& line : reader.lines(transaction_id)) {
    auto item = reader.item(line.item_id);
    out.push_back(line_view(std::move(line), std::move(item)));
  }
  return out;
}

std::vector<LineView> OrderTransactions::line_views(store::Reader& reader, Applied& applied) {
  std::vector<LineView> out;
  out.reserve(applied.lines.size());
  for (auto& [line, item] : applied.lines) {
    if (!item) item = reader.item(line.item_id);  // a line this request did not name
    out.push_back(line_view(std::move(line), std::move(item)));
  }
  return out;
}

std::optional<Failure> OrderTransactions::apply_lines(store::UnitOfWork& uow, const std::string& transaction_id,
                                                      const std::vector<LineInput>& lines, Applied& applied) {
  struct Planned {
    const LineInput* input;
    rv::LineDecision decision;
    std::optional<store::ItemRecord> item;
  };
  // Decide every line before writing any, so a rejected line leaves the order untouched.
  std::vector<Planned> plan;
  plan.reserve(lines.size());
  for (const auto& input : lines) {
    auto item = uow.item(input.item_id);
    std::vector<std::string> replacements;
    if (!item) replacements = uow.replacements(input.item_id);
    std::optional<rv::ItemUnits> units;
    if (item) units = units_of(*item);
    auto decision = rv::decide_line(units, replacements, rv::LineRequest{input.quantity, input.unit});
    if (auto* reject = std::get_if<rv::RejectLine>(&decision))
      return Failure{rv::Outcome::GeneralError, "OrderRequestLine for item " + input.item_id + ": " + reject->reason,
                     std::nullopt};
    plan.push_back({&input, std::move(decision), std::move(item)});
  }

  auto existing = uow.lines(transaction_id);
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
      uow.remove_line(transaction_id, in.item_id);
      if (auto at = held(in.item_id); at != applied.lines.end()) applied.lines.erase(at);
    } else if (auto* replace = std::get_if<rv::ReplaceItem>(&p.decision)) {
      applied.replacements.push_back({in.item_id, replace->replacements});
    } else if (std::holds_alternative<rv::UnknownItem>(p.decision)) {
      applied.unknown.push_back(in.item_id);
    } else if (auto* accept = std::get_if<rv::AcceptLine>(&p.decision)) {
      store::LineRecord line;
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
      uow.put_line(transaction_id, line);
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

Result<OrderView> OrderTransactions::create(const Caller& caller, const std::vector<LineInput>& lines) {
  auto credentials = auth_.authenticate(caller.buyer_id, caller.password);
  if (credentials != Credentials::Valid) return refusal(rv::check_credentials(credentials), {});
  try {
    OrderView view;
    store_.write([&](store::UnitOfWork& uow) {
      auto t = open_instance(uow, TransactionKind::Order, rv::state_after(rv::Step::CreateOrder, rv::state::kStart),
                             credentials, caller, limits_.max_open_per_buyer, clock_);
      uow.insert_transaction(t);
      Applied applied;
      if (auto failure = apply_lines(uow, t.id, lines, applied)) throw Refusal{std::move(*failure)};
      view = OrderView{t, line_views(uow, applied), std::move(applied.replacements), std::move(applied.unknown)};
    });
    return view;
  } catch (Refusal& r) {
    return r.failure;
  }
}

Result<OrderView> OrderTransactions::change(rv::Step step, const Caller& caller, std::string_view transaction_id,
                                            const std::vector<LineInput>& lines) {
  auto credentials = auth_.authenticate(caller.buyer_id, caller.password);
  if (credentials != Credentials::Valid) return refusal(rv::check_credentials(credentials), {});
  try {
    OrderView view;
    store_.write([&](store::UnitOfWork& uow) {
      std::optional<TransactionRecord> t = admit_step(uow, step, credentials, caller, transaction_id);
      Applied applied;
      if (step == rv::Step::UpdateOrder) {
        if (auto failure = apply_lines(uow, t->id, lines, applied)) {
          failure->transaction = t;
          throw Refusal{std::move(*failure)};
        }
      }
      auto views = step == rv::Step::UpdateOrder ? line_views(uow, applied) : line_views(uow, t->id);
      if (step == rv::Step::FinishOrder) {
        if (views.empty()) throw Refusal{{rv::Outcome::GeneralError, "the order has no lines to finish", t}};
        rules::Date today = clock_.today();
        t->issue_date = today.to_string();
        if (t->is_test) {
          // A test never reaches the merchandise system; the ID says so.
          t->order_id = "TEST-" + t->id.substr(0, 8);
        } else {
          store::OrderRecord order;
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
          t->order_id = uow.insert_order(order);
        }
      }
      t->state = rv::state_after(step, t->state);
      t->updated_at = clock_.now_utc();
      uow.update_transaction(*t);
      view = OrderView{*t, std::move(views), std::move(applied.replacements), std::move(applied.unknown)};
    });
    return view;
  } catch (Refusal& r) {
    return r.failure;
  }
}

Result<OrderView> OrderTransactions::update(const Caller& caller, std::string_view transaction_id,
                                            const std::vector<LineInput>& lines) {
  return change(rv::Step::UpdateOrder, caller, transaction_id, lines);
}

Result<OrderView> OrderTransactions::finish(const Caller& caller, std::string_view transaction_id) {
  return change(rv::Step::FinishOrder, caller, transaction_id, {});
}

Result<OrderView> OrderTransactions::view(const Caller& caller, std::string_view transaction_id) {
  auto credentials = auth_.authenticate(caller.buyer_id, caller.password);
  if (credentials != Credentials::Valid) return refusal(rv::check_credentials(credentials), {});
  try {
    OrderView view;
    store_.read([&](store::Reader& reader) {
      auto t = admit_step(reader, rv::Step::ViewOrder, credentials, caller, transaction_id);
      view = OrderView{t, line_views(reader, t.id), {}, {}};
    });
    return view;
  } catch (Refusal& r) {
    return r.failure;
  }
}

Result<TransactionRecord> OrderTransactions::rollback(const Caller& caller, std::string_view transaction_id) {
  auto credentials = auth_.authenticate(caller.buyer_id, caller.password);
  if (credentials != Credentials::Valid) return refusal(rv::check_credentials(credentials), {});
  try {
    TransactionRecord result;
    store_.write([&](store::UnitOfWork& uow) {
      auto t = admit_step(uow, rv::Step::Rollback, credentials, caller, transaction_id);
      t.state = rv::state_after(rv::Step::Rollback, t.state);
      t.updated_at = clock_.now_utc();
      uow.update_transaction(t);
      result = t;
    });
    return result;
  } catch (Refusal& r) {
    return r.failure;
  }
}

Result<std::vector<TransactionRecord>> OrderTransactions::status(const Caller& caller,
                                                                 std::optional<std::string_view> transaction_id) {
  auto credentials = auth_.authenticate(caller.buyer_id, caller.password);
  if (credentials != Credentials::Valid) return refusal(rv::check_credentials(credentials), {});
  try {
    std::vector<TransactionRecord> found;
    store_.read([&](store::Reader& reader) {
      if (transaction_id)
        found.push_back(admit_step(reader, rv::Step::GetStatus, credentials, caller, *transaction_id));
      else
        found = reader.open_transactions(caller.buyer_id);
    });
    return found;
  } catch (Refusal& r) {
    return r.failure;
  }
}

}  // namespace og::core
