// Dealers' sale transmissions (Veloconnect sale-B2B-1.6, and sale-B2X-1.6 to
// a third party): a SaleTransmit stores what the dealer sold as an instance of
// its own (state 2); the GetStatusSaleTransmit steps page through the lines
// taken, like GetItemStatusStockTransmit pages through a stock transmission,
// and the page that reaches the last line ends the instance (100) unless
// DoNotClose. B2B and B2X instances are of different kinds: neither module's
// status step finds the other's.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "core/veloconnect/caller.hpp"
#include "core/veloconnect/lifecycle.hpp"
#include "core/veloconnect/result.hpp"
#include "core/veloconnect/transmission.hpp"
#include "model/sale.hpp"
#include "rules/veloconnect/transaction_rules.hpp"

namespace og::core::veloconnect {

template <class Line>
struct SaleInputOf {
  std::string create_date;
  std::vector<Line> lines;
};
using SaleInput = SaleInputOf<model::SaleLine>;
using SaleB2XInput = SaleInputOf<model::SaleB2XLine>;

using SalePage = TransmissionPage<model::SaleLine>;
using SaleB2XPage = TransmissionPage<model::SaleB2XLine>;

// Sale transmissions share the stock transmissions' limits (--max-stock-lines,
// --max-stock-page).
class SaleTransmissions {
 public:
  SaleTransmissions(const Clock& clock, const Lifecycle& lifecycle, StockLimits limits)
      : clock_(clock), lifecycle_(lifecycle), limits_(limits) {}

  Task<Result<model::Transaction>> transmit(Context& ctx, rules::veloconnect::Credentials credentials,
                                            const Caller& caller, const SaleInput& input);
  Task<Result<SalePage>> status(Context& ctx, rules::veloconnect::Credentials credentials, const Caller& caller,
                                const std::string& transaction_id, std::int64_t start, std::int64_t count,
                                bool do_not_close);
  Task<Result<model::Transaction>> transmit_b2x(Context& ctx, rules::veloconnect::Credentials credentials,
                                                const Caller& caller, const SaleB2XInput& input);
  Task<Result<SaleB2XPage>> status_b2x(Context& ctx, rules::veloconnect::Credentials credentials, const Caller& caller,
                                       const std::string& transaction_id, PageRequest request);

 private:
  const Clock& clock_;
  const Lifecycle& lifecycle_;
  StockLimits limits_;
};

}  // namespace og::core::veloconnect
