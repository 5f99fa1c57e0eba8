// Who may be asked about a product: the operator's configuration (providers,
// what each understands, which client may reach which) and the seed's rule
// "when no provider is specified ..., all the providers the client has access
// to, and that are relevant with the way the inquired product is described,
// are requested".
#pragma once
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rules/eproc/description.hpp"

namespace og::rules::eproc {

struct ProviderProfile {
  std::string id;                                   // as named in answers ("prov-a"); compared exactly
  std::set<DescriptionKind> understands;            // taken literally: a kind not listed is not understood, not even
                                                    // the provider's own reference (the operator lists it when the
                                                    // provider's interface can look its items up by their ID)
  std::size_t max_items_per_availability_call = 0;  // 0: one call carries the whole batch
};

// The configured providers. Order matters: relevant providers and fan-out
// calls come in this order, so plans are deterministic. IDs are unique (the
// configuration loader's job); with a repeated ID the first entry counts.
using ProviderDirectory = std::vector<ProviderProfile>;

struct ClientAccess {
  std::string client_id;
  // Provider IDs this client may reach. An ID the directory does not know
  // grants nothing: the directory is the truth about which providers exist.
  std::set<std::string> providers;
};

const ProviderProfile* find_provider(const ProviderDirectory& directory, std::string_view id);

inline bool understands(const ProviderProfile& provider, DescriptionKind kind) {
  return provider.understands.count(kind) != 0;
}

// The providers a request without a named provider goes to: those the client
// has access to that understand how the product is described, in directory
// order. Never any for a provider's own reference: it means something only to
// the provider that issued it, and asking every provider would send one
// provider's article number to its competitors, where it may name another
// article.
std::vector<std::string> relevant_providers(DescriptionKind kind, const ClientAccess& client,
                                            const ProviderDirectory& directory);

}  // namespace og::rules::eproc
