// The Order and TextSearch transactions over the wire: states, codes in the
// standard's order, isolation between buyers, test mode, concurrency.
#include <cppunit/extensions/HelperMacros.h>
#include <sqlite3.h>

#include <thread>

#include "support/server_fixture.hpp"
#include "support/xml_check.hpp"

namespace og::test {

namespace {

std::string envelope(const std::string& buyer, const std::string& password, const std::string& tid = "",
                     const std::string& is_test = "") {
  std::string e = "<vct:BuyersID>" + buyer + "</vct:BuyersID><vct:Credential><vct:Password>" + password +
                  "</vct:Password></vct:Credential>";
  if (!tid.empty()) e += "<vct:TransactionID>" + tid + "</vct:TransactionID>";
  if (!is_test.empty()) e += "<vct:IsTest>" + is_test + "</vct:IsTest>";
  return e;
}

std::string line(const std::string& id, const std::string& qty, const std::string& unit = "") {
  return "<OrderRequestLine><cac:SellersItemIdentification><cac:ID>" + id +
         "</cac:ID></cac:SellersItemIdentification><cbc:Quantity" +
         (unit.empty() ? "" : " quantityUnitCode=\"" + unit + "\"") + ">" + qty + "</cbc:Quantity></OrderRequestLine>";
}

std::string order_request(const std::string& name, const std::string& body) {
  return "<" + name +
         " xmlns=\"urn:veloconnect:order-1.1\" xmlns:vct=\"urn:veloconnect:transaction-1.0\" "
         "xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-1.0\" "
         "xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-1.0\">" +
         body + "</" + name + ">";
}

std::string code(const std::string& answer) {
  return first_text(answer, "ResponseCode").value_or("none");
}

}  // namespace

class TransactionTest : public ServerFixture {
  CPPUNIT_TEST_SUITE(TransactionTest);
  CPPUNIT_TEST(order_lifecycle_with_all_lines_returned);
  CPPUNIT_TEST(another_buyers_transaction_is_unknown);
  CPPUNIT_TEST(checks_run_in_the_standards_order);
  CPPUNIT_TEST(test_orders_never_reach_the_orders_table);
  CPPUNIT_TEST(rollback_ends_the_instance);
  CPPUNIT_TEST(concurrent_updates_lose_nothing);
  CPPUNIT_TEST(text_search_pages_and_closes);
  CPPUNIT_TEST_SUITE_END();

 public:
  void order_lifecycle_with_all_lines_returned() {
    auto created =
        post(order_request("CreateOrderRequest",
                           envelope("B127645", "secret") + line("52090311100", "500", "EA") + line("200600221", "2")));
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code(created));
    CPPUNIT_ASSERT_EQUAL(std::string("2"), first_text(created, "StatusCode").value_or(""));
    CPPUNIT_ASSERT(created.find("<cbc:Quantity quantityUnitCode=\"PK\">5</cbc:Quantity>") != std::string::npos);
    std::string tid = first_text(created, "TransactionID").value_or("");
    CPPUNIT_ASSERT_EQUAL(std::size_t{32}, tid.size());

    // Only changed lines are sent; every line comes back, plus this request's notices.
    auto updated =
        post(order_request("UpdateOrderRequest", envelope("B127645", "secret", tid) + line("200600221", "0", "MTR") +
                                                     line("200300156", "4") + line("100000001", "1") +
                                                     line("NOPE", "1") + line("200300156", "5")));
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code(updated));
    CPPUNIT_ASSERT_EQUAL(2, count_elements(updated, "OrderResponseLine"));  // shift cable + tube (updated twice)
    CPPUNIT_ASSERT_EQUAL(1, count_elements(updated, "RequestReplacement"));
    CPPUNIT_ASSERT_EQUAL(1, count_elements(updated, "ItemUnknown"));
    CPPUNIT_ASSERT(updated.find("<cbc:Quantity quantityUnitCode=\"EA\">5</cbc:Quantity>") != std::string::npos);
    CPPUNIT_ASSERT(updated.find("200600221") == std::string::npos);
    CPPUNIT_ASSERT_EQUAL(std::string(""), validate_against_project_xsd(updated));

