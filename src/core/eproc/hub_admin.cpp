#include "core/eproc/hub_admin.hpp"

#include <stdexcept>

#include "core/auth/password.hpp"
#include "rules/eproc/description.hpp"

namespace og::core::eproc::admin {

namespace {

std::string hex(const std::string& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

bool has_prefix(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

}  // namespace

void put_provider(store::Store& store, model::HubProvider provider) {
  if (provider.id.empty()) throw std::invalid_argument("a provider needs an id");
  if (provider.protocol != "veloconnect") throw std::invalid_argument("protocol is veloconnect");
  if (!has_prefix(provider.url, "http://") && !has_prefix(provider.url, "https://") &&
      !has_prefix(provider.url, "local:"))
    throw std::invalid_argument("--url is http(s)://... or local:<seller>");
  for (const auto& kind : provider.understands)
    if (!rules::eproc::description_kind_from_string(kind))
      throw std::invalid_argument("unknown description kind '" + kind + "' (provider-reference, brand-reference, ean)");
  if (provider.timeout_ms < 1 || provider.max_concurrent < 1)
    throw std::invalid_argument("--timeout-ms and --max-concurrent are 1 or more");
  store.write_now([&](store::UnitOfWork& uow) { uow.hub().put_hub_provider(provider); });
}

std::string put_client(store::Store& store, const ClientSettings& s) {
  if (s.id.empty()) throw std::invalid_argument("a client needs an id");
  if (s.password.empty()) throw std::invalid_argument("a client needs a password");
  if (s.callback_binding != "json" && s.callback_binding != "soap")
    throw std::invalid_argument("--callback-binding is json or soap");
  if (!s.callback_url.empty() && !has_prefix(s.callback_url, "http://") && !has_prefix(s.callback_url, "https://"))
    throw std::invalid_argument("--callback-url is http(s)://...");
  model::HubClient c;
  c.id = s.id;
  c.name = s.name.empty() ? s.id : s.name;
  c.password_salt = random_bytes(16);
  c.password_iterations = kPasswordIterations;
  c.password_hash = hash_password(s.password, c.password_salt, c.password_iterations);
  c.providers = s.providers;
  c.callback_url = s.callback_url;
  c.callback_binding = s.callback_binding;
  return store.write_now([&](store::UnitOfWork& uow) {
    auto known = uow.hub().hub_client(s.id);
    if (!s.callback_secret.empty())
      c.callback_secret = s.callback_secret;
    else if (known && !known->callback_secret.empty())
      c.callback_secret = known->callback_secret;
    else
      c.callback_secret = hex(random_bytes(24));
    uow.hub().put_hub_client(c);
    return c.callback_secret;
  });
}

std::vector<model::HubProvider> providers(store::Store& store) {
  return store.read_now([](store::ReadView& r) { return r.hub().hub_providers(); });
}

}  // namespace og::core::eproc::admin
