// Hostile input against the real binary (issue 12, items 1, 2 and 7): every
// attack gets its protocol's error within a bound, and a client asking at the
// same time is still served. Bounds are loose (machines are noisy); before
// the limits the attribute bomb took 17-62 s of CPU, the URL form 20-34 s.
#include <cppunit/extensions/HelperMacros.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

#include <boost/asio.hpp>

#include "support/basic_auth.hpp"
#include "support/server_fixture.hpp"
#include "support/srm_messages.hpp"
#include "support/xml_check.hpp"

namespace og::test {

namespace {

using Clock = std::chrono::steady_clock;

const std::string kProfile = "/veloconnect?RequestName=GetProfileRequest&BuyersID=B127645&Password=secret";
const std::string kGarageBasic = "Basic Z2FyYWdlLTAxOmdhcmFnZS0wMS1wYXNz";  // garage-01:garage-01-pass
const std::string kSrmBasic = "Basic c3JtLXVzZXI6c3JtLXBhc3M=";             // srm-user:srm-pass

std::string code(const std::string& answer) {
  return first_text(answer, "ResponseCode").value_or("none");
}

std::string message(const std::string& answer) {
  return first_text(answer, "ResponseMessage").value_or("");
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

const char* kVelo = R"(xmlns="urn:veloconnect:profile-1.1" xmlns:vct="urn:veloconnect:transaction-1.0")";

std::string profile_request(const std::string& buyer = "B127645") {
  return std::string("<GetProfileRequest ") + kVelo + "><vct:BuyersID>" + buyer +
         "</vct:BuyersID><vct:Credential><vct:Password>secret</vct:Password></vct:Credential></GetProfileRequest>";
}

std::string soap11(const std::string& payload, const std::string& header = "") {
  return R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">)" + header + "<s:Body>" + payload +
         "</s:Body></s:Envelope>";
}

std::string soap12(const std::string& payload, const std::string& header = "") {
  return R"(<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope">)" + header + "<s:Body>" + payload +
         "</s:Body></s:Envelope>";
}

// The SAP message inside one of srm_messages' envelopes.
std::string body_of(const std::string& envelope) {
  auto from = envelope.find("<s:Body>") + 8;
  return envelope.substr(from, envelope.find("</s:Body>") - from);
}

std::string attribute_bomb(const std::string& root, int attributes) {
  std::string body = "<" + root;
  for (int i = 0; i < attributes; ++i) body += " a" + std::to_string(i) + "=\"1\"";
  return body + "/>";
}

// Runs `attack` while another client asks for the profile over and over;
// returns the attack's duration. Every answer of the bystander must be a 200
// and none may take long.
namespace net = boost::asio;

std::vector<std::unique_ptr<net::ip::tcp::socket>> open_sockets(net::io_context& io, unsigned short port, int n) {
  std::vector<std::unique_ptr<net::ip::tcp::socket>> out;
  auto endpoint = net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port);
  for (int i = 0; i < n; ++i) {
    out.push_back(std::make_unique<net::ip::tcp::socket>(io));
    out.back()->connect(endpoint);
  }
  return out;
}

// Asks for the profile on `s` (finishing the half header sent before, if
// `continued`): true if answered 200, false if the server had closed it.
bool answers(net::ip::tcp::socket& s, bool continued) {
  std::string tail = kProfile.substr(std::string("/veloconnect?Request").size());
  std::string request = (continued ? tail : "GET " + kProfile) + " HTTP/1.1\r\nHost: x\r\n\r\n";
  boost::system::error_code ec;
  net::write(s, net::buffer(request), ec);
  if (ec) return false;
  std::string got;
  char buf[8192];
  while (got.find("</vcp:GetProfileResponse>") == std::string::npos) {
    std::size_t n = s.read_some(net::buffer(buf), ec);
    if (ec) return false;
    got.append(buf, n);
  }
  return got.starts_with("HTTP/1.1 200");
}

double while_served(unsigned short port, const std::function<void()>& attack) {
  std::atomic<bool> done{false};
  std::atomic<int> served{0}, failed{0};
  std::atomic<long> slowest_ms{0};
  std::thread bystander([&] {
    HttpClient client("127.0.0.1", port);
    while (!done.load()) {
      auto start = Clock::now();
      auto r = client.get(kProfile);
      long ms = static_cast<long>(seconds_since(start) * 1000);
      if (ms > slowest_ms.load()) slowest_ms = ms;
      if (r.status == 200 && code(r.body) == "200")
        ++served;
      else
        ++failed;
    }
  });
  auto start = Clock::now();
  attack();
  double took = seconds_since(start);
  // One more round for the bystander after the attack, then stop.
  int before = served.load();
  while (served.load() == before && seconds_since(start) < 30)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  done = true;
  bystander.join();
  CPPUNIT_ASSERT_EQUAL(0, failed.load());
  CPPUNIT_ASSERT(served.load() >= 1);
  CPPUNIT_ASSERT_MESSAGE("bystander waited " + std::to_string(slowest_ms.load()) + " ms", slowest_ms.load() < 5000);
  return took;
}

}  // namespace

