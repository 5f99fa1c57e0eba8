// The receipt module's Query and Details answers differ between the four
// receipt types only in their gSOAP types, the element their headers or
// documents go in and the references a header carries: this table names
// those, so that service.cpp builds all eight answers with one piece of code.
#pragma once
#include <string>
#include <vector>

#include "core/veloconnect/receipts.hpp"
#include "veloconnect/wire_out.hpp"

namespace og::veloconnect {

// Offers: ordergate has none, so their answers list no header and no document.
template <class QueryT, class DetailsT>
struct EmptyReceiptAnswers {
  QueryT* (*new_query)(soap*, int);
  DetailsT* (*new_details)(soap*, int);
};

template <class QueryT, class HeaderT, class DetailsT, class DocumentT>
struct ReceiptAnswers : EmptyReceiptAnswers<QueryT, DetailsT> {
  using Header = HeaderT;
  using Ids = std::vector<std::string> HeaderT::*;

  HeaderT* (*new_header)(soap*, int);
  std::vector<HeaderT*> QueryT::*headers;
  std::string HeaderT::*id;
  Ids confirmation_ids;  // the references a header carries beyond OrderID (null: none)
  Ids delivery_note_ids;
  DocumentT* (*document)(soap*, const model::ReceiptDocument&);
  std::vector<DocumentT*> DetailsT::*documents;
};

// Calls `f` with the table of `type`.
template <class F>
void with_receipt_answers(core::veloconnect::ReceiptType type, F&& f) {
  using core::veloconnect::ReceiptType;
  switch (type) {
    case ReceiptType::Offer:
      return f(EmptyReceiptAnswers<velo::_vcr__OfferQueryResponse, velo::_vcr__OfferDetailsResponse>{
          velo::soap_new__vcr__OfferQueryResponse, velo::soap_new__vcr__OfferDetailsResponse});
    case ReceiptType::OrderConfirmation:
      return f(ReceiptAnswers<velo::_vcr__OrderConfirmationQueryResponse, velo::_vcr__OrderConfirmationHeader,
                              velo::_vcr__OrderConfirmationDetailsResponse, velo::_vcr__OrderConfirmation>{
          {velo::soap_new__vcr__OrderConfirmationQueryResponse, velo::soap_new__vcr__OrderConfirmationDetailsResponse},
          velo::soap_new__vcr__OrderConfirmationHeader,
          &velo::_vcr__OrderConfirmationQueryResponse::OrderConfirmationHeader,
          &velo::_vcr__OrderConfirmationHeader::OrderConfirmationID,
          nullptr,
          nullptr,
          wire::order_confirmation,
          &velo::_vcr__OrderConfirmationDetailsResponse::OrderConfirmation});
    case ReceiptType::DeliveryNote:
      return f(ReceiptAnswers<velo::_vcr__DeliveryNoteQueryResponse, velo::_vcr__DeliveryNoteHeader,
                              velo::_vcr__DeliveryNoteDetailsResponse, velo::_vcr__DeliveryNote>{
          {velo::soap_new__vcr__DeliveryNoteQueryResponse, velo::soap_new__vcr__DeliveryNoteDetailsResponse},
          velo::soap_new__vcr__DeliveryNoteHeader,
          &velo::_vcr__DeliveryNoteQueryResponse::DeliveryNoteHeader,
          &velo::_vcr__DeliveryNoteHeader::DeliveryNoteID,
          &velo::_vcr__DeliveryNoteHeader::OrderConfirmationID,
          nullptr,
          wire::delivery_note,
          &velo::_vcr__DeliveryNoteDetailsResponse::DeliveryNote});
    case ReceiptType::Invoice:
      return f(ReceiptAnswers<velo::_vcr__InvoiceInformationQueryResponse, velo::_vcr__InvoiceHeader,
                              velo::_vcr__InvoiceInformationDetailsResponse, velo::_vcr__Invoice>{
          {velo::soap_new__vcr__InvoiceInformationQueryResponse,
           velo::soap_new__vcr__InvoiceInformationDetailsResponse},
          velo::soap_new__vcr__InvoiceHeader,
          &velo::_vcr__InvoiceInformationQueryResponse::InvoiceHeader,
          &velo::_vcr__InvoiceHeader::InvoiceID,
          &velo::_vcr__InvoiceHeader::OrderConfirmationID,
          &velo::_vcr__InvoiceHeader::DeliveryNoteID,
          wire::invoice,
          &velo::_vcr__InvoiceInformationDetailsResponse::Invoice});
  }
}

// The Query answer's entry for one document.
template <class A>
typename A::Header* receipt_header(soap* s, const A& a, const model::ReceiptHeader& h) {
  auto* e = a.new_header(s, -1);
  e->*a.id = h.id;
  e->cbc__IssueDate = h.issue_date;
  if (h.description) e->Description = wire::text(s, *h.description);
  e->OrderID = h.order_ids;
  if (a.confirmation_ids) e->*a.confirmation_ids = h.confirmation_ids;
  if (a.delivery_note_ids) e->*a.delivery_note_ids = h.delivery_note_ids;
  return e;
}

}  // namespace og::veloconnect
