// Stock transmissions (stock-B2B/B2C-1.4) through the real binary: what the
// dealer sends is stored and answered per line, paged like a search, visible
// to the dealer that sent it only, refused beyond the line limit, and served
// in XML-POST and SOAP but not in the URL binding.
#include <cppunit/extensions/HelperMacros.h>

#include <string>

#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "support/transmission_check.hpp"
#include "support/xml_check.hpp"

namespace og::test {

namespace {

const TransmissionModule kB2B{
    "StockTransmitB2BRequest", "GetItemStatusStockTransmitB2BRequest", "urn:veloconnect:stock-B2B-1.4",
    "<CreateDate>2026-12-01T08:00:00</CreateDate><Frequence>Complete</Frequence>", "StockTransmitB2BResponseLine"};
const TransmissionModule kB2C{
    "StockTransmitB2CRequest", "GetItemStatusStockTransmitB2CRequest", "urn:veloconnect:stock-B2C-1.4",
    "<CreateDate>2026-12-01T08:00:00Z</CreateDate><Frequence>Incremental</Frequence>", "StockTransmitB2CResponseLine"};

std::string b2b_line(const std::string& item, const std::string& availability) {
  return "<StockTransmitB2BLine><cac:SellersItemIdentification><cac:ID>" + item +
         "</cac:ID></cac:SellersItemIdentification><cac:BuyersItemIdentification><cac:ID>D-" + item +
         "</cac:ID></cac:BuyersItemIdentification><cbc:Quantity quantityUnitCode=\"EA\">2</cbc:Quantity>"
         "<Availability>" +
         availability + "</Availability></StockTransmitB2BLine>";
}

}  // namespace

class StockTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(StockTest);
  CPPUNIT_TEST(transmission_is_stored_and_paged_per_line);
  CPPUNIT_TEST(another_buyer_cannot_read_a_transmission);
  CPPUNIT_TEST(too_many_lines_are_refused);
  CPPUNIT_TEST(b2c_lines_are_matched_by_ean_and_manufacturer);
  CPPUNIT_TEST(soap_and_unqualified_requests_are_served_and_url_is_not);
  CPPUNIT_TEST_SUITE_END();

 public:
  void transmission_is_stored_and_paged_per_line() {
    TempDir dir;
    std::string id;
    {
      ServerProcess server(dir.path() / "data");
      HttpClient c("127.0.0.1", server.port());
      auto pages = check_paging(c, kB2B,
                                b2b_line("200600221", "Available") + b2b_line("100000001", "NotAvailable") +
                                    b2b_line("NO-SUCH", "LimitedAvailable"));
      id = pages.id;
      CPPUNIT_ASSERT_EQUAL(std::string("true"), first_text(pages.first, "Available").value_or(""));
      CPPUNIT_ASSERT(pages.first.find("<cac:ID>D-200600221</cac:ID>") != std::string::npos);
      CPPUNIT_ASSERT_EQUAL(std::string("false"), first_text(pages.kept, "Available").value_or(""));
    }
    // Stored per seller and buyer, one row per line, with the header.
    std::string db = (dir.path() / "data" / "ordergate.db").string();
    CPPUNIT_ASSERT_EQUAL(std::int64_t{3},
                         query_int(db, "SELECT count(*) FROM stock_lines WHERE transaction_id = '" + id + "'"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1},
                         query_int(db, "SELECT count(*) FROM stock_transmissions WHERE transaction_id = '" + id +
                                           "' AND buyer_id = 'B127645' AND seller_id = '' AND frequence = 'Complete' "
                                           "AND create_date = '2026-12-01T08:00:00'"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, query_int(db, "SELECT sum(carried) FROM stock_lines"));
  }

  void another_buyer_cannot_read_a_transmission() {
    TempDir dir;
    ServerProcess server(dir.path() / "data");
    HttpClient c("127.0.0.1", server.port());
    auto sent = c.post("/veloconnect", kB2B.transmit(cred(), b2b_line("200600221", "Available")), "application/xml");
    std::string id = first_text(sent.body, "TransactionID").value_or("");
    check_hidden_from_other_buyer(c, kB2B, id);
    auto rolled =
        c.post("/veloconnect",
               "<RollbackRequest xmlns=\"urn:veloconnect:transaction-1.0\"" + kTransmissionNs + ">" +
                   cred("B200001", "secret2") + "<vct:TransactionID>" + id + "</vct:TransactionID></RollbackRequest>",
               "application/xml")
            .body;
    CPPUNIT_ASSERT_EQUAL(std::string("420"), code_of(rolled));
    // The owner still can.
    auto mine = c.post("/veloconnect", kB2B.status(cred(), id, 0, 10), "application/xml").body;
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code_of(mine));
  }