class HostileInputTest : public ServerFixture {
  CPPUNIT_TEST_SUITE(HostileInputTest);
  CPPUNIT_TEST(attribute_bomb_is_refused_quickly_in_every_face);
  CPPUNIT_TEST(million_elements_are_refused_quickly);
  CPPUNIT_TEST(deep_nesting_and_huge_text_nodes_are_refused);
  CPPUNIT_TEST(url_form_with_40000_parameters_is_refused_before_authentication);
  CPPUNIT_TEST(url_form_below_the_limit_is_decoded_in_linear_time);
  CPPUNIT_TEST(limits_are_flags);
  CPPUNIT_TEST(soap_envelope_with_two_bodies_is_refused);
  CPPUNIT_TEST(must_understand_headers_get_a_must_understand_fault);
  CPPUNIT_TEST(bytes_after_a_nul_are_not_dropped);
  CPPUNIT_TEST(transfer_encoding_other_than_chunked_is_400);
  CPPUNIT_TEST(host_header_never_reaches_the_wsdl);
  CPPUNIT_TEST(public_url_is_the_wsdl_address);
  CPPUNIT_TEST(long_values_are_not_echoed);
  CPPUNIT_TEST(internal_error_text_stays_in_the_log);
  CPPUNIT_TEST(password_guessing_is_paced);
  CPPUNIT_TEST(idle_connections_cannot_lock_newcomers_out);
  CPPUNIT_TEST(one_address_gets_so_many_connections);
  CPPUNIT_TEST(no_credentials_no_body);
  CPPUNIT_TEST(bodies_in_memory_are_bounded);
  CPPUNIT_TEST_SUITE_END();

 public:
  void attribute_bomb_is_refused_quickly_in_every_face() {
    auto port = server_->port();
    // Veloconnect, no credentials needed: 405 like any malformed request.
    double took = while_served(port, [&] {
      HttpClient attacker("127.0.0.1", port);
      auto r = attacker.post("/veloconnect", attribute_bomb("GetItemDetailsRequest", 100000), "application/xml");
      CPPUNIT_ASSERT_EQUAL(200, r.status);
      CPPUNIT_ASSERT_EQUAL(std::string("405"), code(r.body));
      CPPUNIT_ASSERT(message(r.body).find("more than 64 attributes") != std::string::npos);
    });
    // libxml2 alone needs tens of seconds for this bomb; the bound only has to
    // tell that apart on a loaded CI machine under ASan (speed: bench/parse).
    CPPUNIT_ASSERT_MESSAGE(std::to_string(took) + " s", took < 8.0);
    // Two at once, in SOAP, beside the bystander.
    took = while_served(port, [&] {
      std::thread second([&] {
        HttpClient attacker("127.0.0.1", port);
        auto r = attacker.post("/veloconnect", soap11(attribute_bomb("GetProfileRequest", 100000)), "text/xml",
                               {{"SOAPAction", "\"urn:veloconnect:GetProfile\""}});
        CPPUNIT_ASSERT_EQUAL(std::string("405"), code(r.body));
      });
      HttpClient attacker("127.0.0.1", port);
      auto r =
          attacker.post("/veloconnect", soap12(attribute_bomb("GetProfileRequest", 100000)), "application/soap+xml");
      CPPUNIT_ASSERT_EQUAL(std::string("405"), code(r.body));
      second.join();
    });
    CPPUNIT_ASSERT_MESSAGE(std::to_string(took) + " s", took < 8.0);
    // SRM (after authentication): the not-well-formed Client fault.
    auto start = Clock::now();
    auto srm = client_->post(srm::kPath, soap11(attribute_bomb("x", 100000)), "text/xml; charset=utf-8",
                             {{"Authorization", kSrmBasic}});
    CPPUNIT_ASSERT(seconds_since(start) < 8.0);
    CPPUNIT_ASSERT_EQUAL(500, srm.status);
    CPPUNIT_ASSERT_EQUAL(std::string("SOAP-ENV:Client"), first_text(srm.body, "faultcode").value_or(""));
    CPPUNIT_ASSERT(srm.body.find("more than 64 attributes") != std::string::npos);
    // The hub's SOAP binding (bodies up to 1 MiB): a Sender fault (SOAP 1.2: HTTP 400).
    start = Clock::now();
    auto hub = client_->post("/eprocurement", soap12(attribute_bomb("x", 60000)), "application/soap+xml",
                             {{"Authorization", kGarageBasic}});
    CPPUNIT_ASSERT(seconds_since(start) < 8.0);
    CPPUNIT_ASSERT_EQUAL(400, hub.status);
    CPPUNIT_ASSERT(hub.body.find("Sender") != std::string::npos);
  }

