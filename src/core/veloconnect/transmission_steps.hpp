// The two steps every kind of transmission takes, parameterised by what the
// kind stores: a transmit opens an instance (state 2) for the lines sent and
// stores them; a status step admits the instance, reads the clamped window's
// lines and ends the instance with the page that reaches the last line
// (unless DoNotClose). Used inside core only: it runs store jobs.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "core/veloconnect/caller.hpp"
#include "core/veloconnect/instance_gate.hpp"
#include "core/veloconnect/lifecycle.hpp"
#include "core/veloconnect/result.hpp"
#include "core/veloconnect/transmission.hpp"
#include "rules/veloconnect/transaction_rules.hpp"
#include "store/store.hpp"

namespace og::core::veloconnect {

// The limit's refusal (400) when `sent` lines are too many for one `what`.
std::optional<Failure> too_many_lines(std::size_t sent, const StockLimits& limits, std::string_view what);

// `what` names the kind in the limit's refusal ("stock transmission");
// `store_lines(uow, instance)` stores what was sent under the new instance.
template <class StoreLines>
Task<Result<model::Transaction>> transmit_lines(Context& ctx, rules::veloconnect::Credentials credentials,
                                                const Caller& caller, model::TransactionKind kind,
                                                rules::veloconnect::Step step, std::size_t line_count,
                                                const StockLimits& limits, std::string_view what,
                                                const Lifecycle& lifecycle, StoreLines store_lines) {
  namespace rv = rules::veloconnect;
  if (credentials != rv::Credentials::Valid) co_return refusal(rv::check_credentials(credentials), {});
  if (auto refused = too_many_lines(line_count, limits, what)) co_return std::move(*refused);
  try {
    co_return co_await ctx.store().write(ctx.commit(), [&](store::UnitOfWork& uow) {
      auto& transactions = uow.transactions(caller.seller);
      auto t =
          open_instance(transactions, kind, rv::state_after(step, rv::state::kStart), credentials, caller, lifecycle);
      t.total_count = static_cast<std::int64_t>(line_count);
      transactions.insert_transaction(t);
      store_lines(uow, t);
      return t;
    });
  } catch (Refusal& r) {
    co_return std::move(r.failure);
  }
}

// `guard(uow)` may refuse (throw Refusal) before the instance is admitted;
// `read(uow, id, start, count)` reads the window's lines.
template <class Line, class Guard, class Read>
Task<Result<TransmissionPage<Line>>> page_lines(Context& ctx, rules::veloconnect::Credentials credentials,
                                                const Caller& caller, rules::veloconnect::Step step,
                                                const std::string& transaction_id, PageRequest request,
                                                const StockLimits& limits, const Lifecycle& lifecycle,
                                                const Clock& clock, Guard guard, Read read) {
  namespace rv = rules::veloconnect;
  if (credentials != rv::Credentials::Valid) co_return refusal(rv::check_credentials(credentials), {});
  try {
    co_return co_await ctx.store().write(ctx.commit(), [&](store::UnitOfWork& uow) {
      guard(uow);
      auto& transactions = uow.transactions(caller.seller);
      auto t = admit_step(transactions, step, credentials, caller, transaction_id, lifecycle);
      TransmissionPage<Line> page;
      page.total = t.total_count;
      page.window = rv::clamp_window(request.start, request.count, page.total, limits.max_page);
      if (page.window.count > 0) page.lines = read(uow, t.id, page.window.start, page.window.count);
      bool last_page = page.window.start + page.window.count >= page.total;
      t.state = rv::state_after(step, t.state, {.do_not_close = request.do_not_close, .last_page = last_page});
      t.updated_at = clock.now_utc();
      transactions.update_transaction(t);
      page.transaction = t;
      return page;
    });
  } catch (Refusal& r) {
    co_return std::move(r.failure);
  }
}

}  // namespace og::core::veloconnect
