#include "veloconnect/service.hpp"

#include <cstdio>

#include "core/veloconnect/online_shop.hpp"
#include "log/log.hpp"
#include "message/soap_codec.hpp"
#include "message/xml_reader.hpp"
#include "veloconnect/error_answer.hpp"
#include "veloconnect/namespaces.hpp"
#include "veloconnect/receipt_answers.hpp"
#include "veloconnect/response_code.hpp"
#include "veloconnect/wire_out.hpp"

// The order of Veloconnect's checks, in one place. A request is answered with
// the first of these that fails:
//   1. the message itself (decode_xml.cpp / decode_url.cpp): 405 not valid
//      (XML over the --max-xml-* limits included), 404 unknown operation, 406
//      obsolete version, 400 a value out of range or over a limit of this
//      server (--max-url-parameters, identifiers over 256 bytes);
//   2. 415 SellersID not served here (Service::place: the path's seller, or
//      at /veloconnect the SellersID's, default the --seller-id one);
//   3. 410 unknown buyer, 411 wrong password (Service::answer, via core);
//   4. the instance the request names, in the standard's order 420, 435, 430
//      (rules/veloconnect/transaction_rules.cpp, applied by core), or 421 no
//      instance left for a creating step;
//   5. the content: 400 for an order line or a query the rules refuse.
// Only then is the answer built, and only once the commit it depends on is
// durable (else 500, "not applied").

namespace og::veloconnect {

namespace rv = rules::veloconnect;
namespace cv = core::veloconnect;
using message::Envelope;

namespace {

velo::vct__ResponseCodeType code_of(rv::Outcome outcome) {
  return static_cast<velo::vct__ResponseCodeType>(response_code(outcome));
}

std::string_view prefix_of(std::string_view tag) {
  return tag.substr(0, tag.find(':'));
}

// An answer for a request we could not place: the standard's envelope-only
// answer, readable by every client (see README, "Errors").
constexpr const char* kGenericTag = "vct:GetStatusResponse";

const cv::Failure kNotApplied{rv::Outcome::InternalError,
                              "internal error: the request was not applied; please retry later", std::nullopt};

// One gSOAP context per event-loop thread for the velo binding. An answer is
// written in one go after the last co_await, so the requests that share a
// thread never share the context's contents.
message::SoapCodec& fresh_codec() {
  thread_local message::SoapCodec codec(soap_namespaces());
  codec.reset();
  return codec;
}

}  // namespace

// Everything one request needs while it is being answered.
struct Service::Out {
  const Decoded& in;
  core::Context ctx;
  Envelope envelope;
  Answer answer;
  cv::Credentials credentials = cv::Credentials::Valid;
  cv::Caller caller;  // the request's caller, with the seller it was placed with
  std::string seller_name;
  std::string today;  // YYYY-MM-DD, for error answers that need a date
  message::SoapCodec* codec = nullptr;

  // The codec, emptied for this answer; call only after the last co_await.
  soap* s() {
    if (!codec) codec = &fresh_codec();
    return codec->ctx();
  }
  const Request& rq() const { return in.request; }

  template <class T>
  void fill_envelope(T& r, rv::Outcome outcome = rv::Outcome::Ok) {
    r.BuyersID = rq().caller.buyer_id;
    r.ResponseCode = code_of(outcome);
    if (rq().caller.is_test) r.IsTest = wire::flag(s(), true);
  }

  template <class T>
  void write(const T& value) {
    std::string tag(answer_tag(info(rq().operation).response_tag, in.answer_ns));
    answer.body = codec->write(value, tag.c_str(), envelope, answer_bindings(prefix_of(tag), in.answer_ns));
  }

