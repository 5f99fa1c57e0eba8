#include "core/veloconnect/sale_transmissions.hpp"

#include "core/veloconnect/transmission_steps.hpp"

namespace og::core::veloconnect {

namespace rv = rules::veloconnect;
using model::TransactionKind;

namespace {

// Positions in the order sent, and the header both modules keep alike.
template <class Line>
std::pair<model::SaleTransmission, std::vector<Line>> numbered(const SaleInputOf<Line>& input, const Caller& caller,
                                                               const model::Transaction& t) {
  std::vector<Line> lines = input.lines;
  for (std::size_t i = 0; i < lines.size(); ++i) lines[i].position = static_cast<std::int64_t>(i);
  return {model::SaleTransmission{t.id, caller.buyer_id, input.create_date, t.total_count, t.created_at},
          std::move(lines)};
}

const auto kNoGuard = [](store::UnitOfWork&) {};

}  // namespace

// Not coroutines themselves: what the steps keep refers to the caller's
// objects or to this.
Task<Result<model::Transaction>> SaleTransmissions::transmit(Context& ctx, rv::Credentials credentials,
                                                             const Caller& caller, const SaleInput& input) {
  return transmit_lines(ctx, credentials, caller, TransactionKind::SaleTransmission, rv::Step::SaleTransmit,
                        input.lines.size(), limits_, "sale transmission", lifecycle_,
                        [&caller, &input](store::UnitOfWork& uow, const model::Transaction& t) {
                          auto [header, lines] = numbered(input, caller, t);
                          uow.sales(caller.seller).insert_sale_transmission(header, lines);
                        });
}

Task<Result<SalePage>> SaleTransmissions::status(Context& ctx, rv::Credentials credentials, const Caller& caller,
                                                 const std::string& transaction_id, std::int64_t start,
                                                 std::int64_t count, bool do_not_close) {
  // Another module's instance is of another kind: admit_step answers 420.
  return page_lines<model::SaleLine>(
      ctx, credentials, caller, rv::Step::SaleStatus, transaction_id, {start, count, do_not_close}, limits_, lifecycle_,
      clock_, kNoGuard,
      [&caller](store::UnitOfWork& uow, const std::string& id, std::int64_t offset, std::int64_t limit) {
        return uow.sales(caller.seller).sale_lines(id, offset, limit);
      });
}

Task<Result<model::Transaction>> SaleTransmissions::transmit_b2x(Context& ctx, rv::Credentials credentials,
                                                                 const Caller& caller, const SaleB2XInput& input) {
  return transmit_lines(ctx, credentials, caller, TransactionKind::SaleB2XTransmission, rv::Step::SaleB2XTransmit,
                        input.lines.size(), limits_, "sale transmission", lifecycle_,
                        [&caller, &input](store::UnitOfWork& uow, const model::Transaction& t) {
                          auto [header, lines] = numbered(input, caller, t);
                          uow.sales(caller.seller).insert_sale_b2x_transmission(header, lines);
                        });
}

Task<Result<SaleB2XPage>> SaleTransmissions::status_b2x(Context& ctx, rv::Credentials credentials, const Caller& caller,
                                                        const std::string& transaction_id, PageRequest request) {
  return page_lines<model::SaleB2XLine>(
      ctx, credentials, caller, rv::Step::SaleB2XStatus, transaction_id, request, limits_, lifecycle_, clock_, kNoGuard,
      [&caller](store::UnitOfWork& uow, const std::string& id, std::int64_t offset, std::int64_t limit) {
        return uow.sales(caller.seller).sale_b2x_lines(id, offset, limit);
      });
}

}  // namespace og::core::veloconnect
