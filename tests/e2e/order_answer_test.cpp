// The lines a Create or Update answer shows are built from what the request
// wrote, not read back from the store: they must be exactly the lines a
// ViewOrder reads afterwards, whatever the request did to them.
#include <cppunit/extensions/HelperMacros.h>

#include "support/server_fixture.hpp"
#include "support/xml_check.hpp"

namespace og::test {

namespace {

std::string order_request(const std::string& name, const std::string& tid, const std::string& lines) {
  return "<" + name +
         " xmlns=\"urn:veloconnect:order-1.1\" xmlns:vct=\"urn:veloconnect:transaction-1.0\" "
         "xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-1.0\" "
         "xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-1.0\">"
         "<vct:BuyersID>B127645</vct:BuyersID><vct:Credential><vct:Password>secret</vct:Password></vct:Credential>" +
         (tid.empty() ? "" : "<vct:TransactionID>" + tid + "</vct:TransactionID>") + lines + "</" + name + ">";
}

std::string line(const std::string& id, const std::string& qty, const std::string& extra = "") {
  return "<OrderRequestLine><cac:SellersItemIdentification><cac:ID>" + id +
         "</cac:ID></cac:SellersItemIdentification><cbc:Quantity>" + qty + "</cbc:Quantity>" + extra +
         "</OrderRequestLine>";
}

// Every OrderResponseLine element, in order, as text.
std::vector<std::string> response_lines(const std::string& answer) {
  std::vector<std::string> out;
  const std::string open = "<vco:OrderResponseLine>", close = "</vco:OrderResponseLine>";
  for (auto at = answer.find(open); at != std::string::npos; at = answer.find(open, at + 1))
    out.push_back(answer.substr(at, answer.find(close, at) + close.size() - at));
  return out;
}

}  // namespace

class OrderAnswerTest : public ServerFixture {
  CPPUNIT_TEST_SUITE(OrderAnswerTest);
  CPPUNIT_TEST(answered_lines_are_the_stored_lines);
  CPPUNIT_TEST_SUITE_END();

 public:
  void answered_lines_are_the_stored_lines() {
    auto created = post(order_request("CreateOrderRequest", "",
                                      line("52090311600", "2") + line("200600221", "3") + line("200300156", "1") +
                                          line("52090311600", "4")));  // a repeated item updates its line
    std::string tid = first_text(created, "TransactionID").value_or("");
    CPPUNIT_ASSERT(!tid.empty());
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, response_lines(created).size());
    CPPUNIT_ASSERT(response_lines(created) == response_lines(view(tid)));

    // Remove and add back (keeps its position), change, add new ones, name
    // unknown and replaced items, leave one line alone.
    auto updated = post(order_request("UpdateOrderRequest", tid,
                                      line("200600221", "0") + line("52090311100", "500") + line("200600221", "7") +
                                          line("52090311600", "1") + line("NOPE", "1") + line("100000001", "1") +
                                          line("200200456", "2", "<DeliveryDate>2000-01-01</DeliveryDate>")));
    CPPUNIT_ASSERT_EQUAL(std::string("200"), first_text(updated, "ResponseCode").value_or(""));
    CPPUNIT_ASSERT_EQUAL(std::size_t{5}, response_lines(updated).size());
    CPPUNIT_ASSERT(response_lines(updated) == response_lines(view(tid)));
  }

 private:
  std::string post(const std::string& body) { return client_->post("/veloconnect", body, "application/xml").body; }
  std::string view(const std::string& tid) { return post(order_request("ViewOrderRequest", tid, "")); }
};

CPPUNIT_TEST_SUITE_REGISTRATION(OrderAnswerTest);

}  // namespace og::test