  void million_elements_are_refused_quickly() {
    auto port = server_->port();
    double took = while_served(port, [&] {
      std::string body = "<GetItemDetailsRequest>";
      for (int i = 0; i < 1000000; ++i) body += "<x/>";
      body += "</GetItemDetailsRequest>";
      HttpClient attacker("127.0.0.1", port);
      auto r = attacker.post("/veloconnect", body, "application/xml");
      CPPUNIT_ASSERT_EQUAL(std::string("405"), code(r.body));
      CPPUNIT_ASSERT(message(r.body).find("more than 100000 elements") != std::string::npos);
    });
    CPPUNIT_ASSERT_MESSAGE(std::to_string(took) + " s", took < 8.0);
  }

  void deep_nesting_and_huge_text_nodes_are_refused() {
    std::string deep = "<GetProfileRequest>";
    for (int i = 0; i < 100; ++i) deep += "<a>";
    for (int i = 0; i < 100; ++i) deep += "</a>";
    deep += "</GetProfileRequest>";
    auto r = client_->post("/veloconnect", deep, "application/xml");
    CPPUNIT_ASSERT_EQUAL(std::string("405"), code(r.body));
    CPPUNIT_ASSERT(message(r.body).find("nested deeper than 64") != std::string::npos);
    // An 8 MB text node: refused, and not a byte of it comes back.
    std::string huge = std::string("<GetProfileRequest ") + kVelo + "><vct:BuyersID>" +
                       std::string(8 * 1024 * 1024 - 300, 'B') + "</vct:BuyersID></GetProfileRequest>";
    r = client_->post("/veloconnect", huge, "application/xml");
    CPPUNIT_ASSERT_EQUAL(std::string("405"), code(r.body));
    CPPUNIT_ASSERT(message(r.body).find("text node longer than 1048576 bytes") != std::string::npos);
    CPPUNIT_ASSERT(r.body.size() < 2048);
  }

