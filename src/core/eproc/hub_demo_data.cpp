#include "core/eproc/hub_demo_data.hpp"

#include "core/auth/password.hpp"

namespace og::core::eproc {

namespace {

using rules::Decimal;

model::Item part(const char* id, const char* description, const char* brand, const char* reference, const char* price,
                 int stock) {
  model::Item r;
  r.id = id;
  r.description = description;
  r.order_unit = "EA";
  r.base_unit = "EA";
  r.manufacturer = brand;
  r.manufacturer_item_id = reference;
  r.price = *Decimal::parse(price);
  r.currency = "EUR";
  r.stock = Decimal::from_int(stock);
  return r;
}

template <class Secret>
void set_password(Secret& who, const char* password) {
  who.password_salt = random_bytes(16);
  who.password_iterations = kPasswordIterations;
  who.password_hash = hash_password(password, who.password_salt, who.password_iterations);
}

void provider_seller(store::UnitOfWork& uow, const char* id, const char* name) {
  uow.sellers().put_seller({id, name});
  model::Buyer hub;
  hub.id = "HUB";
  hub.name = "ordergate e-procurement hub";
  set_password(hub, (std::string("hub-at-") + id).c_str());
  uow.catalog(id).put_buyer(hub);

  model::HubProvider p;
  p.id = id;
  p.name = name;
  p.url = std::string("local:") + id;
  p.buyer_id = "HUB";
  p.password = std::string("hub-at-") + id;
  uow.hub().put_hub_provider(p);
}

void understands(store::UnitOfWork& uow, const char* id, std::set<std::string> kinds) {
  auto p = uow.hub().hub_provider(id);
  p->understands = std::move(kinds);
  uow.hub().put_hub_provider(*p);
}

void client(store::UnitOfWork& uow, const char* id, const char* name, const char* password,
            std::set<std::string> providers) {
  model::HubClient c;
  c.id = id;
  c.name = name;
  set_password(c, password);
  c.providers = std::move(providers);
  c.callback_secret = "demo-secret-" + std::string(id);
  uow.hub().put_hub_client(c);
}

}  // namespace

void load_hub_demo_data(store::UnitOfWork& uow, const Clock& clock) {
  provider_seller(uow, "prov-a", "Provider A (brand + reference, EAN)");
  provider_seller(uow, "prov-b", "Provider B (brand + reference)");
  provider_seller(uow, "prov-c", "Provider C (everything; no client has access)");
  understands(uow, "prov-a", {"brand-reference", "ean"});
  understands(uow, "prov-b", {"brand-reference"});
  understands(uow, "prov-c", {"provider-reference", "brand-reference", "ean"});

  auto bosch = [](const char* id, int stock) {
    auto p = part(id, "BOSCH brake pad set, front axle", "BOSCH", "0986494104", "38.90", stock);
    p.ean = kDemoBoschEan;
    return p;
  };
  uow.catalog("prov-a").put_item(bosch("A-10001", 10));
  uow.catalog("prov-a").put_item(part("A-20001", "VALEO wiper blade set 600/450 mm", "VALEO", "826703", "21.50", 2));

  auto bosch_b = bosch("B-0986494104", 0);
  bosch_b.next_delivery = clock.today().plus_days(3).to_string();
  uow.catalog("prov-b").put_item(bosch_b);
  uow.catalog("prov-b").put_item(part("B-W71295", "MANN oil filter W 712/95", "MANN", "W712/95", "7.40", 50));

  uow.catalog("prov-c").put_item(bosch("C-1", 99));
  uow.catalog("prov-c").put_item(part("C-2", "VALEO wiper blade set 600/450 mm", "VALEO", "826703", "22.90", 99));
  uow.catalog("prov-c").put_item(part("C-3", "MANN oil filter W 712/95", "MANN", "W712/95", "7.95", 99));

  client(uow, "garage-01", "Garage 01", "garage-01-pass", {"prov-a", "prov-b"});
  client(uow, "garage-02", "Garage 02", "garage-02-pass", {"prov-a"});
}

}  // namespace og::core::eproc
