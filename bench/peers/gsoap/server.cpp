// gsoap_peer: the benchmark's gSOAP peer (bench/run, BENCH_PEERS=gsoap).
//
// gSOAP's own stand-alone server, written the way its documentation teaches:
// the soapcpp2-generated service class (made from the same velo bindings that
// ordergate uses), soap_bind, one thread accepting, a fixed pool of worker
// threads each serving one connection at a time on its own soap_copy of the
// context, HTTP keep-alive on. GetItemDetails is answered from an in-memory
// copy of ordergate's demo catalogue (src/core/demo_data.cpp); every other
// operation answers a fault. SOAP only: the generated dispatcher takes an
// envelope-less XML-POST body's root for the SOAP Body and looks for the
// operation one level too deep, so it answers such requests with a fault.
//
//   gsoap_peer [--threads 8] [--port 0]     prints "gsoap_peer listening on http://127.0.0.1:PORT/veloconnect"
//
// A worker keeps its connection until the client closes it or
// max_keep_alive (gSOAP's default, 100 requests) is reached, so more open
// connections than workers wait in the queue: that is the pattern's
// behaviour, measured as is.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "veloVeloconnectSoap11Service.h"

namespace {

// ---- the in-memory catalogue: ordergate's demo items, their facts as text ----

struct Item {
  const char* description;
  const char* order_unit;
  const char* base_unit;  // differs from order_unit for packs
  const char* per_pack;   // base units per order unit, for packs
  const char* price;      // EUR per order unit
  const char* rrp;        // recommended retail price, EUR
  int stock;              // in order units
  const char* ean;        // or nullptr
};

const std::map<std::string, Item> kCatalogue = {
    {"52090311600", {"Brake cable 1.5 x 2000 mm", "EA", "EA", nullptr, "2.95", "5.99", 500, "4012345678901"}},
    {"52090311100", {"Shift cable 1.1 x 2100 mm, pack of 100", "PK", "EA", "100", "49.00", "99.00", 20, nullptr}},
    {"200200456", {"Chain 11-speed 118 links", "EA", "EA", nullptr, "29.90", "49.95", 0, nullptr}},
    {"200300156", {"Inner tube 28 inch", "EA", "EA", nullptr, "4.50", "8.95", 3, nullptr}},
    {"200600221", {"Tyre 28-622", "EA", "EA", nullptr, "19.95", "34.90", 40, nullptr}},
};

// Plain passwords: the peers compare, ordergate checks a cached hash.
const std::map<std::string, std::string> kBuyers = {{"B127645", "secret"}, {"B200001", "secret2"}};

// ---- building the answer with the generated types ----

using namespace velo;

// Strings are built, then moved in: GCC 12's -Wrestrict misfires at -O3 on
// assigning a char* to a std::string.
std::string* text(soap* s, const char* value) {
  auto* p = soap_new_std__string(s);
  *p = std::string(value);
  return p;
}

cac__ItemIdentificationType* identification(soap* s, const std::string& id, const char* scheme = nullptr) {
  auto* out = soap_new_cac__ItemIdentificationType(s);
  out->ID = soap_new_cbc__IdentifierType(s);
  out->ID->__item = id;
  if (scheme) out->ID->identificationSchemeID = text(s, scheme);
  return out;
}

cbc__QuantityType* quantity(soap* s, const char* value, const char* unit) {
  auto* q = soap_new_cbc__QuantityType(s);
  q->__item = std::string(value);
  q->quantityUnitCode = text(s, unit);
  return q;
}

cac__PriceType* price(soap* s, const char* amount, const char* unit) {
  auto* p = soap_new_cac__PriceType(s);
  p->cbc__PriceAmount = soap_new_cbc__AmountType(s);
  p->cbc__PriceAmount->__item = std::string(amount);
  p->cbc__PriceAmount->amountCurrencyID = std::string("EUR");
  p->cbc__BaseQuantity = quantity(s, "1", unit);
  return p;
}

cac__ItemType* item(soap* s, const std::string& id, const Item& facts) {
  auto* it = soap_new_cac__ItemType(s);
  auto* description = soap_new_cbc__TextType(s);
  description->__item = std::string(facts.description);
  it->cbc__Description.push_back(description);
  if (facts.per_pack) {
    it->cbc__PackQuantity = quantity(s, facts.per_pack, facts.base_unit);
    it->cbc__PackSizeNumeric = text(s, facts.per_pack);
  }
  it->SellersItemIdentification = identification(s, id);
  if (facts.ean) it->StandardItemIdentification = identification(s, facts.ean, "EAN/UCC-13");
  it->BasePrice.push_back(price(s, facts.price, facts.order_unit));
  it->RecommendedRetailPrice = price(s, facts.rrp, facts.order_unit);
  return it;
}

vco__AvailabilityType* availability(soap* s, const Item& facts, double requested) {
  auto* a = soap_new_vco__AvailabilityType(s);
  if (facts.stock > 0 && (requested <= 0 || facts.stock >= requested)) {
    a->Code = vco__AvailabilityCodeType::available;
  } else if (facts.stock > 0) {
    a->Code = vco__AvailabilityCodeType::partially_USCOREavailable;
    a->AvailableQuantity = quantity(s, std::to_string(facts.stock).c_str(), facts.order_unit);
  } else {
    a->Code = vco__AvailabilityCodeType::not_USCOREavailable;
  }
  return a;
}

class Peer : public VeloconnectSoap11Service {
 public:
  using VeloconnectSoap11Service::VeloconnectSoap11Service;

