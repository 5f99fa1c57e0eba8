#include "rules/eproc/fanout_plan.hpp"

#include <algorithm>
#include <map>

namespace og::rules::eproc {

FanoutPlan plan_fanout(const ValidAvailability& batch, const ProviderDirectory& directory) {
  FanoutPlan plan;
  std::size_t requests = 0;
  for (const AvailabilityLine& line : batch.lines) requests = std::max(requests, line.index + 1);
  plan.providers_by_request.resize(requests);

  std::map<std::string, std::vector<PlannedItem>> by_provider;
  for (const AvailabilityLine& line : batch.lines) {
    for (const std::string& provider : line.providers)
      by_provider[provider].push_back(PlannedItem{line.index, line.product, line.quantity});
  }
  for (const AvailabilityLine& line : batch.lines) plan.providers_by_request[line.index] = line.providers;

  // Directory order; a provider the batch names that the directory does not
  // (validation never lets one through) still gets its call, last.
  std::vector<std::string> order;
  for (const ProviderProfile& provider : directory)
    if (by_provider.count(provider.id) && std::find(order.begin(), order.end(), provider.id) == order.end())
      order.push_back(provider.id);
  for (const auto& [provider, items] : by_provider)
    if (std::find(order.begin(), order.end(), provider) == order.end()) order.push_back(provider);

  for (const std::string& provider : order) {
    std::vector<PlannedItem>& items = by_provider[provider];
    std::sort(items.begin(), items.end(),
              [](const PlannedItem& a, const PlannedItem& b) { return a.request_index < b.request_index; });
    const ProviderProfile* profile = find_provider(directory, provider);
    std::size_t chunk = profile && profile->max_items_per_availability_call > 0
                            ? profile->max_items_per_availability_call
                            : items.size();
    for (std::size_t start = 0; start < items.size(); start += chunk) {
      std::size_t end = std::min(items.size(), start + chunk);
      plan.calls.push_back(ProviderCall{
          provider,
          {items.begin() + static_cast<std::ptrdiff_t>(start), items.begin() + static_cast<std::ptrdiff_t>(end)}});
    }
  }
  return plan;
}

}  // namespace og::rules::eproc
