// The e-procurement hub end to end, through real processes: the hub is an
// ordergate process; its demo providers are that process's own Veloconnect
// sellers (reached over loopback HTTP), other providers are further ordergate
// processes, a port nobody listens on, or a peer that never answers; callbacks
// go to a receiver in this test.
#include <cppunit/extensions/HelperMacros.h>

#include <openssl/hmac.h>
#include <sys/wait.h>

#include <utility>  // before Boost: asio 1.74 uses std::exchange without it

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/command.hpp"
#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

namespace {

using json = nlohmann::json;
namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

std::string basic(const std::string& user, const std::string& password) {
  static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string in = user + ":" + password, out;
  int val = 0, bits = -6;
  for (unsigned char c : in) {
    val = (val << 8) + c;
    bits += 8;
    while (bits >= 0) {
      out.push_back(table[(val >> bits) & 0x3F]);
      bits -= 6;
    }
  }
  if (bits > -6) out.push_back(table[((val << 8) >> (bits + 8)) & 0x3F]);
  while (out.size() % 4) out.push_back('=');
  return "Basic " + out;
}

// A hub client: JSON over HTTP with Basic authentication.
class Garage {
 public:
  Garage(unsigned short port, std::string id, std::string password)
      : http_("127.0.0.1", port), auth_(basic(id, password)) {}
  HttpReply post(const std::string& path, const json& body) {
    return http_.post(path, body.dump(), "application/json", {{"Authorization", auth_}});
  }
  HttpReply get(const std::string& path) { return http_.get(path, {{"Authorization", auth_}}); }

 private:
  HttpClient http_;
  std::string auth_;
};

json parse(const HttpReply& r) {
  auto j = json::parse(r.body, nullptr, false);
  CPPUNIT_ASSERT_MESSAGE(r.body, !j.is_discarded());
  return j;
}

json item(const char* provider, const char* brand, const char* reference, int quantity) {
  json j = {{"brand", brand}, {"manufacturerReference", reference}, {"quantity", quantity}};
  if (provider) j["provider"] = provider;
  return j;
}

// The status of every provider asked about one request, by provider.
std::map<std::string, json> by_provider(const json& answer) {
  std::map<std::string, json> out;
  for (const auto& p : answer.at("providers")) out[p.at("provider").get<std::string>()] = p;
  return out;
}

// Reads the order until it settles (status other than 2) or `limit` passes.
json settled(Garage& garage, const std::string& reference, std::chrono::seconds limit = std::chrono::seconds(30)) {
  auto until = std::chrono::steady_clock::now() + limit;
  json order;
  while (std::chrono::steady_clock::now() < until) {
    auto r = garage.get("/eprocurement/orders/" + reference);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 200, r.status);
    order = parse(r);
    if (order.at("status").get<int>() != 2) return order;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  CPPUNIT_FAIL("order " + reference + " did not settle: " + order.dump());
  return order;
}

// Receives callbacks: answers 200 to every POST, remembers each.
class CallbackReceiver {
 public:
  struct Call {
    std::map<std::string, std::string> headers;
    std::string body;
  };
  explicit CallbackReceiver(unsigned short port = 0)
      : acceptor_(io_, tcp::endpoint(net::ip::make_address("127.0.0.1"), port)) {
    thread_ = std::thread([this] { serve(); });
  }
  ~CallbackReceiver() {
    stop_ = true;
    // Unblock accept() with a connection of our own (closing the acceptor
    // under the blocked thread would race it).
    try {
      tcp::socket s(io_);
      s.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port_));
    } catch (...) {
    }
    thread_.join();
    beast::error_code ec;
    acceptor_.close(ec);
  }
  unsigned short port() const { return port_; }
  std::vector<Call> calls() {
    std::lock_guard lock(mutex_);
    return calls_;
  }

 private:
  void serve() {
    while (!stop_) {
      beast::error_code ec;
      tcp::socket socket(io_);
      acceptor_.accept(socket, ec);
      if (ec || stop_) return;
      beast::flat_buffer buffer;
      for (;;) {
        beast::http::request<beast::http::string_body> request;
        beast::http::read(socket, buffer, request, ec);
        if (ec) break;
        Call call;
        for (const auto& h : request) call.headers[std::string(h.name_string())] = std::string(h.value());
        call.body = request.body();
        {
          std::lock_guard lock(mutex_);
          calls_.push_back(std::move(call));
        }
        beast::http::response<beast::http::string_body> answer{beast::http::status::ok, 11};
        answer.body() = "{}";
        // One request per connection, so the test never waits on an idle keep-alive.
        answer.keep_alive(false);
        answer.prepare_payload();
        beast::http::write(socket, answer, ec);
        break;
      }
    }
  }
  net::io_context io_;
  tcp::acceptor acceptor_;
  unsigned short port_ = acceptor_.local_endpoint().port();
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::vector<Call> calls_;
  std::thread thread_;
};

