// The OrderInOnlineShop transaction through the real binary: the buyer's
// permanent instance, published in the profile, places one order after the
// other under the same TransactionID, empties on Rollback, survives restarts
// and the idle expiry, and never counts against the buyer's limits.
#include <cppunit/extensions/HelperMacros.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>
#include <vector>

#include "support/command.hpp"
#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "support/xml_check.hpp"

namespace og::test {

namespace {

const std::string kBuyer = "BuyersID=B127645&Password=secret";
const std::string kOtherBuyer = "BuyersID=B200001&Password=secret2";

std::string url(const std::string& request, const std::string& rest = "", const std::string& buyer = kBuyer) {
  return "/veloconnect?RequestName=" + request + "&" + buyer + rest;
}

std::string code_of(const HttpReply& r) {
  return first_text(r.body, "ResponseCode").value_or("?");
}

// The TransactionID the profile publishes for the caller.
std::string published_id(HttpClient& client, const std::string& buyer = kBuyer) {
  auto profile = client.get(url("GetProfileRequest", "", buyer));
  CPPUNIT_ASSERT_EQUAL(std::string("200"), code_of(profile));
  CPPUNIT_ASSERT_MESSAGE(
      profile.body, profile.body.find("<vcp:Transaction>OrderInOnlineShop</vcp:Transaction>") != std::string::npos);
  auto key = profile.body.find("OrderInOnlineShop.TransactionID</vcp:Key>");
  CPPUNIT_ASSERT_MESSAGE(profile.body, key != std::string::npos);
  auto value = profile.body.find("<vcp:Value>", key);
  auto end = profile.body.find("</vcp:Value>", value);
  return profile.body.substr(value + 11, end - value - 11);
}

std::vector<nlohmann::json> exported_orders(const std::filesystem::path& data) {
  auto exported = ordergate("export orders --format json --data " + data.string());
  CPPUNIT_ASSERT_EQUAL_MESSAGE(exported.out, 0, exported.status);
  std::vector<nlohmann::json> out;
  std::istringstream rows(exported.out);
  for (std::string row; std::getline(rows, row);)
    if (row.starts_with("{")) out.push_back(nlohmann::json::parse(row));
  return out;
}

}  // namespace

class OnlineShopTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(OnlineShopTest);
  CPPUNIT_TEST(each_buyer_has_its_own_fixed_instance);
  CPPUNIT_TEST(finishing_twice_places_two_orders_under_one_transaction_id);
  CPPUNIT_TEST(rollback_empties_it_and_it_stays_usable);
  CPPUNIT_TEST(it_survives_a_restart_and_the_idle_expiry);
  CPPUNIT_TEST(it_never_blocks_create_order_or_create_text_search);
  CPPUNIT_TEST(it_works_in_xml_post_and_soap);
  CPPUNIT_TEST_SUITE_END();

