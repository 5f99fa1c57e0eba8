// The outbound Veloconnect client and the hub's VeloconnectProvider against a
// real ordergate: a seller set up with the operator's commands (seller add,
// buyer add, import catalog) whose items carry EANs, manufacturers and their
// article numbers, served at /veloconnect/parts over loopback HTTP. The
// failure modes ordergate never shows (no listener, a peer that never
// answers) use a refused port and a listening socket nobody accepts on.
#include <cppunit/extensions/HelperMacros.h>

#include <utility>  // before Boost: asio 1.74's awaitable.hpp uses std::exchange without it

#include <boost/asio.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "providers/http_client.hpp"
#include "providers/veloconnect_client.hpp"
#include "providers/veloconnect_provider.hpp"
#include "support/loop_threads.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

namespace {

namespace net = boost::asio;
namespace pv = og::providers;
namespace ce = og::core::eproc;
namespace re = og::rules::eproc;
using rules::Decimal;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// `ordergate <args>` with `input` on stdin; its exit status.
int ordergate(const std::string& args, const std::string& input = "") {
  std::string cmd = std::string(OG_BINARY) + " " + args + " >/dev/null 2>&1";
  if (!input.empty()) cmd = "printf '%s\\n' '" + input + "' | " + cmd;
  return std::system(cmd.c_str());
}

const char* kCatalog =
    "item_id;description;unit;price;rrp;stock;ean;manufacturer;manufacturer_item_id;next_delivery;replaced_by\n"
    "BOS-104;Brake pads front axle;EA;31.90;49.90;20;4047024793125;BOSCH;0986494104;;\n"
    "MANN-95;Oil filter;EA;5.90;9.90;50;4011558724801;MANN-FILTER;W712/95;;\n"
    "MANN-30;Air filter;EA;14.20;;0;;MANN-FILTER;C30005;2030-02-01;\n"
    "NGK-1;Spark plug;EA;3.10;;100;;NGK;BKR6E;;\n"
    "NGK-4;Spark plug, set of 4;EA;11.90;;10;;NGK;BKR6E;;\n"
    "OLD-1;;;;;;;;;;BOS-104\n";

// A seller "parts" with the catalogue above and the buyer HUB (password hub-pass), on a real server.
struct Dealer {
  TempDir dir;
  ServerProcess server;

  Dealer() : server(dir.path() / "data") {
    std::string d = " --data " + (dir.path() / "data").string();
    CPPUNIT_ASSERT_EQUAL(0, ordergate("seller add parts --name 'Parts Wholesale'" + d));
    CPPUNIT_ASSERT_EQUAL(0, ordergate("buyer add HUB --seller parts --name 'The hub'" + d, "hub-pass"));
    auto csv = dir.path() / "items.csv";
    std::ofstream(csv, std::ios::binary) << kCatalog;
    CPPUNIT_ASSERT_EQUAL(0, ordergate("import catalog " + csv.string() + " --seller parts --delimiter ';'" + d));
  }
  std::string base() const { return "http://127.0.0.1:" + std::to_string(server.port()); }
  pv::VeloconnectAccount account(std::string password = "hub-pass") const {
    return {base() + "/veloconnect/parts", "HUB", std::move(password), std::nullopt, 5000ms};
  }
};

model::HubProvider provider(std::string url = "local:parts") {
  model::HubProvider p;
  p.id = "prov-a";
  p.name = "Parts Wholesale";
  p.url = std::move(url);
  p.buyer_id = "HUB";
  p.password = "hub-pass";
  p.timeout_ms = 5000;
  p.max_concurrent = 2;
  return p;
}

re::Product by_ean(std::string digits) {
  return {re::DescriptionKind::Ean, "", std::move(digits)};
}
re::Product by_brand(std::string brand, std::string reference) {
  return {re::DescriptionKind::BrandReference, std::move(brand), std::move(reference)};
}
re::Product by_reference(std::string reference) {
  return {re::DescriptionKind::ProviderReference, "", std::move(reference)};
}
ce::AvailabilityAsk ask(std::size_t index, re::Product product, std::int64_t quantity = 1) {
  return {index, std::move(product), Decimal::from_int(quantity)};
}
ce::OrderItem order_item(std::int64_t index, re::Product product, std::int64_t quantity) {
  return {index, std::move(product), Decimal::from_int(quantity)};
}

// A port nothing listens on.
unsigned short refused_port() {
  net::io_context io;
  tcp::acceptor probe(io, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
  return probe.local_endpoint().port();
}

// Everything the tests need on the caller's side: loop threads, the outbound client, the provider.
struct Hub {
  LoopThreads loop{2};
  pv::HttpClient http{loop.executor()};
  pv::VeloconnectClient client{http};
  pv::VeloconnectProvider provider;

  explicit Hub(std::string local_base, pv::VeloconnectProviderOptions options = {})
      : provider(http, std::move(local_base), options) {}

  template <class T>
  T run(Task<T> task) {
    return loop.spawn(std::move(task)).get();
  }
};

const ce::ItemAvailability& at(const ce::AvailabilityAnswer& a, std::size_t index) {
  for (const auto& i : a.items)
    if (i.request_index == index) return i;
  CPPUNIT_FAIL("no answer for request " + std::to_string(index));
  throw;
}

const ce::ItemResult* result_for(const std::vector<ce::ItemResult>& items, std::int64_t index) {
  for (const auto& i : items)
    if (i.index == index) return &i;
  return nullptr;
}

}  // namespace

class VeloconnectClientTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(VeloconnectClientTest);
  CPPUNIT_TEST(item_details_in_the_order_asked);
  CPPUNIT_TEST(search_pages_through_every_hit_and_closes);
  CPPUNIT_TEST(order_create_view_finish_and_rollback);
  CPPUNIT_TEST(refusals_and_invalid_input);
  CPPUNIT_TEST_SUITE_END();

