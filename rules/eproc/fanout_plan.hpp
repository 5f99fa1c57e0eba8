// Which provider calls one validated availability batch becomes. The issue:
// "one call per provider per batch where the provider's protocol can batch",
// and "every answer is attached to its original request". So requests are
// grouped per provider, and each planned item carries the index of the
// request it answers; the answers of all calls are put back together by that
// index, whatever order the calls finish in.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "rules/common/decimal.hpp"
#include "rules/eproc/batch_validation.hpp"
#include "rules/eproc/description.hpp"
#include "rules/eproc/provider_relevance.hpp"

namespace og::rules::eproc {

struct PlannedItem {
  std::size_t request_index;  // AvailabilityLine::index
  Product product;
  Decimal quantity;
};

struct ProviderCall {
  std::string provider;
  std::vector<PlannedItem> items;  // in request order; never empty
};

struct FanoutPlan {
  // In directory order; a provider has one call, or several when its profile
  // limits the items per call (max_items_per_availability_call), in which case
  // its calls follow each other, each full but the last.
  std::vector<ProviderCall> calls;
  // For each request (by index): the providers asked, in directory order, so
  // an answer can say "prov-b: timeout" for a request even when that provider
  // never answered.
  std::vector<std::vector<std::string>> providers_by_request;
};

// Requests asked of the same provider twice (the same product twice, as two
// questions) stay two items: their quantities may differ.
FanoutPlan plan_fanout(const ValidAvailability& batch, const ProviderDirectory& directory);

}  // namespace og::rules::eproc
