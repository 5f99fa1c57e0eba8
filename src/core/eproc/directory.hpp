// The operator's provider configuration as rules/eproc sees it, and the
// small conversions between the hub's stored values and the rules' values.
#pragma once
#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/eproc.hpp"
#include "rules/eproc/batch_validation.hpp"
#include "rules/eproc/provider_relevance.hpp"
#include "rules/eproc/retry_schedule.hpp"

namespace og::core::eproc {

struct Directory {
  rules::eproc::ProviderDirectory profiles;  // in the store's order (by id)
  std::map<std::string, model::HubProvider, std::less<>> providers;
};

Directory make_directory(std::vector<model::HubProvider> providers);
rules::eproc::ClientAccess access_of(const model::HubClient& client);

// A validated order line as the store keeps it (status pending).
model::HubOrderLine stored_line(const rules::eproc::OrderLine& line);
// A stored line back as the product and quantity a provider is asked for.
rules::eproc::Product product_of(const model::HubOrderLine& line);

// Instants as the outboxes store them: ISO-8601 UTC with milliseconds, which
// sort as text.
std::string iso_ms(rules::eproc::Instant t);
rules::eproc::Instant parse_iso_ms(std::string_view text);  // the epoch when unreadable (so: due)
rules::eproc::Instant now_ms();

}  // namespace og::core::eproc
