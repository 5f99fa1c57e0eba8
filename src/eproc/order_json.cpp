#include "eproc/order_json.hpp"

#include <nlohmann/json.hpp>

#include "eproc/json_text.hpp"
#include "eproc/order_description.hpp"

namespace og::eproc {

namespace {

void put_if(nlohmann::ordered_json& object, const char* name, const std::string& value) {
  if (!value.empty()) object[name] = value;
}

}  // namespace

std::string order_json(const model::HubOrder& order) {
  nlohmann::ordered_json out;
  out["reference"] = order.reference;
  put_if(out, "clientReference", order.client_reference);
  out["status"] = order.status;
  out["statusText"] = status_text(order.status);
  out["createdAt"] = order.created_at;
  out["updatedAt"] = order.updated_at;
  auto& items = out["items"] = nlohmann::ordered_json::array();
  for (const auto& line : order.lines) {
    nlohmann::ordered_json item;
    item["index"] = line.index;
    item["provider"] = line.provider;
    ShownDescription d = shown_description(line);
    put_if(item, "providerReference", d.provider_reference);
    put_if(item, "brand", d.brand);
    put_if(item, "manufacturerReference", d.manufacturer_reference);
    put_if(item, "ean", d.ean);
    item["quantity"] = line.quantity;
    item["status"] = line.status;
    put_if(item, "providerItem", line.provider_item);
    put_if(item, "confirmedQuantity", line.confirmed_quantity);
    put_if(item, "unitPrice", line.unit_price);
    put_if(item, "currency", line.currency);
    put_if(item, "deliveryDate", line.delivery_date);
    put_if(item, "providerStatus", line.raw_status);
    put_if(item, "message", line.message);
    items.push_back(std::move(item));
  }
  return json_text(out);
}

}  // namespace og::eproc
