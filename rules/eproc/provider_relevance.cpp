#include "rules/eproc/provider_relevance.hpp"

namespace og::rules::eproc {

const ProviderProfile* find_provider(const ProviderDirectory& directory, std::string_view id) {
  for (const ProviderProfile& provider : directory)
    if (provider.id == id) return &provider;
  return nullptr;
}

std::vector<std::string> relevant_providers(DescriptionKind kind, const ClientAccess& client,
                                            const ProviderDirectory& directory) {
  std::vector<std::string> out;
  if (kind == DescriptionKind::ProviderReference) return out;
  for (const ProviderProfile& provider : directory) {
    if (find_provider(directory, provider.id) != &provider) continue;  // a repeated ID: the first entry counts
    if (client.providers.count(provider.id) != 0 && understands(provider, kind)) out.push_back(provider.id);
  }
  return out;
}

}  // namespace og::rules::eproc
