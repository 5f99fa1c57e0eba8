#include "veloconnect/decode_url.hpp"

#include <array>
#include <charconv>
#include <limits>
#include <unordered_map>

#include "rules/common/date.hpp"

namespace og::veloconnect {

namespace rv = rules::veloconnect;
using message::iequals;
using message::istarts_with;
using message::trim;
using rules::Decimal;

namespace {

struct Fail {
  DecodeError error;
};

[[noreturn]] void invalid(const std::string& message) {
  throw Fail{{rv::Outcome::NotSchemaValid, message}};
}

std::string required(const message::UrlForm& form, std::string_view name) {
  auto v = form.get(name);
  if (!v || trim(*v).empty()) invalid("parameter " + std::string(name) + " is missing");
  return trim(*v);
}

// Any case: Python clients (pyveloedi) send their bools as True/False.
bool boolean(const std::string& name, const std::string& value) {
  if (iequals(value, "true") || value == "1") return true;
  if (iequals(value, "false") || value == "0") return false;
  invalid("parameter " + name + " must be true, false, 1 or 0, not '" + value + "'");
}

std::int64_t integer(const std::string& name, const std::string& value) {
  std::int64_t out = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
  if (ec != std::errc() || end != value.data() + value.size())
    invalid("parameter " + name + " must be an integer, not '" + value + "'");
  return out;
}

// A number too large (or too precise) to hold exactly is a 400, as in the
// XML binding; text that is no number at all is not valid (405).
Decimal decimal(const std::string& name, const std::string& value) {
  auto d = Decimal::parse(value);
  if (d) return *d;
  bool lexical = !value.empty() && value.find_first_not_of("+-.0123456789") == std::string::npos &&
                 value.find_first_of("0123456789") != std::string::npos;
  if (lexical) throw Fail{{rv::Outcome::GeneralError, "parameter " + name + " value " + value + " is out of range"}};
  invalid("parameter " + name + " must be a decimal number, not '" + value + "'");
}

// Per-item parameters, "<Name>.<item ID>", indexed in one pass over the form:
// a request with thousands of lines must not scan every parameter per line.
class PerItem {
 public:
  enum Name { Quantity, QuantityUnitCode, BuyersItemIdentification, DeliveryDate, BacklogIndicator, kCount };

  explicit PerItem(const message::UrlForm& form) {
    static constexpr std::array<std::string_view, kCount> kNames{
        "Quantity", "quantityUnitCode", "BuyersItemIdentification", "DeliveryDate", "BacklogIndicator"};
    for (const auto& f : form.fields()) {
      for (std::size_t k = 0; k < kCount; ++k) {
        std::string_view name = kNames[k];
        if (f.name.size() <= name.size() + 1 || f.name[name.size()] != '.' || !istarts_with(f.name, name)) continue;
        std::string id = f.name.substr(name.size() + 1);
        std::string value = trim(f.value);
        if (k == Quantity) quantities_.emplace_back(id, value);
        // The first non-empty value for an item counts.
        if (!value.empty()) first_[k].try_emplace(std::move(id), std::move(value));
      }
    }
  }

  // Quantity.<item ID> in the order the client sent them.
  const std::vector<std::pair<std::string, std::string>>& quantities() const { return quantities_; }

  std::optional<std::string> get(Name name, const std::string& item) const {
    auto it = first_[name].find(item);
    if (it == first_[name].end()) return std::nullopt;
    return it->second;
  }

