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
  DocumentT* (*document)(soap*, const model::ReceiptDocument&);
  std::vector<DocumentT*> DetailsT::*documents;
  Ids confirmation_ids;  // the references a header carries beyond OrderID (null: none)
  Ids delivery_note_ids;
};

// A table with its types deduced from its entries.
template <class Q, class H, class D, class Doc>
ReceiptAnswers<Q, H, D, Doc> receipt_answers(Q* (*new_query)(soap*, int), D* (*new_details)(soap*, int),
                                             H* (*new_header)(soap*, int), std::vector<H*> Q::*headers,
                                             std::string H::*id, Doc* (*document)(soap*, const model::ReceiptDocument&),
                                             std::vector<Doc*> D::*documents,
                                             std::vector<std::string> H::*confirmation_ids = nullptr,
                                             std::vector<std::string> H::*delivery_note_ids = nullptr) {
  return {{new_query, new_details}, new_header, headers, id, document, documents, confirmation_ids, delivery_note_ids};
}

// Calls `f` with the table of `type`.
template <class F>
void with_receipt_answers(core::veloconnect::ReceiptType type, F&& f) {
  using core::veloconnect::ReceiptType;
  using namespace velo;  // the generated names are long enough
  switch (type) {
    case ReceiptType::Offer:
      return f(EmptyReceiptAnswers<_vcr__OfferQueryResponse, _vcr__OfferDetailsResponse>{
          soap_new__vcr__OfferQueryResponse, soap_new__vcr__OfferDetailsResponse});
    case ReceiptType::OrderConfirmation:
      return f(receipt_answers(soap_new__vcr__OrderConfirmationQueryResponse,
                               soap_new__vcr__OrderConfirmationDetailsResponse, soap_new__vcr__OrderConfirmationHeader,
                               &_vcr__OrderConfirmationQueryResponse::OrderConfirmationHeader,
                               &_vcr__OrderConfirmationHeader::OrderConfirmationID, wire::order_confirmation,
                               &_vcr__OrderConfirmationDetailsResponse::OrderConfirmation));
    case ReceiptType::DeliveryNote:
      return f(receipt_answers(soap_new__vcr__DeliveryNoteQueryResponse, soap_new__vcr__DeliveryNoteDetailsResponse,
                               soap_new__vcr__DeliveryNoteHeader, &_vcr__DeliveryNoteQueryResponse::DeliveryNoteHeader,
                               &_vcr__DeliveryNoteHeader::DeliveryNoteID, wire::delivery_note,
                               &_vcr__DeliveryNoteDetailsResponse::DeliveryNote,
                               &_vcr__DeliveryNoteHeader::OrderConfirmationID));
    case ReceiptType::Invoice:
      return f(receipt_answers(soap_new__vcr__InvoiceInformationQueryResponse,
                               soap_new__vcr__InvoiceInformationDetailsResponse, soap_new__vcr__InvoiceHeader,
                               &_vcr__InvoiceInformationQueryResponse::InvoiceHeader, &_vcr__InvoiceHeader::InvoiceID,
                               wire::invoice, &_vcr__InvoiceInformationDetailsResponse::Invoice,
                               &_vcr__InvoiceHeader::OrderConfirmationID, &_vcr__InvoiceHeader::DeliveryNoteID));
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
