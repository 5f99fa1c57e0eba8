#include "veloconnect/wire_out.hpp"

namespace og::veloconnect::wire {

namespace rv = rules::veloconnect;

std::string* text(soap* s, std::string value) {
  auto* p = velo::soap_new_std__string(s);
  *p = std::move(value);
  return p;
}

bool* flag(soap* s, bool value) {
  auto* p = velo::soap_new_bool(s);
  *p = value;
  return p;
}

int* number(soap* s, int value) {
  auto* p = velo::soap_new_int(s);
  *p = value;
  return p;
}

velo::cac__ItemIdentificationType* identification(soap* s, const std::string& id, const char* scheme) {
  auto* out = velo::soap_new_cac__ItemIdentificationType(s);
  out->ID = velo::soap_new_cbc__IdentifierType(s);
  out->ID->__item = id;
  if (scheme) out->ID->identificationSchemeID = text(s, scheme);
  return out;
}

velo::cbc__QuantityType* quantity(soap* s, rules::Decimal value, const std::string& unit) {
  auto* q = velo::soap_new_cbc__QuantityType(s);
  q->__item = value.to_string();
  q->quantityUnitCode = text(s, unit);
  return q;
}

velo::cac__PriceType* price(soap* s, rules::Decimal amount, const std::string& currency,
                            const std::optional<std::string>& per_unit) {
  auto* p = velo::soap_new_cac__PriceType(s);
  p->cbc__PriceAmount = velo::soap_new_cbc__AmountType(s);
  p->cbc__PriceAmount->__item = amount.to_string(2);
  p->cbc__PriceAmount->amountCurrencyID = currency;
  if (per_unit) p->cbc__BaseQuantity = quantity(s, rules::Decimal::from_int(1), *per_unit);
  return p;
}

velo::cac__ItemType* item(soap* s, const model::Item& r, const std::optional<std::string>& buyers_item_id) {
  auto* it = velo::soap_new_cac__ItemType(s);
  auto* description = velo::soap_new_cbc__TextType(s);
  description->__item = r.description;
  it->cbc__Description.push_back(description);
  if (r.order_unit != r.base_unit) {
    // A pack: how many base units one order unit holds.
    it->cbc__PackQuantity = quantity(s, r.base_per_order_unit, r.base_unit);
    it->cbc__PackSizeNumeric = text(s, r.base_per_order_unit.to_string());
  }
  if (buyers_item_id) it->BuyersItemIdentification = identification(s, *buyers_item_id);
  it->SellersItemIdentification = identification(s, r.id);
  if (r.manufacturer_item_id) {
    auto* m = identification(s, *r.manufacturer_item_id);
    if (r.manufacturer) {
      m->IssuerParty = velo::soap_new_cac__PartyType(s);
      auto* name = velo::soap_new_cac__PartyNameType(s);
      name->cbc__Name = velo::soap_new_cbc__TextType(s);
      name->cbc__Name->__item = *r.manufacturer;
      m->IssuerParty->PartyName.push_back(name);
    }
    it->ManufacturersItemIdentification.push_back(m);
  }
  if (r.ean) it->StandardItemIdentification = identification(s, *r.ean, "EAN/UCC-13");
  it->BasePrice.push_back(price(s, r.price, r.currency, r.order_unit));
  if (r.recommended_retail_price)
    it->RecommendedRetailPrice = price(s, *r.recommended_retail_price, r.currency, r.order_unit);
  if (!r.groups.empty()) {
    it->vcc__ItemInformation = velo::soap_new__vcc__ItemInformation(s);
    bool primary = true;
    for (const auto& g : r.groups) {
      auto* member = velo::soap_new_vcc__ClassificationGroupMemberType(s);
      member->ClassificationSchemeID = g.scheme_id;
      member->GroupID = g.group_id;
      member->primaryGroup = primary;
      primary = false;
      it->vcc__ItemInformation->ClassificationGroupMember.push_back(member);
    }
  }
  return it;
}

velo::vco__AvailabilityType* availability(soap* s, const rv::AvailabilityDecision& d, const std::string& unit) {
  auto* a = velo::soap_new_vco__AvailabilityType(s);
  switch (d.code) {
    case rv::AvailabilityCode::Available: a->Code = velo::vco__AvailabilityCodeType::available; break;
    case rv::AvailabilityCode::PartiallyAvailable:
      a->Code = velo::vco__AvailabilityCodeType::partially_USCOREavailable;
      break;
    case rv::AvailabilityCode::ExpectingDelivery:
      a->Code = velo::vco__AvailabilityCodeType::expecting_USCOREdelivery;
      break;
    case rv::AvailabilityCode::NotAvailable: a->Code = velo::vco__AvailabilityCodeType::not_USCOREavailable; break;
  }
  if (d.available_quantity) a->AvailableQuantity = quantity(s, *d.available_quantity, unit);
  if (d.expected_delivery) a->ExpectedDeliveryDate = text(s, d.expected_delivery->to_string());
  return a;
}

velo::_vco__OrderResponseLine* order_line(soap* s, const core::veloconnect::LineView& v) {
  auto* l = velo::soap_new__vco__OrderResponseLine(s);
  l->cbc__Quantity = quantity(s, v.line.quantity, v.line.unit);
  if (v.item) {
    l->cac__Item = item(s, *v.item, v.line.buyers_item_id);
  } else {
    // The item has left the catalog since the line was made: identify it only.
    l->cac__Item = velo::soap_new_cac__ItemType(s);
    if (v.line.buyers_item_id) l->cac__Item->BuyersItemIdentification = identification(s, *v.line.buyers_item_id);
    l->cac__Item->SellersItemIdentification = identification(s, v.line.item_id);
  }
  l->cac__UnitPrice = price(s, v.line.unit_price, v.line.currency, v.line.unit);
  l->Availability = availability(s, v.availability, v.line.unit);
  if (v.line.delivery_date) l->cbc__DeliveryDate = text(s, *v.line.delivery_date);
  if (v.line.backlog) l->cbc__BacklogIndicator = flag(s, *v.line.backlog);
  return l;
}

velo::_vco__RequestReplacement* replacement(soap* s, const std::string& item_id,
                                            const std::vector<std::string>& replacements) {
  auto* r = velo::soap_new__vco__RequestReplacement(s);
  r->cac__SellersItemIdentification = identification(s, item_id);
  for (const auto& id : replacements) r->cac__ItemReplacement.push_back(identification(s, id));
  return r;
}

velo::_vco__ItemUnknown* unknown(soap* s, const std::string& item_id) {
  auto* u = velo::soap_new__vco__ItemUnknown(s);
  u->cac__SellersItemIdentification = identification(s, item_id);
  return u;
}

}  // namespace og::veloconnect::wire
