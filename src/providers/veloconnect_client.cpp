#include "providers/veloconnect_client.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <unordered_map>

#include "providers/xml_answer.hpp"
#include "providers/xml_writer.hpp"
#include "rules/common/date.hpp"
#include "rules/common/decimal.hpp"
#include "rules/eproc/description.hpp"

namespace og::providers {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::string_view kVct = "urn:veloconnect:transaction-1.0";
constexpr std::string_view kVco = "urn:veloconnect:order-1.1";
constexpr std::string_view kVcc = "urn:veloconnect:catalog-1.5";
constexpr std::string_view kCac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-1.0";
constexpr std::string_view kCbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-1.0";

constexpr std::size_t kMaxIdentifier = 256;
constexpr std::size_t kMaxDescription = 512;
constexpr std::size_t kMaxName = 256;

// A value of the answer failed its check: the whole answer is Malformed.
struct Bad {
  std::string what;
};

bool space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string trim(std::string_view s) {
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// Cuts at most `max` bytes without splitting a UTF-8 sequence.
std::string cut_utf8(std::string s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  s.resize(end);
  return s;
}

// Whitespace runs become one space, none at the ends; at most `max` bytes.
std::string collapse(std::string_view s, std::size_t max) {
  std::string out;
  bool pending = false;
  for (char c : s) {
    if (space(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += c;
  }
  return cut_utf8(std::move(out), max);
}

bool has_control(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F;
  });
}

std::string excerpt(std::string_view s) {
  std::string out = cut_utf8(std::string(s.substr(0, 60)), 60);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  return out;
}

// An identifier of the answer (item ids, transaction ids): trimmed, not empty, no control characters, bounded.
std::string identifier(std::string_view raw, std::string_view what) {
  std::string s = trim(raw);
  if (s.empty()) throw Bad{std::string(what) + " is empty"};
  if (s.size() > kMaxIdentifier) throw Bad{std::string(what) + " is longer than " + std::to_string(kMaxIdentifier)};
  if (has_control(s)) throw Bad{std::string(what) + " holds a control character"};
  return s;
}

std::string identifier_of(xml::Node identification, std::string_view what) {
  if (!identification) throw Bad{std::string(what) + " is missing"};
  return identifier(identification.child("ID").text(), what);
}

// A decimal (xsd:decimal, within rules::Decimal's range), not negative: the server's text, trimmed.
std::string decimal(std::string_view raw, std::string_view what) {
  std::string s = trim(raw);
  auto d = rules::Decimal::parse(s);
  if (!d) throw Bad{std::string(what) + " '" + excerpt(s) + "' is not a decimal"};
  if (d->is_negative()) throw Bad{std::string(what) + " '" + s + "' is negative"};
  return s;
}

// A UN/ECE Rec. 20 code: 1 to 3 ASCII upper-case letters or digits.
std::string unit(std::string_view raw, std::string_view what) {
  std::string s = trim(raw);
  bool ok = !s.empty() && s.size() <= 3 &&
            std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
  if (!ok) throw Bad{std::string(what) + " '" + excerpt(s) + "' is not a unit code"};
  return s;
}

// ISO 4217: three ASCII upper-case letters.
std::string currency(std::string_view raw, std::string_view what) {
  std::string s = trim(raw);
  bool ok = s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!ok) throw Bad{std::string(what) + " '" + excerpt(s) + "' is not a currency code"};
  return s;
}

// xsd:date: YYYY-MM-DD (a time zone is dropped).
std::string date(std::string_view raw, std::string_view what) {
  std::string s = trim(raw);
  auto d = rules::Date::parse(s);
  if (!d) throw Bad{std::string(what) + " '" + excerpt(s) + "' is not a date"};
  return d->to_string();
}

std::string availability_code(std::string_view raw) {
  std::string s = trim(raw);
  if (s == "available" || s == "partially_available" || s == "expecting_delivery" || s == "not_available") return s;
  throw Bad{"availability code '" + excerpt(s) + "' is not one of Veloconnect's"};
}

std::optional<std::int64_t> integer(std::string_view raw) {
  std::string s = trim(raw);
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

int status_code(xml::Node node) {
  if (!node) throw Bad{"StatusCode is missing"};
  auto v = integer(node.text());
  if (!v || *v < 1 || *v > 199) throw Bad{"StatusCode '" + excerpt(node.text()) + "' is not one of 1..199"};
  return static_cast<int>(*v);
}

std::int64_t count(xml::Node node, std::string_view what) {
  if (!node) throw Bad{std::string(what) + " is missing"};
  auto v = integer(node.text());
  if (!v || *v < 0) throw Bad{std::string(what) + " '" + excerpt(node.text()) + "' is not a count"};
  return *v;
}

// cac:Item.
ProviderItem read_item(xml::Node item) {
  ProviderItem p;
  p.item_id = identifier_of(item.child("SellersItemIdentification"), "SellersItemIdentification");
  if (auto d = item.child("Description")) p.description = collapse(d.text(), kMaxDescription);
  if (auto standard = item.child("StandardItemIdentification")) {
    std::string code = trim(standard.child("ID").text());
    // 8 to 14 digits: a GTIN as far as comparing goes. The check digit is not
    // ours to judge here (the hub's validation decides whether it checks it,
    // and catalogues carry codes with wrong ones).
    const bool digits =
        code.size() >= 8 && code.size() <= 14 && code.find_first_not_of("0123456789") == std::string::npos;
    if (digits) p.ean = code;
  }
  if (auto m = item.child("ManufacturersItemIdentification")) {
    p.manufacturer_item_id = identifier(m.child("ID").text(), "ManufacturersItemIdentification");
    std::string name = collapse(m.child("IssuerParty").child("PartyName").child("Name").text(), kMaxName);
    if (has_control(name)) throw Bad{"the manufacturer's name holds a control character"};
    if (!name.empty()) p.manufacturer = std::move(name);
  }
  if (auto base = item.child("BasePrice")) {
    xml::Node amount = base.child("PriceAmount");
    if (!amount) throw Bad{"BasePrice of " + p.item_id + " has no PriceAmount"};
    p.price = decimal(amount.text(), "BasePrice");
    if (auto c = amount.attribute("amountCurrencyID")) p.currency = currency(*c, "amountCurrencyID");
    if (auto u = base.child("BaseQuantity").attribute("quantityUnitCode"); u && !trim(*u).empty())
      p.order_unit = unit(*u, "quantityUnitCode");
  }
  return p;
}

std::vector<std::string> replacement_ids(xml::Node parent) {
  std::vector<std::string> out;
  for (auto r : parent.children("ItemReplacement")) out.push_back(identifier(r.child("ID").text(), "ItemReplacement"));
  return out;
}

// vco:ItemDetail (or a GetItemDetailsResponse's own children).
ItemAnswer read_detail(xml::Node detail) {
  ItemAnswer a;
  if (auto item = detail.child("Item")) {
    a.kind = ItemAnswer::Kind::Found;
    a.item = read_item(item);
    if (auto av = detail.child("Availability")) {
      a.availability_code = availability_code(av.child("Code").text());
      if (auto q = av.child("AvailableQuantity")) a.available_quantity = decimal(q.text(), "AvailableQuantity");
      if (auto d = av.child("ExpectedDeliveryDate")) a.delivery_date = date(d.text(), "ExpectedDeliveryDate");
      a.replacements = replacement_ids(av);
    }
  } else if (auto r = detail.child("RequestReplacement")) {
    a.kind = ItemAnswer::Kind::Replaced;
    a.item.item_id = identifier_of(r.child("SellersItemIdentification"), "RequestReplacement's item");
    a.replacements = replacement_ids(r);
  } else if (auto u = detail.child("ItemUnknown")) {
    a.kind = ItemAnswer::Kind::Unknown;
    a.item.item_id = identifier_of(u.child("SellersItemIdentification"), "ItemUnknown's item");
  } else {
    throw Bad{"an ItemDetail has neither Item, RequestReplacement nor ItemUnknown"};
  }
  return a;
}

OrderLineAnswer read_line(xml::Node line) {
  OrderLineAnswer l;
  xml::Node item = line.child("Item");
  if (!item) throw Bad{"an OrderResponseLine has no Item"};
  l.item = read_item(item);
  l.item_id = l.item.item_id;
  xml::Node quantity = line.child("Quantity");
  if (!quantity) throw Bad{"the OrderResponseLine of " + l.item_id + " has no Quantity"};
  l.quantity = decimal(quantity.text(), "Quantity");
  if (auto u = quantity.attribute("quantityUnitCode"); u && !trim(*u).empty()) l.unit = unit(*u, "quantityUnitCode");
  if (auto price = line.child("UnitPrice")) {
    xml::Node amount = price.child("PriceAmount");
    if (!amount) throw Bad{"UnitPrice of " + l.item_id + " has no PriceAmount"};
    l.unit_price = decimal(amount.text(), "UnitPrice");
    if (auto c = amount.attribute("amountCurrencyID")) l.currency = currency(*c, "amountCurrencyID");
  }
  if (auto av = line.child("Availability")) {
    l.availability_code = availability_code(av.child("Code").text());
    if (auto d = av.child("ExpectedDeliveryDate")) l.delivery_date = date(d.text(), "ExpectedDeliveryDate");
  }
  if (auto d = line.child("DeliveryDate")) l.delivery_date = date(d.text(), "DeliveryDate");
  return l;
}

// OrderResponse / FinalOrderResponse.
OrderAnswer read_order(xml::Node root) {
  OrderAnswer o;
  o.transaction_id = identifier(root.child("TransactionID").text(), "TransactionID");
  o.status_code = status_code(root.child("StatusCode"));
  if (auto header = root.child("OrderHeader")) {
    if (auto id = header.child("OrderID")) o.order_id = identifier(id.text(), "OrderID");
    if (auto d = header.child("IssueDate")) o.issue_date = date(d.text(), "IssueDate");
  }
  for (auto line : root.children("OrderResponseLine")) o.lines.push_back(read_line(line));
  for (auto r : root.children("RequestReplacement"))
    o.replacements.emplace_back(identifier_of(r.child("SellersItemIdentification"), "RequestReplacement's item"),
                                replacement_ids(r));
  for (auto u : root.children("ItemUnknown"))
    o.unknown_items.push_back(identifier_of(u.child("SellersItemIdentification"), "ItemUnknown's item"));
  return o;
}

// --- requests --------------------------------------------------------------------------------------------

struct Namespaces {
  bool vco = false, vcc = false, ubl = false;
};

void open_request(XmlWriter& w, std::string_view root, Namespaces ns) {
  // Attributes are views: the list lives for this call only.
  if (ns.vco && ns.ubl)
    w.open(root, {{"xmlns:vco", kVco}, {"xmlns:vct", kVct}, {"xmlns:cac", kCac}, {"xmlns:cbc", kCbc}});
  else if (ns.vco)
    w.open(root, {{"xmlns:vco", kVco}, {"xmlns:vct", kVct}});
  else if (ns.vcc)
    w.open(root, {{"xmlns:vcc", kVcc}, {"xmlns:vct", kVct}});
  else
    w.open(root, {{"xmlns:vct", kVct}});
}

// vct:RequestType's envelope, in the schema's order.
void envelope(XmlWriter& w, const VeloconnectAccount& account, const std::string* transaction_id) {
  w.leaf("vct:BuyersID", account.buyer_id);
  w.open("vct:Credential");
  w.leaf("vct:Password", account.password);
  w.close();
  if (account.sellers_id && !account.sellers_id->empty()) w.leaf("vct:SellersID", *account.sellers_id);
  if (transaction_id) w.leaf("vct:TransactionID", *transaction_id);
}

void item_line(XmlWriter& w, std::string_view element, const ItemAsk& ask) {
  w.open(element);
  w.open("cac:SellersItemIdentification");
  w.leaf("cac:ID", ask.item_id);
  w.close();
  if (ask.quantity) {
    if (ask.unit)
      w.leaf("cbc:Quantity", *ask.quantity, {{"quantityUnitCode", *ask.unit}});
    else
      w.leaf("cbc:Quantity", *ask.quantity);
  }
  w.close();
}

// What the caller gave that cannot be sent, or "" when it can.
std::string check_account(const VeloconnectAccount& account) {
  if (trim(account.buyer_id).empty()) return "the account has no buyer id";
  if (account.timeout.count() <= 0) return "the account's timeout is not positive";
  return "";
}

std::string check_ask(const ItemAsk& ask, bool quantity_required) {
  if (trim(ask.item_id).empty()) return "an item id is empty";
  if (ask.item_id.size() > kMaxIdentifier) return "item id '" + excerpt(ask.item_id) + "' is too long";
  if (quantity_required && !ask.quantity) return "item " + ask.item_id + " has no quantity";
  if (ask.quantity) {
    auto d = rules::Decimal::parse(*ask.quantity);
    if (!d || d->is_negative() || (quantity_required && d->is_zero()))
      return "quantity '" + excerpt(*ask.quantity) + "' of item " + ask.item_id + " is not a positive decimal";
  }
  if (ask.unit) {
    try {
      if (unit(*ask.unit, "unit") != *ask.unit) return "unit '" + excerpt(*ask.unit) + "' is not a unit code";
    } catch (const Bad& b) {
      return b.what;
    }
  }
  return "";
}

// --- one exchange ----------------------------------------------------------------------------------------

struct Exchange {
  VeloError error = VeloError::None;
  int response_code = 0;
  HttpError http_error = HttpError::None;
  int http_status = 0;
  std::string detail;
  std::optional<xml::Document> document;

  template <class T>
  VeloResult<T> failure() const {
    VeloResult<T> r;
    r.error = error;
    r.response_code = response_code;
    r.http_error = http_error;
    r.http_status = http_status;
    r.detail = detail;
    return r;
  }
  template <class T>
  VeloResult<T> success(T value) const {
    VeloResult<T> r;
    r.response_code = response_code;
    r.http_status = http_status;
    r.value = std::move(value);
    return r;
  }
};

template <class T>
VeloResult<T> invalid(std::string detail) {
  VeloResult<T> r;
  r.error = VeloError::Invalid;
  r.detail = std::move(detail);
  return r;
}

// A failure of one result as a failure of another type.
template <class T, class U>
VeloResult<T> carry(const VeloResult<U>& from) {
  VeloResult<T> r;
  r.error = from.error;
  r.response_code = from.response_code;
  r.http_error = from.http_error;
  r.http_status = from.http_status;
  r.detail = from.detail;
  return r;
}

// The charset parameter of a Content-Type, or "".
std::string charset_of(std::optional<std::string_view> content_type) {
  if (!content_type) return "";
  std::string lower;
  for (char c : *content_type) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  auto at = lower.find("charset=");
  if (at == std::string::npos) return "";
  std::string value(content_type->substr(at + 8));
  value = value.substr(0, value.find(';'));
  value = trim(value);
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
  return value;
}

// POSTs `body` (or, when it is nullopt, reports the writer's problem as Invalid) and reads the answer: a
// Veloconnect document with ResponseCode 200 whose root is `expected_root`.
Task<Exchange> exchange(HttpClient& http, std::size_t max_bytes, std::string url, std::optional<std::string> body,
                        std::string problem, std::string expected_root, bool idempotent, Clock::time_point deadline,
                        CancelToken cancel) {
  Exchange out;
  if (!body) {
    out.error = VeloError::Invalid;
    out.detail = "the request cannot be written: " + problem;
    co_return out;
  }
  auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
  if (left.count() <= 0) {
    out.error = VeloError::Transport;
    out.http_error = HttpError::Timeout;
    out.detail = "the operation's time was up before " + expected_root + " could be asked";
    co_return out;
  }
  HttpRequest request;
  request.method = "POST";
  request.url = std::move(url);
  request.headers = {{"Content-Type", "application/xml; charset=utf-8"}, {"Accept", "application/xml, text/xml"}};
  request.body = std::move(*body);
  request.timeout = left;
  request.idempotent = idempotent;
  auto sending = http.send(std::move(request), cancel);
  HttpResult result = co_await std::move(sending);
  if (!result.ok()) {
    out.error = VeloError::Transport;
    out.http_error = result.error;
    out.detail = std::string(to_string(result.error)) + ": " + result.detail;
    co_return out;
  }
  out.http_status = result.response.status;
  std::string error;
  auto document =
      xml::Document::parse(result.response.body, charset_of(result.response.header("Content-Type")), max_bytes, error);
  if (!document) {
    out.error = VeloError::Malformed;
    out.detail = "HTTP " + std::to_string(out.http_status) + ": " + error;
    co_return out;
  }
  xml::Node root = document->root();
  xml::Node code = root.child("ResponseCode");
  auto response_code = code ? integer(code.text()) : std::nullopt;
  if (!response_code || *response_code < 100 || *response_code > 999) {
    out.error = VeloError::Malformed;
    out.detail = "HTTP " + std::to_string(out.http_status) + ": <" + std::string(root.local_name()) +
                 "> is not a Veloconnect answer (no ResponseCode)";
    co_return out;
  }
  out.response_code = static_cast<int>(*response_code);
  if (out.response_code != 200) {
    out.error = VeloError::Refused;
    out.detail = "ResponseCode " + std::to_string(out.response_code);
    if (auto message = root.child("ResponseMessage")) out.detail += ": " + collapse(message.text(), 300);
    co_return out;
  }
  if (root.local_name() != expected_root) {
    out.error = VeloError::Malformed;
    out.detail = "the answer is <" + std::string(root.local_name()) + ">, not <" + expected_root + ">";
    co_return out;
  }
  out.document = std::move(document);
  co_return out;
}

// Reads the answer's content with `read`; a value that fails its check makes the result Malformed.
template <class T, class Read>
VeloResult<T> read_answer(const Exchange& e, Read read) {
  try {
    return e.success<T>(read(e.document->root()));
  } catch (const Bad& bad) {
    VeloResult<T> r;
    r.error = VeloError::Malformed;
    r.response_code = e.response_code;
    r.http_status = e.http_status;
    r.detail = "<" + std::string(e.document->root().local_name()) + ">: " + bad.what;
    return r;
  }
}

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
           return lower(x) == lower(y);
         });
}