 public:
  void each_buyer_has_its_own_fixed_instance() {
    TempDir dir;
    std::string mine;
    {
      ServerProcess server(dir.path() / "data");
      HttpClient client("127.0.0.1", server.port());
      mine = published_id(client);
      CPPUNIT_ASSERT_EQUAL(std::size_t{32}, mine.size());
      CPPUNIT_ASSERT_EQUAL(mine, published_id(client));
      std::string theirs = published_id(client, kOtherBuyer);
      CPPUNIT_ASSERT(theirs != mine);
      // Usable at once, before anything was stored: empty, state 2.
      auto view = client.get(url("ViewOrderRequest", "&TransactionID=" + mine));
      CPPUNIT_ASSERT_EQUAL_MESSAGE(view.body, std::string("200"), code_of(view));
      CPPUNIT_ASSERT_EQUAL(std::string("2"), first_text(view.body, "StatusCode").value_or(""));
      CPPUNIT_ASSERT_EQUAL(0, count_elements(view.body, "OrderResponseLine"));
      auto status = client.get(url("GetStatusRequest", "&TransactionID=" + mine));
      CPPUNIT_ASSERT_EQUAL(std::string("OrderInOnlineShop"), first_text(status.body, "Transaction").value_or(""));
      // Another buyer's instance is no instance for this buyer.
      for (const char* request : {"ViewOrderRequest", "FinishOrderRequest", "RollbackRequest", "GetStatusRequest"})
        CPPUNIT_ASSERT_EQUAL(std::string("420"), code_of(client.get(url(request, "&TransactionID=" + theirs))));
      CPPUNIT_ASSERT_EQUAL(
          std::string("420"),
          code_of(client.get(url("UpdateOrderRequest", "&TransactionID=" + theirs + "&Quantity.200600221=1"))));
      // A test request on it mixes test and non-test.
      CPPUNIT_ASSERT_EQUAL(std::string("435"),
                           code_of(client.get(url("UpdateOrderRequest",
                                                  "&IsTest=true&TransactionID=" + mine + "&Quantity.200600221=1"))));
      // Not listed among the open instances: rolling back whatever is open must not empty a basket.
      CPPUNIT_ASSERT_EQUAL(0, count_elements(client.get(url("GetStatusRequest")).body, "TransactionStatus"));
    }
    ServerProcess again(dir.path() / "data");
    HttpClient client("127.0.0.1", again.port());
    CPPUNIT_ASSERT_EQUAL(mine, published_id(client));
  }

