// The outbound Veloconnect client: what the e-procurement hub uses to ask a
// provider's Veloconnect server about items and to place orders there. XML-POST
// (the request element is the document, Content-Type application/xml) over the
// house's HttpClient; answers become plain values.
//
// Answers are not trusted. Each is parsed with the safe reader (no DTD, no
// entities, no network, bounded size), elements are found by local name in
// whatever namespace the server used, and every value taken is checked
// (identifiers, decimals, dates, unit and currency codes, availability codes,
// status codes). An answer that cannot be read is VeloError::Malformed, never a
// crash and never a half-read value.
//
// Coroutines on the caller's executor; every argument is taken by value (the
// frame owns it), so a temporary account or list is safe to pass.
#pragma once
#include <utility>  // before Boost: asio 1.74's awaitable.hpp uses std::exchange without it

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "async/cancel.hpp"
#include "async/task.hpp"
#include "providers/http_client.hpp"
#include "providers/xml_answer.hpp"

namespace og::providers {

// One buyer's access to one Veloconnect server.
struct VeloconnectAccount {
  std::string url;  // the server's XML-POST URL, e.g. http://127.0.0.1:8080/veloconnect/prov-a
  std::string buyer_id;
  std::string password;
  std::optional<std::string> sellers_id;  // vct:SellersID, for servers that host several sellers at one URL
  // The whole operation (every HTTP exchange of it: a search may take several), not each exchange.
  std::chrono::milliseconds timeout{5000};
};

enum class VeloError {
  None,
  Transport,  // the HTTP exchange failed: http_error says how (timeout, unreachable, ...), detail more
  Refused,    // the server answered a ResponseCode other than 200: response_code
  Malformed,  // not a Veloconnect answer we can read (not XML, HTML, a wrong root, a value that fails its check)
  Invalid,    // nothing was sent: the caller's input cannot be (an empty item id, a quantity that is no decimal)
};
std::string_view to_string(VeloError error);  // "none", "transport", "refused", "malformed", "invalid"

template <class T>
struct VeloResult {
  VeloError error = VeloError::None;
  int response_code = 0;                   // the answer's ResponseCode, when there was one (200 on success)
  HttpError http_error = HttpError::None;  // with Transport
  int http_status = 0;                     // the HTTP status of the answer, when there was one
  std::string detail;                      // what went wrong, for logs only (names hosts; never for a client)
  T value{};
  bool ok() const { return error == VeloError::None; }
};

// An item to ask about or to order. quantity is a decimal ("2", "1.5"); unit a UN/ECE Rec. 20 code ("EA").
struct ItemAsk {
  std::string item_id;
  std::optional<std::string> quantity;  // required for orders; for details: availability is judged against it
  std::optional<std::string> unit;      // quantityUnitCode; the server's order unit when not given
};

// An item as the provider describes it (cac:Item). Decimals are the server's text, checked to be decimals.
struct ProviderItem {
  std::string item_id;                      // SellersItemIdentification
  std::string description;                  // the first cbc:Description, whitespace collapsed, at most 512 bytes
  std::optional<std::string> ean;           // StandardItemIdentification, when it is 8 to 14 digits
  std::optional<std::string> manufacturer;  // ManufacturersItemIdentification's IssuerParty name
  std::optional<std::string> manufacturer_item_id;  // ManufacturersItemIdentification's ID (the first one)
  std::optional<std::string> price;                 // the first BasePrice: net, per BaseQuantity's unit
  std::optional<std::string> currency;              // its amountCurrencyID (ISO 4217)
  std::optional<std::string> order_unit;            // its BaseQuantity's quantityUnitCode
};

// The answer for one ItemAsk of item_details().
struct ItemAnswer {
  enum class Kind {
    Found,     // item and availability
    Replaced,  // the id is obsolete; replacements names the provider's successors
    Unknown,   // the provider does not know the id (ItemUnknown, or the server left the entry out)
  };
  Kind kind = Kind::Unknown;
  ProviderItem item;              // Found: as described; otherwise only item_id (the id asked)
  std::string availability_code;  // available, partially_available, expecting_delivery, not_available; "" if not said
  std::optional<std::string> available_quantity;  // with partially_available
  std::optional<std::string> delivery_date;       // ExpectedDeliveryDate, YYYY-MM-DD
  std::vector<std::string> replacements;          // Replaced: RequestReplacement; Found: Availability's ItemReplacement
};

// One OrderResponseLine.
struct OrderLineAnswer {
  std::string item_id;
  ProviderItem item;     // the line's cac:Item as described (item.item_id == item_id): EAN and manufacturer
                         // data let a caller match the line to what it asked for
  std::string quantity;  // the quantity the order holds now (the server may round it up to full packs)
  std::string unit;      // its quantityUnitCode; "" when the server did not say
  std::optional<std::string> unit_price;  // net, per `unit`
  std::optional<std::string> currency;
  std::optional<std::string> delivery_date;  // the line's DeliveryDate, else the availability's ExpectedDeliveryDate
  std::string availability_code;             // "" when the server did not say
};

// An OrderResponse or FinalOrderResponse.
struct OrderAnswer {
  std::string transaction_id;
  int status_code = 0;  // 2 open, 100 finished (Rollback: 199 at ordergate)
  std::vector<OrderLineAnswer> lines;
  std::vector<std::string> unknown_items;                                      // ItemUnknown
  std::vector<std::pair<std::string, std::vector<std::string>>> replacements;  // RequestReplacement: id, successors
  std::optional<std::string> order_id;                                         // FinalOrderResponse's OrderHeader
  std::optional<std::string> issue_date;                                       // YYYY-MM-DD
};

struct VeloconnectClientOptions {
  std::size_t max_answer_bytes = 8u << 20;  // a larger answer is Malformed (HttpClient's own limit applies first)
  std::int64_t search_page = 100;           // hits asked per SearchResult (servers clamp; ordergate's default is 100)
  std::int64_t max_search_hits = 1000;      // search() never returns more, whatever max_hits says
};

// The readers the client applies to an answer with ResponseCode 200 (`root`: the parsed document's root
// element), for tests and fuzzing: the values, or nullopt with `error` naming the value that failed its check
// (the client reports that answer Malformed).
namespace velo_answer {
// GetItemDetailsListResponse: every ItemDetail, in the server's order.
std::optional<std::vector<ItemAnswer>> item_details(xml::Node root, std::string& error);
// SearchResultResponse (ITEM_DETAIL): the items of the page.
std::optional<std::vector<ProviderItem>> search_page(xml::Node root, std::string& error);
// OrderResponse / FinalOrderResponse.
std::optional<OrderAnswer> order(xml::Node root, std::string& error);
}  // namespace velo_answer

class VeloconnectClient {
 public:
  explicit VeloconnectClient(HttpClient& http, VeloconnectClientOptions options = {});

