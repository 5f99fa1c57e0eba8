#include "core/veloconnect/sale_transmissions.hpp"

#include <utility>
#include <vector>

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

// What tells the two sale modules apart: their instances' kind, their steps
// and their lines' tables.
template <class Line>
struct SaleModule;
template <>
struct SaleModule<model::SaleLine> {
  static constexpr auto kKind = TransactionKind::SaleTransmission;
  static constexpr auto kTransmit = rv::Step::SaleTransmit;
  static constexpr auto kStatus = rv::Step::SaleStatus;
  static constexpr auto kInsert = &store::SaleWriter::insert_sale_transmission;
  static constexpr auto kRead = &store::SaleReader::sale_lines;
};
template <>
struct SaleModule<model::SaleB2XLine> {
  static constexpr auto kKind = TransactionKind::SaleB2XTransmission;
  static constexpr auto kTransmit = rv::Step::SaleB2XTransmit;
  static constexpr auto kStatus = rv::Step::SaleB2XStatus;
  static constexpr auto kInsert = &store::SaleWriter::insert_sale_b2x_transmission;
  static constexpr auto kRead = &store::SaleReader::sale_b2x_lines;
};

// Not coroutines themselves: what the steps keep refers to the caller's
// objects or to the SaleTransmissions.
template <class Line>
Task<Result<model::Transaction>> transmit_sale(Context& ctx, rv::Credentials credentials, const Caller& caller,
                                               const SaleInputOf<Line>& input, const StockLimits& limits,
                                               const Lifecycle& lifecycle) {
  using M = SaleModule<Line>;
  return transmit_lines(ctx, credentials, caller, M::kKind, M::kTransmit, input.lines.size(), limits,
                        "sale transmission", lifecycle,
                        [&caller, &input](store::UnitOfWork& uow, const model::Transaction& t) {
                          auto [header, lines] = numbered(input, caller, t);
                          (uow.sales(caller.seller).*M::kInsert)(header, lines);
                        });
}

// Another module's instance is of another kind: admit_step answers 420.
template <class Line>
Task<Result<TransmissionPage<Line>>> sale_page(Context& ctx, rv::Credentials credentials, const Caller& caller,
                                               const std::string& transaction_id, PageRequest request,
                                               const StockLimits& limits, const Lifecycle& lifecycle,
                                               const Clock& clock) {
  using M = SaleModule<Line>;
  return page_lines<Line>(
      ctx, credentials, caller, M::kStatus, transaction_id, request, limits, lifecycle, clock,
      [](store::UnitOfWork&) {},
      [&caller](store::UnitOfWork& uow, const std::string& id, std::int64_t offset, std::int64_t limit) {
        return (uow.sales(caller.seller).*M::kRead)(id, offset, limit);
      });
}

}  // namespace

Task<Result<model::Transaction>> SaleTransmissions::transmit(Context& ctx, rv::Credentials credentials,
                                                             const Caller& caller, const SaleInput& input) {
  return transmit_sale(ctx, credentials, caller, input, limits_, lifecycle_);
}

Task<Result<SalePage>> SaleTransmissions::status(Context& ctx, rv::Credentials credentials, const Caller& caller,
                                                 const std::string& transaction_id, std::int64_t start,
                                                 std::int64_t count, bool do_not_close) {
  return sale_page<model::SaleLine>(ctx, credentials, caller, transaction_id, {start, count, do_not_close}, limits_,
                                    lifecycle_, clock_);
}

Task<Result<model::Transaction>> SaleTransmissions::transmit_b2x(Context& ctx, rv::Credentials credentials,
                                                                 const Caller& caller, const SaleB2XInput& input) {
  return transmit_sale(ctx, credentials, caller, input, limits_, lifecycle_);
}

Task<Result<SaleB2XPage>> SaleTransmissions::status_b2x(Context& ctx, rv::Credentials credentials, const Caller& caller,
                                                        const std::string& transaction_id, PageRequest request) {
  return sale_page<model::SaleB2XLine>(ctx, credentials, caller, transaction_id, request, limits_, lifecycle_, clock_);
}

}  // namespace og::core::veloconnect
