#include "core/veloconnect/stock_transmissions.hpp"

#include "core/veloconnect/transmission_steps.hpp"

namespace og::core::veloconnect {

namespace rv = rules::veloconnect;
using model::TransactionKind;

Task<Result<model::Transaction>> StockTransmissions::transmit(Context& ctx, rv::Credentials credentials,
                                                              const Caller& caller, const StockInput& input) {
  return transmit_lines(ctx, credentials, caller, TransactionKind::StockTransmission, rv::Step::StockTransmit,
                        input.lines.size(), limits_, "stock transmission", lifecycle_,
                        [&caller, &input](store::UnitOfWork& uow, const model::Transaction& t) {
                          auto& stock = uow.stock(caller.seller);
                          std::vector<model::StockLine> lines = input.lines;
                          for (std::size_t i = 0; i < lines.size(); ++i) {
                            lines[i].position = static_cast<std::int64_t>(i);
                            lines[i].carried = stock.carries(lines[i]);
                          }
                          model::StockTransmission header{
                              t.id,          caller.buyer_id, input.variant, input.create_date, input.frequence,
                              t.total_count, t.created_at};
                          stock.insert_transmission(header, lines);
                        });
}

Task<Result<StockPage>> StockTransmissions::item_status(Context& ctx, rv::Credentials credentials, const Caller& caller,
                                                        model::StockVariant variant, const std::string& transaction_id,
                                                        std::int64_t start, std::int64_t count, bool do_not_close) {
  return page_lines<model::StockLine>(
      ctx, credentials, caller, rv::Step::StockItemStatus, transaction_id, {start, count, do_not_close}, limits_,
      lifecycle_, clock_,
      // Not a coroutine itself: what the steps keep is captured by value or
      // refers to the caller's objects.
      [&caller, &transaction_id, variant](store::UnitOfWork& uow) {
        // The other module's transmission is, for this step, no instance at all.
        auto header = uow.stock(caller.seller).transmission(caller.buyer_id, transaction_id);
        if (header && header->variant != variant) throw Refusal{refusal(rv::Outcome::UnknownTransaction, std::nullopt)};
      },
      [&caller](store::UnitOfWork& uow, const std::string& id, std::int64_t offset, std::int64_t limit) {
        return uow.stock(caller.seller).lines(id, offset, limit);
      });
}

}  // namespace og::core::veloconnect
