// The operator's commands for the hub's configuration: providers (where and
// how the hub reaches them) and clients (who may use which provider, and
// where their callbacks go). Blocking; for the command line, not a loop.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "model/eproc.hpp"
#include "store/store.hpp"

namespace og::core::eproc::admin {

// Adds or replaces a provider. Throws std::invalid_argument for an unknown
// protocol or description kind, or a URL that is neither http(s):// nor local:.
void put_provider(store::Store& store, model::HubProvider provider);

struct ClientSettings {
  std::string id;
  std::string name;
  std::string password;
  std::set<std::string> providers;
  std::string callback_url;
  std::string callback_binding = "json";
  std::string callback_secret;  // "" keeps the stored one (or makes a new one for a new client)
};
// Adds or replaces a client; returns its callback secret (for the receiver).
std::string put_client(store::Store& store, const ClientSettings& settings);

std::vector<model::HubProvider> providers(store::Store& store);

}  // namespace og::core::eproc::admin
