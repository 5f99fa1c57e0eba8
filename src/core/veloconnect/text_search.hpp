// The TextSearch transaction: CreateTextSearch counts the hits and opens an
// instance (state 2, or 100 when nothing matched); SearchResult pages through
// them and closes the instance unless asked not to.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog/catalog.hpp"
#include "core/clock.hpp"
#include "core/context.hpp"
#include "core/veloconnect/caller.hpp"
#include "core/veloconnect/order_transactions.hpp"
#include "core/veloconnect/result.hpp"
#include "rules/veloconnect/search_window.hpp"

namespace og::core::veloconnect {

struct SearchHit {
  model::Item item;
  rules::veloconnect::AvailabilityDecision availability;
};

struct SearchPage {
  model::Transaction transaction;
  rules::veloconnect::SearchWindow window;
  std::vector<SearchHit> hits;
};

struct SearchLimits {
  std::int64_t max_page = 100;
};

class TextSearches {
 public:
  TextSearches(const Catalog& catalog, const Clock& clock, const Lifecycle& lifecycle, SearchLimits limits)
      : catalog_(catalog), clock_(clock), lifecycle_(lifecycle), limits_(limits) {}

  Task<Result<model::Transaction>> create(Context& ctx, Credentials credentials, const Caller& caller,
                                          const std::string& search_string);
  Task<Result<SearchPage>> page(Context& ctx, Credentials credentials, const Caller& caller,
                                const std::string& transaction_id, std::int64_t start, std::int64_t count,
                                bool do_not_close, bool fetch_items);

  // Whitespace-separated words, all of which must occur (AND).
  static std::vector<std::string> terms(std::string_view search_string);

 private:
  const Catalog& catalog_;
  const Clock& clock_;
  const Lifecycle& lifecycle_;
  SearchLimits limits_;
};

}  // namespace og::core::veloconnect
