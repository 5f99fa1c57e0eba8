#include "veloconnect/decode_xml.hpp"

#include "veloH.h"

namespace og::veloconnect {

namespace rv = rules::veloconnect;
using rules::Decimal;

namespace {

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

struct Fail {
  DecodeError error;
};

// Quantities are valid xsd:decimal by now; this only guards our exact range.
Decimal quantity_of(const velo::cbc__QuantityType& q, const std::string& item) {
  auto d = Decimal::parse(q.__item);
  if (!d) throw Fail{{rv::Outcome::GeneralError, "quantity " + q.__item + " of item " + item + " is out of range"}};
  return *d;
}

std::optional<std::string> unit_of(const velo::cbc__QuantityType& q) {
  if (!q.quantityUnitCode || trim(*q.quantityUnitCode).empty()) return std::nullopt;
  return trim(*q.quantityUnitCode);
}

std::string id_of(const velo::cac__ItemIdentificationType* id) {
  return id && id->ID ? trim(id->ID->__item) : std::string();
}

template <class Envelope>
void read_envelope(const Envelope& e, Request& r) {
  r.caller.buyer_id = trim(e.BuyersID);
  if (e.Credential && e.Credential->Password) r.caller.password = *e.Credential->Password;
  if (e.SellersID) r.seller_id = trim(*e.SellersID);
  r.caller.is_test = e.IsTest && *e.IsTest;
}

void read_optional_tid(const velo::vct__RequestType& e, Request& r) {
  if (e.TransactionID) r.transaction_id = trim(*e.TransactionID);
}
void read_required_tid(const velo::vct__TransactionRequestType& e, Request& r) {
  r.transaction_id = trim(e.TransactionID);
}

core::LineInput line_of(const velo::_vco__OrderRequestLine& l) {
  core::LineInput in;
  in.item_id = id_of(l.cac__SellersItemIdentification);
  in.quantity = quantity_of(*l.cbc__Quantity, in.item_id);
  in.unit = unit_of(*l.cbc__Quantity);
  if (l.cac__BuyersItemIdentification) in.buyers_item_id = id_of(l.cac__BuyersItemIdentification);
  if (l.cbc__DeliveryDate) in.delivery_date = trim(*l.cbc__DeliveryDate);
  if (l.cbc__BacklogIndicator) in.backlog = *l.cbc__BacklogIndicator;
  return in;
}

core::ItemQuery query_of(const velo::cac__ItemIdentificationType* id, const velo::cbc__QuantityType* q) {
  core::ItemQuery query{id_of(id), std::nullopt, std::nullopt};
  if (q) {
    query.quantity = quantity_of(*q, query.item_id);
    query.unit = unit_of(*q);
  }
  return query;
}

template <class T>
T* read_as(message::SoapCodec& codec, const message::XmlPayload& p, const OperationInfo& op, T* (*make)(soap*, int)) {
  T* value = make(codec.ctx(), -1);
  std::string tag = std::string(op.response_tag.substr(0, 3)) + ":" + std::string(op.request);
  auto error = codec.read(p.canonical, value, tag.c_str());
  if (!error.empty()) throw Fail{{rv::Outcome::NotSchemaValid, "request could not be read: " + error, &op}};
  return value;
}

}  // namespace

DecodeResult decode_xml(message::SoapCodec& codec, const message::XmlPayload& payload) {
  const OperationInfo* op = find_operation(payload.root);
  if (!op) return DecodeError{rv::Outcome::NotSupported, "<" + payload.root + "> is not supported", nullptr};
  if (auto v = rv::version_in_namespace(payload.root_ns_sent); v && *v < rv::kOldestVersion)
    return DecodeError{
        rv::Outcome::ObsoleteVersion,
        "namespace " + payload.root_ns_sent + " is older than version 1.0, the oldest this server speaks", op};
  Decoded d;
  d.answer_ns = answer_namespaces_for_xml(payload.root_ns_sent);
  Request& r = d.request;
  r.operation = op->operation;
  try {
    switch (op->operation) {
      case Operation::GetProfile: {
        auto* v = read_as<velo::vct__RequestType>(codec, payload, *op, velo::soap_new_vct__RequestType);
        read_envelope(*v, r);
        read_optional_tid(*v, r);
        break;
      }
      case Operation::GetStatus: {
        auto* v = read_as<velo::vct__RequestType>(codec, payload, *op, velo::soap_new_vct__RequestType);
        read_envelope(*v, r);
        read_optional_tid(*v, r);
        break;
      }
      case Operation::GetItemDetails: {
        auto* v = read_as(codec, payload, *op, velo::soap_new__vco__GetItemDetailsRequest);
        read_envelope(*v, r);
        read_optional_tid(*v, r);
        r.items.push_back(query_of(v->cac__SellersItemIdentification, v->cbc__Quantity));
        break;
      }
      case Operation::GetItemDetailsList: {
        auto* v = read_as(codec, payload, *op, velo::soap_new__vco__GetItemDetailsListRequest);
        read_envelope(*v, r);
        read_optional_tid(*v, r);
        for (auto* e : v->RequestEntry)
          r.items.push_back(query_of(e->cac__SellersItemIdentification, e->cbc__Quantity));
        break;
      }
      case Operation::CreateOrder: {
        auto* v = read_as(codec, payload, *op, velo::soap_new__vco__CreateOrderRequest);
        read_envelope(*v, r);
        read_optional_tid(*v, r);
        for (auto* l : v->OrderRequestLine) r.lines.push_back(line_of(*l));
        break;
      }
      case Operation::UpdateOrder: {
        auto* v = read_as(codec, payload, *op, velo::soap_new__vco__UpdateOrderRequest);
        read_envelope(*v, r);
        read_required_tid(*v, r);
        for (auto* l : v->OrderRequestLine) r.lines.push_back(line_of(*l));
        break;
      }
      case Operation::ViewOrder:
      case Operation::FinishOrder:
      case Operation::Rollback: {
        auto* v =
            read_as<velo::vct__TransactionRequestType>(codec, payload, *op, velo::soap_new_vct__TransactionRequestType);
        read_envelope(*v, r);
        read_required_tid(*v, r);
        break;
      }
      case Operation::CreateTextSearch: {
        auto* v = read_as(codec, payload, *op, velo::soap_new__vcc__CreateTextSearchRequest);
        read_envelope(*v, r);
        read_optional_tid(*v, r);
        if (v->SearchString) r.search_string = trim(v->SearchString->__item);
        break;
      }
      case Operation::SearchResult: {
        auto* v = read_as(codec, payload, *op, velo::soap_new__vcc__SearchResultRequest);
        read_envelope(*v, r);
        read_required_tid(*v, r);
        r.start_index = v->StartIndex;
        r.count = v->Count;
        switch (v->ResultFormat) {
          case velo::vcc__ResultFormatType::COUNT: r.format = ResultFormat::Count; break;
          case velo::vcc__ResultFormatType::ITEM_USCOREDETAIL: r.format = ResultFormat::ItemDetail; break;
          case velo::vcc__ResultFormatType::ITEM_USCORETYPE: r.format = ResultFormat::ItemType; break;
          case velo::vcc__ResultFormatType::ID_USCOREONLY: r.format = ResultFormat::IdOnly; break;
        }
        r.do_not_close = v->DoNotClose && *v->DoNotClose;
        break;
      }
    }
  } catch (Fail& f) {
    f.error.operation = op;
    f.error.buyer_id = r.caller.buyer_id;
    f.error.transaction_id = r.transaction_id;
    return f.error;
  }
  return d;
}

DecodeError decode_error(const message::XmlProblem& problem) {
  DecodeError e{rv::Outcome::NotSchemaValid, problem.message, find_operation(problem.root)};
  if (problem.kind == message::XmlProblemKind::UnknownRoot && problem.root.ends_with("Request")) {
    e.outcome = rv::Outcome::NotSupported;
    e.message = "<" + problem.root + "> is not supported by this server (see GetProfile)";
  }
  if (auto it = problem.hints.find("BuyersID"); it != problem.hints.end()) e.buyer_id = it->second;
  if (auto it = problem.hints.find("TransactionID"); it != problem.hints.end() && !it->second.empty())
    e.transaction_id = it->second;
  return e;
}

}  // namespace og::veloconnect
