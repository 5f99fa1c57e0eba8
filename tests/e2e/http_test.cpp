// The HTTP face of the server: keep-alive, limits, 100-continue, contracts
// served with the server's own address, TLS, and 1,000 concurrent clients.
#include <cppunit/extensions/HelperMacros.h>
#include <sys/resource.h>

#include <utility>  // before Boost: asio 1.74 misses it under C++20

#include <boost/asio.hpp>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "support/server_fixture.hpp"
#include "support/xml_check.hpp"

namespace og::test {

namespace {
const std::string kProfile = "/veloconnect?RequestName=GetProfileRequest&BuyersID=B127645&Password=secret";
std::string code(const std::string& answer) {
  return first_text(answer, "ResponseCode").value_or("none");
}
}  // namespace

class HttpTest : public ServerFixture {
  CPPUNIT_TEST_SUITE(HttpTest);
  CPPUNIT_TEST(keep_alive_serves_many_requests_on_one_connection);
  CPPUNIT_TEST(expect_100_continue_is_honoured);
  CPPUNIT_TEST(oversized_body_is_413);
  CPPUNIT_TEST(unknown_path_and_method);
  CPPUNIT_TEST(wsdl_is_served_with_own_address);
  CPPUNIT_TEST(schemas_are_served);
  CPPUNIT_TEST(tls_when_given_certificate_and_key);
  CPPUNIT_TEST(thousand_keep_alive_connections_all_answered);
  CPPUNIT_TEST_SUITE_END();

 protected:
  std::vector<std::string> server_args() const override { return {"--max-body", "65536"}; }

 public:
  void keep_alive_serves_many_requests_on_one_connection() {
    // Three pipelined requests on one socket, answered in order.
    HttpClient client("127.0.0.1", server_->port());
    std::string one = "GET " + kProfile + " HTTP/1.1\r\nHost: x\r\n\r\n";
    std::string last = "GET " + kProfile + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    std::string all = client.raw(one + one + last);
    std::size_t answers = 0;
    for (auto at = all.find("HTTP/1.1 200"); at != std::string::npos; at = all.find("HTTP/1.1 200", at + 1)) ++answers;
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, answers);
  }

  void expect_100_continue_is_honoured() {
    HttpClient client("127.0.0.1", server_->port());
    std::string body =
        "<GetProfileRequest><BuyersID>B127645</BuyersID><Credential><Password>secret</Password>"
        "</Credential></GetProfileRequest>";
    std::string req =
        "POST /veloconnect HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\nExpect: "
        "100-continue\r\nConnection: close\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body;
    std::string reply = client.raw(req);
    CPPUNIT_ASSERT(reply.starts_with("HTTP/1.1 100 Continue"));
    CPPUNIT_ASSERT(reply.find("HTTP/1.1 200") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code(reply.substr(reply.find("<?xml"))));
  }