    auto viewed = post(order_request("ViewOrderRequest", envelope("B127645", "secret", tid)));
    CPPUNIT_ASSERT_EQUAL(2, count_elements(viewed, "OrderResponseLine"));
    CPPUNIT_ASSERT_EQUAL(0, count_elements(viewed, "RequestReplacement"));  // notices belong to the request

    auto finished = post(order_request("FinishOrderRequest", envelope("B127645", "secret", tid)));
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code(finished));
    CPPUNIT_ASSERT_EQUAL(std::string("FinalOrderResponse"), payload_name(finished));
    CPPUNIT_ASSERT_EQUAL(std::string("100"), first_text(finished, "StatusCode").value_or(""));
    CPPUNIT_ASSERT(first_text(finished, "OrderID").value_or("").starts_with("OG-"));
    CPPUNIT_ASSERT_EQUAL(std::string(""), validate_against_project_xsd(finished));

    auto again = post(order_request("UpdateOrderRequest", envelope("B127645", "secret", tid) + line("200300156", "1")));
    CPPUNIT_ASSERT_EQUAL(std::string("430"), code(again));
    auto view_final = post(order_request("ViewOrderRequest", envelope("B127645", "secret", tid)));
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code(view_final));  // View is allowed in state 100
  }

  void another_buyers_transaction_is_unknown() {
    std::string tid = create("B127645", "secret");
    auto other = post(order_request("ViewOrderRequest", envelope("B200001", "secret2", tid)));
    CPPUNIT_ASSERT_EQUAL(std::string("420"), code(other));
    // Nothing learned about the instance: the StatusCode every unknown instance reports.
    CPPUNIT_ASSERT_EQUAL(std::string("1"), first_text(other, "StatusCode").value_or(""));
    CPPUNIT_ASSERT_EQUAL(0, count_elements(other, "OrderResponseLine"));
    auto finish = post(order_request("FinishOrderRequest", envelope("B200001", "secret2", tid)));
    CPPUNIT_ASSERT_EQUAL(std::string("420"), code(finish));
    auto status = post(
        "<GetStatusRequest xmlns=\"urn:veloconnect:transaction-1.0\"><BuyersID>B200001</BuyersID>"
        "<Credential><Password>secret2</Password></Credential></GetStatusRequest>");
    CPPUNIT_ASSERT_EQUAL(0, count_elements(status, "TransactionStatus"));
    // The owner still has it, untouched.
    auto mine = post(order_request("ViewOrderRequest", envelope("B127645", "secret", tid)));
    CPPUNIT_ASSERT_EQUAL(std::string("2"), first_text(mine, "StatusCode").value_or(""));
  }

  void checks_run_in_the_standards_order() {
    std::string tid = create("B127645", "secret");
    post(order_request("FinishOrderRequest", envelope("B127645", "secret", tid)));
    // Finished (430 material), test flag differs (435), unknown buyer/password (410/411) all at once:
    auto r410 = post(order_request("UpdateOrderRequest", envelope("NOBODY", "secret", tid, "true") + line("1", "1")));
    CPPUNIT_ASSERT_EQUAL(std::string("410"), code(r410));
    auto r411 = post(order_request("UpdateOrderRequest", envelope("B127645", "wrong", tid, "true") + line("1", "1")));
    CPPUNIT_ASSERT_EQUAL(std::string("411"), code(r411));
    auto r420 =
        post(order_request("UpdateOrderRequest",
                           envelope("B127645", "secret", "0123456789abcdef0123456789abcdef", "true") + line("1", "1")));
    CPPUNIT_ASSERT_EQUAL(std::string("420"), code(r420));
    auto r435 = post(order_request("UpdateOrderRequest", envelope("B127645", "secret", tid, "true") + line("1", "1")));
    CPPUNIT_ASSERT_EQUAL(std::string("435"), code(r435));
    auto r430 = post(order_request("UpdateOrderRequest", envelope("B127645", "secret", tid, "false") + line("1", "1")));
    CPPUNIT_ASSERT_EQUAL(std::string("430"), code(r430));
    CPPUNIT_ASSERT_EQUAL(std::string("100"), first_text(r430, "StatusCode").value_or(""));
  }

  void test_orders_never_reach_the_orders_table() {
    auto created =
        post(order_request("CreateOrderRequest", envelope("B127645", "secret", "", "true") + line("200600221", "1")));
    std::string tid = first_text(created, "TransactionID").value_or("");
    CPPUNIT_ASSERT_EQUAL(std::string("true"), first_text(created, "IsTest").value_or(""));
    auto mixed = post(order_request("FinishOrderRequest", envelope("B127645", "secret", tid)));
    CPPUNIT_ASSERT_EQUAL(std::string("435"), code(mixed));
    auto finished = post(order_request("FinishOrderRequest", envelope("B127645", "secret", tid, "true")));
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code(finished));
    CPPUNIT_ASSERT(first_text(finished, "OrderID").value_or("").starts_with("TEST-"));
    std::string real = create("B127645", "secret");
    post(order_request("FinishOrderRequest", envelope("B127645", "secret", real)));
    server_->stop();  // the server holds the database exclusively while it runs
    CPPUNIT_ASSERT_EQUAL(1, orders_in_database());
  }

  void rollback_ends_the_instance() {
    std::string tid = create("B127645", "secret");
    auto rolled = post(
        "<RollbackRequest xmlns=\"urn:veloconnect:transaction-1.0\" xmlns:vct=\"urn:veloconnect:transaction-1.0\">" +
        envelope("B127645", "secret", tid) + "</RollbackRequest>");
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code(rolled));
    CPPUNIT_ASSERT_EQUAL(std::string("199"), first_text(rolled, "StatusCode").value_or(""));
    auto after = post(order_request("UpdateOrderRequest", envelope("B127645", "secret", tid) + line("1", "1")));
    CPPUNIT_ASSERT_EQUAL(std::string("430"), code(after));
    auto twice = post(
        "<RollbackRequest xmlns=\"urn:veloconnect:transaction-1.0\" xmlns:vct=\"urn:veloconnect:transaction-1.0\">" +
        envelope("B127645", "secret", tid) + "</RollbackRequest>");
    CPPUNIT_ASSERT_EQUAL(std::string("430"), code(twice));
  }

  void concurrent_updates_lose_nothing() {
    std::string tid = create("B127645", "secret");
    const char* items[] = {"52090311600", "52090311100", "200200456", "200600221"};
    std::vector<std::thread> threads;
    std::vector<std::string> codes(40);
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        HttpClient c("127.0.0.1", server_->port());
        for (int i = 0; i < 10; ++i) {
          auto r = c.post("/veloconnect",
                          order_request("UpdateOrderRequest",
                                        envelope("B127645", "secret", tid) + line(items[t], std::to_string(i + 1))),
                          "application/xml");
          codes[static_cast<std::size_t>(t * 10 + i)] = code(r.body);
        }
      });
    }
    for (auto& t : threads) t.join();
    for (const auto& c : codes) CPPUNIT_ASSERT_EQUAL(std::string("200"), c);
    auto viewed = post(order_request("ViewOrderRequest", envelope("B127645", "secret", tid)));
    // One line per item (200600221 was in the created order already), each at
    // its thread's last quantity: no update was lost or applied out of order.
    CPPUNIT_ASSERT_EQUAL(4, count_elements(viewed, "OrderResponseLine"));
    for (const char* id : items) CPPUNIT_ASSERT(viewed.find(id) != std::string::npos);
    std::size_t tens = 0;
    for (auto at = viewed.find(">10</cbc:Quantity>"); at != std::string::npos;
         at = viewed.find(">10</cbc:Quantity>", at + 1))
      ++tens;
    CPPUNIT_ASSERT_EQUAL(std::size_t{4}, tens);
  }

  void text_search_pages_and_closes() {
    const std::string cat = "xmlns=\"urn:veloconnect:catalog-1.5\" xmlns:vct=\"urn:veloconnect:transaction-1.0\"";
    auto none = post("<CreateTextSearchRequest " + cat + ">" + envelope("B127645", "secret") +
                     "<SearchString>zzzz</SearchString></CreateTextSearchRequest>");
    CPPUNIT_ASSERT_EQUAL(std::string("100"), first_text(none, "StatusCode").value_or(""));
    auto all = post("<CreateTextSearchRequest " + cat + ">" + envelope("B127645", "secret") +
                    "<SearchString></SearchString></CreateTextSearchRequest>");
    CPPUNIT_ASSERT_EQUAL(std::string("5"), first_text(all, "TotalCount").value_or(""));
    std::string tid = first_text(all, "TransactionID").value_or("");
    auto page = [&](const std::string& start, const std::string& count, const std::string& format, bool keep) {
      return post("<SearchResultRequest " + cat + ">" + envelope("B127645", "secret", tid) + "<StartIndex>" + start +
                  "</StartIndex><Count>" + count + "</Count><ResultFormat>" + format + "</ResultFormat>" +
                  (keep ? "<DoNotClose>true</DoNotClose>" : "") + "</SearchResultRequest>");
    };
    auto ids = page("-5", "2", "ID_ONLY", true);  // start clamps to 0
    CPPUNIT_ASSERT_EQUAL(std::string("0"), first_text(ids, "StartIndex").value_or(""));
    CPPUNIT_ASSERT_EQUAL(2, count_elements(ids, "SellersItemIdentification"));
    CPPUNIT_ASSERT_EQUAL(std::string("2"), first_text(ids, "StatusCode").value_or(""));
    auto details = page("3", "100", "ITEM_DETAIL", true);  // count clamps to what is left
    CPPUNIT_ASSERT_EQUAL(std::string("2"), first_text(details, "Count").value_or(""));
    CPPUNIT_ASSERT_EQUAL(2, count_elements(details, "ItemDetail"));
    CPPUNIT_ASSERT_EQUAL(std::string(""), validate_against_project_xsd(details));
    auto items = page("0", "5", "ITEM_TYPE", true);
    CPPUNIT_ASSERT_EQUAL(5, count_elements(items, "Item"));
    auto count = page("0", "5", "COUNT", false);  // closes
    CPPUNIT_ASSERT_EQUAL(0, count_elements(count, "Item"));
    CPPUNIT_ASSERT_EQUAL(std::string("100"), first_text(count, "StatusCode").value_or(""));
    CPPUNIT_ASSERT_EQUAL(std::string("430"), code(page("0", "5", "ID_ONLY", false)));
  }

 private:
  std::string post(const std::string& body) {
    auto r = client_->post("/veloconnect", body, "application/xml");
    CPPUNIT_ASSERT_EQUAL(200, r.status);
    return r.body;
  }
  std::string create(const std::string& buyer, const std::string& password) {
    auto created = post(order_request("CreateOrderRequest", envelope(buyer, password) + line("200600221", "1")));
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code(created));
    return first_text(created, "TransactionID").value_or("");
  }
  int orders_in_database() {
    sqlite3* db = nullptr;
    sqlite3_open((dir_->path() / "data" / "ordergate.db").c_str(), &db);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM orders", -1, &s, nullptr);
    int n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
    sqlite3_finalize(s);
    sqlite3_close(db);
    return n;
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(TransactionTest);

}  // namespace og::test
