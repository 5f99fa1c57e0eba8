// Dealers' stock transmissions (Veloconnect stock-B2B/B2C-1.4): a
// StockTransmit stores what the dealer sent, per line whether this seller
// still carries the item, as an instance of its own (state 2); the
// GetItemStatusStockTransmit steps page through those answers like
// SearchResult pages through a search, and the page that reaches the last
// line ends the instance (100) unless DoNotClose.
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
#include "model/stock.hpp"
#include "rules/veloconnect/transaction_rules.hpp"

namespace og::core::veloconnect {

struct StockInput {
  model::StockVariant variant = model::StockVariant::B2B;
  std::string create_date;
  std::string frequence;
  std::vector<model::StockLine> lines;  // carried is decided here, not by the caller
};

using StockPage = TransmissionPage<model::StockLine>;

class StockTransmissions {
 public:
  StockTransmissions(const Clock& clock, const Lifecycle& lifecycle, StockLimits limits)
      : clock_(clock), lifecycle_(lifecycle), limits_(limits) {}

  Task<Result<model::Transaction>> transmit(Context& ctx, rules::veloconnect::Credentials credentials,
                                            const Caller& caller, const StockInput& input);
  // `variant`: the module the request came in; another module's transmission
  // is no instance for it (420).
  Task<Result<StockPage>> item_status(Context& ctx, rules::veloconnect::Credentials credentials, const Caller& caller,
                                      model::StockVariant variant, const std::string& transaction_id,
                                      std::int64_t start, std::int64_t count, bool do_not_close);

  const StockLimits& limits() const { return limits_; }

 private:
  const Clock& clock_;
  const Lifecycle& lifecycle_;
  StockLimits limits_;
};

}  // namespace og::core::veloconnect
