#include "core/srm/srm_demo_data.hpp"

#include "core/auth/password.hpp"

namespace og::core {

namespace {

using namespace rules::srm;

SchemedID category(const char* id) {
  return {id, "ProductCategoryID", kSrmDemoLogicalSystem};
}

Item internal_item(const char* id, const Product& p, const char* quantity, const char* unit) {
  Item i;
  i.id = id;
  i.parent_id = "0";
  i.category = category(p.category_id.c_str());
  i.note = p.description;
  i.type_code = p.type_code;
  i.internal_id = SchemedID{p.id, "ProductID", kSrmDemoLogicalSystem};
  i.quantity = Quantity{quantity, unit};
  return i;
}

model::Cart cart(const char* id, bool ordered, const char* change_state_id, std::vector<Item> items,
                 const Clock& clock) {
  model::Cart c;
  c.id = id;
  c.ordered = ordered;
  c.change_state_id = change_state_id;
  c.items = std::move(items);
  c.created_at = c.updated_at = clock.now_utc();
  return c;
}

}  // namespace

void load_srm_demo_data(store::UnitOfWork& uow, const Clock& clock) {
  auto& carts = uow.carts();
  model::SrmUser user;
  user.id = "srm-user";
  user.password_salt = random_bytes(16);
  user.password_iterations = kPasswordIterations;
  user.password_hash = hash_password("srm-pass", user.password_salt, user.password_iterations);
  carts.put_srm_user(user);

  carts.put_srm_category({"OFFICE", "01"});
  carts.put_srm_category({"IT-HW", "01"});
  carts.put_srm_category({"SERVICES", "02"});
  const Product chair{"P-1000", "Office chair", "01", "OFFICE", "EA"};
  const Product laptop{"P-2000", "Laptop 14 inch", "01", "IT-HW", "EA"};
  const Product consulting{"S-3000", "Consulting hour", "02", "SERVICES", "HUR"};
  for (const auto& p : {chair, laptop, consulting}) carts.put_srm_product(p);

  Item lamp;
  lamp.id = "20";
  lamp.parent_id = "0";
  lamp.category = category("OFFICE");
  lamp.note = "Desk lamp";
  lamp.type_code = "01";
  lamp.quantity = Quantity{"1", "EA"};
  carts.put_cart(cart("SC-1001", false, "20261101120000", {internal_item("10", chair, "2", "EA"), lamp}, clock));
  carts.put_cart(cart("SC-1002", true, "20261102093000", {internal_item("10", laptop, "1", "EA")}, clock));
  // Consulting is bought by the hour (HUR); this item says EA.
  carts.put_cart(cart("SC-1003", false, "20261103140000", {internal_item("10", consulting, "8", "EA")}, clock));
}

}  // namespace og::core