// `read` applied to `root`, nullopt with `error` when a value fails its check.
template <class Read>
auto read_or_error(xml::Node root, std::string& error, Read read) -> std::optional<decltype(read(root))> {
  try {
    return read(root);
  } catch (const Bad& bad) {
    error = bad.what;
    return std::nullopt;
  }
}

}  // namespace

namespace velo_answer {

std::optional<std::vector<ItemAnswer>> item_details(xml::Node root, std::string& error) {
  return read_or_error(root, error, [](xml::Node r) {
    std::vector<ItemAnswer> details;
    for (auto d : r.children("ItemDetail")) details.push_back(read_detail(d));
    return details;
  });
}

std::optional<std::vector<ProviderItem>> search_page(xml::Node root, std::string& error) {
  return read_or_error(root, error, [](xml::Node r) {
    std::vector<ProviderItem> found;
    for (auto d : r.children("ItemDetail"))
      if (auto item = d.child("Item")) found.push_back(read_item(item));
    return found;
  });
}

std::optional<OrderAnswer> order(xml::Node root, std::string& error) {
  return read_or_error(root, error, [](xml::Node r) { return read_order(r); });
}

}  // namespace velo_answer

std::string_view to_string(VeloError error) {
  switch (error) {
    case VeloError::None: return "none";
    case VeloError::Transport: return "transport";
    case VeloError::Refused: return "refused";
    case VeloError::Malformed: return "malformed";
    case VeloError::Invalid: return "invalid";
  }
  return "?";
}