  void refuse(const cv::Failure& f) {
    answer.outcome = f.outcome;
    ErrorFields e{
        rq().caller.buyer_id,
        f.outcome,
        f.message.empty() ? std::string(rv::describe(f.outcome)) : message::capped(f.message, kMaxResponseMessage),
        std::nullopt,
        rq().transaction_id,
        f.outcome != rv::Outcome::UnknownBuyer && f.outcome != rv::Outcome::AuthenticationFailed,
        rq().caller.is_test};
    if (f.transaction) {
      e.known = rv::KnownInstance{f.transaction->id, f.transaction->state};
      e.order_id = f.transaction->order_id;
      e.issue_date = f.transaction->issue_date;
    }
    e.today = today;
    const auto& op = info(rq().operation);
    std::string_view tag = answer_tag(op.response_tag, in.answer_ns);
    s();  // a fresh codec
    answer.body = write_error(*codec, tag, op.error_shape, e, envelope, answer_bindings(prefix_of(tag), in.answer_ns));
  }
};

Task<Answer> Service::answer(const Decoded& decoded, Envelope envelope, CancelToken cancel,
                             std::string client_address) {
  Out out{decoded, core_.contexts.make(std::move(cancel), std::move(client_address)), envelope,
          Answer{rv::Outcome::Ok, std::string(info(decoded.request.operation).name), {}}};
  out.today = core_.clock.today().to_string();
  bool failed = false;
  try {
    co_await perform(out);
  } catch (const std::exception& e) {
    // A store failure (or anything unforeseen): the unit of work was rolled
    // back; say so instead of dropping the connection. The detail is for the
    // operator's log, not for the client.
    log::error("veloconnect " + out.answer.operation + " failed: " + e.what());
    failed = true;
  }
  // No answer before the commit it reports: if that commit failed, nothing
  // of this request was kept and the client hears so.
  // (GCC 12 miscompiles co_await inside a condition: each is a statement of its own.)
  bool durable = false;
  if (!failed) durable = co_await out.ctx.durable();
  if (!durable) {
    out.codec = nullptr;
    out.answer.body.clear();
    out.refuse(kNotApplied);
  }
  co_return std::move(out.answer);
}

Task<bool> Service::place(Out& out) {
  const Request& rq = out.rq();
  out.caller = rq.caller;
  auto unknown = [&](const std::string& id) {
    out.refuse({rv::Outcome::UnknownSeller, "SellersID " + id + " is not served here", std::nullopt});
    return false;
  };
  std::string wanted;
  if (rq.path_seller) {
    if (rq.seller_id && *rq.seller_id != *rq.path_seller) co_return unknown(*rq.seller_id);
    wanted = *rq.path_seller;
  } else if (!rq.seller_id || *rq.seller_id == config_.seller_id) {
    out.caller.seller.clear();  // the default seller
    out.seller_name = config_.seller_name;
    co_return true;
  } else {
    wanted = *rq.seller_id;
  }
  // A hosted seller ("" is the default one's key, never a path or a SellersID).
  std::optional<model::Seller> seller;
  if (!wanted.empty()) seller = co_await core_.sellers.find(out.ctx, wanted);
  if (!seller) co_return unknown(wanted);
  out.caller.seller = seller->id;
  out.seller_name = seller->name.empty() ? seller->id : seller->name;
  co_return true;
}

Task<void> Service::perform(Out& out) {
  const Request& rq = out.rq();
  bool placed = co_await place(out);
  if (!placed) co_return;
  out.credentials =
      co_await core_.auth.authenticate(out.ctx, out.caller.seller, out.caller.buyer_id, out.caller.password);
  if (out.credentials != cv::Credentials::Valid) {
    out.refuse({rv::check_credentials(out.credentials), {}, std::nullopt});
    co_return;
  }
  switch (rq.operation) {
    case Operation::GetProfile: co_await get_profile(out); break;
    case Operation::GetItemDetails: co_await get_item_details(out); break;
    case Operation::GetItemDetailsList: co_await get_item_details_list(out); break;
    case Operation::CreateOrder:
    case Operation::UpdateOrder:
    case Operation::ViewOrder:
    case Operation::FinishOrder: co_await order_step(out); break;
    case Operation::CreateTextSearch: co_await create_text_search(out); break;
    case Operation::SearchResult: co_await search_result(out); break;
    case Operation::GetStatus: co_await get_status(out); break;
    case Operation::Rollback: co_await rollback(out); break;
    case Operation::GetClassificationScheme: co_await get_classification_scheme(out); break;
    case Operation::StockTransmitB2B:
    case Operation::StockTransmitB2C: co_await transmit(out); break;
    case Operation::GetItemStatusStockTransmitB2B:
    case Operation::GetItemStatusStockTransmitB2C: co_await stock_item_status(out); break;
    case Operation::SaleTransmitB2B:
    case Operation::SaleTransmitB2X: co_await transmit(out); break;
    case Operation::GetStatusSaleTransmitB2B: co_await sale_status(out); break;
    case Operation::GetStatusSaleTransmitB2X: co_await sale_b2x_status(out); break;
    case Operation::OfferQuery:
    case Operation::OrderConfirmationQuery:
    case Operation::DeliveryNoteQuery:
    case Operation::InvoiceInformationQuery: co_await receipt_query(out); break;
    case Operation::OfferDetails:
    case Operation::OrderConfirmationDetails:
    case Operation::DeliveryNoteDetails:
    case Operation::InvoiceInformationDetails: co_await receipt_details(out); break;
  }
}

Answer Service::answer(const DecodeError& error, Envelope envelope) {
  message::SoapCodec& codec = fresh_codec();
  // The request's own response element when the request element is known,
  // else the envelope-only one.
  std::string_view tag = kGenericTag;
  ErrorShape shape = ErrorShape::Envelope;
  std::string operation = "unknown";
  if (error.operation) {
    tag = answer_tag(error.operation->response_tag, error.answer_ns);
    shape = error.operation->error_shape;
    operation = error.operation->name;
  }
  ErrorFields e{error.buyer_id,
                error.outcome,
                error.message.empty() ? std::string(rv::describe(error.outcome))
                                      : message::capped(error.message, kMaxResponseMessage),
                std::nullopt,
                error.transaction_id,
                true,
                false};
  e.today = core_.clock.today().to_string();
  Answer a{error.outcome, std::move(operation), {}};
  a.body = write_error(codec, tag, shape, e, envelope, answer_bindings(prefix_of(tag), error.answer_ns));
  return a;
}

Task<void> Service::get_profile(Out& out) {
  // GetClassificationScheme is listed for a seller that publishes a scheme.
  auto classification = co_await core_.catalog.classification(out.ctx, out.caller.seller);
  soap* s = out.s();
  auto* r = velo::soap_new__vcp__GetProfileResponse(s);
  out.fill_envelope(*r);
  r->SellerName = velo::soap_new_cbc__TextType(s);
  r->SellerName->__item = out.seller_name;
  r->VeloconnectProfile = velo::soap_new__vcp__VeloconnectProfile(s);
  auto& profile = *r->VeloconnectProfile;
  std::vector<velo::vcp__BindingType> bindings{velo::vcp__BindingType::XML_POST, velo::vcp__BindingType::URL};
  if (config_.tls) bindings = {velo::vcp__BindingType::XML_POST_S, velo::vcp__BindingType::URL_S};
  // One Implements entry per transaction or operation and binding.
  auto implements = [&](velo::vcp__TransactionType* transaction, velo::vcp__OperationType* operation) {
    for (auto b : bindings) {
      auto* i = velo::soap_new_vcp__ImplementsType(s);
      i->Transaction = transaction;
      i->Operation = operation;
      i->Binding = b;
      profile.Implements.push_back(i);
    }
  };
  auto add_transaction = [&](velo::vcp__TransactionType t) {
    auto* v = velo::soap_new_vcp__TransactionType(s);
    *v = t;
    implements(v, nullptr);
  };
  auto add_operation = [&](velo::vcp__OperationType o) {
    auto* v = velo::soap_new_vcp__OperationType(s);
    *v = o;
    implements(nullptr, v);
  };
  add_transaction(velo::vcp__TransactionType::Order);
  add_transaction(velo::vcp__TransactionType::OrderInOnlineShop);
  add_transaction(velo::vcp__TransactionType::TextSearch);
  // Stock transmissions: XML-POST only (no URL binding), and only where the
  // profile's version can name them (1.4 on).
  if (out.in.answer_ns.profile != rv::ProfileNs::V1_1) {
    bindings = {config_.tls ? velo::vcp__BindingType::XML_POST_S : velo::vcp__BindingType::XML_POST};
    add_transaction(velo::vcp__TransactionType::StockTransmitB2B);
    add_transaction(velo::vcp__TransactionType::StockTransmitB2C);
    // Profile 1.6 is the first to name the sale transactions.
    if (out.in.answer_ns.profile == rv::ProfileNs::V1_6) {
      add_transaction(velo::vcp__TransactionType::SaleTransmitB2B);
      add_transaction(velo::vcp__TransactionType::SaleTransmitB2X);
    }
    bindings = {velo::vcp__BindingType::XML_POST, velo::vcp__BindingType::URL};
    if (config_.tls) bindings = {velo::vcp__BindingType::XML_POST_S, velo::vcp__BindingType::URL_S};
  }
  add_operation(velo::vcp__OperationType::GetItemDetails);
  add_operation(velo::vcp__OperationType::GetItemDetailsList);
  add_operation(velo::vcp__OperationType::GetStatus);
  add_operation(velo::vcp__OperationType::Rollback);
  if (!classification.empty()) add_operation(velo::vcp__OperationType::GetClassificationScheme);
  // The receipt module: profile-1.4 and later have names for its operations.
  if (out.in.answer_ns.profile != rv::ProfileNs::V1_1)
    for (auto o :
         {velo::vcp__OperationType::OfferQuery, velo::vcp__OperationType::OfferDetails,
          velo::vcp__OperationType::OrderConfirmationQuery, velo::vcp__OperationType::OrderConfirmationDetails,
          velo::vcp__OperationType::DeliveryNoteQuery, velo::vcp__OperationType::DeliveryNoteDetails,
          velo::vcp__OperationType::InvoiceInformationQuery, velo::vcp__OperationType::InvoiceInformationDetails})
      add_operation(o);
  auto property = [&](velo::vcp__PropertyKeyType key, std::string value) {
    auto* p = velo::soap_new_vcp__PropertyType(s);
    p->Key = key;
    p->Value = value;
    profile.Property.push_back(p);
  };
  property(velo::vcp__PropertyKeyType::RecommendedRetailPrice_x002eNetto, "false");
  // The answer is this buyer's: the TransactionID of its own basket.
  property(velo::vcp__PropertyKeyType::OrderInOnlineShop_x002eTransactionID,
           cv::shop_transaction_id(out.caller.seller, out.caller.buyer_id));
  property(velo::vcp__PropertyKeyType::quantityUnitCode_x002eEA, "false");
  property(velo::vcp__PropertyKeyType::Order_x002eDeliveryDate, "line");
  property(velo::vcp__PropertyKeyType::Order_x002eAvailability, "true");
  property(velo::vcp__PropertyKeyType::Order_x002eBacklog, "line");
  property(velo::vcp__PropertyKeyType::Order_x002eBacklogDefault, "true");
  out.write(*r);
  co_return;
}

namespace {

void fill_detail(soap* s, const core::ItemDetail& detail, velo::cac__ItemType*& item,
                 velo::vco__AvailabilityType*& availability, velo::_vco__RequestReplacement*& replacement,
                 velo::_vco__ItemUnknown*& unknown) {
  if (auto* found = std::get_if<core::FoundItem>(&detail)) {
    item = wire::item(s, found->item, std::nullopt);
    availability = wire::availability(s, found->availability, found->item.order_unit);
  } else if (auto* replaced = std::get_if<core::ReplacedItem>(&detail)) {
    replacement = wire::replacement(s, replaced->item_id, replaced->replacements);
  } else if (auto* u = std::get_if<core::UnknownItem>(&detail)) {
    unknown = wire::unknown(s, u->item_id);
  }
}

const core::RejectedItem* rejected(const core::ItemDetail& d) {
  return std::get_if<core::RejectedItem>(&d);
}

}  // namespace

Task<void> Service::get_item_details(Out& out) {
  auto details = co_await core_.catalog.details(out.ctx, out.caller.seller, out.rq().items);
  const core::ItemDetail& detail = details.front();
  if (auto* r = rejected(detail)) co_return out.refuse({rv::Outcome::GeneralError, r->reason, std::nullopt});
  auto* r = velo::soap_new__vco__GetItemDetailsResponse(out.s());
  out.fill_envelope(*r);
  fill_detail(out.s(), detail, r->cac__Item, r->Availability, r->RequestReplacement, r->ItemUnknown);
  out.write(*r);
}

Task<void> Service::get_item_details_list(Out& out) {
  if (out.rq().items.size() > config_.max_list_entries)
    co_return out.refuse({rv::Outcome::GeneralError,
                          "at most " + std::to_string(config_.max_list_entries) + " entries per GetItemDetailsList",
                          std::nullopt});
  auto details = co_await core_.catalog.details(out.ctx, out.caller.seller, out.rq().items);
  for (const auto& d : details)
    if (auto* r = rejected(d)) co_return out.refuse({rv::Outcome::GeneralError, r->reason, std::nullopt});
  auto* r = velo::soap_new__vco__GetItemDetailsListResponse(out.s());
  out.fill_envelope(*r);
  for (const auto& d : details) {
    auto* e = velo::soap_new__vco__ItemDetail(out.s());
    fill_detail(out.s(), d, e->cac__Item, e->Availability, e->RequestReplacement, e->ItemUnknown);
    r->ItemDetail.push_back(e);
  }
  out.write(*r);
}

Task<void> Service::order_step(Out& out) {
  const Request& rq = out.rq();
  auto& orders = core_.orders;
  auto c = out.credentials;
  std::optional<cv::Result<cv::OrderView>> result;
  switch (rq.operation) {
    case Operation::CreateOrder: result = co_await orders.create(out.ctx, c, out.caller, rq.lines); break;
    case Operation::UpdateOrder:
      result = co_await orders.update(out.ctx, c, out.caller, *rq.transaction_id, rq.lines);
      break;
    case Operation::ViewOrder: result = co_await orders.view(out.ctx, c, out.caller, *rq.transaction_id); break;
    default: result = co_await orders.finish(out.ctx, c, out.caller, *rq.transaction_id); break;
  }
  if (!result->ok()) co_return out.refuse(result->failure());
  const cv::OrderView& v = result->value();
  soap* s = out.s();
  if (rq.operation == Operation::FinishOrder) {
    auto* r = velo::soap_new__vco__FinalOrderResponse(s);
    out.fill_envelope(*r);
    r->TransactionID = v.transaction.id;
    r->StatusCode = v.transaction.state;
    r->OrderHeader = velo::soap_new__vco__OrderHeader(s);
    r->OrderHeader->OrderID = v.transaction.order_id.value_or("");
    r->OrderHeader->cbc__IssueDate = v.transaction.issue_date.value_or("");
    for (const auto& line : v.lines) r->OrderResponseLine.push_back(wire::order_line(s, line));
    co_return out.write(*r);
  }
  auto* r = velo::soap_new__vco__OrderResponse(s);
  out.fill_envelope(*r);
  r->TransactionID = v.transaction.id;
  r->StatusCode = v.transaction.state;
  for (const auto& line : v.lines) r->OrderResponseLine.push_back(wire::order_line(s, line));
  for (const auto& rep : v.replacements)
    r->RequestReplacement.push_back(wire::replacement(s, rep.item_id, rep.replacements));
  for (const auto& id : v.unknown) r->ItemUnknown.push_back(wire::unknown(s, id));
  out.write(*r);
}

Task<void> Service::create_text_search(Out& out) {
  auto result = co_await core_.searches.create(out.ctx, out.credentials, out.caller, out.rq().search_string);
  if (!result.ok()) co_return out.refuse(result.failure());
  auto* r = velo::soap_new__vcc__CreateTextSearchResponse(out.s());
  out.fill_envelope(*r);
  r->TransactionID = result.value().id;
  r->StatusCode = result.value().state;
  r->TotalCount = result.value().total_count;
  out.write(*r);
}

Task<void> Service::search_result(Out& out) {
  const Request& rq = out.rq();
  auto result = co_await core_.searches.page(out.ctx, out.credentials, out.caller, *rq.transaction_id, rq.start_index,
                                             rq.count, rq.do_not_close, rq.format != ResultFormat::Count);
  if (!result.ok()) co_return out.refuse(result.failure());
  const cv::SearchPage& page = result.value();
  soap* s = out.s();
  auto* r = velo::soap_new__vcc__SearchResultResponse(s);
  out.fill_envelope(*r);
  r->TransactionID = page.transaction.id;
  r->StatusCode = page.transaction.state;
  r->StartIndex = page.window.start;
  r->Count = rq.format == ResultFormat::Count ? 0 : static_cast<LONG64>(page.hits.size());
  r->TotalCount = page.transaction.total_count;
  switch (rq.format) {
    case ResultFormat::Count: r->ResultFormat = velo::vcc__ResultFormatType::COUNT; break;
    case ResultFormat::ItemDetail:
      r->ResultFormat = velo::vcc__ResultFormatType::ITEM_USCOREDETAIL;
      for (const auto& hit : page.hits) {
        auto* d = velo::soap_new__vco__ItemDetail(s);
        d->cac__Item = wire::item(s, hit.item, std::nullopt);
        d->Availability = wire::availability(s, hit.availability, hit.item.order_unit);
        r->vco__ItemDetail.push_back(d);
      }
      break;
    case ResultFormat::ItemType:
      r->ResultFormat = velo::vcc__ResultFormatType::ITEM_USCORETYPE;
      for (const auto& hit : page.hits) r->cac__Item.push_back(wire::item(s, hit.item, std::nullopt));
      break;
    case ResultFormat::IdOnly:
      r->ResultFormat = velo::vcc__ResultFormatType::ID_USCOREONLY;
      for (const auto& hit : page.hits)
        r->cac__SellersItemIdentification.push_back(wire::identification(s, hit.item.id));
      break;
  }
  out.write(*r);
}

// GetStatusResponse in transaction-1.0 (vct) or, for requests in 1.4/1.6, in
// the later version (vct6): the same fields, TransactionStatus in its namespace.
Task<void> Service::get_status(Out& out) {
  auto result = co_await core_.orders.status(out.ctx, out.credentials, out.caller, out.rq().transaction_id);
  if (!result.ok()) co_return out.refuse(result.failure());
  soap* s = out.s();
  auto fill_statuses = [&](auto& r, auto new_status, auto new_kind, auto order, auto shop, auto text_search) {
    out.fill_envelope(r);
    for (const auto& t : result.value()) {
      auto* st = new_status(s);
      st->TransactionId = t.id;
      st->StatusCode = t.state;
      st->Transaction = new_kind(s);
      switch (t.kind) {
        case model::TransactionKind::Order: *st->Transaction = order; break;
        case model::TransactionKind::OrderInOnlineShop: *st->Transaction = shop; break;
        case model::TransactionKind::TextSearch: *st->Transaction = text_search; break;
        // The standard's TransactionType has no name for it (the element is optional).
        case model::TransactionKind::StockTransmission:
        case model::TransactionKind::SaleTransmission:
        case model::TransactionKind::SaleB2XTransmission: st->Transaction = nullptr; break;
      }
      r.TransactionStatus.push_back(st);
    }
    out.write(r);
  };
  if (out.in.answer_ns.get_status == rv::TransactionNs::V1_0) {
    fill_statuses(
        *velo::soap_new__vct__GetStatusResponse(s),
        [](soap* c) { return velo::soap_new_vct__TransactionStatusType(c); },
        [](soap* c) { return velo::soap_new_vct__TransactionType(c); }, velo::vct__TransactionType::Order,
        velo::vct__TransactionType::OrderInOnlineShop, velo::vct__TransactionType::TextSearch);
  } else {
    fill_statuses(
        *velo::soap_new__vct6__GetStatusResponse(s),
        [](soap* c) { return velo::soap_new_vct6__TransactionStatusType(c); },
        [](soap* c) { return velo::soap_new_vct6__TransactionType(c); }, velo::vct6__TransactionType::Order,
        velo::vct6__TransactionType::OrderInOnlineShop, velo::vct6__TransactionType::TextSearch);
  }
}

Task<void> Service::get_classification_scheme(Out& out) {
  auto groups = co_await core_.catalog.classification(out.ctx, out.caller.seller);
  // The response needs at least one scheme: a seller without one does not
  // offer the operation (its profile does not list it).
  if (groups.empty())
    co_return out.refuse({rv::Outcome::NotSupported, "this seller publishes no classification scheme", std::nullopt});
  soap* s = out.s();
  auto* r = velo::soap_new__vcc__GetClassificationSchemeResponse(s);
  out.fill_envelope(*r);
  velo::_vcc__ClassificationScheme* scheme = nullptr;
  for (const auto& g : groups) {
    // Groups come by scheme: a new scheme id starts the next scheme.
    if (!scheme || scheme->ClassificationSchemeID != g.scheme_id) {
      scheme = velo::soap_new__vcc__ClassificationScheme(s);
      scheme->ClassificationSchemeID = g.scheme_id;
      r->ClassificationScheme.push_back(scheme);
    }
    auto* group = velo::soap_new__vcc__ClassificationSchemeGroup(s);
    group->ID = g.id;
    if (g.parent_id) group->ParentID = wire::text(s, *g.parent_id);
    group->Description = velo::soap_new_cbc__TextType(s);
    group->Description->__item = g.description;
    scheme->ClassificationSchemeGroup.push_back(group);
  }
  out.write(*r);
}

namespace {

velo::cac__ItemIdentificationType* optional_identification(soap* s, const std::optional<std::string>& id) {
  return id ? wire::identification(s, *id) : nullptr;
}

template <class Response, class Page>
void fill_page(Response& r, const Page& page) {
  r.TransactionID = page.transaction.id;
  r.StatusCode = page.transaction.state;
  r.StartIndex = page.window.start;
  r.Count = static_cast<LONG64>(page.lines.size());
  r.TotalCount = page.total;
}

velo::cbc__PriceAmountType* optional_amount(soap* s, const std::optional<model::Amount>& a) {
  return a ? wire::price_amount(s, a->amount, a->currency) : nullptr;
}

velo::cbc__CodeType* optional_code(soap* s, const std::optional<model::ClassificationCode>& c) {
  if (!c) return nullptr;
  auto* code = velo::soap_new_cbc__CodeType(s);
  code->__item = c->value;
  if (c->list_id) code->listID = wire::text(s, *c->list_id);
  if (c->list_agency_id) code->listAgencyID = wire::text(s, *c->list_agency_id);
  return code;
}

// A B2X line as its answer carries it: everything but the BIDEX key, the
// document number, the recommended price, the postal code and the channel.
velo::_vlx__SaleTransmitB2XResponseLine* sale_b2x_line(soap* s, const model::SaleB2XLine& l) {
  auto* line = velo::soap_new__vlx__SaleTransmitB2XResponseLine(s);
  line->ID = l.id;
  line->cac__StandardItemIdentification = optional_identification(s, l.standard_item_id);
  if (const auto& c = l.classification) {
    auto* cc = velo::soap_new_cac__CommodityClassificationType(s);
    cc->cbc__NatureCode = optional_code(s, c->nature_code);
    cc->cbc__CargoTypeCode = optional_code(s, c->cargo_type_code);
    cc->cbc__CommodityCode = optional_code(s, c->commodity_code);
    cc->cbc__ItemClassificationCode = optional_code(s, c->item_classification_code);
    line->cac__CommodityClassification = cc;
  }
  line->cac__ManufacturersItemIdentification = optional_identification(s, l.manufacturers_item_id);
  if (line->cac__ManufacturersItemIdentification && l.manufacturer_name)
    line->cac__ManufacturersItemIdentification->IssuerParty = wire::party(s, *l.manufacturer_name);
  line->cac__BuyersItemIdentification = optional_identification(s, l.buyers_item_id);
  if (l.description) {
    line->Description = velo::soap_new_cbc__TextType(s);
    line->Description->__item = *l.description;
    if (l.description_language) line->Description->languageID = wire::text(s, *l.description_language);
  }
  line->SaleDate = l.sale_date;
  for (const auto& q : l.quantities) {
    auto* quantity = velo::soap_new_cbc__QuantityType(s);
    quantity->__item = q.text;
    if (q.unit) quantity->quantityUnitCode = wire::text(s, *q.unit);
    line->Quantity.push_back(quantity);
  }
  line->SalesPriceGross = optional_amount(s, l.price_gross);
  line->SalesPriceNet = optional_amount(s, l.price_net);
  return line;
}

}  // namespace

namespace {

cv::ReceiptType receipt_type(Operation op) {
  switch (op) {
    case Operation::OfferQuery:
    case Operation::OfferDetails: return cv::ReceiptType::Offer;
    case Operation::OrderConfirmationQuery:
    case Operation::OrderConfirmationDetails: return cv::ReceiptType::OrderConfirmation;
    case Operation::DeliveryNoteQuery:
    case Operation::DeliveryNoteDetails: return cv::ReceiptType::DeliveryNote;
    default: return cv::ReceiptType::Invoice;
  }
}

// What a Query answer that could not list everything says about the rest.
std::string cut_message(const cv::HeaderList& list, std::size_t max) {
  if (list.complete) return {};
  std::string day = list.covered.from.to_string();
  if (list.partial_day)
    return "more than " + std::to_string(max) + " documents were issued on " + day + ": the newest " +
           std::to_string(max) + " of them are listed (a limit of this server)";
  return "at most " + std::to_string(max) + " documents per answer: those issued from " + day +
         " are listed; for older ones ask again with ThruDate " + list.covered.from.plus_days(-1).to_string();
}

}  // namespace

Task<void> Service::stock_item_status(Out& out) {
  const Request& rq = out.rq();
  bool b2b = rq.operation == Operation::GetItemStatusStockTransmitB2B;
  auto result = co_await core_.stock.item_status(out.ctx, out.credentials, out.caller,
                                                 b2b ? model::StockVariant::B2B : model::StockVariant::B2C,
                                                 *rq.transaction_id, rq.start_index, rq.count, rq.do_not_close);
  if (!result.ok()) co_return out.refuse(result.failure());
  const cv::StockPage& page = result.value();
  soap* s = out.s();
  if (b2b) {
    auto* r = velo::soap_new__vsb__GetItemStatusStockTransmitB2BResponse(s);
    out.fill_envelope(*r);
    fill_page(*r, page);
    for (const auto& l : page.lines) {
      auto* line = velo::soap_new__vsb__StockTransmitB2BResponseLine(s);
      line->cac__SellersItemIdentification = wire::identification(s, l.sellers_item_id.value_or(""));
      line->cac__BuyersItemIdentification = optional_identification(s, l.buyers_item_id);
      line->Available = wire::flag(s, l.carried);
      r->StockTransmitB2BResponseLine.push_back(line);
    }
    co_return out.write(*r);
  }
  auto* r = velo::soap_new__vsc__GetItemStatusStockTransmitB2CResponse(s);
  out.fill_envelope(*r);
  fill_page(*r, page);
  for (const auto& l : page.lines) {
    auto* line = velo::soap_new__vsc__StockTransmitB2CResponseLine(s);
    line->cac__StandardItemIdentification = optional_identification(s, l.ean);
    line->cac__ManufacturersItemIdentification = optional_identification(s, l.manufacturer_item_id);
    line->MarketPlaceItemIdentification = optional_identification(s, l.marketplace_item_id);
    line->cac__BuyersItemIdentification = optional_identification(s, l.buyers_item_id);
    line->Available = wire::flag(s, l.carried);
    r->StockTransmitB2CResponseLine.push_back(line);
  }
  out.write(*r);
}

Task<cv::Result<model::Transaction>> Service::open_transmission(Out& out) {
  const Request& rq = out.rq();
  switch (rq.operation) {
    case Operation::SaleTransmitB2B:
      co_return co_await core_.sales.transmit(out.ctx, out.credentials, out.caller, rq.sale);
    case Operation::SaleTransmitB2X:
      co_return co_await core_.sales.transmit_b2x(out.ctx, out.credentials, out.caller, rq.sale_b2x);
    default: co_return co_await core_.stock.transmit(out.ctx, out.credentials, out.caller, rq.stock);
  }
}

Task<void> Service::transmit(Out& out) {
  auto result = co_await open_transmission(out);
  if (!result.ok()) co_return out.refuse(result.failure());
  // TransactionResponseType, under the module's own element name.
  auto* r = velo::soap_new_vct__TransactionResponseType(out.s());
  out.fill_envelope(*r);
  r->TransactionID = result.value().id;
  r->StatusCode = result.value().state;
  out.write(*r);
}

Task<void> Service::sale_status(Out& out) {
  const Request& rq = out.rq();
  auto result = co_await core_.sales.status(out.ctx, out.credentials, out.caller, *rq.transaction_id, rq.start_index,
                                            rq.count, rq.do_not_close);
  if (!result.ok()) co_return out.refuse(result.failure());
  const cv::SalePage& page = result.value();
  soap* s = out.s();
  auto* r = velo::soap_new__vlb__GetStatusSaleTransmitB2BResponse(s);
  out.fill_envelope(*r);
  fill_page(*r, page);
  // Each line the supplier took, as the dealer sent it.
  for (const auto& l : page.lines) {
    auto* line = velo::soap_new__vlb__SaleTransmitB2BResponseLine(s);
    line->ID = l.id;
    line->cac__SellersItemIdentification = wire::identification(s, l.sellers_item_id);
    line->cac__BuyersItemIdentification = optional_identification(s, l.buyers_item_id);
    line->QuantityFraction = l.quantity_text;
    line->SaleDate = l.sale_date;
    r->SaleTransmitB2BResponseLine.push_back(line);
  }
  out.write(*r);
}

Task<void> Service::sale_b2x_status(Out& out) {
  const Request& rq = out.rq();
  auto result = co_await core_.sales.status_b2x(out.ctx, out.credentials, out.caller, *rq.transaction_id,
                                                {rq.start_index, rq.count, rq.do_not_close});
  if (!result.ok()) co_return out.refuse(result.failure());
  const cv::SaleB2XPage& page = result.value();
  soap* s = out.s();
  auto* r = velo::soap_new__vlx__GetStatusSaleTransmitB2XResponse(s);
  out.fill_envelope(*r);
  fill_page(*r, page);
  // Each line taken, with what the answer's line can carry of it.
  for (const auto& l : page.lines) r->SaleTransmitB2XResponseLine.push_back(sale_b2x_line(s, l));
  out.write(*r);
}

Task<void> Service::receipt_query(Out& out) {
  const Request& rq = out.rq();
  cv::ReceiptQueryInput in;
  auto date = [](const std::optional<std::string>& text, std::optional<rules::Date>& into) {
    if (!text) return true;
    into = rules::Date::parse(*text);
    return into.has_value();
  };
  std::optional<rules::Date> request_date;
  if (!date(rq.from_date, in.from) || !date(rq.thru_date, in.thru) || !date(rq.request_date, request_date))
    co_return out.refuse({rv::Outcome::GeneralError, "a date of the request is out of range", std::nullopt});
  in.filter = {rq.order_ids, rq.confirmation_ids, rq.delivery_note_ids, rq.request_reference, request_date};
  const auto type = receipt_type(rq.operation);
  auto result = co_await core_.receipts.query(out.ctx, out.credentials, out.caller, type, in);
  if (!result.ok()) co_return out.refuse(result.failure());
  const cv::HeaderList& list = result.value();
  soap* s = out.s();
  std::string note = cut_message(list, core_.receipts.limits().max_headers);
  with_receipt_answers(type, [&](const auto& a) {
    auto* r = a.new_query(s, -1);
    out.fill_envelope(*r);
    if (!note.empty()) r->ResponseMessage = wire::text(s, note);
    r->DateRange = wire::date_range(s, list.covered);
    if constexpr (requires { a.headers; })
      for (const auto& h : list.headers) (r->*a.headers).push_back(receipt_header(s, a, h));
    out.write(*r);
  });
}

Task<void> Service::receipt_details(Out& out) {
  const auto type = receipt_type(out.rq().operation);
  auto result = co_await core_.receipts.details(out.ctx, out.credentials, out.caller, type, out.rq().document_ids);
  if (!result.ok()) co_return out.refuse(result.failure());
  const cv::DetailsList& list = result.value();
  soap* s = out.s();
  with_receipt_answers(type, [&](const auto& a) {
    auto* r = a.new_details(s, -1);
    out.fill_envelope(*r);
    if constexpr (requires { a.documents; })
      for (const auto& d : list.documents) (r->*a.documents).push_back(a.document(s, d));
    r->UnknownID = list.unknown;
    out.write(*r);
  });
}

Task<void> Service::rollback(Out& out) {
  auto result = co_await core_.orders.rollback(out.ctx, out.credentials, out.caller, *out.rq().transaction_id);
  if (!result.ok()) co_return out.refuse(result.failure());
  auto* r = velo::soap_new_vct__TransactionResponseType(out.s());
  out.fill_envelope(*r);
  r->TransactionID = result.value().id;
  r->StatusCode = result.value().state;
  out.write(*r);
}

}  // namespace og::veloconnect
