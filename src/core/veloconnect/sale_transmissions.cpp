#include "core/veloconnect/sale_transmissions.hpp"

#include "core/veloconnect/instance_gate.hpp"
#include "store/store.hpp"

namespace og::core::veloconnect {

namespace rv = rules::veloconnect;
using model::TransactionKind;

Task<Result<model::Transaction>> SaleTransmissions::transmit(Context& ctx, rv::Credentials credentials,
                                                             const Caller& caller, const SaleInput& input) {
  if (credentials != rv::Credentials::Valid) co_return refusal(rv::check_credentials(credentials), {});
  if (static_cast<std::int64_t>(input.lines.size()) > limits_.max_lines)
    co_return Failure{rv::Outcome::GeneralError,
                      "at most " + std::to_string(limits_.max_lines) + " lines per sale transmission (" +
                          std::to_string(input.lines.size()) + " sent)",
                      std::nullopt};
  try {
    co_return co_await ctx.store().write(ctx.commit(), [&](store::UnitOfWork& uow) {
      auto& transactions = uow.transactions(caller.seller);
      auto t =
          open_instance(transactions, TransactionKind::SaleTransmission,
                        rv::state_after(rv::Step::SaleTransmit, rv::state::kStart), credentials, caller, lifecycle_);
      t.total_count = static_cast<std::int64_t>(input.lines.size());
      transactions.insert_transaction(t);
      std::vector<model::SaleLine> lines = input.lines;
      for (std::size_t i = 0; i < lines.size(); ++i) lines[i].position = static_cast<std::int64_t>(i);
      model::SaleTransmission header{t.id, caller.buyer_id, input.create_date, t.total_count, t.created_at};
      uow.sales(caller.seller).insert_sale_transmission(header, lines);
      return t;
    });
  } catch (Refusal& r) {
    co_return std::move(r.failure);
  }
}

Task<Result<SalePage>> SaleTransmissions::status(Context& ctx, rv::Credentials credentials, const Caller& caller,
                                                 const std::string& transaction_id, std::int64_t start,
                                                 std::int64_t count, bool do_not_close) {
  if (credentials != rv::Credentials::Valid) co_return refusal(rv::check_credentials(credentials), {});
  try {
    co_return co_await ctx.store().write(ctx.commit(), [&](store::UnitOfWork& uow) {
      // Another module's instance is of another kind: admit_step answers 420.
      auto t = admit_step(uow.transactions(caller.seller), rv::Step::SaleStatus, credentials, caller, transaction_id,
                          lifecycle_);
      SalePage page;
      page.total = t.total_count;
      page.window = rv::clamp_window(start, count, page.total, limits_.max_page);
      if (page.window.count > 0)
        page.lines = uow.sales(caller.seller).sale_lines(t.id, page.window.start, page.window.count);
      bool last_page = page.window.start + page.window.count >= page.total;
      t.state = rv::state_after(rv::Step::SaleStatus, t.state, {.do_not_close = do_not_close, .last_page = last_page});
      t.updated_at = clock_.now_utc();
      uow.transactions(caller.seller).update_transaction(t);
      page.transaction = t;
      return page;
    });
  } catch (Refusal& r) {
    co_return std::move(r.failure);
  }
}

}  // namespace og::core::veloconnect