VeloconnectClient::VeloconnectClient(HttpClient& http, VeloconnectClientOptions options)
    : http_(http), options_(options) {}

Task<VeloResult<std::vector<ItemAnswer>>> VeloconnectClient::item_details(VeloconnectAccount account,
                                                                          std::vector<ItemAsk> asks,
                                                                          CancelToken cancel) {
  using R = std::vector<ItemAnswer>;
  auto deadline = Clock::now() + account.timeout;
  if (asks.empty()) co_return VeloResult<R>{};
  if (auto problem = check_account(account); !problem.empty()) co_return invalid<R>(problem);
  for (const auto& ask : asks)
    if (auto problem = check_ask(ask, false); !problem.empty()) co_return invalid<R>(problem);
  XmlWriter w;
  open_request(w, "vco:GetItemDetailsListRequest", {.vco = true, .ubl = true});
  envelope(w, account, nullptr);
  for (const auto& ask : asks) item_line(w, "vco:RequestEntry", ask);
  w.close();
  auto body = w.finish();
  auto asking = exchange(http_, options_.max_answer_bytes, account.url, std::move(body), w.problem().value_or(""),
                         "GetItemDetailsListResponse", true, deadline, cancel);
  Exchange e = co_await std::move(asking);
  if (e.error != VeloError::None) co_return e.failure<R>();
  co_return read_answer<R>(e, [&](xml::Node root) {
    std::vector<ItemAnswer> details;
    for (auto d : root.children("ItemDetail")) details.push_back(read_detail(d));
    R out;
    out.reserve(asks.size());
    for (const auto& ask : asks) {
      std::string id = trim(ask.item_id);
      auto exact =
          std::find_if(details.begin(), details.end(), [&](const ItemAnswer& a) { return a.item.item_id == id; });
      if (exact == details.end())
        exact = std::find_if(details.begin(), details.end(),
                             [&](const ItemAnswer& a) { return equal_ignoring_ascii_case(a.item.item_id, id); });
      if (exact != details.end()) {
        out.push_back(*exact);
      } else {
        ItemAnswer unknown;
        unknown.item.item_id = ask.item_id;
        out.push_back(std::move(unknown));
      }
    }
    return out;
  });
}

