#include "eproc/order_soap.hpp"

#include "eproc/order_description.hpp"
#include "message/soap_codec.hpp"

namespace og::eproc {

namespace {

void decimal_if(XmlWriter& out, std::string_view name, const std::string& value) {
  if (is_xsd_decimal(value)) out.leaf(name, value);
}

}  // namespace

void write_order(XmlWriter& out, const model::HubOrder& order) {
  out.open("Order");
  out.leaf("Reference", order.reference);
  out.leaf_if("ClientReference", order.client_reference);
  out.leaf("Status", std::to_string(order.status));
  out.leaf("StatusText", status_text(order.status));
  out.leaf("CreatedAt", order.created_at);
  out.leaf("UpdatedAt", order.updated_at);
  for (const auto& line : order.lines) {
    out.open("Item");
    out.leaf("Index", std::to_string(line.index < 0 ? 0 : line.index));
    out.leaf("Provider", line.provider);
    ShownDescription d = shown_description(line);
    out.leaf_if("ProviderReference", d.provider_reference);
    out.leaf_if("Brand", d.brand);
    out.leaf_if("ManufacturerReference", d.manufacturer_reference);
    out.leaf_if("EAN", d.ean);
    // Validated when the order was placed: always a decimal.
    out.leaf("Quantity", is_xsd_decimal(line.quantity) ? line.quantity : "0");
    out.leaf("Status", line.status);
    out.leaf_if("ProviderItem", line.provider_item);
    decimal_if(out, "ConfirmedQuantity", line.confirmed_quantity);
    decimal_if(out, "UnitPrice", line.unit_price);
    out.leaf_if("Currency", line.currency);
    if (is_plain_date(line.delivery_date)) out.leaf("DeliveryDate", line.delivery_date);
    out.leaf_if("ProviderStatus", line.raw_status);
    out.leaf_if("Message", line.message);
    out.close("Item");
  }
  out.close("Order");
}

std::string order_soap(const model::HubOrder& order) {
  XmlWriter out;
  out.root("OrderNotification");
  write_order(out, order);
  out.close("OrderNotification");
  return message::in_envelope(out.take(), message::Envelope::Soap11);
}

}  // namespace og::eproc