// A loopback port with nobody listening (bound once, then closed).
unsigned short closed_port() {
  net::io_context io;
  tcp::acceptor a(io, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
  return a.local_endpoint().port();
}

// A peer that accepts connections and never answers.
class SilentPeer {
 public:
  SilentPeer() : acceptor_(io_, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)) {
    thread_ = std::thread([this] {
      for (;;) {
        beast::error_code ec;
        tcp::socket s(io_);
        acceptor_.accept(s, ec);
        if (ec || stop_) return;
        std::lock_guard lock(mutex_);
        held_.push_back(std::move(s));
      }
    });
  }
  ~SilentPeer() {
    stop_ = true;
    try {
      tcp::socket s(io_);
      s.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port()));
    } catch (...) {
    }
    thread_.join();
  }
  unsigned short port() const { return acceptor_.local_endpoint().port(); }

 private:
  net::io_context io_;
  tcp::acceptor acceptor_;
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::vector<tcp::socket> held_;
  std::thread thread_;
};

std::string hmac_hex(const std::string& key, const std::string& message) {
  unsigned char mac[64];
  unsigned int n = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(message.data()),
       message.size(), mac, &n);
  std::string out;
  char b[3];
  for (unsigned int i = 0; i < n; ++i) {
    std::snprintf(b, sizeof b, "%02x", mac[i]);
    out += b;
  }
  return out;
}

}  // namespace

// A provider ordergate (seller prov-b, commits slowed so that orders are
// caught in flight) on a fixed port, a hub that reaches it as remote-b with
// `hub_flags`, a client `client` (password "<client>-pass") with access, and
// `orders` orders of one MANN W712/95 placed there.
struct Remote {
  Remote(const TempDir& dir, std::vector<std::string> hub_flags, const std::string& client, int orders)
      : listen("127.0.0.1:" + std::to_string(closed_port())), provider_data(dir.path() / "provider") {
    provider = std::make_unique<ServerProcess>(
        provider_data, std::vector<std::string>{"--listen", listen, "--slow-commits-us", "250000"});
    auto data = dir.path() / "hub";
    hub = std::make_unique<ServerProcess>(data, std::move(hub_flags));
    std::string d = " --data " + data.string();
    CPPUNIT_ASSERT_EQUAL(
        0, ordergate("hub provider add remote-b --buyer HUB --understands brand-reference --url http://" + listen +
                         "/veloconnect/prov-b" + d,
                     "hub-at-prov-b")
               .status);
    CPPUNIT_ASSERT_EQUAL(0,
                         ordergate("hub client add " + client + " --providers remote-b" + d, client + "-pass").status);
    Garage garage(hub->port(), client, client + "-pass");
    for (int i = 0; i < orders; ++i) {
      auto r = garage.post("/eprocurement/orders", {{"items", {item("remote-b", "MANN", "W712/95", 1)}}});
      CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 201, r.status);
      references.push_back(parse(r).at("reference").get<std::string>());
    }
  }
  std::string listen;
  std::filesystem::path provider_data;
  std::unique_ptr<ServerProcess> provider;
  std::unique_ptr<ServerProcess> hub;
  std::vector<std::string> references;
};

class HubTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(HubTest);
  CPPUNIT_TEST(availability_goes_to_every_relevant_provider_and_answers_each_request);
  CPPUNIT_TEST(one_faulty_request_refuses_the_whole_batch);
  CPPUNIT_TEST(orders_settle_confirmed_partially_confirmed_or_canceled);
  CPPUNIT_TEST(a_client_reference_makes_placing_an_order_idempotent);
  CPPUNIT_TEST(clients_see_only_their_own_orders_and_providers);
  CPPUNIT_TEST(a_down_a_silent_and_a_refusing_provider_do_not_hold_up_the_others);
  CPPUNIT_TEST(a_callback_reaches_the_client_once_its_receiver_is_up);
  CPPUNIT_TEST(kill_9_mid_dispatch_loses_and_duplicates_no_provider_order);
  CPPUNIT_TEST(a_provider_killed_mid_order_gets_each_order_once_when_it_is_back);
  CPPUNIT_TEST(a_provider_down_past_the_deadline_is_asked_before_orders_are_given_up);
  CPPUNIT_TEST(a_shared_token_key_makes_a_token_hold_on_every_instance_and_after_a_restart);
  CPPUNIT_TEST_SUITE_END();

 public:
  void availability_goes_to_every_relevant_provider_and_answers_each_request() {
    TempDir dir;
    ServerProcess hub(dir.path() / "hub");
    Garage garage(hub.port(), "garage-01", "garage-01-pass");
    json batch = {{"requests",
                   {item(nullptr, "BOSCH", "0986494104", 2),
                    {{"ean", "4047024793127"}, {"quantity", 1}},
                    item("prov-b", "MANN", "W 712/95", 5),
                    item(nullptr, "VALEO", "826703", 3)}}};
    auto r = garage.post("/eprocurement/availability", batch);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 200, r.status);
    auto answers = parse(r).at("answers");
    CPPUNIT_ASSERT_EQUAL(std::size_t{4}, answers.size());
    // BOSCH by brand + reference: prov-a and prov-b (prov-c: no access).
    auto bosch = by_provider(answers[0]);
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, bosch.size());
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), bosch["prov-a"].at("status").get<std::string>());
    CPPUNIT_ASSERT_EQUAL(true, bosch["prov-a"].at("item").at("found").get<bool>());
    CPPUNIT_ASSERT_EQUAL(std::string("A-10001"), bosch["prov-a"].at("item").at("providerItem").get<std::string>());
    CPPUNIT_ASSERT_EQUAL(std::string("available"), bosch["prov-a"].at("item").at("availability").get<std::string>());
    // prov-b has none now, with a next delivery.
    CPPUNIT_ASSERT(bosch["prov-b"].at("item").at("availability").get<std::string>() != "available");
    CPPUNIT_ASSERT(!bosch["prov-b"].at("item").value("deliveryDate", std::string()).empty());
    // By EAN: only prov-a understands EANs among garage-01's providers.
    auto ean = by_provider(answers[1]);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, ean.size());
    CPPUNIT_ASSERT_EQUAL(std::string("A-10001"), ean["prov-a"].at("item").at("providerItem").get<std::string>());
    // A named provider; the reference written another way still finds it.
    auto mann = by_provider(answers[2]);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, mann.size());
    CPPUNIT_ASSERT_EQUAL(std::string("B-W71295"), mann["prov-b"].at("item").at("providerItem").get<std::string>());
    // VALEO: prov-a carries it, prov-b answers that it does not.
    auto valeo = by_provider(answers[3]);
    CPPUNIT_ASSERT_EQUAL(true, valeo["prov-a"].at("item").at("found").get<bool>());
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), valeo["prov-b"].at("status").get<std::string>());
    CPPUNIT_ASSERT_EQUAL(false, valeo["prov-b"].at("item").at("found").get<bool>());
    for (std::size_t i = 0; i < answers.size(); ++i)
      CPPUNIT_ASSERT_EQUAL(i, answers[i].at("request").get<std::size_t>());
  }

  void one_faulty_request_refuses_the_whole_batch() {
    TempDir dir;
    ServerProcess hub(dir.path() / "hub");
    Garage garage(hub.port(), "garage-01", "garage-01-pass");
    json batch = {{"requests",
                   {item(nullptr, "BOSCH", "0986494104", 2),
                    item("prov-c", "MANN", "W712/95", 1),
                    item(nullptr, "BOSCH", "0986494104", 0),
                    {{"ean", "4047024793127"}, {"provider", "prov-b"}, {"quantity", 1}}}}};
    auto r = garage.post("/eprocurement/availability", batch);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 400, r.status);
    CPPUNIT_ASSERT(r.headers["content-type"].find("application/problem+json") != std::string::npos);
    auto faults = parse(r).at("faults");
    std::map<int, std::string> codes;
    for (const auto& f : faults) codes[f.at("request").get<int>()] = f.at("code").get<std::string>();
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, codes.size());
    CPPUNIT_ASSERT_EQUAL(std::string("no-access"), codes[1]);
    CPPUNIT_ASSERT_EQUAL(std::string("quantity-not-positive"), codes[2]);
    CPPUNIT_ASSERT_EQUAL(std::string("description-not-understood"), codes[3]);
  }

  void orders_settle_confirmed_partially_confirmed_or_canceled() {
    TempDir dir;
    ServerProcess hub(dir.path() / "hub");
    Garage garage(hub.port(), "garage-01", "garage-01-pass");
    auto place = [&](json items) {
      auto r = garage.post("/eprocurement/orders", {{"items", items}});
      CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 201, r.status);
      auto order = parse(r);
      CPPUNIT_ASSERT_EQUAL(2, order.at("status").get<int>());
      CPPUNIT_ASSERT_EQUAL("/eprocurement/orders/" + order.at("reference").get<std::string>(), r.headers["location"]);
      return order.at("reference").get<std::string>();
    };
    auto all = place(json::array({item("prov-b", "MANN", "W712/95", 2)}));
    auto some = place(json::array({item("prov-b", "MANN", "W712/95", 1), item("prov-b", "VALEO", "826703", 1)}));
    auto none = place(json::array({item("prov-b", "VALEO", "826703", 1)}));
    auto split = place(json::array({item("prov-a", "VALEO", "826703", 1), item("prov-b", "MANN", "W712/95", 1)}));

    auto confirmed = settled(garage, all);
    CPPUNIT_ASSERT_EQUAL(3, confirmed.at("status").get<int>());
    const auto& line = confirmed.at("items").at(0);
    CPPUNIT_ASSERT_EQUAL(std::string("confirmed"), line.at("status").get<std::string>());
    CPPUNIT_ASSERT_EQUAL(std::string("B-W71295"), line.at("providerItem").get<std::string>());
    CPPUNIT_ASSERT_EQUAL(std::string("2"), line.at("confirmedQuantity").get<std::string>());
    CPPUNIT_ASSERT_EQUAL(std::string("7.40"), line.at("unitPrice").get<std::string>());

    auto partial = settled(garage, some);
    CPPUNIT_ASSERT_EQUAL(5, partial.at("status").get<int>());
    CPPUNIT_ASSERT_EQUAL(std::string("confirmed"), partial.at("items").at(0).at("status").get<std::string>());
    CPPUNIT_ASSERT_EQUAL(std::string("refused"), partial.at("items").at(1).at("status").get<std::string>());

    CPPUNIT_ASSERT_EQUAL(7, settled(garage, none).at("status").get<int>());
    CPPUNIT_ASSERT_EQUAL(3, settled(garage, split).at("status").get<int>());
  }

  void a_client_reference_makes_placing_an_order_idempotent() {
    TempDir dir;
    ServerProcess hub(dir.path() / "hub");
    Garage garage(hub.port(), "garage-01", "garage-01-pass");
    json body = {{"clientReference", "PO-4711"}, {"items", {item("prov-b", "MANN", "W712/95", 2)}}};
    auto first = garage.post("/eprocurement/orders", body);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(first.body, 201, first.status);
    auto reference = parse(first).at("reference").get<std::string>();
    // Again, rebuilt another way ("2.0", a reference with a space): the same order.
    json again = {{"clientReference", "PO-4711"}, {"items", {item("prov-b", "MANN", "W 712/95", 2)}}};
    again["items"][0]["quantity"] = "2.0";
    auto second = garage.post("/eprocurement/orders", again);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(second.body, 200, second.status);
    CPPUNIT_ASSERT_EQUAL(reference, parse(second).at("reference").get<std::string>());
    // Another body under the same reference: refused.
    json other = {{"clientReference", "PO-4711"}, {"items", {item("prov-b", "MANN", "W712/95", 3)}}};
    auto conflict = garage.post("/eprocurement/orders", other);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(conflict.body, 409, conflict.status);
    // Another garage may use the same reference.
    Garage other_garage(hub.port(), "garage-02", "garage-02-pass");
    json theirs = {{"clientReference", "PO-4711"}, {"items", {item("prov-a", "VALEO", "826703", 1)}}};
    auto r = other_garage.post("/eprocurement/orders", theirs);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 201, r.status);
    CPPUNIT_ASSERT(parse(r).at("reference").get<std::string>() != reference);
    // The provider got the order once.
    CPPUNIT_ASSERT_EQUAL(3, settled(garage, reference).at("status").get<int>());
    auto exported = ordergate("export orders --seller prov-b --format json --data " + (dir.path() / "hub").string());
    CPPUNIT_ASSERT_MESSAGE(exported.out, exported.out.find("exported 1 orders") != std::string::npos);
  }

  void clients_see_only_their_own_orders_and_providers() {
    TempDir dir;
    ServerProcess hub(dir.path() / "hub");
    Garage garage(hub.port(), "garage-01", "garage-01-pass");
    auto placed = garage.post("/eprocurement/orders", {{"items", {item("prov-b", "MANN", "W712/95", 1)}}});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(placed.body, 201, placed.status);
    auto reference = parse(placed).at("reference").get<std::string>();
    Garage other(hub.port(), "garage-02", "garage-02-pass");
    CPPUNIT_ASSERT_EQUAL(404, other.get("/eprocurement/orders/" + reference).status);
    CPPUNIT_ASSERT_EQUAL(404, garage.get("/eprocurement/orders/EP-99999999").status);
    auto no_access = other.post("/eprocurement/orders", {{"items", {item("prov-b", "MANN", "W712/95", 1)}}});
    CPPUNIT_ASSERT_EQUAL(400, no_access.status);
    CPPUNIT_ASSERT_EQUAL(std::string("no-access"), parse(no_access).at("faults").at(0).at("code").get<std::string>());
    Garage stranger(hub.port(), "garage-01", "wrong");
    auto denied =
        stranger.post("/eprocurement/availability", {{"requests", {item(nullptr, "BOSCH", "0986494104", 1)}}});
    CPPUNIT_ASSERT_EQUAL(401, denied.status);
    CPPUNIT_ASSERT(!denied.headers["www-authenticate"].empty());
  }

  void a_down_a_silent_and_a_refusing_provider_do_not_hold_up_the_others() {
    TempDir dir;
    auto data = dir.path() / "hub";
    ServerProcess hub(data);
    SilentPeer silent;
    std::string d = " --data " + data.string();
    CPPUNIT_ASSERT_EQUAL(0, ordergate("hub provider add prov-down --buyer X --understands brand-reference --url "
                                      "http://127.0.0.1:" +
                                          std::to_string(closed_port()) + "/veloconnect" + d,
                                      "pw")
                                .status);
    CPPUNIT_ASSERT_EQUAL(0, ordergate("hub provider add prov-silent --buyer X --understands brand-reference "
                                      "--timeout-ms 800 --url http://127.0.0.1:" +
                                          std::to_string(silent.port()) + "/veloconnect" + d,
                                      "pw")
                                .status);
    // A provider that refuses the hub (its account's password is wrong there): an error, not a hang.
    CPPUNIT_ASSERT_EQUAL(0, ordergate("hub provider add prov-refusing --buyer HUB --understands brand-reference "
                                      "--url local:prov-a" +
                                          d,
                                      "not-the-password")
                                .status);
    CPPUNIT_ASSERT_EQUAL(
        0, ordergate("hub client add garage-03 --providers prov-a,prov-down,prov-silent,prov-refusing" + d,
                     "garage-03-pass")
               .status);
    Garage garage(hub.port(), "garage-03", "garage-03-pass");
    auto started = std::chrono::steady_clock::now();
    auto r = garage.post("/eprocurement/availability", {{"requests", {item(nullptr, "BOSCH", "0986494104", 1)}}});
    auto took = std::chrono::steady_clock::now() - started;
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 200, r.status);
    auto answer = by_provider(parse(r).at("answers").at(0));
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), answer["prov-a"].at("status").get<std::string>());
    CPPUNIT_ASSERT_EQUAL(std::string("unreachable"), answer["prov-down"].at("status").get<std::string>());
    CPPUNIT_ASSERT_EQUAL(std::string("timeout"), answer["prov-silent"].at("status").get<std::string>());
    CPPUNIT_ASSERT_EQUAL(std::string("error"), answer["prov-refusing"].at("status").get<std::string>());
    // Bounded by the silent provider's 0.8 s timeout, not stacked up.
    CPPUNIT_ASSERT(took < std::chrono::seconds(5));
  }

  void a_callback_reaches_the_client_once_its_receiver_is_up() {
    TempDir dir;
    auto data = dir.path() / "hub";
    ServerProcess hub(data, {"--eproc-retry-base-ms", "100", "--eproc-retry-cap", "1"});
    const unsigned short port = closed_port();
    std::string d = " --data " + data.string();
    auto added = ordergate(
        "hub client add garage-04 --providers prov-b --callback-secret s3cret --callback-url "
        "http://127.0.0.1:" +
            std::to_string(port) + "/hooks/orders" + d,
        "garage-04-pass");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(added.out, 0, added.status);
    Garage garage(hub.port(), "garage-04", "garage-04-pass");
    auto placed = garage.post("/eprocurement/orders", {{"items", {item("prov-b", "MANN", "W712/95", 1)}}});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(placed.body, 201, placed.status);
    auto reference = parse(placed).at("reference").get<std::string>();
    CPPUNIT_ASSERT_EQUAL(3, settled(garage, reference).at("status").get<int>());
    // The receiver is down for a while: the hub keeps trying.
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    CallbackReceiver receiver(port);
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (receiver.calls().empty() && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    auto calls = receiver.calls();
    CPPUNIT_ASSERT_MESSAGE("no callback arrived", !calls.empty());
    const auto& call = calls.front();
    auto body = json::parse(call.body, nullptr, false);
    CPPUNIT_ASSERT_MESSAGE(call.body, !body.is_discarded());
    CPPUNIT_ASSERT_EQUAL(reference, body.at("reference").get<std::string>());
    CPPUNIT_ASSERT_EQUAL(3, body.at("status").get<int>());
    CPPUNIT_ASSERT_EQUAL(reference + "-3", call.headers.at("Idempotency-Key"));
    // The signature: t=<unix>,v1=HMAC-SHA256(secret, "<t>.<body>").
    const auto& signature = call.headers.at("X-Ordergate-Signature");
    auto comma = signature.find(",v1=");
    CPPUNIT_ASSERT(signature.rfind("t=", 0) == 0 && comma != std::string::npos);
    auto t = signature.substr(2, comma - 2);
    CPPUNIT_ASSERT_EQUAL(hmac_hex("s3cret", t + "." + call.body), signature.substr(comma + 4));
    // Delivered: not sent again.
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, receiver.calls().size());
  }

  void kill_9_mid_dispatch_loses_and_duplicates_no_provider_order() {
    TempDir dir;
    // The provider: another ordergate whose commits are slow, so dispatches are in flight when the hub dies.
    ServerProcess provider(dir.path() / "provider", {"--slow-commits-us", "250000"});
    auto data = dir.path() / "hub";
    std::vector<std::string> references;
    const int orders = 12;
    {
      ServerProcess hub(data, {"--eproc-retry-base-ms", "100", "--eproc-retry-cap", "1"});
      std::string d = " --data " + data.string();
      CPPUNIT_ASSERT_EQUAL(0, ordergate("hub provider add remote-b --buyer HUB --understands brand-reference --url " +
                                            provider.url("/veloconnect/prov-b") + d,
                                        "hub-at-prov-b")
                                  .status);
      CPPUNIT_ASSERT_EQUAL(0, ordergate("hub client add garage-05 --providers remote-b" + d, "garage-05-pass").status);
      Garage garage(hub.port(), "garage-05", "garage-05-pass");
      for (int i = 0; i < orders; ++i) {
        auto r = garage.post("/eprocurement/orders", {{"clientReference", "K-" + std::to_string(i)},
                                                      {"items", {item("remote-b", "MANN", "W712/95", 1)}}});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 201, r.status);
        references.push_back(parse(r).at("reference").get<std::string>());
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      hub.kill_hard();
    }
    // The kill came mid-dispatch: the provider had not yet taken every order.
    auto before = ordergate("export orders --seller prov-b --format json --data " + (dir.path() / "provider").string());
    CPPUNIT_ASSERT_MESSAGE(before.out,
                           before.out.find("exported " + std::to_string(orders) + " orders") == std::string::npos);
    ServerProcess hub(data, {"--eproc-retry-base-ms", "100", "--eproc-retry-cap", "1"});
    Garage garage(hub.port(), "garage-05", "garage-05-pass");
    for (const auto& reference : references)
      CPPUNIT_ASSERT_EQUAL(3, settled(garage, reference, std::chrono::seconds(60)).at("status").get<int>());
    auto exported =
        ordergate("export orders --seller prov-b --format json --data " + (dir.path() / "provider").string());
    CPPUNIT_ASSERT_MESSAGE(exported.out,
                           exported.out.find("exported " + std::to_string(orders) + " orders") != std::string::npos);
  }

  void a_provider_killed_mid_order_gets_each_order_once_when_it_is_back() {
    TempDir dir;
    Remote remote(dir, {"--eproc-retry-base-ms", "100", "--eproc-retry-cap", "1"}, "garage-06", 12);
    auto& provider = remote.provider;
    const auto& references = remote.references;
    const int orders = 12;
    Garage garage(remote.hub->port(), "garage-06", "garage-06-pass");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    provider->kill_hard();
    provider.reset();
    // While it is down, the orders wait (status 2), retried with backoff.
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    provider =
        std::make_unique<ServerProcess>(remote.provider_data, std::vector<std::string>{"--listen", remote.listen});
    for (const auto& reference : references)
      CPPUNIT_ASSERT_EQUAL(3, settled(garage, reference, std::chrono::seconds(60)).at("status").get<int>());
    auto exported = ordergate("export orders --seller prov-b --format json --data " + remote.provider_data.string());
    CPPUNIT_ASSERT_MESSAGE(exported.out,
                           exported.out.find("exported " + std::to_string(orders) + " orders") != std::string::npos);
  }

  // The provider dies with transactions started (some perhaps finished, the
  // answer lost) and stays down past the dispatch deadline. A started
  // dispatch is never given up unasked: once the provider is back, each order
  // settles to what the provider has, finished ones confirmed (3), open ones
  // rolled back and not ordered (7). The hub's confirmed orders and the
  // provider's orders are the same number.
  // Instances behind a load balancer each check tokens that another issued:
  // with one key file they all accept them; with their own random keys they
  // do not (the default, one process).
  void a_shared_token_key_makes_a_token_hold_on_every_instance_and_after_a_restart() {
    TempDir dir;
    auto key = dir.path() / "token-key";
    std::FILE* f = std::fopen(key.c_str(), "w");
    std::fputs("0f5c2a9e61d84b7aa3e0c6d2f19b8e4757c1d0a2b3e4f5a6\n", f);
    std::fclose(f);
    auto token_from = [](const ServerProcess& server) {
      HttpClient http("127.0.0.1", server.port());
      auto r = http.post("/eprocurement/token", "grant_type=client_credentials", "application/x-www-form-urlencoded",
                         {{"Authorization", basic("garage-01", "garage-01-pass")}});
      CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 200, r.status);
      return parse(r).at("access_token").get<std::string>();
    };
    auto status_with = [](const ServerProcess& server, const std::string& token) {
      HttpClient http("127.0.0.1", server.port());
      return http.get("/eprocurement/orders/HUB-NONE", {{"Authorization", "Bearer " + token}}).status;
    };
    std::vector<std::string> shared = {"--eproc-token-key-file", key.string()};
    std::string token;
    {
      ServerProcess first(dir.path() / "a", shared);
      ServerProcess second(dir.path() / "b", shared);
      ServerProcess own(dir.path() / "c");
      token = token_from(first);
      CPPUNIT_ASSERT_EQUAL(404, status_with(first, token));  // accepted; no such order
      CPPUNIT_ASSERT_EQUAL(404, status_with(second, token));
      CPPUNIT_ASSERT_EQUAL(401, status_with(own, token));
      CPPUNIT_ASSERT_EQUAL(401, status_with(first, token_from(own)));
    }
    ServerProcess restarted(dir.path() / "a", shared);
    CPPUNIT_ASSERT_EQUAL(404, status_with(restarted, token));
    // A key too short to sign with is refused at start, with why.
    f = std::fopen(key.c_str(), "w");
    std::fputs("short\n", f);
    std::fclose(f);
    auto refused = ordergate("--data " + (dir.path() / "d").string() + " --eproc-token-key-file " + key.string());
    CPPUNIT_ASSERT_EQUAL_MESSAGE(refused.out, 2, WEXITSTATUS(refused.status));
    CPPUNIT_ASSERT_MESSAGE(refused.out, refused.out.find("32 bytes") != std::string::npos);
  }

  void a_provider_down_past_the_deadline_is_asked_before_orders_are_given_up() {
    TempDir dir;
    Remote remote(dir, {"--eproc-retry-base-ms", "100", "--eproc-retry-cap", "1", "--eproc-dispatch-deadline", "3"},
                  "garage-07", 12);
    auto& provider = remote.provider;
    const auto& references = remote.references;
    const int orders = 12;
    Garage garage(remote.hub->port(), "garage-07", "garage-07-pass");
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // some finished, some started, some not
    provider->kill_hard();
    provider.reset();
    std::this_thread::sleep_for(std::chrono::milliseconds(3000));  // past the 3 s deadline
    provider =
        std::make_unique<ServerProcess>(remote.provider_data, std::vector<std::string>{"--listen", remote.listen});
    int confirmed = 0;
    for (const auto& reference : references) {
      int status = settled(garage, reference, std::chrono::seconds(60)).at("status").get<int>();
      CPPUNIT_ASSERT_MESSAGE(reference + " settled to " + std::to_string(status), status == 3 || status == 7);
      if (status == 3) ++confirmed;
    }
    std::printf("%d of %d confirmed, the rest not ordered\n", confirmed, orders);
    auto exported = ordergate("export orders --seller prov-b --format json --data " + remote.provider_data.string());
    CPPUNIT_ASSERT_MESSAGE(exported.out + " vs " + std::to_string(confirmed) + " confirmed at the hub",
                           exported.out.find("exported " + std::to_string(confirmed) + " orders") != std::string::npos);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(HubTest);

}  // namespace og::test