Task<VeloResult<std::vector<ProviderItem>>> VeloconnectClient::search(VeloconnectAccount account,
                                                                      std::string search_string, std::int64_t max_hits,
                                                                      CancelToken cancel) {
  using R = std::vector<ProviderItem>;
  auto deadline = Clock::now() + account.timeout;
  if (auto problem = check_account(account); !problem.empty()) co_return invalid<R>(problem);
  std::int64_t wanted = std::min(max_hits, options_.max_search_hits);
  if (wanted <= 0) co_return VeloResult<R>{};
  std::int64_t page = std::max<std::int64_t>(1, options_.search_page);

  XmlWriter create;
  open_request(create, "vcc:CreateTextSearchRequest", {.vcc = true});
  envelope(create, account, nullptr);
  create.leaf("vcc:SearchString", search_string);
  create.close();
  auto create_body = create.finish();
  auto creating = exchange(http_, options_.max_answer_bytes, account.url, std::move(create_body),
                           create.problem().value_or(""), "CreateTextSearchResponse", true, deadline, cancel);
  Exchange created = co_await std::move(creating);
  if (created.error != VeloError::None) co_return created.failure<R>();
  struct Opened {
    std::string transaction_id;
    int status = 0;
    std::int64_t total = 0;
  };
  auto opened = read_answer<Opened>(created, [](xml::Node root) {
    Opened o;
    o.transaction_id = identifier(root.child("TransactionID").text(), "TransactionID");
    o.status = status_code(root.child("StatusCode"));
    o.total = count(root.child("TotalCount"), "TotalCount");
    return o;
  });
  if (!opened.ok()) co_return carry<R>(opened);

  R items;
  std::set<std::string> seen;
  std::int64_t end = std::min(opened.value.total, wanted);
  std::int64_t start = 0;
  int last_response_code = created.response_code;
  int last_http_status = created.http_status;
  // No hits: the server has ended the search already (state 100).
  while (start < end && static_cast<std::int64_t>(items.size()) < wanted) {
    std::int64_t asked = std::min(page, end - start);
    bool last = start + asked >= end;
    XmlWriter w;
    open_request(w, "vcc:SearchResultRequest", {.vcc = true});
    envelope(w, account, &opened.value.transaction_id);
    w.leaf("vcc:StartIndex", std::to_string(start));
    w.leaf("vcc:Count", std::to_string(asked));
    w.leaf("vcc:ResultFormat", "ITEM_DETAIL");
    if (!last) w.leaf("vcc:DoNotClose", "true");
    w.close();
    auto body = w.finish();
    auto paging = exchange(http_, options_.max_answer_bytes, account.url, std::move(body), w.problem().value_or(""),
                           "SearchResultResponse", true, deadline, cancel);
    Exchange e = co_await std::move(paging);
    if (e.error != VeloError::None) co_return e.failure<R>();
    last_response_code = e.response_code;
    last_http_status = e.http_status;
    auto read = read_answer<std::vector<ProviderItem>>(e, [](xml::Node root) {
      std::vector<ProviderItem> found;
      for (auto d : root.children("ItemDetail"))
        if (auto item = d.child("Item")) found.push_back(read_item(item));
      return found;
    });
    if (!read.ok()) co_return carry<R>(read);
    for (auto& item : read.value) {
      if (static_cast<std::int64_t>(items.size()) >= wanted) break;
      if (seen.insert(item.item_id).second) items.push_back(std::move(item));
    }
    // A page of nothing (the server's catalogue shrank) ends the paging rather than asking forever.
    if (read.value.empty() || last) break;
    start += static_cast<std::int64_t>(read.value.size());
  }
  VeloResult<R> out;
  out.response_code = last_response_code;
  out.http_status = last_http_status;
  out.value = std::move(items);
  co_return out;
}