 private:
  std::vector<std::pair<std::string, std::string>> quantities_;
  std::array<std::unordered_map<std::string, std::string>, kCount> first_;
};

void read_lines(const PerItem& params, Request& r) {
  r.lines.reserve(params.quantities().size());
  for (const auto& [item, qty] : params.quantities()) {
    core::veloconnect::LineInput in;
    in.item_id = item;
    in.quantity = decimal("Quantity." + item, qty);
    in.unit = params.get(PerItem::QuantityUnitCode, item);
    in.buyers_item_id = params.get(PerItem::BuyersItemIdentification, item);
    if (auto date = params.get(PerItem::DeliveryDate, item)) {
      if (!rules::Date::parse(*date)) invalid("parameter DeliveryDate." + item + " must be a date (YYYY-MM-DD)");
      in.delivery_date = *date;
    }
    if (auto backlog = params.get(PerItem::BacklogIndicator, item))
      in.backlog = boolean("BacklogIndicator." + item, *backlog);
    r.lines.push_back(std::move(in));
  }
  if (r.lines.empty()) invalid("at least one Quantity.<item ID> parameter is required");
}

core::ItemQuery query(const PerItem& params, const std::string& item) {
  core::ItemQuery q{item, std::nullopt, std::nullopt};
  if (auto qty = params.get(PerItem::Quantity, item)) q.quantity = decimal("Quantity." + item, *qty);
  q.unit = params.get(PerItem::QuantityUnitCode, item);
  return q;
}

// A date parameter (YYYY-MM-DD), if sent.
std::optional<std::string> date_parameter(const message::UrlForm& form, const char* name) {
  auto v = form.get(name);
  if (!v || trim(*v).empty()) return std::nullopt;
  std::string text = trim(*v);
  if (!rules::Date::parse(text) || text.size() != 10)
    invalid("parameter " + std::string(name) + " must be a date (YYYY-MM-DD)");
  return text;
}

// Every non-empty value of a repeated parameter.
std::vector<std::string> repeated(const message::UrlForm& form, const char* name) {
  std::vector<std::string> out;
  for (auto& v : form.all(name))
    if (!trim(v).empty()) out.push_back(trim(v));
  return out;
}

// The receipt module: DateRange as FromDate/ThruDate, filters and IDs as
// repeated parameters named like the elements.
void read_receipt(const message::UrlForm& form, Operation op, Request& r) {
  const char* ids = nullptr;
  bool required = true;
  switch (op) {
    case Operation::OfferDetails: ids = "OfferID"; break;
    case Operation::OrderConfirmationDetails:
      ids = "OrderConfirmationID";
      required = false;  // minOccurs 0 in the standard
      break;
    case Operation::DeliveryNoteDetails: ids = "DeliveryNoteID"; break;
    case Operation::InvoiceInformationDetails: ids = "InvoiceID"; break;
    default: break;
  }
  if (ids) {
    r.document_ids = repeated(form, ids);
    if (required && r.document_ids.empty()) invalid("at least one " + std::string(ids) + " parameter is required");
    return;
  }
  r.from_date = date_parameter(form, "FromDate");
  r.thru_date = date_parameter(form, "ThruDate");
  if (op == Operation::OfferQuery) {
    if (auto ref = form.get("RequestReference"); ref && !trim(*ref).empty()) r.request_reference = trim(*ref);
    r.request_date = date_parameter(form, "RequestDate");
    return;
  }
  r.order_ids = repeated(form, "OrderID");
  if (op != Operation::OrderConfirmationQuery) r.confirmation_ids = repeated(form, "OrderConfirmationID");
  if (op == Operation::InvoiceInformationQuery) r.delivery_note_ids = repeated(form, "DeliveryNoteID");
}

}  // namespace

DecodeResult decode_url(const message::UrlForm& form, std::size_t max_parameters) {
  auto name = form.get("RequestName");
  DecodeError base{rv::Outcome::NotSchemaValid, {}, nullptr};
  if (auto buyer = form.get("BuyersID")) base.buyer_id = echoable(trim(*buyer));
  if (auto tid = form.get("TransactionID"); tid && !trim(*tid).empty()) base.transaction_id = echoable(trim(*tid));
  if (form.truncated()) {
    // Before any other work: what follows the limit is not even read.
    base.outcome = rv::Outcome::GeneralError;
    base.message = "more than " + std::to_string(max_parameters) + " parameters (a limit of this server)";
    if (name) base.operation = find_operation(trim(*name));
    return base;
  }
  if (!name || trim(*name).empty()) {
    base.message = "parameter RequestName is missing";
    return base;
  }
  std::string request_name = trim(*name);
  const OperationInfo* op = find_operation(request_name);
  if (!op) {
    base.outcome = request_name.ends_with("Request") ? rv::Outcome::NotSupported : rv::Outcome::NotSchemaValid;
    base.message = "RequestName " + request_name + " is not supported by this server (see GetProfile)";
    return base;
  }
  base.operation = op;
  if (!op->url_binding) {
    base.outcome = rv::Outcome::NotSupported;
    base.message = "RequestName " + request_name + " is served in the XML-POST and SOAP bindings only";
    return base;
  }

  auto version = rv::negotiate_version(form.get("version"));
  if (auto* v = std::get_if<rv::Version>(&version)) base.answer_ns = answer_namespaces_for_version(*v);
  if (std::holds_alternative<rv::Obsolete>(version)) {
    base.outcome = rv::Outcome::ObsoleteVersion;
    base.message = "version " + *form.get("version") + " is older than 1.0, the oldest this server speaks";
    return base;
  }

  Decoded d;
  d.answer_ns = answer_namespaces_for_version(std::get<rv::Version>(version));
  Request& r = d.request;
  r.operation = op->operation;
  try {
    r.caller.buyer_id = required(form, "BuyersID");
    r.caller.password = form.get("Password").value_or("");
    if (!form.get("Password")) invalid("parameter Password is missing");
    if (auto seller = form.get("SellersID"); seller && !trim(*seller).empty()) r.seller_id = trim(*seller);
    if (auto test = form.get("IsTest"); test && !trim(*test).empty()) r.caller.is_test = boolean("IsTest", trim(*test));
    r.transaction_id = base.transaction_id;
    switch (op->operation) {
      case Operation::GetProfile:
      case Operation::GetClassificationScheme:
      case Operation::GetStatus:
      case Operation::StockTransmitB2B:  // refused above
      case Operation::GetItemStatusStockTransmitB2B:
      case Operation::StockTransmitB2C:
      case Operation::GetItemStatusStockTransmitB2C:
      case Operation::SaleTransmitB2B:
      case Operation::GetStatusSaleTransmitB2B:
      case Operation::SaleTransmitB2X:
      case Operation::GetStatusSaleTransmitB2X: break;
      case Operation::GetItemDetails: {
        auto ids = form.all("SellersItemIdentification");
        if (ids.size() != 1 || trim(ids.front()).empty())
          invalid("exactly one SellersItemIdentification parameter is required");
        std::string item = trim(ids.front());
        auto q = query(PerItem(form), item);
        // A plain Quantity/quantityUnitCode applies to the one item too.
        if (!q.quantity)
          if (auto qty = form.get("Quantity"); qty && !trim(*qty).empty()) q.quantity = decimal("Quantity", trim(*qty));
        if (!q.unit)
          if (auto unit = form.get("quantityUnitCode"); unit && !trim(*unit).empty()) q.unit = trim(*unit);
        r.items.push_back(std::move(q));
        break;
      }
      case Operation::GetItemDetailsList: {
        PerItem params(form);
        for (auto& id : form.all("SellersItemIdentification"))
          if (!trim(id).empty()) r.items.push_back(query(params, trim(id)));
        if (r.items.empty()) invalid("at least one SellersItemIdentification parameter is required");
        break;
      }
      case Operation::CreateOrder: read_lines(PerItem(form), r); break;
      case Operation::UpdateOrder:
        r.transaction_id = required(form, "TransactionID");
        read_lines(PerItem(form), r);
        break;
      case Operation::ViewOrder:
      case Operation::FinishOrder:
      case Operation::Rollback: r.transaction_id = required(form, "TransactionID"); break;
      case Operation::CreateTextSearch: r.search_string = trim(form.get("SearchString").value_or("")); break;
      case Operation::SearchResult: {
        r.transaction_id = required(form, "TransactionID");
        // Some clients (the PHP ones) leave out the window; both are clamped anyway.
        auto start = form.get("StartIndex"), count = form.get("Count");
        r.start_index = start && !trim(*start).empty() ? integer("StartIndex", trim(*start)) : 0;
        r.count =
            count && !trim(*count).empty() ? integer("Count", trim(*count)) : std::numeric_limits<std::int64_t>::max();
        std::string format = required(form, "ResultFormat");
        if (format == "COUNT")
          r.format = ResultFormat::Count;
        else if (format == "ITEM_DETAIL")
          r.format = ResultFormat::ItemDetail;
        else if (format == "ITEM_TYPE")
          r.format = ResultFormat::ItemType;
        else if (format == "ID_ONLY")
          r.format = ResultFormat::IdOnly;
        else
          invalid("parameter ResultFormat must be COUNT, ITEM_DETAIL, ITEM_TYPE or ID_ONLY, not '" + format + "'");
        if (auto dnc = form.get("DoNotClose"); dnc && !trim(*dnc).empty())
          r.do_not_close = boolean("DoNotClose", trim(*dnc));
        break;
      }
      case Operation::OfferQuery:
      case Operation::OfferDetails:
      case Operation::OrderConfirmationQuery:
      case Operation::OrderConfirmationDetails:
      case Operation::DeliveryNoteQuery:
      case Operation::DeliveryNoteDetails:
      case Operation::InvoiceInformationQuery:
      case Operation::InvoiceInformationDetails: read_receipt(form, op->operation, r); break;
    }
  } catch (Fail& f) {
    base.outcome = f.error.outcome;
    base.message = f.error.message;
    return base;
  }
  if (auto overlong = overlong_value(r, op)) {
    overlong->answer_ns = d.answer_ns;
    return *overlong;
  }
  return d;
}

}  // namespace og::veloconnect
