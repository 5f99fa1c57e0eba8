#include "eproc/soap_decode.hpp"

#include "eproc/xml_writer.hpp"

namespace og::eproc {

namespace {

using message::XmlElement;
namespace re = rules::eproc;

constexpr SoapOperationInfo kOperations[] = {
    {SoapOperation::CheckAvailability, "CheckAvailability", "CheckAvailabilityRequest", "CheckAvailabilityResponse"},
    {SoapOperation::PlaceOrder, "PlaceOrder", "PlaceOrderRequest", "PlaceOrderResponse"},
    {SoapOperation::ReadOrder, "ReadOrder", "ReadOrderRequest", "ReadOrderResponse"},
};

// Text kept as sent (the rules trim and judge it); an element not sent is "".
std::string text(XmlElement parent, std::string_view name) {
  XmlElement e = parent.child(name);
  return e ? e.text() : std::string();
}

re::RequestLine line(XmlElement e) {
  re::RequestLine l;
  l.provider = text(e, "Provider");
  l.description.provider_reference = text(e, "ProviderReference");
  l.description.brand = text(e, "Brand");
  l.description.manufacturer_reference = text(e, "ManufacturerReference");
  l.description.ean = text(e, "EAN");
  l.quantity = text(e, "Quantity");  // xsd:decimal already: the rules take its lexical form
  return l;
}

}  // namespace

const SoapOperationInfo& info(SoapOperation operation) {
  return kOperations[static_cast<int>(operation)];
}

std::optional<SoapOperation> operation_for_root(std::string_view root) {
  for (const auto& op : kOperations)
    if (root == op.request_root) return op.operation;
  return std::nullopt;
}

SoapRequest decode_soap(const message::XmlPayload& payload) {
  SoapRequest r;
  r.operation = operation_for_root(payload.root).value_or(SoapOperation::CheckAvailability);
  XmlElement root = payload.element();
  switch (r.operation) {
    case SoapOperation::CheckAvailability:
      for (XmlElement e : root.children("Request")) r.requests.push_back(line(e));
      break;
    case SoapOperation::PlaceOrder:
      r.order.client_reference = text(root, "ClientReference");
      for (XmlElement e : root.children("Item")) r.order.lines.push_back(line(e));
      break;
    case SoapOperation::ReadOrder: r.reference = text(root, "Reference"); break;
  }
  return r;
}

const message::Vocabulary& vocabulary() {
  static const message::Vocabulary v = [] {
    message::Vocabulary v;
    v.add_namespace("ep", std::string(kNamespace));
    for (const auto& op : kOperations) {
      v.add_element(op.request_root, "ep");
      v.add_root(op.request_root);
    }
    for (auto name : {"Request", "Item", "ClientReference", "Reference", "Provider", "ProviderReference", "Brand",
                      "ManufacturerReference", "EAN", "Quantity"})
      v.add_element(name, "ep");
    return v;
  }();
  return v;
}

std::vector<std::string> schema_roots() {
  return {"eprocurement.xsd"};
}

}  // namespace og::eproc