Task<VeloResult<OrderAnswer>> VeloconnectClient::create_order(VeloconnectAccount account, std::vector<ItemAsk> lines,
                                                              CancelToken cancel) {
  auto deadline = Clock::now() + account.timeout;
  if (auto problem = check_account(account); !problem.empty()) co_return invalid<OrderAnswer>(problem);
  if (lines.empty()) co_return invalid<OrderAnswer>("an order needs at least one line");
  std::set<std::string> ids;
  for (const auto& line : lines) {
    if (auto problem = check_ask(line, true); !problem.empty()) co_return invalid<OrderAnswer>(problem);
    // A normalised order: one line per item.
    if (!ids.insert(line.item_id).second) co_return invalid<OrderAnswer>("item " + line.item_id + " is on two lines");
  }
  XmlWriter w;
  open_request(w, "vco:CreateOrderRequest", {.vco = true, .ubl = true});
  envelope(w, account, nullptr);
  for (const auto& line : lines) item_line(w, "vco:OrderRequestLine", line);
  w.close();
  auto body = w.finish();
  // Never sent twice: a CreateOrder that may have arrived would open a second order.
  auto asking = exchange(http_, options_.max_answer_bytes, account.url, std::move(body), w.problem().value_or(""),
                         "OrderResponse", false, deadline, cancel);
  Exchange e = co_await std::move(asking);
  if (e.error != VeloError::None) co_return e.failure<OrderAnswer>();
  co_return read_answer<OrderAnswer>(e, read_order);
}

