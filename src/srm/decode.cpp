#include "srm/decode.hpp"

#include <cctype>

namespace og::srm {

namespace {

using message::XmlElement;
namespace rs = rules::srm;

std::string decimal(XmlElement e) {
  // Valid against xsd:decimal already; canonical_decimal only fails on
  // spellings the schema rejects.
  auto text = e.text();
  return rs::canonical_decimal(text).value_or(text);
}

std::optional<rs::Quantity> quantity(XmlElement e) {
  if (!e) return std::nullopt;
  return rs::Quantity{decimal(e), e.attribute("unitCode")};
}

std::optional<rs::Amount> amount(XmlElement e) {
  if (!e) return std::nullopt;
  return rs::Amount{decimal(e), e.attribute("currencyCode").value_or("")};
}

std::optional<rs::SchemedID> schemed(XmlElement e) {
  if (!e) return std::nullopt;
  return rs::SchemedID{e.text(), e.attribute("schemeID"), e.attribute("schemeAgencyID")};
}

rs::Item item(XmlElement e) {
  rs::Item i;
  i.id = e.child_text("ID").value_or("");
  i.parent_id = e.child_text("ParentID");
  if (auto limit = e.child_text("LimitIndicator")) i.limit_indicator = *limit == "true" || *limit == "1";
  if (XmlElement product = e.child("Product")) {
    i.category = schemed(product.child("Category"));
    if (XmlElement p = product.child("Product")) {
      i.note = p.child_text("Note");
      i.type_code = p.child_text("TypeCode");
      i.internal_id = schemed(p.child("InternalID"));
    }
  }
  i.quantity = quantity(e.child("Quantity"));
  if (XmlElement price = e.child("NetUnitPrice"))
    i.net_unit_price = rs::Price{*amount(price.child("Amount")), quantity(price.child("BaseQuantity"))};
  i.cost_upper_limit = amount(e.child("ProcurementCostUpperLimit"));
  for (XmlElement a : e.children("AccountingCodingBlockAssignment")) {
    rs::AccountAssignment assignment;
    if (XmlElement percent = a.child("Percent")) assignment.percent = decimal(percent);
    assignment.quantity = quantity(a.child("Quantity"));
    assignment.cost_centre_id = a.child_text("CostCentreID");
    i.accounting.push_back(std::move(assignment));
  }
  if (XmlElement c = e.child("CatalogueReference"))
    i.catalogue = rs::CatalogueReference{c.child_text("ID"), c.child_text("ItemID")};
  return i;
}

std::vector<rs::Item> items(XmlElement request) {
  std::vector<rs::Item> out;
  for (XmlElement e : request.children("Item")) out.push_back(item(e));
  return out;
}

}  // namespace

Request decode(const message::XmlPayload& payload) {
  Request r;
  r.operation = operation_for_root(payload.root);
  XmlElement root = payload.element();
  if (XmlElement header = root.child("MessageHeader")) {
    r.header.id = header.child_text("ID");
    // UUIDs compare case-insensitively: one spelling as the idempotency key.
    if (auto uuid = header.child_text("UUID")) {
      for (char& c : *uuid) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      r.header.uuid = std::move(uuid);
    }
  }
  XmlElement cart = root.child("InternalRequest");
  switch (r.operation->operation) {
    case Operation::Create:
      r.create.id_submitted = static_cast<bool>(cart.child("ID"));
      r.create.items = items(cart);
      break;
    case Operation::Release:
      r.release.id = cart.child_text("ID");
      r.release.change_state_id = cart.child_text("ChangeStateID");
      r.release.items = items(cart);
      break;
    case Operation::Cancel:
      r.cancel.id = cart.child_text("ID");
      r.cancel.change_state_id = cart.child_text("ChangeStateID");
      break;
    case Operation::Read: r.read_id = root.child("InternalRequestSelectionByID").child_text("ID").value_or(""); break;
  }
  return r;
}

}  // namespace og::srm
