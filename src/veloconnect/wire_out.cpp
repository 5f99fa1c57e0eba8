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

velo::cac__PartyType* party(soap* s, const std::string& name) {
  auto* p = velo::soap_new_cac__PartyType(s);
  auto* party_name = velo::soap_new_cac__PartyNameType(s);
  party_name->cbc__Name = velo::soap_new_cbc__TextType(s);
  party_name->cbc__Name->__item = name;
  p->PartyName.push_back(party_name);
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
    if (r.manufacturer) m->IssuerParty = party(s, *r.manufacturer);
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

velo::vcr__DateRangeType* date_range(soap* s, const rv::DateWindow& window) {
  auto* r = velo::soap_new_vcr__DateRangeType(s);
  r->FromDate = text(s, window.from.to_string());
  r->ThruDate = text(s, window.thru.to_string());
  return r;
}

velo::cbc__PriceAmountType* price_amount(soap* s, rules::Decimal amount, const std::string& currency) {
  auto* p = velo::soap_new_cbc__PriceAmountType(s);
  p->__item = amount.to_string(2);
  p->amountCurrencyID = currency;
  return p;
}

namespace {

velo::cbc__AmountType* amount(soap* s, rules::Decimal value, const std::string& currency) {
  auto* a = velo::soap_new_cbc__AmountType(s);
  a->__item = value.to_string(2);
  a->amountCurrencyID = currency;
  return a;
}

velo::vcr__LineReferenceType* line_reference(soap* s, const std::optional<model::LineReference>& r) {
  if (!r) return nullptr;
  auto* out = velo::soap_new_vcr__LineReferenceType(s);
  out->ID = r->id;
  if (r->line_id) out->LineID = text(s, *r->line_id);
  return out;
}

}  // namespace

velo::_vcr__LineItem* line_item(soap* s, const model::ReceiptLine& l) {
  auto* out = velo::soap_new__vcr__LineItem(s);
  out->LineID = l.line_id;
  out->OrderID = line_reference(s, l.order);
  out->OrderConfirmationID = line_reference(s, l.confirmation);
  out->DeliveryNoteID = line_reference(s, l.delivery_note);
  if (l.delivery_date) out->cbc__DeliveryDate = text(s, *l.delivery_date);
  out->cbc__Quantity = quantity(s, l.quantity, l.unit);
  // The item as it was delivered or billed: its description and numbers.
  out->cac__Item = velo::soap_new_cac__ItemType(s);
  if (l.description) {
    auto* d = velo::soap_new_cbc__TextType(s);
    d->__item = *l.description;
    out->cac__Item->cbc__Description.push_back(d);
  }
  if (l.buyers_item_id) out->cac__Item->BuyersItemIdentification = identification(s, *l.buyers_item_id);
  out->cac__Item->SellersItemIdentification = identification(s, l.item_id);
  out->UnitPrice = price_amount(s, l.unit_price, l.currency);
  out->LinePrice = price_amount(s, l.line_price, l.currency);
  return out;
}

velo::_vcr__OrderConfirmation* order_confirmation(soap* s, const model::ReceiptDocument& d) {
  auto* out = velo::soap_new__vcr__OrderConfirmation(s);
  out->OrderConfirmationID = d.id;
  out->cbc__IssueDate = d.issue_date;
  if (d.description) out->Description = text(s, *d.description);
  for (const auto& l : d.lines) out->LineItem.push_back(line_item(s, l));
  return out;
}

velo::_vcr__DeliveryNote* delivery_note(soap* s, const model::ReceiptDocument& d) {
  auto* out = velo::soap_new__vcr__DeliveryNote(s);
  out->DeliveryNoteID = d.id;
  out->cbc__IssueDate = d.issue_date;
  if (d.description) out->Description = text(s, *d.description);
  out->TrackingURL = d.tracking_urls;
  for (const auto& l : d.lines) out->LineItem.push_back(line_item(s, l));
  return out;
}

velo::_vcr__Invoice* invoice(soap* s, const model::ReceiptDocument& d) {
  auto* out = velo::soap_new__vcr__Invoice(s);
  out->InvoiceID = d.id;
  out->cbc__IssueDate = d.issue_date;
  if (d.description) out->Description = text(s, *d.description);
  if (d.url) out->InvoiceURL = text(s, *d.url);
  out->GrossSum = price_amount(s, d.gross_sum, d.currency);
  out->NetSum = price_amount(s, d.net_sum, d.currency);
  for (const auto& v : d.vat) {
    auto* t = velo::soap_new_cac__TaxSubTotalType(s);
    t->cbc__TaxableAmount = amount(s, v.taxable, d.currency);
    t->cbc__TaxAmount = amount(s, v.amount, d.currency);
    t->TaxCategory = velo::soap_new_cac__TaxCategoryType(s);
    t->TaxCategory->cbc__Percent = text(s, v.rate.to_string());
    t->TaxCategory->TaxScheme = velo::soap_new_cac__TaxSchemeType(s);
    t->TaxCategory->TaxScheme->cbc__Name = velo::soap_new_cbc__TextType(s);
    t->TaxCategory->TaxScheme->cbc__Name->__item = "VAT";
    out->VAT.push_back(t);
  }
  for (const auto& l : d.lines) out->LineItem.push_back(line_item(s, l));
  return out;
}

}  // namespace og::veloconnect::wire