namespace {

// The transaction operations without content: FinishOrder, ViewOrder, Rollback.
std::optional<std::string> transaction_request(const VeloconnectAccount& account, std::string_view root,
                                               const std::string& transaction_id, std::string& problem) {
  XmlWriter w;
  bool order = root.starts_with("vco:");
  open_request(w, root, {.vco = order});
  envelope(w, account, &transaction_id);
  w.close();
  auto body = w.finish();
  problem = w.problem().value_or("");
  return body;
}

std::string check_transaction(const VeloconnectAccount& account, const std::string& transaction_id) {
  if (auto problem = check_account(account); !problem.empty()) return problem;
  if (trim(transaction_id).empty()) return "the transaction id is empty";
  return "";
}

}  // namespace

Task<VeloResult<OrderAnswer>> VeloconnectClient::finish_order(VeloconnectAccount account, std::string transaction_id,
                                                              CancelToken cancel) {
  auto deadline = Clock::now() + account.timeout;
  if (auto problem = check_transaction(account, transaction_id); !problem.empty())
    co_return invalid<OrderAnswer>(problem);
  std::string problem;
  auto body = transaction_request(account, "vco:FinishOrderRequest", transaction_id, problem);
  // Never sent twice by this client: the caller asks view_order() after a Transport error.
  auto asking = exchange(http_, options_.max_answer_bytes, account.url, std::move(body), problem, "FinalOrderResponse",
                         false, deadline, cancel);
  Exchange e = co_await std::move(asking);
  if (e.error != VeloError::None) co_return e.failure<OrderAnswer>();
  co_return read_answer<OrderAnswer>(e, read_order);
}

