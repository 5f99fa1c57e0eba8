// --demo-catalog-items and --demo-transactions: a new database also gets a
// synthetic catalog (items 7000000001 ...) and a history of finished orders,
// for the benchmarks that measure how costs grow with the data.
#include <cppunit/extensions/HelperMacros.h>

#include "support/server_fixture.hpp"
#include "support/xml_check.hpp"

namespace og::test {

namespace {
const std::string kAuth = "BuyersID=B127645&Password=secret";

std::string item_details(HttpClient& client, const std::string& id) {
  return client.get("/veloconnect?RequestName=GetItemDetailsRequest&" + kAuth + "&SellersItemIdentification=" + id)
      .body;
}
}  // namespace

class SyntheticDataTest : public ServerFixture {
  CPPUNIT_TEST_SUITE(SyntheticDataTest);
  CPPUNIT_TEST(catalog_items_are_numbered_from_7000000001);
  CPPUNIT_TEST(synthetic_items_are_searchable);
  CPPUNIT_TEST(history_is_finished_orders_that_numbering_continues);
  CPPUNIT_TEST(only_a_new_database_is_seeded);
  CPPUNIT_TEST_SUITE_END();

 protected:
  std::vector<std::string> server_args() const override {
    return {"--demo-catalog-items", "1000", "--demo-transactions", "50"};
  }

 public:
  void catalog_items_are_numbered_from_7000000001() {
    auto first = item_details(*client_, "7000000001");
    CPPUNIT_ASSERT_EQUAL(std::string("200"), first_text(first, "ResponseCode").value_or(""));
    CPPUNIT_ASSERT_EQUAL(std::string(""), validate_against_project_xsd(first));
    CPPUNIT_ASSERT_EQUAL(std::string("Shift cable Alpen model 1"), first_text(first, "Description").value_or(""));
    auto last = item_details(*client_, "7000001000");
    CPPUNIT_ASSERT_EQUAL(1, count_elements(last, "Item"));
    CPPUNIT_ASSERT_EQUAL(std::string(""), validate_against_project_xsd(last));
    CPPUNIT_ASSERT_EQUAL(1, count_elements(item_details(*client_, "7000001001"), "ItemUnknown"));
    // The demo catalog is still there.
    CPPUNIT_ASSERT_EQUAL(1, count_elements(item_details(*client_, "52090311600"), "Item"));
  }

  void synthetic_items_are_searchable() {
    auto found = client_->get("/veloconnect?RequestName=CreateTextSearchRequest&" + kAuth + "&SearchString=model+99");
    CPPUNIT_ASSERT_EQUAL(std::string("200"), first_text(found.body, "ResponseCode").value_or(""));
    // "99" in the model number: 99, 199, ..., 899 and 990..999 (the index is
    // built once after the bulk insert).
    CPPUNIT_ASSERT_EQUAL(std::string("19"), first_text(found.body, "TotalCount").value_or(""));
  }

  void history_is_finished_orders_that_numbering_continues() {
    auto status = client_->get("/veloconnect?RequestName=GetStatusRequest&" + kAuth);
    CPPUNIT_ASSERT_EQUAL(0, count_elements(status.body, "TransactionStatus"));  // nothing left open
    auto created = client_->get("/veloconnect?RequestName=CreateOrderRequest&" + kAuth + "&Quantity.7000000002=3");
    std::string tid = first_text(created.body, "TransactionID").value_or("");
    CPPUNIT_ASSERT(!tid.empty());
    auto finished = client_->get("/veloconnect?RequestName=FinishOrderRequest&" + kAuth + "&TransactionID=" + tid);
    CPPUNIT_ASSERT_EQUAL(std::string("200"), first_text(finished.body, "ResponseCode").value_or(""));
    CPPUNIT_ASSERT_EQUAL(std::string("OG-00000051"), first_text(finished.body, "OrderID").value_or(""));
  }

  void only_a_new_database_is_seeded() {
    // A restart with other numbers keeps the data as it is.
    server_.reset();
    server_ = std::make_unique<ServerProcess>(dir_->path() / "data",
                                              std::vector<std::string>{"--demo-catalog-items", "2000"});
    HttpClient client("127.0.0.1", server_->port());
    CPPUNIT_ASSERT_EQUAL(1, count_elements(item_details(client, "7000001000"), "Item"));
    CPPUNIT_ASSERT_EQUAL(1, count_elements(item_details(client, "7000001001"), "ItemUnknown"));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SyntheticDataTest);

}  // namespace og::test