 public:
  void item_details_in_the_order_asked() {
    Dealer dealer;
    Hub hub(dealer.base());
    auto r = hub.run(hub.client.item_details(
        dealer.account(), {{"NOPE", {}, {}}, {"BOS-104", "2", "EA"}, {"MANN-30", "1", {}}, {"OLD-1", {}, {}}}));
    CPPUNIT_ASSERT_MESSAGE(r.detail, r.ok());
    CPPUNIT_ASSERT_EQUAL(200, r.response_code);
    CPPUNIT_ASSERT_EQUAL(std::size_t{4}, r.value.size());
    CPPUNIT_ASSERT(r.value[0].kind == pv::ItemAnswer::Kind::Unknown);
    CPPUNIT_ASSERT_EQUAL(std::string("NOPE"), r.value[0].item.item_id);
    const auto& bosch = r.value[1];
    CPPUNIT_ASSERT(bosch.kind == pv::ItemAnswer::Kind::Found);
    CPPUNIT_ASSERT_EQUAL(std::string("BOS-104"), bosch.item.item_id);
    CPPUNIT_ASSERT_EQUAL(std::string("Brake pads front axle"), bosch.item.description);
    CPPUNIT_ASSERT_EQUAL(std::string("4047024793125"), bosch.item.ean.value_or(""));
    CPPUNIT_ASSERT_EQUAL(std::string("BOSCH"), bosch.item.manufacturer.value_or(""));
    CPPUNIT_ASSERT_EQUAL(std::string("0986494104"), bosch.item.manufacturer_item_id.value_or(""));
    CPPUNIT_ASSERT_EQUAL(std::string("31.90"), bosch.item.price.value_or(""));
    CPPUNIT_ASSERT_EQUAL(std::string("EUR"), bosch.item.currency.value_or(""));
    CPPUNIT_ASSERT_EQUAL(std::string("EA"), bosch.item.order_unit.value_or(""));
    CPPUNIT_ASSERT_EQUAL(std::string("available"), bosch.availability_code);
    const auto& air = r.value[2];
    CPPUNIT_ASSERT(air.kind == pv::ItemAnswer::Kind::Found);
    CPPUNIT_ASSERT_EQUAL(std::string("expecting_delivery"), air.availability_code);
    CPPUNIT_ASSERT_EQUAL(std::string("2030-02-01"), air.delivery_date.value_or(""));
    CPPUNIT_ASSERT(r.value[3].kind == pv::ItemAnswer::Kind::Replaced);
    CPPUNIT_ASSERT(r.value[3].replacements == std::vector<std::string>{"BOS-104"});
    // Nothing asked, nothing sent.
    auto none = hub.run(hub.client.item_details(dealer.account(), {}));
    CPPUNIT_ASSERT(none.ok() && none.value.empty());
  }

