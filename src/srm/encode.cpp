#include "srm/encode.hpp"

#include <algorithm>
#include <cstdio>

#include "srm/answer_mapping.hpp"
#include "srm/namespaces.hpp"
#include "srmH.h"

namespace og::srm {

namespace {

namespace rs = rules::srm;

std::string* text(soap* s, std::string value) {
  auto* p = ::srm::soap_new_std__string(s);
  *p = std::move(value);
  return p;
}

std::string* text(soap* s, const std::optional<std::string>& value) {
  return value ? text(s, *value) : nullptr;
}

::srm::srm__Quantity* quantity(soap* s, const std::optional<rs::Quantity>& q) {
  if (!q) return nullptr;
  auto* out = ::srm::soap_new_srm__Quantity(s);
  out->__item = q->amount;
  out->unitCode = text(s, q->unit_code);
  return out;
}

::srm::srm__Amount* amount(soap* s, const std::optional<rs::Amount>& a) {
  if (!a) return nullptr;
  auto* out = ::srm::soap_new_srm__Amount(s);
  out->__item = a->value;
  out->currencyCode = a->currency_code;
  return out;
}

::srm::srm__InternalRequestItem* item(soap* s, const rs::Item& i) {
  auto* out = ::srm::soap_new_srm__InternalRequestItem(s);
  out->ID = i.id;
  out->ParentID = text(s, i.parent_id);
  if (i.limit_indicator) {
    out->LimitIndicator = ::srm::soap_new_bool(s);
    *out->LimitIndicator = *i.limit_indicator;
  }
  if (i.category || i.note || i.type_code || i.internal_id) {
    out->Product = ::srm::soap_new_srm__InternalRequestItemProduct(s);
    if (i.category) {
      auto* c = ::srm::soap_new_srm__ProductCategoryInternalID(s);
      c->__item = i.category->value;
      c->schemeID = text(s, i.category->scheme_id);
      c->schemeAgencyID = text(s, i.category->scheme_agency_id);
      out->Product->Category = c;
    }
    if (i.note || i.type_code || i.internal_id) {
      auto* p = ::srm::soap_new_srm__ProductDescription(s);
      p->Note = text(s, i.note);
      p->TypeCode = text(s, i.type_code);
      if (i.internal_id) {
        p->InternalID = ::srm::soap_new_srm__ProductInternalID(s);
        p->InternalID->__item = i.internal_id->value;
        p->InternalID->schemeID = text(s, i.internal_id->scheme_id);
        p->InternalID->schemeAgencyID = text(s, i.internal_id->scheme_agency_id);
      }
      out->Product->Product = p;
    }
  }
  out->Quantity = quantity(s, i.quantity);
  if (i.net_unit_price) {
    out->NetUnitPrice = ::srm::soap_new_srm__Price(s);
    out->NetUnitPrice->Amount = amount(s, i.net_unit_price->amount);
    out->NetUnitPrice->BaseQuantity = quantity(s, i.net_unit_price->base_quantity);
  }
  out->ProcurementCostUpperLimit = amount(s, i.cost_upper_limit);
  for (const auto& a : i.accounting) {
    auto* x = ::srm::soap_new_srm__AccountingCodingBlockAssignment(s);
    x->Percent = text(s, a.percent);
    x->Quantity = quantity(s, a.quantity);
    x->CostCentreID = text(s, a.cost_centre_id);
    out->AccountingCodingBlockAssignment.push_back(x);
  }
  if (i.catalogue) {
    out->CatalogueReference = ::srm::soap_new_srm__CatalogueReference(s);
    out->CatalogueReference->ID = text(s, i.catalogue->catalogue_id);
    out->CatalogueReference->ItemID = text(s, i.catalogue->item_id);
  }
  return out;
}

::srm::srm__LogItemSeverityCode severity_code(rs::Severity severity) {
  switch (severity) {
    case rs::Severity::Information: return ::srm::srm__LogItemSeverityCode::_1;
    case rs::Severity::Warning: return ::srm::srm__LogItemSeverityCode::_2;
    case rs::Severity::Error: break;
  }
  return ::srm::srm__LogItemSeverityCode::_3;
}

::srm::srm__Log* log(soap* s, const core::srm::CartOutcome& outcome, Operation operation) {
  auto* out = ::srm::soap_new_srm__Log(s);
  out->BusinessDocumentProcessingResultCode = text(s, std::string(result_code(outcome)));
  rs::Severity worst = rs::Severity::Information;
  for (std::size_t n = 0; n < outcome.messages.size(); ++n) {
    const auto& m = outcome.messages[n];
    rs::Severity severity = severity_of(outcome, n);
    worst = std::max(worst, severity);
    auto* i = ::srm::soap_new_srm__LogItem(s);
    i->TypeID = text(s, rs::type_id(m.number));
    i->SeverityCode = ::srm::soap_new_srm__LogItemSeverityCode(s);
    *i->SeverityCode = severity_code(severity);
    if (!m.item_id.empty()) i->ReferenceObjectNodeSenderTechnicalID = text(s, m.item_id);
    if (std::string element = element_of(m, operation); !element.empty())
      i->ReferenceMessageElementName = text(s, std::move(element));
    i->Note = m.note;
    out->Item.push_back(i);
  }
  out->MaximumLogItemSeverityCode = ::srm::soap_new_srm__LogItemSeverityCode(s);
  *out->MaximumLogItemSeverityCode = severity_code(worst);
  return out;
}

}  // namespace

std::string confirmation(message::SoapCodec& codec, const OperationInfo& operation,
                         const core::srm::CartOutcome& outcome, const MessageHeader& request_header) {
  soap* s = codec.ctx();
  ::srm::srm__InternalRequestSRMConfirmationMessage_USCOREsync answer;
  answer.soap_default(s);
  auto* header = ::srm::soap_new_srm__BusinessDocumentMessageHeader(s);
  const std::string& uuid = outcome.answer_id;
  std::string id = uuid;
  id.erase(std::remove(id.begin(), id.end(), '-'), id.end());
  std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  header->ID = text(s, id);
  header->UUID = text(s, uuid);
  // From the outcome, not the request: a repeated message is answered as the first one was.
  if (!outcome.reference_id.empty()) header->ReferenceID = text(s, outcome.reference_id);
  header->ReferenceUUID = text(s, request_header.uuid);
  header->CreationDateTime = static_cast<time_t>(outcome.answered_at);
  answer.MessageHeader = header;
  if (outcome.success && outcome.cart) {
    auto* cart = ::srm::soap_new_srm__InternalRequest(s);
    cart->ID = text(s, outcome.cart->id);
    if (operation.operation != Operation::Cancel) cart->ChangeStateID = text(s, outcome.cart->change_state_id);
    if (operation.operation == Operation::Read) {
      cart->Status = ::srm::soap_new_srm__InternalRequestStatus(s);
      cart->Status->OrderedIndicator = outcome.cart->ordered;
      cart->Status->ConsistentIndicator = outcome.consistent;
      for (const auto& i : outcome.cart->items) cart->Item.push_back(item(s, i));
    }
    answer.InternalRequest = cart;
  }
  answer.Log = log(s, outcome, operation.operation);
  std::string tag = std::string("srm:") + operation.response_root;
  return codec.write_element(answer, tag.c_str(), answer_bindings());
}

std::string fault(message::SoapCodec& codec, message::Envelope envelope, bool sender, const std::string& fault_text,
                  const std::string& detail) {
  soap* s = codec.ctx();
  ::srm::srmb__ExchangeFaultMessage f;
  f.soap_default(s);
  f.standard = ::srm::soap_new_srmb__ExchangeFaultData(s);
  f.standard->faultText = fault_text;
  if (!detail.empty()) {
    auto* d = ::srm::soap_new_srmb__ExchangeLogData(s);
    d->severity = text(s, std::string(sender ? "error" : "fatal"));
    d->text = detail;
    f.standard->faultDetail.push_back(d);
  }
  return codec.write_fault(f, "srmb:StandardMessageFault", envelope, fault_bindings(), sender, fault_text);
}

}  // namespace og::srm
