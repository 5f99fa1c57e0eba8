#include "veloconnect/decode_xml.hpp"

namespace og::veloconnect {

namespace rv = rules::veloconnect;
using message::XmlElement;
using rules::Decimal;

namespace {

struct Fail {
  DecodeError error;
};

// Quantities are valid xsd:decimal by now; this only guards our exact range.
Decimal decimal(const std::string& text, const std::string& item) {
  auto d = Decimal::parse(text);
  if (!d) throw Fail{{rv::Outcome::GeneralError, "quantity " + text + " of item " + item + " is out of range"}};
  return *d;
}

bool boolean(const std::string& text) {
  return text == "true" || text == "1";
}

std::int64_t integer(const std::string& text, const char* name) {
  try {
    std::size_t used = 0;
    long long v = std::stoll(text, &used);
    if (used == text.size()) return v;
  } catch (...) {
  }
  throw Fail{{rv::Outcome::GeneralError, std::string(name) + " " + text + " is out of range"}};
}

std::string id_of(XmlElement identification) {
  return identification.child("ID").text();
}

std::optional<std::string> unit_of(XmlElement quantity) {
  auto unit = quantity.attribute("quantityUnitCode");
  if (unit && unit->empty()) return std::nullopt;
  return unit;
}

void read_envelope(XmlElement e, Request& r) {
  r.caller.buyer_id = e.child("BuyersID").text();
  r.caller.password = e.child("Credential").child("Password").text();
  r.seller_id = e.child_text("SellersID");
  r.transaction_id = e.child_text("TransactionID");
  auto test = e.child_text("IsTest");
  r.caller.is_test = test && boolean(*test);  // missing means false
}

core::veloconnect::LineInput line_of(XmlElement l) {
  core::veloconnect::LineInput in;
  in.item_id = id_of(l.child("SellersItemIdentification"));
  XmlElement q = l.child("Quantity");
  in.quantity = decimal(q.text(), in.item_id);
  in.unit = unit_of(q);
  if (auto b = l.child("BuyersItemIdentification")) in.buyers_item_id = id_of(b);
  in.delivery_date = l.child_text("DeliveryDate");
  if (auto backlog = l.child_text("BacklogIndicator")) in.backlog = boolean(*backlog);
  return in;
}

core::ItemQuery query_of(XmlElement entry) {
  core::ItemQuery q{id_of(entry.child("SellersItemIdentification")), std::nullopt, std::nullopt};
  if (auto quantity = entry.child("Quantity")) {
    q.quantity = decimal(quantity.text(), q.item_id);
    q.unit = unit_of(quantity);
  }
  return q;
}

std::optional<std::string> optional_id(XmlElement parent, const char* name) {
  if (auto e = parent.child(name)) return id_of(e);
  return std::nullopt;
}

std::optional<model::StockPrice> price_of(XmlElement price, const std::string& what) {
  if (!price) return std::nullopt;
  XmlElement amount = price.child("PriceAmount");
  return model::StockPrice{decimal(amount.text(), what), amount.attribute("amountCurrencyID").value_or("")};
}

std::optional<std::int64_t> optional_integer(XmlElement parent, const char* name) {
  if (auto text = parent.child_text(name)) return integer(*text, name);
  return std::nullopt;
}

// One line of a stock transmission: B2B names the seller's item, B2C what a
// shop knows (EAN, manufacturer's number, a marketplace's number) and its
// shop data. Both may carry the dealer's own number, a quantity and an
// availability.
model::StockLine stock_line_of(XmlElement l) {
  model::StockLine out;
  out.sellers_item_id = optional_id(l, "SellersItemIdentification");
  out.ean = optional_id(l, "StandardItemIdentification");
  if (auto m = l.child("ManufacturersItemIdentification")) {
    out.manufacturer_item_id = id_of(m);
    out.manufacturer_name = m.child("IssuerParty").child("PartyName").child_text("Name");
  }
  out.marketplace_item_id = optional_id(l, "MarketPlaceItemIdentification");
  out.buyers_item_id = optional_id(l, "BuyersItemIdentification");
  std::string what = out.sellers_item_id.value_or(out.ean.value_or(out.manufacturer_item_id.value_or("?")));
  if (auto q = l.child("Quantity")) {
    out.quantity = decimal(q.text(), what);
    out.unit = unit_of(q);
  }
  out.availability = l.child_text("Availability");
  out.price = price_of(l.child("BasePrice"), what);
  out.special_price = price_of(l.child("SpecialPrice"), what);
  if (auto o = l.child_text("Orderable")) out.orderable = boolean(*o);
  out.delivery_min_days = optional_integer(l, "DeliveryMin");
  out.delivery_max_days = optional_integer(l, "DeliveryMax");
  out.condition = l.child_text("Condition");
  return out;
}

core::veloconnect::StockInput stock_of(XmlElement root, model::StockVariant variant, const char* line_name) {
  core::veloconnect::StockInput in;
  in.variant = variant;
  in.create_date = root.child("CreateDate").text();
  in.frequence = root.child("Frequence").text();
  for (auto line : root.children(line_name)) in.lines.push_back(stock_line_of(line));
  return in;
}

std::optional<model::SalePrice> sale_price_of(XmlElement price, const std::string& what) {
  if (!price) return std::nullopt;
  return model::SalePrice{decimal(price.text(), what), price.attribute("amountCurrencyID").value_or("")};
}

// One line of a sale transmission, as the dealer sent it; the schema has
// checked what is required (a quantity of at most four fraction digits).
model::SaleLine sale_line_of(XmlElement l) {
  model::SaleLine out;
  out.id = l.child("ID").text();
  out.sellers_item_id = id_of(l.child("SellersItemIdentification"));
  out.buyers_item_id = optional_id(l, "BuyersItemIdentification");
  out.quantity_text = l.child("QuantityFraction").text();
  out.quantity = decimal(out.quantity_text, out.sellers_item_id);
  out.sale_date = l.child("SaleDate").text();
  out.document_number = l.child_text("DocumentNumber");
  out.price_gross = sale_price_of(l.child("SalesPriceGross"), out.sellers_item_id);
  out.price_net = sale_price_of(l.child("SalesPriceNet"), out.sellers_item_id);
  out.postal_code = l.child_text("PostalCode");
  for (auto serial : l.child("SerialNumbers").children("SerialID"))
    out.serial_numbers.push_back(
        {serial.text(), serial.attribute("kind").value_or(""), serial.attribute("description")});
  out.sales_channel = l.child_text("SalesChannel");
  return out;
}

core::veloconnect::SaleInput sale_of(XmlElement root) {
  core::veloconnect::SaleInput in;
  in.create_date = root.child("CreateDate").text();
  for (auto line : root.children("SaleTransmitB2BLine")) in.lines.push_back(sale_line_of(line));
  return in;
}

std::optional<model::ClassificationCode> code_of(XmlElement code) {
  if (!code) return std::nullopt;
  return model::ClassificationCode{code.text(), code.attribute("listID"), code.attribute("listAgencyID")};
}

std::optional<model::CommodityClassification> classification_of(XmlElement c) {
  if (!c) return std::nullopt;
  return model::CommodityClassification{code_of(c.child("NatureCode")), code_of(c.child("CargoTypeCode")),
                                        code_of(c.child("CommodityCode")), code_of(c.child("ItemClassificationCode"))};
}

// One line of a sale transmission to a third party, as the dealer sent it:
// the schema has checked ID and SaleDate, everything else is optional.
model::SaleB2XLine sale_b2x_line_of(XmlElement l) {
  model::SaleB2XLine out;
  out.id = l.child("ID").text();
  out.standard_item_id = optional_id(l, "StandardItemIdentification");
  out.classification = classification_of(l.child("CommodityClassification"));
  if (auto m = l.child("ManufacturersItemIdentification")) {
    out.manufacturers_item_id = id_of(m);
    out.manufacturer_name = m.child("IssuerParty").child("PartyName").child_text("Name");
  }
  out.buyers_item_id = optional_id(l, "BuyersItemIdentification");
  if (auto d = l.child("Description")) {
    out.description = d.text();
    out.description_language = d.attribute("languageID");
  }
  out.bidex_group_key = l.child_text("BidexProductGroupKey");
  out.sale_date = l.child("SaleDate").text();
  const std::string& what = out.id;
  for (auto q : l.children("Quantity")) out.quantities.push_back({decimal(q.text(), what), q.text(), unit_of(q)});
  out.document_number = l.child_text("DocumentNumber");
  out.price_gross = sale_price_of(l.child("SalesPriceGross"), what);
  out.price_net = sale_price_of(l.child("SalesPriceNet"), what);
  out.recommended_retail_price = sale_price_of(l.child("RecommendedRetailPrice"), what);
  out.postal_code = l.child_text("PostalCode");
  out.sales_channel = l.child_text("SalesChannel");
  return out;
}

core::veloconnect::SaleB2XInput sale_b2x_of(XmlElement root) {
  core::veloconnect::SaleB2XInput in;
  in.create_date = root.child("CreateDate").text();
  for (auto line : root.children("SaleTransmitB2XLine")) in.lines.push_back(sale_b2x_line_of(line));
  return in;
}

std::vector<std::string> texts(XmlElement root, std::string_view local) {
  std::vector<std::string> out;
  for (auto e : root.children(local)) out.push_back(e.text());
  return out;
}

// The IDs a Details request names.
std::string_view details_id_element(Operation op) {
  switch (op) {
    case Operation::OfferDetails: return "OfferID";
    case Operation::OrderConfirmationDetails: return "OrderConfirmationID";
    case Operation::DeliveryNoteDetails: return "DeliveryNoteID";
    default: return "InvoiceID";
  }
}

void read_receipt(XmlElement root, Operation op, Request& r) {
  if (is_receipt_details(op)) {
    r.document_ids = texts(root, details_id_element(op));
    return;
  }
  if (auto range = root.child("DateRange")) {
    r.from_date = range.child_text("FromDate");
    r.thru_date = range.child_text("ThruDate");
  }
  r.order_ids = texts(root, "OrderID");
  r.confirmation_ids = texts(root, "OrderConfirmationID");
  r.delivery_note_ids = texts(root, "DeliveryNoteID");
  r.request_reference = root.child_text("RequestReference");
  r.request_date = root.child_text("RequestDate");
}

ResultFormat format_of(const std::string& text) {
  if (text == "COUNT") return ResultFormat::Count;
  if (text == "ITEM_DETAIL") return ResultFormat::ItemDetail;
  if (text == "ITEM_TYPE") return ResultFormat::ItemType;
  return ResultFormat::IdOnly;  // the schema admits nothing else
}

}  // namespace

DecodeResult decode_xml(const message::XmlPayload& payload) {
  const OperationInfo* op = find_operation(payload.root);
  if (!op) {
    return DecodeError{rv::Outcome::NotSupported, "<" + payload.root + "> is not supported", nullptr};
  }
  XmlElement root = payload.element();
  Decoded d;
  Request& r = d.request;
  r.operation = op->operation;
  read_envelope(root, r);
  d.answer_ns = answer_namespaces_for_xml(payload.root_ns_sent);
  if (auto v = rv::version_in_namespace(payload.root_ns_sent); v && *v < rv::kOldestVersion)
    return DecodeError{
        rv::Outcome::ObsoleteVersion,
        "namespace " + payload.root_ns_sent + " is older than version 1.0, the oldest this server speaks",
        op,
        echoable(r.caller.buyer_id),
        echoable(r.transaction_id),
        d.answer_ns};
  try {
    switch (op->operation) {
      case Operation::GetItemDetails: r.items.push_back(query_of(root)); break;
      case Operation::GetItemDetailsList:
        for (auto entry : root.children("RequestEntry")) r.items.push_back(query_of(entry));
        break;
      case Operation::CreateOrder:
      case Operation::UpdateOrder:
        for (auto line : root.children("OrderRequestLine")) r.lines.push_back(line_of(line));
        break;
      case Operation::CreateTextSearch: r.search_string = root.child_text("SearchString").value_or(""); break;
      case Operation::SearchResult:
        r.start_index = integer(root.child("StartIndex").text(), "StartIndex");
        r.count = integer(root.child("Count").text(), "Count");
        r.format = format_of(root.child("ResultFormat").text());
        if (auto dnc = root.child_text("DoNotClose")) r.do_not_close = boolean(*dnc);
        break;
      case Operation::StockTransmitB2B:
        r.stock = stock_of(root, model::StockVariant::B2B, "StockTransmitB2BLine");
        break;
      case Operation::StockTransmitB2C:
        r.stock = stock_of(root, model::StockVariant::B2C, "StockTransmitB2CLine");
        break;
      case Operation::SaleTransmitB2B: r.sale = sale_of(root); break;
      case Operation::SaleTransmitB2X: r.sale_b2x = sale_b2x_of(root); break;
      case Operation::GetItemStatusStockTransmitB2B:
      case Operation::GetItemStatusStockTransmitB2C:
      case Operation::GetStatusSaleTransmitB2B:
      case Operation::GetStatusSaleTransmitB2X:
        r.start_index = integer(root.child("StartIndex").text(), "StartIndex");
        r.count = integer(root.child("Count").text(), "Count");
        if (auto dnc = root.child_text("DoNotClose")) r.do_not_close = boolean(*dnc);
        break;
      case Operation::GetProfile:
      case Operation::GetClassificationScheme:
      case Operation::GetStatus:
      case Operation::ViewOrder:
      case Operation::FinishOrder:
      case Operation::Rollback: break;
      case Operation::OfferQuery:
      case Operation::OfferDetails:
      case Operation::OrderConfirmationQuery:
      case Operation::OrderConfirmationDetails:
      case Operation::DeliveryNoteQuery:
      case Operation::DeliveryNoteDetails:
      case Operation::InvoiceInformationQuery:
      case Operation::InvoiceInformationDetails: read_receipt(root, op->operation, r); break;
    }
  } catch (Fail& f) {
    f.error.operation = op;
    f.error.buyer_id = echoable(r.caller.buyer_id);
    f.error.transaction_id = echoable(r.transaction_id);
    f.error.answer_ns = d.answer_ns;
    return f.error;
  }
  if (auto overlong = overlong_value(r, op)) {
    overlong->answer_ns = d.answer_ns;
    return *overlong;
  }
  return d;
}

DecodeError decode_error(const message::XmlProblem& problem) {
  DecodeError e{rv::Outcome::NotSchemaValid, problem.message, find_operation(problem.root)};
  e.answer_ns = answer_namespaces_for_xml(problem.root_ns_sent);
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
