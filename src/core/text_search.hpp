// The TextSearch transaction: CreateTextSearch counts the hits and opens an
// instance (state 2, or 100 when nothing matched); SearchResult pages through
// them and closes the instance unless asked not to.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/buyer_auth.hpp"
#include "core/caller.hpp"
#include "core/catalog.hpp"
#include "core/clock.hpp"
#include "core/order_transactions.hpp"
#include "core/result.hpp"
#include "rules/veloconnect/search_window.hpp"

namespace og::core {

struct SearchHit {
  store::ItemRecord item;
  rules::veloconnect::AvailabilityDecision availability;
};

struct SearchPage {
  store::TransactionRecord transaction;
  rules::veloconnect::SearchWindow window;
  std::vector<SearchHit> hits;
};

struct SearchLimits {
  std::int64_t max_page = 100;
};

class TextSearches {
 public:
  TextSearches(store::Store& store, BuyerAuth& auth, Catalog& catalog, const Clock& clock,
               TransactionLimits transaction_limits, SearchLimits limits)
      : store_(store),
        auth_(auth),
        catalog_(catalog),
        clock_(clock),
        transaction_limits_(transaction_limits),
        limits_(limits) {}

  Result<store::TransactionRecord> create(const Caller& caller, std::string_view search_string);
  Result<SearchPage> page(const Caller& caller, std::string_view transaction_id, std::int64_t start, std::int64_t count,
                          bool do_not_close, bool fetch_items);

  // Whitespace-separated words, all of which must occur (AND).
  static std::vector<std::string> terms(std::string_view search_string);

 private:
  store::Store& store_;
  BuyerAuth& auth_;
  Catalog& catalog_;
  const Clock& clock_;
  TransactionLimits transaction_limits_;
  SearchLimits limits_;
};

}  // namespace og::core
