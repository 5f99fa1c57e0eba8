// Group commit over the wire: answers of concurrent writers go out only once
// their batch is committed, so a kill -9 right after the last answer loses
// none of them; a lost commit is answered 500 in the request's own binding.
#include <cppunit/extensions/HelperMacros.h>

#include <thread>

#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "support/xml_check.hpp"

namespace og::test {

namespace {

const char* kOrderNs =
    "xmlns=\"urn:veloconnect:order-1.1\" xmlns:vct=\"urn:veloconnect:transaction-1.0\" "
    "xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-1.0\" "
    "xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-1.0\"";

std::string request(const std::string& name, const std::string& tid, const std::string& inner) {
  return "<" + name + " " + kOrderNs +
         "><vct:BuyersID>B127645</vct:BuyersID><vct:Credential><vct:Password>secret</vct:Password>"
         "</vct:Credential>" +
         (tid.empty() ? "" : "<vct:TransactionID>" + tid + "</vct:TransactionID>") + inner + "</" + name + ">";
}

std::string line(const std::string& item, int quantity) {
  return "<OrderRequestLine><cac:SellersItemIdentification><cac:ID>" + item +
         "</cac:ID></cac:SellersItemIdentification><cbc:Quantity>" + std::to_string(quantity) +
         "</cbc:Quantity></OrderRequestLine>";
}

const char* kStatus = "/veloconnect?RequestName=GetStatusRequest&BuyersID=B127645&Password=secret";

std::string code(const HttpReply& r) {
  return first_text(r.body, "ResponseCode").value_or("none");
}

}  // namespace

class GroupCommitWireTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(GroupCommitWireTest);
  CPPUNIT_TEST(kill_9_after_concurrent_answers_loses_nothing);
  CPPUNIT_TEST(lost_commit_is_answered_500);
  CPPUNIT_TEST_SUITE_END();

 public:
  void kill_9_after_concurrent_answers_loses_nothing() {
    TempDir dir;
    constexpr int kClients = 16, kFlows = 6;
    struct Confirmed {
      std::string open;      // created and updated: state 2 with two lines
      std::string finished;  // finished: state 100 with an order ID
      std::string order_id;
    };
    std::vector<Confirmed> confirmed(kClients * kFlows);
    {
      // Every commit reaches the file 20 ms late: an answer sent before that
      // would be lost by the kill below, not just in a rare race.
      ServerProcess server(dir.path() / "data", {"--slow-commits-us", "20000"});
      std::vector<std::thread> clients;
      for (int c = 0; c < kClients; ++c) {
        clients.emplace_back([&, c] {
          HttpClient client("127.0.0.1", server.port());
          auto post = [&](const std::string& body) { return client.post("/veloconnect", body, "application/xml"); };
          for (int f = 0; f < kFlows; ++f) {
            auto& mine = confirmed[static_cast<std::size_t>(c * kFlows + f)];
            auto a = post(request("CreateOrderRequest", "", line("200600221", 1)));
            auto b = post(request("CreateOrderRequest", "", line("52090311600", 2)));
            std::string ta = first_text(a.body, "TransactionID").value_or("");
            std::string tb = first_text(b.body, "TransactionID").value_or("");
            if (code(a) != "200" || code(b) != "200") continue;
            if (code(post(request("UpdateOrderRequest", ta, line("200300156", 3)))) == "200") mine.open = ta;
            auto fin = post(request("FinishOrderRequest", tb, ""));
            if (code(fin) == "200") {
              mine.finished = tb;
              mine.order_id = first_text(fin.body, "OrderID").value_or("");
            }
          }
        });
      }
      for (auto& t : clients) t.join();
      server.kill_hard();  // right after the last answer: no shutdown, no final commit
    }
    ServerProcess again(dir.path() / "data");
    HttpClient client("127.0.0.1", again.port());
    for (const auto& c : confirmed) {
      CPPUNIT_ASSERT_MESSAGE("every step was answered 200", !c.open.empty() && !c.finished.empty());
      auto open = client.post("/veloconnect", request("ViewOrderRequest", c.open, ""), "application/xml");
      CPPUNIT_ASSERT_EQUAL(std::string("200"), code(open));
      CPPUNIT_ASSERT_EQUAL(std::string("2"), first_text(open.body, "StatusCode").value_or(""));
      CPPUNIT_ASSERT_EQUAL(2, count_elements(open.body, "OrderResponseLine"));
      auto done = client.get(std::string(kStatus) + "&TransactionID=" + c.finished);
      CPPUNIT_ASSERT_EQUAL(std::string("100"), first_text(done.body, "StatusCode").value_or(""));
    }
  }

  void lost_commit_is_answered_500() {
    TempDir dir;
    {
      ServerProcess server(dir.path() / "data", {"--fail-commits"});
      HttpClient client("127.0.0.1", server.port());
      auto created =
          client.post("/veloconnect", request("CreateOrderRequest", "", line("200600221", 1)), "application/xml");
      CPPUNIT_ASSERT_EQUAL(200, created.status);
      CPPUNIT_ASSERT_EQUAL(std::string("500"), code(created));
      // As samples/veloconnect/faults: the envelope fields, and the empty TransactionID with
      // StatusCode 1 that OrderResponse requires (no instance was created).
      CPPUNIT_ASSERT_EQUAL(std::string("OrderResponse"), payload_name(created.body));
      CPPUNIT_ASSERT_EQUAL(std::string("internal error: the request was not applied; please retry later"),
                           first_text(created.body, "ResponseMessage").value_or(""));
      CPPUNIT_ASSERT_EQUAL(std::string(""), first_text(created.body, "TransactionID").value_or("absent"));
      CPPUNIT_ASSERT_EQUAL(std::string("1"), first_text(created.body, "StatusCode").value_or(""));
      // The same in the URL binding, and a read that changes nothing still works.
      auto url = client.get(
          "/veloconnect?RequestName=CreateOrderRequest&BuyersID=B127645&Password=secret&Quantity.200600221=2");
      CPPUNIT_ASSERT_EQUAL(std::string("500"), code(url));
      auto item = client.get(
          "/veloconnect?RequestName=GetItemDetailsRequest&BuyersID=B127645&Password=secret"
          "&SellersItemIdentification=200600221");
      CPPUNIT_ASSERT_EQUAL(std::string("200"), code(item));
    }
    ServerProcess again(dir.path() / "data");
    HttpClient client("127.0.0.1", again.port());
    auto status = client.get(kStatus);
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code(status));
    CPPUNIT_ASSERT_EQUAL(0, count_elements(status.body, "TransactionStatus"));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(GroupCommitWireTest);

}  // namespace og::test