  VeloconnectSoap11Service* copy() override {
    auto* dup = new Peer(soap_copy(soap));
    dup->soap_own = true;
    return dup;
  }

  int GetItemDetails(_vco__GetItemDetailsRequest* rq, _vco__GetItemDetailsResponse& r) override {
    answer_in_request_version();
    r.BuyersID = rq->BuyersID;
    auto buyer = kBuyers.find(rq->BuyersID);
    if (buyer == kBuyers.end()) return refuse(r, vct__ResponseCodeType::_420, "unknown buyer");
    if (!rq->Credential || !rq->Credential->Password || *rq->Credential->Password != buyer->second)
      return refuse(r, vct__ResponseCodeType::_421, "authentication failed");
    if (!rq->cac__SellersItemIdentification || !rq->cac__SellersItemIdentification->ID)
      return refuse(r, vct__ResponseCodeType::_400, "no SellersItemIdentification");
    const std::string& id = rq->cac__SellersItemIdentification->ID->__item;
    r.ResponseCode = vct__ResponseCodeType::_200;
    auto found = kCatalogue.find(id);
    if (found == kCatalogue.end()) {
      r.ItemUnknown = soap_new__vco__ItemUnknown(soap);
      r.ItemUnknown->cac__SellersItemIdentification = identification(soap, id);
      return SOAP_OK;
    }
    double requested = rq->cbc__Quantity ? std::strtod(rq->cbc__Quantity->__item.c_str(), nullptr) : 0;
    r.cac__Item = item(soap, id, found->second);
    r.Availability = availability(soap, found->second, requested);
    return SOAP_OK;
  }
  int GetItemDetails_(_vco__GetItemDetailsRequest* rq, _vco__GetItemDetailsResponse& r) override {
    return GetItemDetails(rq, r);
  }

  // Not part of the benchmark.
#define OG_PEER_UNSERVED(op, In, Out)                            \
  int op(In*, Out&) override {                                   \
    return soap_senderfault("not served by this peer", nullptr); \
  }                                                              \
  int op##_(In*, Out&) override {                                \
    return soap_senderfault("not served by this peer", nullptr); \
  }
  OG_PEER_UNSERVED(GetProfile, vct__RequestType, _vcp__GetProfileResponse)
  OG_PEER_UNSERVED(GetItemDetailsList, _vco__GetItemDetailsListRequest, _vco__GetItemDetailsListResponse)
  OG_PEER_UNSERVED(CreateOrder, _vco__CreateOrderRequest, _vco__OrderResponse)
  OG_PEER_UNSERVED(UpdateOrder, _vco__UpdateOrderRequest, _vco__OrderResponse)
  OG_PEER_UNSERVED(ViewOrder, vct__TransactionRequestType, _vco__OrderResponse)
  OG_PEER_UNSERVED(FinishOrder, vct__TransactionRequestType, _vco__FinalOrderResponse)
  OG_PEER_UNSERVED(CreateTextSearch, _vcc__CreateTextSearchRequest, _vcc__CreateTextSearchResponse)
  OG_PEER_UNSERVED(SearchResult, _vcc__SearchResultRequest, _vcc__SearchResultResponse)
  OG_PEER_UNSERVED(GetStatus, vct__RequestType, _vct__GetStatusResponse)
  OG_PEER_UNSERVED(Rollback, vct__TransactionRequestType, vct__TransactionResponseType)
#undef OG_PEER_UNSERVED

