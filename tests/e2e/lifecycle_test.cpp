// Transaction instances end by themselves, and searches never lock a buyer
// out of ordering: through the real binary, with the clients' habit of never
// closing a search.
#include <cppunit/extensions/HelperMacros.h>

#include <future>
#include <thread>
#include <vector>

#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "support/xml_check.hpp"

namespace og::test {

namespace {

const std::string kBuyer = "BuyersID=B127645&Password=secret";

std::string url(const std::string& request, const std::string& rest = "") {
  return "/veloconnect?RequestName=" + request + "&" + kBuyer + rest;
}

std::string code_of(const HttpReply& r) {
  return first_text(r.body, "ResponseCode").value_or("?");
}

}  // namespace

class LifecycleTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(LifecycleTest);
  CPPUNIT_TEST(ten_thousand_unclosed_searches_never_stop_ordering);
  CPPUNIT_TEST(idle_instances_are_ended_by_the_server);
  CPPUNIT_TEST(a_restart_keeps_the_lifecycle);
  CPPUNIT_TEST_SUITE_END();

 public:
  void ten_thousand_unclosed_searches_never_stop_ordering() {
    TempDir dir;
    ServerProcess server(dir.path() / "data");  // the default limits: 1,000 orders, 1,000 searches
    unsigned short port = server.port();
    // What pyveloedi's search(count=True) does, 10,000 times: open, count, never close.
    std::vector<std::future<int>> clients;
    for (int c = 0; c < 4; ++c)
      clients.push_back(std::async(std::launch::async, [port] {
        HttpClient client("127.0.0.1", port);
        int ok = 0;
        for (int i = 0; i < 2500; ++i)
          ok += code_of(client.get(url("CreateTextSearchRequest", "&SearchString=cable"))) == "200";
        return ok;
      }));
    int opened = 0;
    for (auto& c : clients) opened += c.get();
    CPPUNIT_ASSERT_EQUAL(10000, opened);  // never a 421: the oldest search makes room

    HttpClient client("127.0.0.1", port);
    auto order = client.get(url("CreateOrderRequest", "&Quantity.200600221=1"));
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code_of(order));
    auto status = client.get(url("GetStatusRequest"));
    // At most the search limit is open, plus the order.
    int open = count_elements(status.body, "TransactionStatus");
    CPPUNIT_ASSERT(open <= 1001);
    CPPUNIT_ASSERT(open >= 2);
  }

  void idle_instances_are_ended_by_the_server() {
    TempDir dir;
    ServerProcess server(dir.path() / "data",
                         {"--search-lifetime", "1", "--order-lifetime", "2", "--janitor-seconds", "1"});
    HttpClient client("127.0.0.1", server.port());
    auto search = client.get(url("CreateTextSearchRequest", "&SearchString=cable"));
    std::string sid = first_text(search.body, "TransactionID").value_or("");
    auto order = client.get(url("CreateOrderRequest", "&Quantity.200600221=1"));
    std::string oid = first_text(order.body, "TransactionID").value_or("");
    CPPUNIT_ASSERT(!sid.empty() && !oid.empty());
    std::this_thread::sleep_for(std::chrono::milliseconds(3500));

    // Ended (198, a final state): what SearchResult, ViewOrder and GetStatus report.
    auto page = client.get(url("SearchResultRequest", "&TransactionID=" + sid + "&ResultFormat=COUNT"));
    CPPUNIT_ASSERT_EQUAL(std::string("430"), code_of(page));
    CPPUNIT_ASSERT_EQUAL(std::string("198"), first_text(page.body, "StatusCode").value_or(""));
    auto view = client.get(url("UpdateOrderRequest", "&TransactionID=" + oid + "&Quantity.200600221=2"));
    CPPUNIT_ASSERT_EQUAL(std::string("430"), code_of(view));
    auto status = client.get(url("GetStatusRequest", "&TransactionID=" + oid));
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code_of(status));
    CPPUNIT_ASSERT_EQUAL(std::string("198"), first_text(status.body, "StatusCode").value_or(""));
    // No longer open.
    CPPUNIT_ASSERT_EQUAL(0, count_elements(client.get(url("GetStatusRequest")).body, "TransactionStatus"));
  }

  void a_restart_keeps_the_lifecycle() {
    TempDir dir;
    std::string sid;
    {
      ServerProcess server(dir.path() / "data", {"--search-lifetime", "1"});
      HttpClient client("127.0.0.1", server.port());
      sid = first_text(client.get(url("CreateTextSearchRequest", "&SearchString=tyre")).body, "TransactionID")
                .value_or("");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2200));
    ServerProcess again(dir.path() / "data", {"--search-lifetime", "1"});
    HttpClient client("127.0.0.1", again.port());
    auto status = client.get(url("GetStatusRequest", "&TransactionID=" + sid));
    CPPUNIT_ASSERT_EQUAL(std::string("198"), first_text(status.body, "StatusCode").value_or(""));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(LifecycleTest);

}  // namespace og::test