  void too_many_lines_are_refused() {
    TempDir dir;
    ServerProcess server(dir.path() / "data", {"--max-stock-lines", "2"});
    HttpClient c("127.0.0.1", server.port());
    check_line_limit(c, kB2B, b2b_line("A", "Available"), b2b_line("B", "Available"), b2b_line("C", "Available"));
  }

  void b2c_lines_are_matched_by_ean_and_manufacturer() {
    TempDir dir;
    ServerProcess server(dir.path() / "data");
    HttpClient c("127.0.0.1", server.port());
    auto line = [](const std::string& content) {
      return "<StockTransmitB2CLine>" + content + "</StockTransmitB2CLine>";
    };
    auto sent = c.post(
        "/veloconnect",
        kB2C.transmit(
            cred(),
            line("<cac:StandardItemIdentification><cac:ID>4012345678901</cac:ID></cac:StandardItemIdentification>"
                 "<cac:BasePrice><cbc:PriceAmount amountCurrencyID=\"EUR\">5.99</cbc:PriceAmount></cac:BasePrice>"
                 "<TaxCategory><cbc:Percent>19</cbc:Percent></TaxCategory><Orderable>true</Orderable>") +
                line("<cac:StandardItemIdentification><cac:ID>0000000000000</cac:ID></cac:StandardItemIdentification>"
                     "<MarketPlaceItemIdentification><cac:ID>M-1</cac:ID></MarketPlaceItemIdentification>")),
        "application/xml");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(sent.body, std::string("200"), code_of(sent.body));
    std::string id = first_text(sent.body, "TransactionID").value_or("");
    // A B2C transmission is no instance for the B2B status.
    auto wrong = c.post("/veloconnect", kB2B.status(cred(), id, 0, 10), "application/xml").body;
    CPPUNIT_ASSERT_EQUAL(std::string("420"), code_of(wrong));
    auto page = c.post("/veloconnect", kB2C.status(cred(), id, 0, 10), "application/xml").body;
    CPPUNIT_ASSERT_EQUAL_MESSAGE(page, std::string("200"), code_of(page));
    CPPUNIT_ASSERT_EQUAL(2, count_elements(page, "StockTransmitB2CResponseLine"));
    auto second = page.find("</vsc:StockTransmitB2CResponseLine>");
    CPPUNIT_ASSERT(page.find("<vsc:Available>true</vsc:Available>") < second);
    CPPUNIT_ASSERT(page.find("<vsc:Available>false</vsc:Available>") > second);
    CPPUNIT_ASSERT(page.find("<cac:ID>M-1</cac:ID>") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(std::string("100"), first_text(page, "StatusCode").value_or(""));
  }

  void soap_and_unqualified_requests_are_served_and_url_is_not() {
    TempDir dir;
    ServerProcess server(dir.path() / "data");
    HttpClient c("127.0.0.1", server.port());
    check_soap_and_no_url(c, kB2B, "urn:veloconnect:StockTransmitB2B", b2b_line("200600221", "Available"));
    // Unqualified, as the official request collection sends elements.
    check_unqualified(c, kB2B,
                      "<CreateDate>2026-12-01T08:00:00</CreateDate><Frequence>Complete</Frequence>"
                      "<StockTransmitB2BLine><SellersItemIdentification><ID>200600221</ID>"
                      "</SellersItemIdentification><Availability>Available</Availability></StockTransmitB2BLine>");
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(StockTest);

}  // namespace og::test
