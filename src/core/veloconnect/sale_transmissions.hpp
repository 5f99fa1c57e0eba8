// Dealers' sale transmissions (Veloconnect sale-B2B-1.6): a SaleTransmit
// stores what the dealer sold as an instance of its own (state 2); the
// GetStatusSaleTransmit steps page through the lines taken, like
// GetItemStatusStockTransmit pages through a stock transmission, and the page
// that reaches the last line ends the instance (100) unless DoNotClose.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "core/veloconnect/caller.hpp"
#include "core/veloconnect/lifecycle.hpp"
#include "core/veloconnect/result.hpp"
#include "core/veloconnect/stock_transmissions.hpp"
#include "model/sale.hpp"
#include "rules/veloconnect/search_window.hpp"
#include "rules/veloconnect/transaction_rules.hpp"

namespace og::core::veloconnect {

struct SaleInput {
  std::string create_date;
  std::vector<model::SaleLine> lines;
};

struct SalePage {
  model::Transaction transaction;
  rules::veloconnect::SearchWindow window;
  std::int64_t total = 0;
  std::vector<model::SaleLine> lines;
};

// Sale transmissions share the stock transmissions' limits (--max-stock-lines,
// --max-stock-page): one bound for what a dealer may transmit at once.
class SaleTransmissions {
 public:
  SaleTransmissions(const Clock& clock, const Lifecycle& lifecycle, StockLimits limits)
      : clock_(clock), lifecycle_(lifecycle), limits_(limits) {}

  Task<Result<model::Transaction>> transmit(Context& ctx, rules::veloconnect::Credentials credentials,
                                            const Caller& caller, const SaleInput& input);
  Task<Result<SalePage>> status(Context& ctx, rules::veloconnect::Credentials credentials, const Caller& caller,
                                const std::string& transaction_id, std::int64_t start, std::int64_t count,
                                bool do_not_close);

 private:
  const Clock& clock_;
  const Lifecycle& lifecycle_;
  StockLimits limits_;
};

}  // namespace og::core::veloconnect
