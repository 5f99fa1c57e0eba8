// An accepted order becomes one order per provider: the seed's hub "contacts
// the car part providers to push the items that are intended for them".
#pragma once
#include <string>
#include <vector>

#include "rules/eproc/batch_validation.hpp"

namespace og::rules::eproc {

struct ProviderOrder {
  std::string provider;
  std::vector<OrderLine> lines;  // in the client's order, each with its index in the client's order
};

// One ProviderOrder per provider, in the order the providers first appear in
// the client's order. Never split further by size (unlike availability
// calls): a provider receives one order for its items, because two orders are
// two transactions the provider may confirm differently, and the "never twice"
// bookkeeping is per provider order.
std::vector<ProviderOrder> split_order(const ValidOrder& order);

}  // namespace og::rules::eproc