 private:
  // The service class was generated from a WSDL with SOAP 1.1 and 1.2
  // bindings and resets the context to SOAP 1.2 before each dispatch; answer a
  // SOAP 1.1 request as SOAP 1.1 (text/xml, 1.1 namespaces).
  void answer_in_request_version() {
    // A request matched by the table's SOAP 1.1 pattern leaves the URI it used in `out`.
    const Namespace* env = soap->local_namespaces;
    if (env && env[0].out && std::strcmp(env[0].out, "http://schemas.xmlsoap.org/soap/envelope/") == 0)
      soap_set_version(soap, 1);
  }

  int refuse(_vco__GetItemDetailsResponse& r, vct__ResponseCodeType code, const char* message) {
    r.ResponseCode = code;
    r.ResponseMessage = text(soap, message);
    return SOAP_OK;
  }
};

// ---- the classic thread pool: accepted sockets queue up for the workers ----

class SocketQueue {
 public:
  explicit SocketQueue(size_t limit) : limit_(limit) {}
  void push(SOAP_SOCKET s) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return queue_.size() < limit_; });
    queue_.push_back(s);
    not_empty_.notify_one();
  }
  SOAP_SOCKET pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !queue_.empty(); });
    SOAP_SOCKET s = queue_.front();
    queue_.pop_front();
    not_full_.notify_one();
    return s;
  }

 private:
  size_t limit_;
  std::mutex mutex_;
  std::condition_variable not_empty_, not_full_;
  std::deque<SOAP_SOCKET> queue_;
};

void work(soap* ctx, SocketQueue& queue) {
  Peer peer(ctx);
  for (;;) {
    ctx->socket = queue.pop();
    peer.serve();  // loops over the connection's requests while keep-alive holds
    peer.destroy();
    soap_closesock(ctx);
  }
}

int arg_int(int argc, char** argv, const char* name, int fallback) {
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], name) == 0) return std::atoi(argv[i + 1]);
  return fallback;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  int threads = arg_int(argc, argv, "--threads", 8);
  int port = arg_int(argc, argv, "--port", 0);

  Peer server(SOAP_IO_KEEPALIVE | SOAP_C_UTFSTRING, SOAP_IO_KEEPALIVE | SOAP_XML_TREE | SOAP_C_UTFSTRING);
  server.soap->bind_flags = SO_REUSEADDR;
  // Timeouts as the documentation recommends, so a silent client cannot hold a worker forever.
  server.soap->send_timeout = 5;
  server.soap->recv_timeout = 5;
  // The same accept backlog as ordergate's.
  if (!soap_valid_socket(soap_bind(server.soap, "127.0.0.1", port, SOMAXCONN))) {
    soap_print_fault(server.soap, stderr);
    return 1;
  }
  sockaddr_in bound{};
  socklen_t len = sizeof bound;
  getsockname(server.soap->master, reinterpret_cast<sockaddr*>(&bound), &len);
  std::printf("gsoap_peer listening on http://127.0.0.1:%d/veloconnect (%d worker threads)\n", ntohs(bound.sin_port),
              threads);
  std::fflush(stdout);

  SocketQueue queue(1024);
  std::vector<std::thread> workers;
  for (int i = 0; i < threads; ++i) workers.emplace_back(work, soap_copy(server.soap), std::ref(queue));
  for (;;) {
    SOAP_SOCKET s = soap_accept(server.soap);
    if (!soap_valid_socket(s)) {
      if (server.soap->errnum) continue;  // a failed accept (e.g. out of descriptors): keep serving
      break;
    }
    queue.push(s);
  }
  soap_print_fault(server.soap, stderr);
  return 1;
}
