#include "core/veloconnect/lifecycle.hpp"

#include "store/store.hpp"

namespace og::core::veloconnect {

namespace rv = rules::veloconnect;

model::Transaction as_of_now(model::Transaction t, const Lifecycle& lifecycle) {
  if (auto updated = parse_iso_utc(t.updated_at))
    t.state = rv::effective_state(t.kind, t.state, *updated, lifecycle.clock->now(), lifecycle.lifetimes);
  return t;
}

Task<SweepReport> Janitor::sweep(Context& ctx, std::int64_t batch) {
  SweepReport report;
  auto now = lifecycle_.clock->now();
  std::string stamp = lifecycle_.clock->now_utc();
  report.ended = co_await ctx.store().write(ctx.commit(), [&](store::UnitOfWork& uow) {
    std::int64_t ended = 0;
    for (auto kind :
         {model::TransactionKind::Order, model::TransactionKind::TextSearch, model::TransactionKind::StockTransmission,
          model::TransactionKind::SaleTransmission, model::TransactionKind::SaleB2XTransmission}) {
      std::string idle_before = iso_utc(now - rv::lifetime(kind, lifecycle_.lifetimes));
      ended += uow.transactions().end_idle_transactions(kind, idle_before, rv::state::kEndedByServer, stamp);
    }
    return ended;
  });
  std::string before = iso_utc(now - lifecycle_.retention);
  for (;;) {
    std::int64_t purged = co_await ctx.store().write(ctx.commit(), [&](store::UnitOfWork& uow) {
      return uow.transactions().purge_ended_transactions(before, batch) + uow.carts().purge_srm_answers(before, batch);
    });
    report.purged += purged;
    if (purged < batch) break;
  }
  co_return report;
}

}  // namespace og::core::veloconnect