Task<VeloResult<OrderAnswer>> VeloconnectClient::view_order(VeloconnectAccount account, std::string transaction_id,
                                                            CancelToken cancel) {
  auto deadline = Clock::now() + account.timeout;
  if (auto problem = check_transaction(account, transaction_id); !problem.empty())
    co_return invalid<OrderAnswer>(problem);
  std::string problem;
  auto body = transaction_request(account, "vco:ViewOrderRequest", transaction_id, problem);
  auto asking = exchange(http_, options_.max_answer_bytes, account.url, std::move(body), problem, "OrderResponse", true,
                         deadline, cancel);
  Exchange e = co_await std::move(asking);
  if (e.error != VeloError::None) co_return e.failure<OrderAnswer>();
  co_return read_answer<OrderAnswer>(e, read_order);
}

Task<VeloResult<int>> VeloconnectClient::rollback(VeloconnectAccount account, std::string transaction_id,
                                                  CancelToken cancel) {
  auto deadline = Clock::now() + account.timeout;
  if (auto problem = check_transaction(account, transaction_id); !problem.empty()) co_return invalid<int>(problem);
  std::string problem;
  auto body = transaction_request(account, "vct:RollbackRequest", transaction_id, problem);
  // A second Rollback of an instance the first one ended is a 430: not resent.
  auto asking = exchange(http_, options_.max_answer_bytes, account.url, std::move(body), problem, "RollbackResponse",
                         false, deadline, cancel);
  Exchange e = co_await std::move(asking);
  if (e.error != VeloError::None) co_return e.failure<int>();
  co_return read_answer<int>(e, [](xml::Node root) { return status_code(root.child("StatusCode")); });
}