  void oversized_body_is_413() {
    HttpClient client("127.0.0.1", server_->port());
    auto r = client.post("/veloconnect", std::string(100000, 'x'), "application/xml");
    CPPUNIT_ASSERT_EQUAL(413, r.status);
    // The server lives on.
    HttpClient again("127.0.0.1", server_->port());
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code(again.get(kProfile).body));
  }

  void unknown_path_and_method() {
    HttpClient client("127.0.0.1", server_->port());
    CPPUNIT_ASSERT_EQUAL(404, client.get("/nothing").status);
    CPPUNIT_ASSERT_EQUAL(200, client.get("/health").status);
    std::string reply = client.raw("DELETE /veloconnect HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    CPPUNIT_ASSERT(reply.starts_with("HTTP/1.1 405"));
    CPPUNIT_ASSERT(reply.find("Allow: GET, POST") != std::string::npos);
    std::string garbage = client.raw("NOT HTTP AT ALL\r\n\r\n");
    CPPUNIT_ASSERT(garbage.starts_with("HTTP/1.1 400"));
  }

  void wsdl_is_served_with_own_address() {
    HttpClient client("127.0.0.1", server_->port());
    auto r = client.get("/veloconnect?wsdl");
    CPPUNIT_ASSERT_EQUAL(200, r.status);
    std::string base = "http://127.0.0.1:" + std::to_string(server_->port()) + "/veloconnect";
    CPPUNIT_ASSERT(r.body.find("location=\"" + base + "\"") != std::string::npos);
    CPPUNIT_ASSERT(r.body.find("schemaLocation=\"" + base + "?xsd=order-1.1.xsd\"") != std::string::npos);
    CPPUNIT_ASSERT(r.body.find("../xsd/") == std::string::npos);
    // 28 operations (the 12 of orders and searches, 4 of stock transmissions, 4 of sale
    // transmissions, B2B and B2X, the receipt module's 8): once in the portType, twice (wsdl: and
    // soap:) in each of the two bindings.
    CPPUNIT_ASSERT_EQUAL(28 * 5, count_elements(r.body, "operation"));
    CPPUNIT_ASSERT(r.body.find("schemaLocation=\"" + base + "?xsd=sale-B2X-1.6.xsd\"") != std::string::npos);
    CPPUNIT_ASSERT(r.body.find("schemaLocation=\"" + base + "?xsd=transaction-1.6.xsd\"") != std::string::npos);
    CPPUNIT_ASSERT(r.body.find("schemaLocation=\"" + base + "?xsd=receipt-1.3.xsd\"") != std::string::npos);
  }

  void schemas_are_served() {
    HttpClient client("127.0.0.1", server_->port());
    auto r = client.get("/veloconnect?xsd=order-1.1.xsd");
    CPPUNIT_ASSERT_EQUAL(200, r.status);
    CPPUNIT_ASSERT(r.body.find("targetNamespace=\"urn:veloconnect:order-1.1\"") != std::string::npos);
    CPPUNIT_ASSERT(r.body.find("?xsd=ubl-cac-1.0.xsd") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(404, client.get("/veloconnect?xsd=../../etc/passwd").status);
  }

  void tls_when_given_certificate_and_key() {
    auto cert = dir_->path() / "cert.pem";
    auto key = dir_->path() / "key.pem";
    std::string cmd = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -keyout " + key.string() +
                      " -out " + cert.string() + " >/dev/null 2>&1";
    CPPUNIT_ASSERT_EQUAL(0, std::system(cmd.c_str()));
    ServerProcess tls(dir_->path() / "tls-data", {"--tls-cert", cert.string(), "--tls-key", key.string()});
    HttpClient client("127.0.0.1", tls.port(), true);
    auto r = client.get(kProfile);
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code(r.body));
    // The profile announces the -S bindings on a TLS server.
    CPPUNIT_ASSERT(r.body.find("XML-POST-S") != std::string::npos);
    CPPUNIT_ASSERT(r.body.find("<vcp:Binding>URL-S</vcp:Binding>") != std::string::npos);
    // Plain HTTP to a TLS port gets no answer.
    HttpClient plain("127.0.0.1", tls.port());
    CPPUNIT_ASSERT(plain.raw("GET " + kProfile + " HTTP/1.1\r\nHost: x\r\n\r\n").find("ResponseCode") ==
                   std::string::npos);
  }

  void thousand_keep_alive_connections_all_answered() {
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    namespace net = boost::asio;
    net::io_context io;
    auto endpoint = net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), server_->port());
    constexpr int kConnections = 1000;
    std::vector<std::unique_ptr<net::ip::tcp::socket>> sockets;
    for (int i = 0; i < kConnections; ++i) {
      sockets.push_back(std::make_unique<net::ip::tcp::socket>(io));
      sockets.back()->connect(endpoint);
    }
    // Every connection stays open; each asks twice (keep-alive), all at once.
    std::string request = "GET " + kProfile + " HTTP/1.1\r\nHost: x\r\n\r\n";
    for (int round = 0; round < 2; ++round) {
      for (auto& s : sockets) net::write(*s, net::buffer(request));
      int answered = 0;
      for (auto& s : sockets) {
        std::string got;
        char buf[8192];
        while (got.find("</vcp:GetProfileResponse>") == std::string::npos) {
          std::size_t n = s->read_some(net::buffer(buf));
          got.append(buf, n);
        }
        if (got.starts_with("HTTP/1.1 200") && got.find("<vct:ResponseCode>200<") != std::string::npos) ++answered;
      }
      CPPUNIT_ASSERT_EQUAL(kConnections, answered);
    }
    // Liveness, not speed: a newcomer is not starved while the thousand are still open
    // (a thread-per-connection server would never answer it).
    auto start = std::chrono::steady_clock::now();
    HttpClient fresh("127.0.0.1", server_->port());
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code(fresh.get(kProfile).body));
    CPPUNIT_ASSERT(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
  }

 private:
};

CPPUNIT_TEST_SUITE_REGISTRATION(HttpTest);

}  // namespace og::test
