#include "veloconnect/error_answer.hpp"

#include "veloconnect/response_code.hpp"
#include "veloconnect/wire_out.hpp"

namespace og::veloconnect {

namespace rv = rules::veloconnect;

namespace {

bool requires_instance(ErrorShape shape) {
  return shape == ErrorShape::Transaction || shape == ErrorShape::TextSearch || shape == ErrorShape::SearchPage ||
         shape == ErrorShape::FinalOrder || shape == ErrorShape::StockPage;
}

// The generated TransactionResponseType answers hold TransactionID and
// StatusCode by value (required), ResponseType ones by pointer (optional).
void set(soap* s, std::string*& field, const std::string& value) {
  field = wire::text(s, value);
}
void set(soap*, std::string& field, const std::string& value) {
  field = value;
}
void set(soap* s, int*& field, int value) {
  field = wire::number(s, value);
}
void set(soap*, int& field, int value) {
  field = value;
}

template <class T>
void fill(soap* s, T& r, const ErrorFields& f, ErrorShape shape) {
  r.BuyersID = f.buyer_id;
  r.ResponseCode = static_cast<velo::vct__ResponseCodeType>(response_code(f.outcome));
  r.ResponseMessage = wire::text(s, f.message);
  if (requires_instance(shape)) {
    // Required by TransactionResponseType: always both.
    auto report = rv::report_instance(f.known, f.sent_transaction, f.echo_instance);
    set(s, r.TransactionID, report.transaction_id);
    set(s, r.StatusCode, report.status_code);
  } else if (f.known) {
    set(s, r.TransactionID, f.known->id);
    set(s, r.StatusCode, f.known->state);
  } else if (f.sent_transaction && f.echo_instance) {
    set(s, r.TransactionID, *f.sent_transaction);
  }
  if (f.is_test) r.IsTest = wire::flag(s, true);
}

}  // namespace

std::string write_error(message::SoapCodec& codec, std::string_view tag, ErrorShape shape, const ErrorFields& fields,
                        message::Envelope envelope, std::span<const message::NamespaceBinding> namespaces) {
  soap* s = codec.ctx();
  std::string name(tag);
  if (shape == ErrorShape::Profile) {
    // GetProfileResponse requires a VeloconnectProfile; an empty one claims nothing.
    auto* r = velo::soap_new__vcp__GetProfileResponse(s);
    fill(s, *r, fields, shape);
    r->VeloconnectProfile = velo::soap_new__vcp__VeloconnectProfile(s);
    return codec.write(*r, name.c_str(), envelope, namespaces);
  }
  if (shape == ErrorShape::TextSearch) {
    auto* r = velo::soap_new__vcc__CreateTextSearchResponse(s);
    fill(s, *r, fields, shape);
    r->TotalCount = 0;
    return codec.write(*r, name.c_str(), envelope, namespaces);
  }
  if (shape == ErrorShape::SearchPage) {
    auto* r = velo::soap_new__vcc__SearchResultResponse(s);
    fill(s, *r, fields, shape);
    r->StartIndex = 0;
    r->Count = 0;
    r->TotalCount = 0;
    r->ResultFormat = velo::vcc__ResultFormatType::COUNT;
    return codec.write(*r, name.c_str(), envelope, namespaces);
  }
  if (shape == ErrorShape::StockPage) {
    // No lines; the counts say "nothing here".
    auto page = [&](auto* r) {
      fill(s, *r, fields, shape);
      r->StartIndex = 0;
      r->Count = 0;
      r->TotalCount = 0;
      return codec.write(*r, name.c_str(), envelope, namespaces);
    };
    if (name.starts_with("vsc:")) return page(velo::soap_new__vsc__GetItemStatusStockTransmitB2CResponse(s));
    if (name.starts_with("vlb:")) return page(velo::soap_new__vlb__GetStatusSaleTransmitB2BResponse(s));
    if (name.starts_with("vlx:")) return page(velo::soap_new__vlx__GetStatusSaleTransmitB2XResponse(s));
    return page(velo::soap_new__vsb__GetItemStatusStockTransmitB2BResponse(s));
  }
  if (shape == ErrorShape::FinalOrder) {
    auto* r = velo::soap_new__vco__FinalOrderResponse(s);
    fill(s, *r, fields, shape);
    r->OrderHeader = velo::soap_new__vco__OrderHeader(s);
    r->OrderHeader->OrderID = fields.order_id.value_or("");
    r->OrderHeader->cbc__IssueDate = fields.issue_date.value_or(fields.today);
    return codec.write(*r, name.c_str(), envelope, namespaces);
  }
  auto* r = velo::soap_new_vct__ResponseType(s);
  fill(s, *r, fields, shape);
  return codec.write(*r, name.c_str(), envelope, namespaces);
}

}  // namespace og::veloconnect