  void finishing_twice_places_two_orders_under_one_transaction_id() {
    TempDir dir;
    ServerProcess server(dir.path() / "data");
    HttpClient client("127.0.0.1", server.port());
    std::string id = published_id(client);

    auto first = client.get(url("UpdateOrderRequest", "&TransactionID=" + id + "&Quantity.200600221=2"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(first.body, std::string("200"), code_of(first));
    auto finished = client.get(url("FinishOrderRequest", "&TransactionID=" + id));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(finished.body, std::string("200"), code_of(finished));
    CPPUNIT_ASSERT_EQUAL(id, first_text(finished.body, "TransactionID").value_or(""));
    CPPUNIT_ASSERT_EQUAL(std::string("100"), first_text(finished.body, "StatusCode").value_or(""));
    std::string first_order = first_text(finished.body, "OrderID").value_or("");
    CPPUNIT_ASSERT_EQUAL(1, count_elements(finished.body, "OrderResponseLine"));

    // Empty and open again, under the same TransactionID.
    auto view = client.get(url("ViewOrderRequest", "&TransactionID=" + id));
    CPPUNIT_ASSERT_EQUAL(std::string("2"), first_text(view.body, "StatusCode").value_or(""));
    CPPUNIT_ASSERT_EQUAL(0, count_elements(view.body, "OrderResponseLine"));
    // Nothing to finish now.
    CPPUNIT_ASSERT_EQUAL(std::string("400"), code_of(client.get(url("FinishOrderRequest", "&TransactionID=" + id))));

    auto second =
        client.get(url("UpdateOrderRequest", "&TransactionID=" + id + "&Quantity.200300156=1&Quantity.52090311600=3"));
    CPPUNIT_ASSERT_EQUAL(2, count_elements(second.body, "OrderResponseLine"));
    auto again = client.get(url("FinishOrderRequest", "&TransactionID=" + id));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(again.body, std::string("200"), code_of(again));
    std::string second_order = first_text(again.body, "OrderID").value_or("");
    CPPUNIT_ASSERT(!first_order.empty() && first_order != second_order);

    auto orders = exported_orders(dir.path() / "data");
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, orders.size());
    CPPUNIT_ASSERT_EQUAL(first_order, orders[0].at("order_id").get<std::string>());
    CPPUNIT_ASSERT_EQUAL(second_order, orders[1].at("order_id").get<std::string>());
    for (const auto& o : orders) CPPUNIT_ASSERT_EQUAL(id, o.at("transaction_id").get<std::string>());
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, orders[0].at("lines").size());
    CPPUNIT_ASSERT_EQUAL(std::string("200600221"), orders[0].at("lines")[0].at("item_id").get<std::string>());
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, orders[1].at("lines").size());
    CPPUNIT_ASSERT_EQUAL(std::string("200300156"), orders[1].at("lines")[0].at("item_id").get<std::string>());
    CPPUNIT_ASSERT_EQUAL(std::string("52090311600"), orders[1].at("lines")[1].at("item_id").get<std::string>());
  }

  void rollback_empties_it_and_it_stays_usable() {
    TempDir dir;
    ServerProcess server(dir.path() / "data");
    HttpClient client("127.0.0.1", server.port());
    std::string id = published_id(client);
    client.get(url("UpdateOrderRequest", "&TransactionID=" + id + "&Quantity.200600221=2&Quantity.200300156=1"));
    for (int round = 0; round < 2; ++round) {
      auto rolled = client.get(url("RollbackRequest", "&TransactionID=" + id));
      CPPUNIT_ASSERT_EQUAL_MESSAGE(rolled.body, std::string("200"), code_of(rolled));
      CPPUNIT_ASSERT_EQUAL(std::string("199"), first_text(rolled.body, "StatusCode").value_or(""));
      auto view = client.get(url("ViewOrderRequest", "&TransactionID=" + id));
      CPPUNIT_ASSERT_EQUAL(std::string("200"), code_of(view));
      CPPUNIT_ASSERT_EQUAL(std::string("2"), first_text(view.body, "StatusCode").value_or(""));
      CPPUNIT_ASSERT_EQUAL(0, count_elements(view.body, "OrderResponseLine"));
    }
    auto refill = client.get(url("UpdateOrderRequest", "&TransactionID=" + id + "&Quantity.200600221=1"));
    CPPUNIT_ASSERT_EQUAL(1, count_elements(refill.body, "OrderResponseLine"));
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code_of(client.get(url("FinishOrderRequest", "&TransactionID=" + id))));
    // Rolled back lines never reached the ERP.
    auto orders = exported_orders(dir.path() / "data");
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, orders.size());
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, orders[0].at("lines").size());
  }

  void it_survives_a_restart_and_the_idle_expiry() {
    TempDir dir;
    std::vector<std::string> args = {"--order-lifetime", "1", "--search-lifetime", "1", "--janitor-seconds", "1"};
    std::string id;
    std::string order;
    {
      ServerProcess server(dir.path() / "data", args);
      HttpClient client("127.0.0.1", server.port());
      id = published_id(client);
      client.get(url("UpdateOrderRequest", "&TransactionID=" + id + "&Quantity.200600221=2"));
      auto created = client.get(url("CreateOrderRequest", "&Quantity.200600221=1"));
      order = first_text(created.body, "TransactionID").value_or("");
      std::this_thread::sleep_for(std::chrono::milliseconds(3000));  // the janitor ran meanwhile
      auto view = client.get(url("ViewOrderRequest", "&TransactionID=" + id));
      CPPUNIT_ASSERT_EQUAL_MESSAGE(view.body, std::string("2"), first_text(view.body, "StatusCode").value_or(""));
      CPPUNIT_ASSERT_EQUAL(1, count_elements(view.body, "OrderResponseLine"));
      // An ordinary order idle as long is ended.
      CPPUNIT_ASSERT_EQUAL(
          std::string("198"),
          first_text(client.get(url("GetStatusRequest", "&TransactionID=" + order)).body, "StatusCode").value_or(""));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    ServerProcess again(dir.path() / "data", args);
    HttpClient client("127.0.0.1", again.port());
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    CPPUNIT_ASSERT_EQUAL(id, published_id(client));
    auto view = client.get(url("ViewOrderRequest", "&TransactionID=" + id));
    CPPUNIT_ASSERT_EQUAL(std::string("2"), first_text(view.body, "StatusCode").value_or(""));
    CPPUNIT_ASSERT_EQUAL(1, count_elements(view.body, "OrderResponseLine"));
    auto finished = client.get(url("FinishOrderRequest", "&TransactionID=" + id));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(finished.body, std::string("200"), code_of(finished));
  }

  void it_never_blocks_create_order_or_create_text_search() {
    TempDir dir;
    ServerProcess server(dir.path() / "data", {"--max-open-orders", "1", "--max-open-searches", "1"});
    HttpClient client("127.0.0.1", server.port());
    std::string id = published_id(client);
    CPPUNIT_ASSERT_EQUAL(
        std::string("200"),
        code_of(client.get(url("UpdateOrderRequest", "&TransactionID=" + id + "&Quantity.200600221=1"))));
    // The basket holds lines and is open; the one order the limit allows is still there.
    auto created = client.get(url("CreateOrderRequest", "&Quantity.200600221=1"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(created.body, std::string("200"), code_of(created));
    auto search = client.get(url("CreateTextSearchRequest", "&SearchString=cable"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(search.body, std::string("200"), code_of(search));
    // Now the limit is reached by the order, never by the basket, and the basket is still usable.
    CPPUNIT_ASSERT_EQUAL(std::string("421"), code_of(client.get(url("CreateOrderRequest", "&Quantity.200600221=1"))));
    CPPUNIT_ASSERT_EQUAL(
        std::string("200"),
        code_of(client.get(url("UpdateOrderRequest", "&TransactionID=" + id + "&Quantity.200300156=1"))));
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code_of(client.get(url("FinishOrderRequest", "&TransactionID=" + id))));
  }

  void it_works_in_xml_post_and_soap() {
    TempDir dir;
    ServerProcess server(dir.path() / "data");
    HttpClient client("127.0.0.1", server.port());
    std::string id = published_id(client);
    const std::string update =
        "<vco:UpdateOrderRequest xmlns:vco=\"urn:veloconnect:order-1.1\" "
        "xmlns:vct=\"urn:veloconnect:transaction-1.0\" "
        "xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-1.0\" "
        "xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-1.0\">"
        "<vct:BuyersID>B127645</vct:BuyersID><vct:Credential><vct:Password>secret</vct:Password></vct:Credential>"
        "<vct:TransactionID>" +
        id +
        "</vct:TransactionID><vco:OrderRequestLine><cac:SellersItemIdentification><cac:ID>200600221</cac:ID>"
        "</cac:SellersItemIdentification><cbc:Quantity quantityUnitCode=\"EA\">2</cbc:Quantity>"
        "</vco:OrderRequestLine></vco:UpdateOrderRequest>";
    auto xml = client.post("/veloconnect", update, "application/xml");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(xml.body, std::string("200"), code_of(xml));
    CPPUNIT_ASSERT_EQUAL(id, first_text(xml.body, "TransactionID").value_or(""));
    const std::string finish =
        "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>"
        "<vco:FinishOrderRequest xmlns:vco=\"urn:veloconnect:order-1.1\" "
        "xmlns:vct=\"urn:veloconnect:transaction-1.0\">"
        "<vct:BuyersID>B127645</vct:BuyersID><vct:Credential><vct:Password>secret</vct:Password></vct:Credential>"
        "<vct:TransactionID>" +
        id + "</vct:TransactionID></vco:FinishOrderRequest></s:Body></s:Envelope>";
    auto soap = client.post("/veloconnect", finish, "application/soap+xml; charset=utf-8");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(soap.body, std::string("200"), code_of(soap));
    CPPUNIT_ASSERT_EQUAL(std::string("100"), first_text(soap.body, "StatusCode").value_or(""));
    CPPUNIT_ASSERT_EQUAL(1, count_elements(soap.body, "OrderResponseLine"));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(OnlineShopTest);

}  // namespace og::test
