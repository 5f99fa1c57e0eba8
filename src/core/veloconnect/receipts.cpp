#include "core/veloconnect/receipts.hpp"

#include <algorithm>

#include "core/veloconnect/instance_gate.hpp"
#include "store/store.hpp"

namespace og::core::veloconnect {

namespace rv = rules::veloconnect;

namespace {

std::string_view query_name(ReceiptType type) {
  switch (type) {
    case ReceiptType::Offer: return "OfferQuery";
    case ReceiptType::OrderConfirmation: return "OrderConfirmationQuery";
    case ReceiptType::DeliveryNote: return "DeliveryNoteQuery";
    case ReceiptType::Invoice: return "InvoiceInformationQuery";
  }
  return "Query";
}

std::string_view details_name(ReceiptType type) {
  switch (type) {
    case ReceiptType::Offer: return "OfferDetails";
    case ReceiptType::OrderConfirmation: return "OrderConfirmationDetails";
    case ReceiptType::DeliveryNote: return "DeliveryNoteDetails";
    case ReceiptType::Invoice: return "InvoiceInformationDetails";
  }
  return "Details";
}

model::ReceiptKind stored_kind(ReceiptType type) {
  return type == ReceiptType::Invoice ? model::ReceiptKind::Invoice : model::ReceiptKind::DeliveryNote;
}

rv::References references_of(const model::ReceiptHeader& h) {
  return rv::References{h.order_ids, h.confirmation_ids, h.delivery_note_ids, std::nullopt, std::nullopt};
}

model::ReceiptHeader confirmation_header(const model::Order& o) {
  model::ReceiptHeader h;
  h.id = rv::confirmation_id_of(o.id);
  h.issue_date = o.issue_date;
  h.order_ids = {o.id};
  h.confirmation_ids = {h.id};
  return h;
}

// An order ordergate took, as the confirmation of it.
model::ReceiptDocument confirmation(store::ReadView& r, std::string_view seller, const model::Order& o) {
  model::ReceiptDocument d;
  d.id = rv::confirmation_id_of(o.id);
  d.buyer_id = o.buyer_id;
  d.issue_date = o.issue_date;
  d.currency = o.currency;
  d.net_sum = o.total;
  for (const auto& line : r.transactions(seller).lines(o.lines_key.empty() ? o.transaction_id : o.lines_key)) {
    model::ReceiptLine l;
    l.line_id = std::to_string(line.position);
    l.order = model::LineReference{o.id, l.line_id};
    l.delivery_date = line.delivery_date;
    l.quantity = line.quantity;
    l.unit = line.unit;
    l.item_id = line.item_id;
    if (auto item = r.catalog(seller).item(line.item_id)) l.description = item->description;
    l.buyers_item_id = line.buyers_item_id;
    l.unit_price = line.unit_price;
    // Exact in micro-units for any quantity and price the Order transaction accepts.
    l.line_price = line.quantity.times(line.unit_price).value_or(rules::Decimal());
    l.currency = line.currency;
    d.lines.push_back(std::move(l));
  }
  return d;
}

}  // namespace

Task<Result<HeaderList>> Receipts::query(Context& ctx, rv::Credentials credentials, const Caller& caller,
                                         ReceiptType type, const ReceiptQueryInput& input) const {
  if (credentials != rv::Credentials::Valid) co_return refusal(rv::check_credentials(credentials), {});
  // Filters name IDs too: as many as a Details request may (each is compared with every document's).
  const auto& f = input.filter;
  if (auto refused = rv::details_refused(f.order_ids.size() + f.confirmation_ids.size() + f.delivery_note_ids.size(),
                                         limits_.max_ids, query_name(type)))
    co_return Failure{rv::Outcome::GeneralError, *refused, std::nullopt};
  auto window = rv::query_window(input.from, input.thru, clock_.today(), limits_.default_days);
  if (auto* refused = std::get_if<rv::WindowRefused>(&window))
    co_return Failure{rv::Outcome::GeneralError, refused->reason, std::nullopt};
  const rv::DateWindow w = std::get<rv::DateWindow>(window);
  const std::string from = w.from.to_string(), thru = w.thru.to_string();
  // One more than an answer may list: enough for the rule to tell where to cut.
  const std::size_t fetch = limits_.max_headers + 1;
  std::vector<model::ReceiptHeader> found;
  if (type == ReceiptType::OrderConfirmation) {
    found = co_await ctx.store().read(ctx.commit(), [&](store::ReadView& r) {
      std::vector<model::ReceiptHeader> out;
      auto accept = [&](const model::Order& o) {
        return rv::matches(input.filter, references_of(confirmation_header(o)));
      };
      for (const auto& o : r.receipts(caller.seller).buyer_orders(caller.buyer_id, from, thru, accept, fetch))
        out.push_back(confirmation_header(o));
      return out;
    });
  } else if (type != ReceiptType::Offer) {
    found = co_await ctx.store().read(ctx.commit(), [&](store::ReadView& r) {
      auto accept = [&](const model::ReceiptHeader& h) { return rv::matches(input.filter, references_of(h)); };
      return r.receipts(caller.seller).receipt_headers(stored_kind(type), caller.buyer_id, from, thru, accept, fetch);
    });
  }
  std::vector<rv::HeaderKey> keys;
  keys.reserve(found.size());
  for (const auto& h : found) keys.push_back({rules::Date::parse(h.issue_date).value_or(w.from), h.id});
  auto selection = rv::select_headers(keys, w, limits_.max_headers);
  HeaderList out;
  out.covered = selection.covered;
  out.complete = selection.complete;
  out.partial_day = selection.partial_day;
  for (auto i : selection.listed) out.headers.push_back(std::move(found[i]));
  co_return out;
}

Task<Result<DetailsList>> Receipts::details(Context& ctx, rv::Credentials credentials, const Caller& caller,
                                            ReceiptType type, const std::vector<std::string>& ids) const {
  if (credentials != rv::Credentials::Valid) co_return refusal(rv::check_credentials(credentials), {});
  if (auto refused = rv::details_refused(ids.size(), limits_.max_ids, details_name(type)))
    co_return Failure{rv::Outcome::GeneralError, *refused, std::nullopt};
  std::vector<std::string> wanted;
  for (const auto& id : ids)
    if (std::find(wanted.begin(), wanted.end(), id) == wanted.end()) wanted.push_back(id);
  co_return co_await ctx.store().read(ctx.commit(), [&](store::ReadView& r) {
    DetailsList out;
    auto& receipts = r.receipts(caller.seller);
    for (const auto& id : wanted) {
      std::optional<model::ReceiptDocument> d;
      if (type == ReceiptType::OrderConfirmation) {
        if (auto order_id = rv::order_id_of(id))
          if (auto order = receipts.buyer_order(caller.buyer_id, *order_id)) d = confirmation(r, caller.seller, *order);
      } else if (type != ReceiptType::Offer) {
        d = receipts.receipt(stored_kind(type), caller.buyer_id, id);
      }
      if (d)
        out.documents.push_back(std::move(*d));
      else
        out.unknown.push_back(id);
    }
    return out;
  });
}

}  // namespace og::core::veloconnect