  // One GetItemDetailsList. Answers come in the order asked, one per ask, matched by item id (exactly, else
  // ignoring ASCII case); an ask the server left out is Unknown. No asks: no request, an empty answer.
  Task<VeloResult<std::vector<ItemAnswer>>> item_details(VeloconnectAccount account, std::vector<ItemAsk> asks,
                                                         CancelToken cancel = {});
  // CreateTextSearch, then SearchResult pages (ResultFormat ITEM_DETAIL) until max_hits items (at most
  // options.max_search_hits) or the end; the last page asked closes the search (DoNotClose false). Items in the
  // server's order, each id once.
  Task<VeloResult<std::vector<ProviderItem>>> search(VeloconnectAccount account, std::string search_string,
                                                     std::int64_t max_hits, CancelToken cancel = {});
  // CreateOrder with these lines (each needs a quantity): the open order (status 2) with its TransactionID.
  // Not retried on a stale connection: a CreateOrder that may have arrived is never sent twice.
  Task<VeloResult<OrderAnswer>> create_order(VeloconnectAccount account, std::vector<ItemAsk> lines,
                                             CancelToken cancel = {});
  // FinishOrder: the order goes to the provider's merchandise system (status 100, OrderID). Never retried by
  // this client: after a Transport error, ask view_order() before finishing again.
  Task<VeloResult<OrderAnswer>> finish_order(VeloconnectAccount account, std::string transaction_id,
                                             CancelToken cancel = {});
  // ViewOrder: the order's lines and state, open or finished.
  Task<VeloResult<OrderAnswer>> view_order(VeloconnectAccount account, std::string transaction_id,
                                           CancelToken cancel = {});
  // Rollback: the StatusCode the instance ended in.
  Task<VeloResult<int>> rollback(VeloconnectAccount account, std::string transaction_id, CancelToken cancel = {});
  // GetStatus without a TransactionID: the buyer's open instances (TransactionID, StatusCode).
  Task<VeloResult<std::vector<std::pair<std::string, int>>>> status(VeloconnectAccount account,
                                                                    CancelToken cancel = {});

 private:
  HttpClient& http_;
  VeloconnectClientOptions options_;
};

}  // namespace og::providers