Task<VeloResult<std::vector<std::pair<std::string, int>>>> VeloconnectClient::status(VeloconnectAccount account,
                                                                                     CancelToken cancel) {
  using R = std::vector<std::pair<std::string, int>>;
  auto deadline = Clock::now() + account.timeout;
  if (auto problem = check_account(account); !problem.empty()) co_return invalid<R>(problem);
  XmlWriter w;
  open_request(w, "vct:GetStatusRequest", {});
  envelope(w, account, nullptr);
  w.close();
  auto body = w.finish();
  auto asking = exchange(http_, options_.max_answer_bytes, account.url, std::move(body), w.problem().value_or(""),
                         "GetStatusResponse", true, deadline, cancel);
  Exchange e = co_await std::move(asking);
  if (e.error != VeloError::None) co_return e.failure<R>();
  co_return read_answer<R>(e, [](xml::Node root) {
    R out;
    for (auto s : root.children("TransactionStatus")) {
      // The schema spells it TransactionId here; servers that write TransactionID are read too.
      xml::Node id = s.child("TransactionId");
      if (!id) id = s.child("TransactionID");
      out.emplace_back(identifier(id.text(), "TransactionId"), status_code(s.child("StatusCode")));
    }
    return out;
  });
}

}  // namespace og::providers