  void search_pages_through_every_hit_and_closes() {
    Dealer dealer;
    LoopThreads loop(2);
    pv::HttpClient http(loop.executor());
    // One hit per page: three SearchResults for "filter" plus "plug", each but the last with DoNotClose.
    pv::VeloconnectClient client(http, {.search_page = 1});
    auto filters = loop.spawn(client.search(dealer.account(), "filter", 100)).get();
    CPPUNIT_ASSERT_MESSAGE(filters.detail, filters.ok());
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, filters.value.size());
    CPPUNIT_ASSERT_EQUAL(std::string("MANN-30"), filters.value[0].item_id);  // the server's order: by id
    CPPUNIT_ASSERT_EQUAL(std::string("MANN-95"), filters.value[1].item_id);
    CPPUNIT_ASSERT_EQUAL(std::string("W712/95"), filters.value[1].manufacturer_item_id.value_or(""));
    // By EAN and by the manufacturer's article number (the index holds both).
    auto ean = loop.spawn(client.search(dealer.account(), "4047024793125", 100)).get();
    CPPUNIT_ASSERT_MESSAGE(ean.detail, ean.ok());
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, ean.value.size());
    CPPUNIT_ASSERT_EQUAL(std::string("BOS-104"), ean.value[0].item_id);
    auto plugs = loop.spawn(client.search(dealer.account(), "BKR6E", 100)).get();
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, plugs.value.size());
    // max_hits stops early.
    auto one = loop.spawn(client.search(dealer.account(), "BKR6E", 1)).get();
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, one.value.size());
    auto nothing = loop.spawn(client.search(dealer.account(), "zzzz", 100)).get();
    CPPUNIT_ASSERT(nothing.ok() && nothing.value.empty());
    // Every search was closed by its last page: no instance is left open.
    auto open = loop.spawn(client.status(dealer.account())).get();
    CPPUNIT_ASSERT_MESSAGE(open.detail, open.ok());
    CPPUNIT_ASSERT_EQUAL(std::size_t{0}, open.value.size());
  }

  void order_create_view_finish_and_rollback() {
    Dealer dealer;
    Hub hub(dealer.base());
    auto created = hub.run(hub.client.create_order(dealer.account(), {{"BOS-104", "2", {}}, {"NOPE", "1", {}}}));
    CPPUNIT_ASSERT_MESSAGE(created.detail, created.ok());
    CPPUNIT_ASSERT_EQUAL(2, created.value.status_code);
    CPPUNIT_ASSERT(!created.value.transaction_id.empty());
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, created.value.lines.size());
    CPPUNIT_ASSERT_EQUAL(std::string("BOS-104"), created.value.lines[0].item_id);
    CPPUNIT_ASSERT_EQUAL(std::string("2"), created.value.lines[0].quantity);
    CPPUNIT_ASSERT_EQUAL(std::string("EA"), created.value.lines[0].unit);
    CPPUNIT_ASSERT_EQUAL(std::string("31.90"), created.value.lines[0].unit_price.value_or(""));
    CPPUNIT_ASSERT_EQUAL(std::string("4047024793125"), created.value.lines[0].item.ean.value_or(""));
    CPPUNIT_ASSERT(created.value.unknown_items == std::vector<std::string>{"NOPE"});
    auto id = created.value.transaction_id;

    auto open = hub.run(hub.client.status(dealer.account()));
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, open.value.size());
    CPPUNIT_ASSERT_EQUAL(id, open.value[0].first);
    CPPUNIT_ASSERT_EQUAL(2, open.value[0].second);
    auto viewed = hub.run(hub.client.view_order(dealer.account(), id));
    CPPUNIT_ASSERT_MESSAGE(viewed.detail, viewed.ok());
    CPPUNIT_ASSERT_EQUAL(2, viewed.value.status_code);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, viewed.value.lines.size());

    auto finished = hub.run(hub.client.finish_order(dealer.account(), id));
    CPPUNIT_ASSERT_MESSAGE(finished.detail, finished.ok());
    CPPUNIT_ASSERT_EQUAL(100, finished.value.status_code);
    CPPUNIT_ASSERT(finished.value.order_id.has_value());
    CPPUNIT_ASSERT(finished.value.issue_date.has_value());
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, finished.value.lines.size());
    auto after = hub.run(hub.client.view_order(dealer.account(), id));
    CPPUNIT_ASSERT_EQUAL(100, after.value.status_code);
    // Finishing again is the server's 430: refused, not retried.
    auto again = hub.run(hub.client.finish_order(dealer.account(), id));
    CPPUNIT_ASSERT(again.error == pv::VeloError::Refused);
    CPPUNIT_ASSERT_EQUAL(430, again.response_code);

    auto second = hub.run(hub.client.create_order(dealer.account(), {{"MANN-95", "1", "EA"}}));
    CPPUNIT_ASSERT_MESSAGE(second.detail, second.ok());
    auto rolled = hub.run(hub.client.rollback(dealer.account(), second.value.transaction_id));
    CPPUNIT_ASSERT_MESSAGE(rolled.detail, rolled.ok());
    CPPUNIT_ASSERT_EQUAL(199, rolled.value);
    auto unknown = hub.run(hub.client.view_order(dealer.account(), "no-such-transaction"));
    CPPUNIT_ASSERT(unknown.error == pv::VeloError::Refused);
    CPPUNIT_ASSERT_EQUAL(420, unknown.response_code);
    // A CreateOrder is never resent by the HTTP client.
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, hub.http.stats().retries);
  }

  void refusals_and_invalid_input() {
    Dealer dealer;
    Hub hub(dealer.base());
    auto wrong = hub.run(hub.client.item_details(dealer.account("wrong"), {{"BOS-104", {}, {}}}));
    CPPUNIT_ASSERT(wrong.error == pv::VeloError::Refused);
    CPPUNIT_ASSERT_EQUAL(411, wrong.response_code);  // Veloconnect's "authentication failed"
    auto requests = hub.http.stats().requests;
    // Input that cannot be sent is refused before anything goes out.
    auto no_quantity = hub.run(hub.client.create_order(dealer.account(), {{"BOS-104", {}, {}}}));
    CPPUNIT_ASSERT(no_quantity.error == pv::VeloError::Invalid);
    auto bad_quantity = hub.run(hub.client.create_order(dealer.account(), {{"BOS-104", "two", {}}}));
    CPPUNIT_ASSERT(bad_quantity.error == pv::VeloError::Invalid);
    auto empty_id = hub.run(hub.client.item_details(dealer.account(), {{"", {}, {}}}));
    CPPUNIT_ASSERT(empty_id.error == pv::VeloError::Invalid);
    auto control = hub.run(hub.client.item_details(dealer.account(), {{"BOS\x01", {}, {}}}));
    CPPUNIT_ASSERT(control.error == pv::VeloError::Invalid);
    CPPUNIT_ASSERT_EQUAL(requests, hub.http.stats().requests);
    // An answer that is not Veloconnect (the health page, say) is Malformed.
    auto account = dealer.account();
    account.url = dealer.base() + "/no-such-page";
    auto html = hub.run(hub.client.item_details(account, {{"BOS-104", {}, {}}}));
    CPPUNIT_ASSERT(html.error == pv::VeloError::Malformed);
    // Nobody listening: Transport, Unreachable.
    account.url = "http://127.0.0.1:" + std::to_string(refused_port()) + "/veloconnect";
    auto gone = hub.run(hub.client.item_details(account, {{"BOS-104", {}, {}}}));
    CPPUNIT_ASSERT(gone.error == pv::VeloError::Transport);
    CPPUNIT_ASSERT(gone.http_error == pv::HttpError::Unreachable);
  }
};

class VeloconnectProviderTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(VeloconnectProviderTest);
  CPPUNIT_TEST(availability_by_ean_brand_and_reference);
  CPPUNIT_TEST(resolutions_are_cached_and_bounded);
  CPPUNIT_TEST(orders_start_finish_and_are_looked_up);
  CPPUNIT_TEST(abandoned_order_is_rolled_back);
  CPPUNIT_TEST(nothing_carried_opens_no_transaction);
  CPPUNIT_TEST(wrong_password_is_an_error);
  CPPUNIT_TEST(unreachable_provider);
  CPPUNIT_TEST(silent_provider_times_out_within_its_timeout);
  CPPUNIT_TEST(cancelled_call_ends_early);
  CPPUNIT_TEST_SUITE_END();

 public:
  void availability_by_ean_brand_and_reference() {
    Dealer dealer;
    Hub hub(dealer.base());
    auto a = hub.run(hub.provider.availability(
        provider(),
        {ask(0, by_ean("4047024793125"), 2), ask(1, by_brand("Mann Filter", "W 712/95"), 3),
         ask(2, by_reference("MANN-30")), ask(3, by_ean("4006381333931")), ask(4, by_brand("NGK", "BKR6E")),
         ask(5, by_reference("NOPE")), ask(6, by_brand("Bosch", "0 986 494 104")), ask(7, by_brand("NGK", "W712/95")),
         ask(8, by_reference("OLD-1"))},
        CancelToken()));
    CPPUNIT_ASSERT_MESSAGE(a.detail, a.status == ce::CallStatus::Ok);
    CPPUNIT_ASSERT_EQUAL(std::size_t{9}, a.items.size());
    const auto& ean = at(a, 0);
    CPPUNIT_ASSERT(ean.found);
    CPPUNIT_ASSERT_EQUAL(std::string("BOS-104"), ean.provider_item);
    CPPUNIT_ASSERT_EQUAL(std::string("Brake pads front axle"), ean.description);
    CPPUNIT_ASSERT_EQUAL(std::string("available"), ean.availability);
    CPPUNIT_ASSERT_EQUAL(std::string("31.90"), ean.unit_price);
    CPPUNIT_ASSERT_EQUAL(std::string("EUR"), ean.currency);
    const auto& brand = at(a, 1);
    CPPUNIT_ASSERT(brand.found);
    CPPUNIT_ASSERT_EQUAL(std::string("MANN-95"), brand.provider_item);
    CPPUNIT_ASSERT_EQUAL(std::string("available"), brand.availability);
    const auto& reference = at(a, 2);
    CPPUNIT_ASSERT(reference.found);
    CPPUNIT_ASSERT_EQUAL(std::string("expecting_delivery"), reference.availability);
    CPPUNIT_ASSERT_EQUAL(std::string("2030-02-01"), reference.delivery_date);
    CPPUNIT_ASSERT(!at(a, 3).found);
    CPPUNIT_ASSERT_EQUAL(std::string("not carried"), at(a, 3).message);
    CPPUNIT_ASSERT(!at(a, 4).found);
    CPPUNIT_ASSERT_EQUAL(std::string("ambiguous"), at(a, 4).message);
    CPPUNIT_ASSERT(!at(a, 5).found);
    CPPUNIT_ASSERT_EQUAL(std::string("not carried"), at(a, 5).message);
    CPPUNIT_ASSERT(at(a, 6).found);
    CPPUNIT_ASSERT_EQUAL(std::string("BOS-104"), at(a, 6).provider_item);
    // The article number exists, but not by that brand.
    CPPUNIT_ASSERT(!at(a, 7).found);
    CPPUNIT_ASSERT_EQUAL(std::string("not carried"), at(a, 7).message);
    CPPUNIT_ASSERT(!at(a, 8).found);
    CPPUNIT_ASSERT_EQUAL(std::string("replaced by BOS-104"), at(a, 8).message);
    // A partial stock is reported as the server says it.
    auto many = hub.run(hub.provider.availability(provider(), {ask(0, by_brand("BOSCH", "0986494104"), 25)}, {}));
    CPPUNIT_ASSERT_EQUAL(std::string("partially_available"), at(many, 0).availability);
    CPPUNIT_ASSERT_EQUAL(std::string("20"), at(many, 0).available_quantity);
    // The same item in one batch for 25 and for 3: one question to the provider (for 25), and each request is
    // answered for its own quantity (the 3 are there).
    auto both = hub.run(hub.provider.availability(
        provider(), {ask(0, by_brand("BOSCH", "0986494104"), 25), ask(1, by_brand("BOSCH", "0986494104"), 3)}, {}));
    CPPUNIT_ASSERT_EQUAL(std::string("partially_available"), at(both, 0).availability);
    CPPUNIT_ASSERT_EQUAL(std::string("20"), at(both, 0).available_quantity);
    CPPUNIT_ASSERT_EQUAL(std::string("available"), at(both, 1).availability);
    CPPUNIT_ASSERT_EQUAL(std::string(""), at(both, 1).available_quantity);
  }

  void resolutions_are_cached_and_bounded() {
    Dealer dealer;
    Hub hub(dealer.base(), {.cache_ttl = 60s, .max_cache_entries = 3});
    std::vector<ce::AvailabilityAsk> asks{ask(0, by_ean("4047024793125")), ask(1, by_brand("MANN-FILTER", "W712/95")),
                                          ask(2, by_brand("MANN-FILTER", "C30005")), ask(3, by_brand("NGK", "BKR6E")),
                                          ask(4, by_ean("4006381333931"))};
    auto p = provider();
    p.max_concurrent = 2;
    auto first = hub.run(hub.provider.availability(p, asks, {}));
    CPPUNIT_ASSERT_MESSAGE(first.detail, first.status == ce::CallStatus::Ok);
    auto s1 = hub.provider.stats();
    // Five searches (the not-carried EAN once: no other form to try), side by side but never more than two.
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{5}, s1.searches);
    CPPUNIT_ASSERT(s1.peak_in_flight >= 1 && s1.peak_in_flight <= 2);
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, s1.cache_entries);  // the bound: the oldest went
    // The same asks again: the three remembered ones come from the cache (positive and negative alike).
    auto second = hub.run(hub.provider.availability(p, asks, {}));
    CPPUNIT_ASSERT(second.status == ce::CallStatus::Ok);
    auto s2 = hub.provider.stats();
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{3}, s2.cache_hits);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{7}, s2.searches);
    for (std::size_t i = 0; i < asks.size(); ++i) {
      CPPUNIT_ASSERT_EQUAL(at(first, i).found, at(second, i).found);
      CPPUNIT_ASSERT_EQUAL(at(first, i).provider_item, at(second, i).provider_item);
      CPPUNIT_ASSERT_EQUAL(at(first, i).message, at(second, i).message);
    }
    // Cached per provider: another provider id asks again.
    auto other = provider();
    other.id = "prov-b";
    auto third = hub.run(hub.provider.availability(other, {asks[0]}, {}));
    CPPUNIT_ASSERT(at(third, 0).found);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{8}, hub.provider.stats().searches);
    // An expired entry is not believed.
    Hub brief(dealer.base(), {.cache_ttl = 1ms});
    brief.run(brief.provider.availability(p, {asks[0]}, {}));
    std::this_thread::sleep_for(20ms);
    brief.run(brief.provider.availability(p, {asks[0]}, {}));
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, brief.provider.stats().cache_hits);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{2}, brief.provider.stats().searches);
  }

  void orders_start_finish_and_are_looked_up() {
    Dealer dealer;
    Hub hub(dealer.base());
    std::vector<ce::OrderItem> items{order_item(0, by_ean("4047024793125"), 2),
                                     order_item(1, by_brand("NGK", "BKR6E"), 1), order_item(2, by_reference("NOPE"), 1),
                                     order_item(3, by_brand("Mann Filter", "W 712/95"), 3),
                                     order_item(4, by_reference("MANN-30"), 1)};
    auto started = hub.run(hub.provider.start_order(provider(), items));
    CPPUNIT_ASSERT_MESSAGE(started.detail, started.status == ce::CallStatus::Ok);
    CPPUNIT_ASSERT(!started.transaction.empty());
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, started.refused.size());
    auto* ambiguous = result_for(started.refused, 1);
    CPPUNIT_ASSERT(ambiguous && !ambiguous->accepted);
    CPPUNIT_ASSERT_EQUAL(std::string("ambiguous"), ambiguous->message);
    auto* unknown = result_for(started.refused, 2);
    CPPUNIT_ASSERT(unknown && !unknown->accepted);
    CPPUNIT_ASSERT_EQUAL(std::string("not carried"), unknown->message);
    CPPUNIT_ASSERT_EQUAL(std::string("ItemUnknown"), unknown->raw_status);

    // Before FinishOrder: open at the provider.
    auto before = hub.run(hub.provider.look_up_order(provider(), started.transaction, items));
    CPPUNIT_ASSERT_MESSAGE(before.detail, before.status == ce::CallStatus::Ok);
    CPPUNIT_ASSERT(!before.finished);

    // A fresh provider object (as after a restart: nothing cached) matches the lines by their descriptions.
    pv::VeloconnectProvider restarted(hub.http, dealer.base());
    auto finished = hub.run(restarted.finish_order(provider(), started.transaction, items));
    CPPUNIT_ASSERT_MESSAGE(finished.detail, finished.status == ce::CallStatus::Ok);
    CPPUNIT_ASSERT(finished.finished);
    CPPUNIT_ASSERT_EQUAL(std::size_t{5}, finished.items.size());
    auto check = [&](const std::vector<ce::ItemResult>& results) {
      auto* bosch = result_for(results, 0);
      CPPUNIT_ASSERT(bosch && bosch->accepted);
      CPPUNIT_ASSERT_EQUAL(std::string("BOS-104"), bosch->provider_item);
      CPPUNIT_ASSERT(bosch->confirmed_quantity == Decimal::from_int(2));
      CPPUNIT_ASSERT_EQUAL(std::string("31.90"), bosch->unit_price);
      CPPUNIT_ASSERT_EQUAL(std::string("EUR"), bosch->currency);
      CPPUNIT_ASSERT_EQUAL(std::string("available"), bosch->raw_status);
      auto* mann = result_for(results, 3);
      CPPUNIT_ASSERT(mann && mann->accepted);
      CPPUNIT_ASSERT_EQUAL(std::string("MANN-95"), mann->provider_item);
      CPPUNIT_ASSERT(mann->confirmed_quantity == Decimal::from_int(3));
      auto* air = result_for(results, 4);
      CPPUNIT_ASSERT(air && air->accepted);
      CPPUNIT_ASSERT_EQUAL(std::string("expecting_delivery"), air->raw_status);
      CPPUNIT_ASSERT_EQUAL(std::string("2030-02-01"), air->delivery_date);
      CPPUNIT_ASSERT(!result_for(results, 1)->accepted);
      CPPUNIT_ASSERT(!result_for(results, 2)->accepted);
    };
    check(finished.items);

    auto after = hub.run(hub.provider.look_up_order(provider(), started.transaction, items));
    CPPUNIT_ASSERT_MESSAGE(after.detail, after.status == ce::CallStatus::Ok);
    CPPUNIT_ASSERT(after.finished);
    check(after.items);
    // Finishing twice is refused by the provider: an error, never a second order.
    auto twice = hub.run(hub.provider.finish_order(provider(), started.transaction, items));
    CPPUNIT_ASSERT(twice.status == ce::CallStatus::Error);
    auto unknown_transaction = hub.run(hub.provider.look_up_order(provider(), "no-such-transaction", items));
    CPPUNIT_ASSERT(unknown_transaction.status == ce::CallStatus::Error);
  }

  // A transaction given up at the deadline is ended at the provider: rolled
  // back, never an order; a finished one cannot be abandoned.
  void abandoned_order_is_rolled_back() {
    Dealer dealer;
    Hub hub(dealer.base());
    std::vector<ce::OrderItem> items{order_item(0, by_reference("BOS-104"), 1)};
    auto started = hub.run(hub.provider.start_order(provider(), items));
    CPPUNIT_ASSERT_MESSAGE(started.detail, started.status == ce::CallStatus::Ok);
    CPPUNIT_ASSERT(hub.run(hub.provider.abandon_order(provider(), started.transaction)) == ce::CallStatus::Ok);
    auto after = hub.run(hub.provider.look_up_order(provider(), started.transaction, items));
    CPPUNIT_ASSERT_MESSAGE(after.detail, after.status == ce::CallStatus::Ok);
    CPPUNIT_ASSERT(!after.finished);
    CPPUNIT_ASSERT(after.detail.find("without an order") != std::string::npos);
    auto finish = hub.run(hub.provider.finish_order(provider(), started.transaction, items));
    CPPUNIT_ASSERT(finish.status == ce::CallStatus::Error);

    auto ordered = hub.run(hub.provider.start_order(provider(), items));
    CPPUNIT_ASSERT(hub.run(hub.provider.finish_order(provider(), ordered.transaction, items)).finished);
    CPPUNIT_ASSERT(hub.run(hub.provider.abandon_order(provider(), ordered.transaction)) != ce::CallStatus::Ok);
    CPPUNIT_ASSERT(hub.run(hub.provider.look_up_order(provider(), ordered.transaction, items)).finished);
  }

  void nothing_carried_opens_no_transaction() {
    Dealer dealer;
    Hub hub(dealer.base());
    auto requests = hub.http.stats().requests;
    auto started = hub.run(hub.provider.start_order(
        provider(), {order_item(0, by_brand("NGK", "BKR6E"), 1), order_item(1, by_ean("4006381333931"), 1)}));
    CPPUNIT_ASSERT(started.status == ce::CallStatus::Ok);
    CPPUNIT_ASSERT_EQUAL(std::string(""), started.transaction);
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, started.refused.size());
    // Only the resolution searches went out (a CreateTextSearch and a SearchResult for the hits, one for none).
    CPPUNIT_ASSERT_EQUAL(requests + 3, hub.http.stats().requests);
    // Every line unknown at CreateOrder: the empty instance is rolled back, nothing is left open.
    auto unknown = hub.run(hub.provider.start_order(provider(), {order_item(0, by_reference("NOPE"), 1)}));
    CPPUNIT_ASSERT(unknown.status == ce::CallStatus::Ok);
    CPPUNIT_ASSERT_EQUAL(std::string(""), unknown.transaction);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, unknown.refused.size());
    auto open = hub.run(hub.client.status(dealer.account()));
    CPPUNIT_ASSERT_EQUAL(std::size_t{0}, open.value.size());
  }

  void wrong_password_is_an_error() {
    Dealer dealer;
    Hub hub(dealer.base());
    auto p = provider();
    p.password = "wrong";
    auto by_id = hub.run(hub.provider.availability(p, {ask(0, by_reference("BOS-104"))}, {}));
    CPPUNIT_ASSERT(by_id.status == ce::CallStatus::Error);
    CPPUNIT_ASSERT_MESSAGE(by_id.detail, by_id.detail.find("411") != std::string::npos);
    auto by_ean_ = hub.run(hub.provider.availability(p, {ask(0, by_ean("4047024793125"))}, {}));
    CPPUNIT_ASSERT(by_ean_.status == ce::CallStatus::Error);
    auto start = hub.run(hub.provider.start_order(p, {order_item(0, by_reference("BOS-104"), 1)}));
    CPPUNIT_ASSERT(start.status == ce::CallStatus::Error);
    CPPUNIT_ASSERT_EQUAL(std::string(""), start.transaction);
    // A refusal is not remembered as "not carried".
    CPPUNIT_ASSERT_EQUAL(std::size_t{0}, hub.provider.stats().cache_entries);
  }

  void unreachable_provider() {
    Hub hub("http://127.0.0.1:1");
    auto p = provider("http://127.0.0.1:" + std::to_string(refused_port()) + "/veloconnect");
    auto a = hub.run(hub.provider.availability(p, {ask(0, by_ean("4047024793125"))}, {}));
    CPPUNIT_ASSERT(a.status == ce::CallStatus::Unreachable);
    auto f = hub.run(hub.provider.finish_order(p, "t-1", {}));
    CPPUNIT_ASSERT(f.status == ce::CallStatus::Unreachable);
    CPPUNIT_ASSERT(!f.finished);
  }

  void silent_provider_times_out_within_its_timeout() {
    net::io_context io;
    tcp::acceptor silent(io, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));  // listens, never accepts
    std::string base = "http://127.0.0.1:" + std::to_string(silent.local_endpoint().port());
    Hub hub(base);
    auto p = provider("local:parts");
    p.timeout_ms = 300;
    // Two searches and a details call would each fit in 300 ms; the call as a whole must not take longer.
    auto t0 = Clock::now();
    auto a =
        hub.run(hub.provider.availability(p, {ask(0, by_ean("4047024793125")), ask(1, by_reference("BOS-104"))}, {}));
    auto took = Clock::now() - t0;
    CPPUNIT_ASSERT(a.status == ce::CallStatus::Timeout);
    CPPUNIT_ASSERT(took >= 250ms);
    CPPUNIT_ASSERT_MESSAGE(std::to_string(took / 1ms) + " ms", took < 1500ms);
    t0 = Clock::now();
    auto f = hub.run(hub.provider.finish_order(p, "t-1", {}));
    CPPUNIT_ASSERT(f.status == ce::CallStatus::Timeout);
    CPPUNIT_ASSERT(Clock::now() - t0 < 1500ms);
    // Waiting for a slot counts too: one slot, two calls, the second never gets it in time.
    p.max_concurrent = 1;
    auto one = hub.loop.spawn(hub.provider.availability(p, {ask(0, by_reference("A"))}, {}));
    auto two = hub.loop.spawn(hub.provider.availability(p, {ask(0, by_reference("B"))}, {}));
    CPPUNIT_ASSERT(one.get().status == ce::CallStatus::Timeout);
    CPPUNIT_ASSERT(two.get().status == ce::CallStatus::Timeout);
    CPPUNIT_ASSERT(hub.provider.stats().peak_in_flight <= 2);
  }

  void cancelled_call_ends_early() {
    net::io_context io;
    tcp::acceptor silent(io, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
    Hub hub("http://127.0.0.1:" + std::to_string(silent.local_endpoint().port()));
    auto p = provider();
    p.timeout_ms = 120000;  // far beyond the bound below: only the cancel can end it in time
    CancelToken cancel;
    auto t0 = Clock::now();
    auto pending = hub.loop.spawn(hub.provider.availability(p, {ask(0, by_ean("4047024793125"))}, cancel));
    std::this_thread::sleep_for(100ms);
    cancel.cancel();
    auto a = pending.get();
    CPPUNIT_ASSERT(a.status == ce::CallStatus::Error);
    CPPUNIT_ASSERT(Clock::now() - t0 < 30s);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(VeloconnectClientTest);
CPPUNIT_TEST_SUITE_REGISTRATION(VeloconnectProviderTest);

}  // namespace og::test