  void url_form_with_40000_parameters_is_refused_before_authentication() {
    auto port = server_->port();
    for (std::string buyer : {"B127645", "NOBODY"}) {
      std::string form = "RequestName=CreateOrderRequest&BuyersID=" + buyer + "&Password=secret";
      for (int i = 0; i < 40000; ++i) form += "&Quantity." + std::to_string(1000000 + i) + "=1";
      double took = while_served(port, [&] {
        HttpClient attacker("127.0.0.1", port);
        auto r = attacker.post("/veloconnect", form, "application/x-www-form-urlencoded");
        CPPUNIT_ASSERT_EQUAL(std::string("400"), code(r.body));
        CPPUNIT_ASSERT_EQUAL(std::string("more than 2000 parameters (a limit of this server)"), message(r.body));
        // Answered as the operation it named, with the buyer it named.
        CPPUNIT_ASSERT(r.body.find("OrderResponse") != std::string::npos);
        CPPUNIT_ASSERT_EQUAL(buyer, first_text(r.body, "BuyersID").value_or(""));
      });
      CPPUNIT_ASSERT_MESSAGE(std::to_string(took) + " s", took < 10.0);
    }
    // Nothing was opened: GetStatus lists no instance.
    auto status = client_->get("/veloconnect?RequestName=GetStatusRequest&BuyersID=B127645&Password=secret");
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code(status.body));
    CPPUNIT_ASSERT_EQUAL(0, count_elements(status.body, "TransactionStatus"));
  }

  void url_form_below_the_limit_is_decoded_in_linear_time() {
    // 1,990 lines of items the catalogue does not know: decoded, answered with
    // an ItemUnknown each.
    std::string form = "RequestName=CreateOrderRequest&BuyersID=B127645&Password=secret";
    for (int i = 0; i < 1990; ++i) form += "&Quantity." + std::to_string(1000000 + i) + "=1";
    auto start = Clock::now();
    auto r = client_->post("/veloconnect", form, "application/x-www-form-urlencoded");
    double took = seconds_since(start);
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code(r.body));
    CPPUNIT_ASSERT_EQUAL(1990, count_elements(r.body, "ItemUnknown"));
    // A hang guard (the scan per line it replaced took minutes here); speed: bench/parse.
    CPPUNIT_ASSERT_MESSAGE(std::to_string(took) + " s", took < 10.0);
  }

  // Past --password-free-failures a buyer's checks are one per spacing; with
  // no waiting allowed, a guess inside it is answered "wrong password"
  // unchecked, even the right password. Another buyer is not held up, and
  // the same holds for SRM users and hub clients.
  void password_guessing_is_paced() {
    ServerProcess paced(dir_->path() / "paced", {"--password-free-failures", "2", "--password-backoff-ms", "600000",
                                                 "--password-max-wait-ms", "0"});
    HttpClient client("127.0.0.1", paced.port());
    auto profile = [&](const std::string& buyer, const std::string& password) {
      return code(
          client.get("/veloconnect?RequestName=GetProfileRequest&BuyersID=" + buyer + "&Password=" + password).body);
    };
    for (int i = 0; i < 3; ++i)
      CPPUNIT_ASSERT_EQUAL(std::string("411"), profile("B127645", "guess" + std::to_string(i)));
    CPPUNIT_ASSERT_EQUAL(std::string("411"), profile("B127645", "secret"));
    CPPUNIT_ASSERT_EQUAL(std::string("200"), profile("B200001", "secret2"));
    // Unknown buyers are paced too, and still answered 410 as the protocol asks.
    for (int i = 0; i < 4; ++i)
      CPPUNIT_ASSERT_EQUAL(std::string("410"), profile("NOBODY", "guess" + std::to_string(i)));
    // SRM: HTTP Basic, 401 each time, then the right password too. (A
    // password already refused is remembered, not a new guess: each differs.)
    for (int i = 0; i < 3; ++i)
      CPPUNIT_ASSERT_EQUAL(401,
                           srm::post(client, srm::read_request("SC-1"), "srm-user:wrong" + std::to_string(i)).status);
    CPPUNIT_ASSERT_EQUAL(401, srm::post(client, srm::read_request("SC-1"), "srm-user:srm-pass").status);
    // The hub's clients.
    auto hub = [&](const std::string& user_password) {
      return client.get("/eprocurement/orders/EP-none", {{"Authorization", basic_authorization(user_password)}}).status;
    };
    for (int i = 0; i < 3; ++i) CPPUNIT_ASSERT_EQUAL(401, hub("garage-01:wrong" + std::to_string(i)));
    CPPUNIT_ASSERT_EQUAL(401, hub("garage-01:garage-01-pass"));
    CPPUNIT_ASSERT_EQUAL(404, hub("garage-02:garage-02-pass"));  // another client: not held up
  }

  // A server full of connections that send nothing (or half a header) closes
  // the one that has waited longest for each newcomer, which is served.
  void idle_connections_cannot_lock_newcomers_out() {
    ServerProcess full(dir_->path() / "full", {"--max-connections", "40"});
    net::io_context io;
    // The three oldest: each asked once and now waits (the first with half of its next header).
    auto old = open_sockets(io, full.port(), 3);
    for (auto& s : old) CPPUNIT_ASSERT(answers(*s, false));
    net::write(*old.front(), net::buffer(std::string("GET /veloconnect?Request")));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // they wait before the others arrive
    auto rest = open_sockets(io, full.port(), 37);                // 40: the limit
    std::vector<std::unique_ptr<HttpClient>> newcomers;
    for (int i = 0; i < 3; ++i) {
      newcomers.push_back(std::make_unique<HttpClient>("127.0.0.1", full.port()));
      CPPUNIT_ASSERT_EQUAL(std::string("200"), code(newcomers.back()->get(kProfile).body));
    }
    // One closed per newcomer, the oldest first; the others still answer.
    CPPUNIT_ASSERT(!answers(*old[0], true));
    CPPUNIT_ASSERT(!answers(*old[1], false));
    CPPUNIT_ASSERT(!answers(*old[2], false));
    for (auto& s : rest) CPPUNIT_ASSERT(answers(*s, false));
  }

  // More than --max-connections-per-address from one address are closed at
  // once; one closing makes room again.
  void one_address_gets_so_many_connections() {
    ServerProcess limited(dir_->path() / "limited", {"--max-connections-per-address", "3"});
    net::io_context io;
    auto three = open_sockets(io, limited.port(), 3);
    auto fourth = open_sockets(io, limited.port(), 1);
    CPPUNIT_ASSERT(!answers(*fourth.front(), false));
    for (auto& s : three) CPPUNIT_ASSERT(answers(*s, false));
    three.front()->close();
    bool served = false;
    for (int i = 0; i < 100 && !served; ++i) {  // the server notices the close: then there is room
      auto again = open_sockets(io, limited.port(), 1);
      served = answers(*again.front(), false);
      if (!served) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    CPPUNIT_ASSERT(served);
  }

  // SRM and the hub answer a request without credentials by its head: a
  // client awaiting "100 Continue" gets the 401 instead (and sends nothing),
  // and a large body already on its way is not buffered, yet the 401 arrives.
  void no_credentials_no_body() {
    HttpClient client("127.0.0.1", server_->port());
    std::string head = "POST " + srm::kPath +
                       " HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: 5000000\r\n"
                       "Expect: 100-continue\r\n\r\n";
    std::string answer = client.raw(head);
    CPPUNIT_ASSERT_MESSAGE(answer, answer.starts_with("HTTP/1.1 401"));
    CPPUNIT_ASSERT(answer.find("100 Continue") == std::string::npos);
    CPPUNIT_ASSERT(answer.find("WWW-Authenticate: Basic") != std::string::npos);
    // A megabyte sent whole, no Expect: answered 401, not reset.
    std::string body(1u << 20, 'x');
    answer = client.raw("POST " + srm::kPath + " HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: " +
                        std::to_string(body.size()) + "\r\n\r\n" + body);
    CPPUNIT_ASSERT_MESSAGE(answer.substr(0, 200), answer.starts_with("HTTP/1.1 401"));
    // The hub's JSON binding: its problem+json 401; a token that is none of ours: 401 too.
    for (std::string auth : {"", "Authorization: Bearer not-a-token\r\n"}) {
      answer = client.raw("POST /eprocurement/orders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + auth +
                          "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
      CPPUNIT_ASSERT_MESSAGE(answer.substr(0, 300), answer.starts_with("HTTP/1.1 401"));
      CPPUNIT_ASSERT(answer.find("application/problem+json") != std::string::npos);
    }
    // With credentials the body is read as before (here: not JSON, a 400 problem).
    answer = client.raw(
        "POST /eprocurement/orders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Authorization: " +
        kGarageBasic + "\r\nConnection: close\r\nContent-Length: 100000\r\n\r\n" + std::string(100000, '{'));
    CPPUNIT_ASSERT_MESSAGE(answer.substr(0, 300), answer.starts_with("HTTP/1.1 400"));
  }

  // Bodies held at once stay within --max-body-memory: one large body on its
  // way leaves no room for another large one (503, Retry-After), while
  // requests with small or no bodies go on.
  void bodies_in_memory_are_bounded() {
    ServerProcess bounded(dir_->path() / "bounded", {"--max-body-memory", "1000000"});
    net::io_context io;
    auto slow = open_sockets(io, bounded.port(), 1);
    net::write(*slow.front(), net::buffer("POST /veloconnect HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\n"
                                          "Content-Length: 900000\r\n\r\n<GetProfileRequest"));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // its header is read
    HttpClient client("127.0.0.1", bounded.port());
    std::string answer = client.raw(
        "POST /veloconnect HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\nContent-Length: 200000\r\n\r\n" +
        std::string(200000, ' '));
    CPPUNIT_ASSERT_MESSAGE(answer.substr(0, 200), answer.starts_with("HTTP/1.1 503"));
    CPPUNIT_ASSERT(answer.find("Retry-After: 1") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code(client.get(kProfile).body));
    CPPUNIT_ASSERT_EQUAL(std::string("200"),
                         code(client.post("/veloconnect", profile_request("B127645"), "application/xml").body));
    // The large body ends (the client goes away): there is room again.
    slow.front()->close();
    bool served = false;
    for (int i = 0; i < 100 && !served; ++i) {
      answer = client.raw(
          "POST /veloconnect HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\n"
          "Connection: close\r\nContent-Length: 200000\r\n\r\n" +
          std::string(200000, ' '));
      served = !answer.starts_with("HTTP/1.1 503");
      if (!served) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    CPPUNIT_ASSERT_MESSAGE(answer.substr(0, 200), served);
  }

  void limits_are_flags() {
    ServerProcess strict(dir_->path() / "strict",
                         {"--max-xml-attributes", "2", "--max-xml-elements", "6", "--max-xml-text", "40",
                          "--max-xml-depth", "3", "--max-url-parameters", "3"});
    HttpClient client("127.0.0.1", strict.port());
    // The profile request: 4 elements, 2 attributes (namespace declarations), depth 3.
    auto r = client.post("/veloconnect", profile_request("B127645"), "application/xml");
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code(r.body));
    r = client.post("/veloconnect", attribute_bomb("GetProfileRequest", 3), "application/xml");
    CPPUNIT_ASSERT(message(r.body).find("more than 2 attributes") != std::string::npos);
    r = client.post("/veloconnect", "<a><b/><b/><b/><b/><b/><b/></a>", "application/xml");
    CPPUNIT_ASSERT(message(r.body).find("more than 6 elements") != std::string::npos);
    r = client.post("/veloconnect", "<a><b><c><d/></c></b></a>", "application/xml");
    CPPUNIT_ASSERT(message(r.body).find("nested deeper than 3") != std::string::npos);
    r = client.post("/veloconnect", profile_request(std::string(41, 'B')), "application/xml");
    CPPUNIT_ASSERT(message(r.body).find("longer than 40 bytes") != std::string::npos);
    r = client.get(kProfile);
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code(r.body));
    r = client.get(kProfile + "&IsTest=false");
    CPPUNIT_ASSERT_EQUAL(std::string("400"), code(r.body));
    CPPUNIT_ASSERT_EQUAL(std::string("more than 3 parameters (a limit of this server)"), message(r.body));
  }

  void soap_envelope_with_two_bodies_is_refused() {
    // Veloconnect: the last Body is not executed; 405 like any invalid request.
    std::string two = R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>)" +
                      profile_request("B127645") + "</s:Body><s:Body>" + profile_request("B200001") +
                      "</s:Body></s:Envelope>";
    auto r = client_->post("/veloconnect", two, "text/xml", {{"SOAPAction", "\"urn:veloconnect:GetProfile\""}});
    CPPUNIT_ASSERT_EQUAL(std::string("405"), code(r.body));
    CPPUNIT_ASSERT(message(r.body).find("more than one Body") != std::string::npos);
    CPPUNIT_ASSERT(r.body.find("B200001") == std::string::npos);
    // SRM: a Client fault, and the second Body's create did not happen.
    std::string srm_two = R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>)" +
                          body_of(srm::read_request("SC-1001")) + "</s:Body><s:Body>" + body_of(srm::create_request()) +
                          "</s:Body></s:Envelope>";
    auto fault = client_->post(srm::kPath, srm_two, "text/xml; charset=utf-8", {{"Authorization", kSrmBasic}});
    CPPUNIT_ASSERT_EQUAL(500, fault.status);
    CPPUNIT_ASSERT_EQUAL(std::string("SOAP-ENV:Client"), first_text(fault.body, "faultcode").value_or(""));
    auto none = srm::post(*client_, srm::read_request("SC-1004"));
    CPPUNIT_ASSERT_EQUAL(std::string("050(OGSRM)"), first_text(none.body, "TypeID").value_or(""));
    // The hub, SOAP 1.2: a Sender fault.
    std::string hub_two = R"(<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>)"
                          R"(<ReadOrderRequest xmlns="urn:ordergate:eprocurement:1"><Reference>EP-1</Reference>)"
                          R"(</ReadOrderRequest></s:Body><s:Body/></s:Envelope>)";
    auto hub = client_->post("/eprocurement", hub_two, "application/soap+xml", {{"Authorization", kGarageBasic}});
    CPPUNIT_ASSERT_EQUAL(400, hub.status);
    CPPUNIT_ASSERT(hub.body.find("Sender") != std::string::npos);
  }

  void must_understand_headers_get_a_must_understand_fault() {
    const std::string security11 =
        R"(<s:Header><w:Security xmlns:w="urn:example:security" s:mustUnderstand="1"/></s:Header>)";
    auto r = client_->post("/veloconnect", soap11(profile_request(), security11), "text/xml",
                           {{"SOAPAction", "\"urn:veloconnect:GetProfile\""}});
    CPPUNIT_ASSERT_EQUAL(500, r.status);
    CPPUNIT_ASSERT_EQUAL(std::string("SOAP-ENV:MustUnderstand"), first_text(r.body, "faultcode").value_or(""));
    CPPUNIT_ASSERT(r.body.find("GetProfileResponse") == std::string::npos);
    // SOAP 1.2 ("true"), naming the block in a NotUnderstood header.
    const std::string security12 =
        R"(<s:Header><w:Security xmlns:w="urn:example:security" s:mustUnderstand="true"/></s:Header>)";
    r = client_->post("/veloconnect", soap12(profile_request(), security12), "application/soap+xml");
    CPPUNIT_ASSERT_EQUAL(500, r.status);
    CPPUNIT_ASSERT_EQUAL(std::string("SOAP-ENV:MustUnderstand"), first_text(r.body, "Value").value_or(""));
    CPPUNIT_ASSERT(r.body.find("<SOAP-ENV:NotUnderstood qname=\"nu:Security\" xmlns:nu=\"urn:example:security\"/>") !=
                   std::string::npos);
    // Not for us (another role), or not mandatory: the request is answered.
    const std::string other_role =
        R"(<s:Header><w:Security xmlns:w="urn:x" s:mustUnderstand="true" s:role="urn:someone-else"/></s:Header>)";
    r = client_->post("/veloconnect", soap12(profile_request(), other_role), "application/soap+xml");
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code(r.body));
    const std::string optional = R"(<s:Header><w:Trace xmlns:w="urn:x" s:mustUnderstand="0"/></s:Header>)";
    r = client_->post("/veloconnect", soap11(profile_request(), optional), "text/xml",
                      {{"SOAPAction", "\"urn:veloconnect:GetProfile\""}});
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code(r.body));
    // SRM and the hub too.
    auto srm = client_->post(srm::kPath, soap11(body_of(srm::read_request("SC-1001")), security11),
                             "text/xml; charset=utf-8", {{"Authorization", kSrmBasic}});
    CPPUNIT_ASSERT_EQUAL(500, srm.status);
    CPPUNIT_ASSERT_EQUAL(std::string("SOAP-ENV:MustUnderstand"), first_text(srm.body, "faultcode").value_or(""));
    auto hub = client_->post(
        "/eprocurement",
        soap12(
            R"(<ReadOrderRequest xmlns="urn:ordergate:eprocurement:1"><Reference>EP-1</Reference></ReadOrderRequest>)",
            security12),
        "application/soap+xml", {{"Authorization", kGarageBasic}});
    CPPUNIT_ASSERT_EQUAL(500, hub.status);
    CPPUNIT_ASSERT_EQUAL(std::string("SOAP-ENV:MustUnderstand"), first_text(hub.body, "Value").value_or(""));
  }

  void bytes_after_a_nul_are_not_dropped() {
    std::string body = profile_request() + std::string(1, '\0') + "<GetStatusRequest/>";
    auto r = client_->post("/veloconnect", body, "application/xml");
    CPPUNIT_ASSERT_EQUAL(std::string("405"), code(r.body));
    CPPUNIT_ASSERT(message(r.body).find("NUL") != std::string::npos);
    auto srm = client_->post(srm::kPath, srm::read_request("SC-1001") + std::string(1, '\0') + "x",
                             "text/xml; charset=utf-8", {{"Authorization", kSrmBasic}});
    CPPUNIT_ASSERT_EQUAL(500, srm.status);
    CPPUNIT_ASSERT(srm.body.find("NUL") != std::string::npos);
  }

  void transfer_encoding_other_than_chunked_is_400() {
    const std::string form = "RequestName=GetProfileRequest&BuyersID=B127645&Password=secret";
    auto send = [&](const std::string& headers, const std::string& body) {
      HttpClient raw("127.0.0.1", server_->port());
      return raw.raw("POST /veloconnect HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
                     headers + "Connection: close\r\n\r\n" + body);
    };
    auto chunked = [](const std::string& body) {
      char size[16];
      std::snprintf(size, sizeof size, "%zx", body.size());
      return std::string(size) + "\r\n" + body + "\r\n0\r\n\r\n";
    };
    CPPUNIT_ASSERT(send("Transfer-Encoding: xchunked\r\nContent-Length: " + std::to_string(form.size()) + "\r\n", form)
                       .starts_with("HTTP/1.1 400"));
    CPPUNIT_ASSERT(send("Transfer-Encoding: chunked, identity\r\n", chunked(form)).starts_with("HTTP/1.1 400"));
    CPPUNIT_ASSERT(send("Transfer-Encoding: gzip, chunked\r\n", chunked(form)).starts_with("HTTP/1.1 400"));
    CPPUNIT_ASSERT(
        send("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", chunked(form)).starts_with("HTTP/1.1 400"));
    // Chunked alone is read.
    std::string ok = send("Transfer-Encoding: chunked\r\n", chunked(form));
    CPPUNIT_ASSERT(ok.starts_with("HTTP/1.1 200"));
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code(ok.substr(ok.find("<?xml"))));
  }

  void host_header_never_reaches_the_wsdl() {
    std::string own = "http://127.0.0.1:" + std::to_string(server_->port());
    for (std::string path : {"/veloconnect", "/srm/InternalRequest", "/eprocurement"}) {
      auto r = client_->get(path + "?wsdl", {{"Host", "evil.example.com"}});
      CPPUNIT_ASSERT_EQUAL(200, r.status);
      CPPUNIT_ASSERT_MESSAGE(path, r.body.find("evil") == std::string::npos);
      CPPUNIT_ASSERT_MESSAGE(path, r.body.find("location=\"" + own + path + "\"") != std::string::npos);
    }
  }

  void public_url_is_the_wsdl_address() {
    ServerProcess proxied(dir_->path() / "proxied", {"--public-url", "https://vc.example.com/"});
    HttpClient client("127.0.0.1", proxied.port());
    for (std::string path : {"/veloconnect", "/srm/InternalRequest", "/eprocurement"}) {
      auto r = client.get(path + "?wsdl", {{"Host", "evil.example.com"}});
      CPPUNIT_ASSERT_MESSAGE(path, r.body.find("location=\"https://vc.example.com" + path + "\"") != std::string::npos);
      CPPUNIT_ASSERT_MESSAGE(path, r.body.find("evil") == std::string::npos);
    }
    auto xsd = client.get("/veloconnect?xsd=order-1.1.xsd");
    CPPUNIT_ASSERT(xsd.body.find("schemaLocation=\"https://vc.example.com/veloconnect?xsd=") != std::string::npos);
    // Clients reach it over TLS: the profile lists the -S bindings.
    auto profile = client.get(kProfile);
    CPPUNIT_ASSERT(profile.body.find("<vcp:Binding>URL-S</vcp:Binding>") != std::string::npos);
    // A URL that is not one is refused at start.
    CPPUNIT_ASSERT_EQUAL(2, std::system((std::string(OG_BINARY) + " --public-url 'vc.example.com\"' --data " +
                                         (dir_->path() / "x").string() + " >/dev/null 2>&1; exit $?")
                                            .c_str()) >>
                                8);
  }

  void long_values_are_not_echoed() {
    // A 100 KB item ID: 400, and the answer stays small.
    std::string id(100 * 1024, '7');
    auto r = client_->post("/veloconnect",
                           "RequestName=GetItemDetailsRequest&BuyersID=B127645&Password=secret"
                           "&SellersItemIdentification=" +
                               id,
                           "application/x-www-form-urlencoded");
    CPPUNIT_ASSERT_EQUAL(std::string("400"), code(r.body));
    CPPUNIT_ASSERT(r.body.size() < 2048);
    std::string order = "RequestName=CreateOrderRequest&BuyersID=B127645&Password=secret&Quantity." + id + "=1";
    r = client_->post("/veloconnect", order, "application/x-www-form-urlencoded");
    CPPUNIT_ASSERT_EQUAL(std::string("400"), code(r.body));
    CPPUNIT_ASSERT(r.body.size() < 2048);
    // An unknown buyer of 300 KB: not echoed in the BuyersID of the answer.
    r = client_->post("/veloconnect",
                      "RequestName=GetProfileRequest&Password=secret&BuyersID=" + std::string(300000, 'B'),
                      "application/x-www-form-urlencoded");
    CPPUNIT_ASSERT(r.body.size() < 2048);
    CPPUNIT_ASSERT_EQUAL(std::string(""), first_text(r.body, "BuyersID").value_or(""));
    // A RequestName of 1 MB: the message that names it is cut.
    r = client_->post("/veloconnect", "BuyersID=B127645&Password=secret&RequestName=" + std::string(1000000, 'X'),
                      "application/x-www-form-urlencoded");
    CPPUNIT_ASSERT_EQUAL(std::string("405"), code(r.body));
    CPPUNIT_ASSERT(r.body.size() < 2048);
    // XML: a schema-invalid 900 KB quantity is quoted by the validator; cut too.
    std::string xml = std::string(R"(<GetItemDetailsRequest xmlns="urn:veloconnect:order-1.1" )") +
                      R"(xmlns:vct="urn:veloconnect:transaction-1.0" )"
                      R"(xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-1.0" )"
                      R"(xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-1.0">)"
                      R"(<vct:BuyersID>B127645</vct:BuyersID><vct:Credential><vct:Password>secret</vct:Password>)"
                      R"(</vct:Credential><cac:SellersItemIdentification><cac:ID>1</cac:ID>)"
                      R"(</cac:SellersItemIdentification><cbc:Quantity>)" +
                      std::string(900000, 'x') + "</cbc:Quantity></GetItemDetailsRequest>";
    r = client_->post("/veloconnect", xml, "application/xml");
    CPPUNIT_ASSERT_EQUAL(std::string("405"), code(r.body));
    CPPUNIT_ASSERT(r.body.size() < 2048);
  }

  void internal_error_text_stays_in_the_log() {
    // Every commit fails: the clients hear "not applied", the reason stays in stderr.
    ServerProcess failing(dir_->path() / "failing", {"--fail-commits"});
    HttpClient client("127.0.0.1", failing.port());
    auto velo = client.post("/veloconnect",
                            "RequestName=CreateOrderRequest&BuyersID=B127645&Password=secret&Quantity.200600221=1",
                            "application/x-www-form-urlencoded");
    CPPUNIT_ASSERT_EQUAL(std::string("500"), code(velo.body));
    auto srm =
        client.post(srm::kPath, srm::create_request(), "text/xml; charset=utf-8", {{"Authorization", kSrmBasic}});
    CPPUNIT_ASSERT_EQUAL(500, srm.status);
    auto hub = client.post(
        "/eprocurement/orders",
        R"({"items":[{"provider":"prov-b","brand":"MANN","manufacturerReference":"W712/95","quantity":1}]})",
        "application/json", {{"Authorization", kGarageBasic}});
    CPPUNIT_ASSERT_EQUAL(503, hub.status);
    for (const auto* body : {&velo.body, &srm.body, &hub.body}) {
      CPPUNIT_ASSERT_MESSAGE(*body, body->find("injected") == std::string::npos);
      CPPUNIT_ASSERT_MESSAGE(*body, body->find("SQLITE") == std::string::npos);
    }
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(HostileInputTest);

}  // namespace og::test
