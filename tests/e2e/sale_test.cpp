// Sale transmissions (sale-B2B-1.6) through the real binary: what the dealer
// sold is stored line by line with its serial numbers, paged back as the lines
// taken, visible to the dealer that sent it only, refused beyond the line
// limit, and served in XML-POST and SOAP but not in the URL binding.
#include <cppunit/extensions/HelperMacros.h>

#include <string>

#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "support/transmission_check.hpp"
#include "support/xml_check.hpp"

namespace og::test {

namespace {

const TransmissionModule kSale{"SaleTransmitB2BRequest", "GetStatusSaleTransmitB2BRequest",
                               "urn:veloconnect:sale-B2B-1.6", "<CreateDate>2026-12-01T08:00:00</CreateDate>",
                               "SaleTransmitB2BResponseLine"};

std::string line(const std::string& id, const std::string& item, const std::string& quantity,
                 const std::string& extra = "") {
  return "<SaleTransmitB2BLine><ID>" + id + "</ID><cac:SellersItemIdentification><cac:ID>" + item +
         "</cac:ID></cac:SellersItemIdentification><cac:BuyersItemIdentification><cac:ID>D-" + item +
         "</cac:ID></cac:BuyersItemIdentification><QuantityFraction>" + quantity +
         "</QuantityFraction><SaleDate>2026-11-30T10:00:00</SaleDate>" + extra + "</SaleTransmitB2BLine>";
}

const std::string kFullExtra =
    "<DocumentNumber>INV-7</DocumentNumber><SalesPriceGross amountCurrencyID=\"EUR\">1190.00</SalesPriceGross>"
    "<SalesPriceNet amountCurrencyID=\"EUR\">1000.00</SalesPriceNet><PostalCode>48143</PostalCode>"
    "<SerialNumbers><SerialID kind=\"FRAME\">WB123</SerialID><SerialID kind=\"BATTERY\" "
    "description=\"rear\">BT9</SerialID></SerialNumbers><SalesChannel>RETAIL</SalesChannel>";

}  // namespace

class SaleTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(SaleTest);
  CPPUNIT_TEST(transmission_is_stored_and_paged_per_line);
  CPPUNIT_TEST(another_buyer_or_module_cannot_read_a_transmission);
  CPPUNIT_TEST(too_many_lines_are_refused);
  CPPUNIT_TEST(more_than_four_fraction_digits_are_not_schema_valid);
  CPPUNIT_TEST(soap_and_unqualified_requests_are_served_and_url_is_not);
  CPPUNIT_TEST_SUITE_END();

 public:
  void transmission_is_stored_and_paged_per_line() {
    TempDir dir;
    std::string id;
    {
      ServerProcess server(dir.path() / "data");
      HttpClient c("127.0.0.1", server.port());
      auto pages = check_paging(
          c, kSale,
          line("1", "200600221", "1", kFullExtra) + line("2", "NO-SUCH", "-1.5000") + line("3", "100000001", "0.2500"));
      id = pages.id;
      CPPUNIT_ASSERT(pages.first.find("<cac:ID>D-200600221</cac:ID>") != std::string::npos);
      // A return (negative quantity) is echoed as sent.
      CPPUNIT_ASSERT(pages.first.find("<vlb:QuantityFraction>-1.5000</vlb:QuantityFraction>") != std::string::npos);
      CPPUNIT_ASSERT(pages.first.find("<vlb:SaleDate>2026-11-30T10:00:00</vlb:SaleDate>") != std::string::npos);
      // A test request on a real transmission: 435.
      auto test =
          c.post("/veloconnect", kSale.status(cred() + "<vct:IsTest>true</vct:IsTest>", id, 0, 1), "application/xml")
              .body;
      CPPUNIT_ASSERT_EQUAL(std::string("435"), code_of(test));
    }
    // Stored per seller and buyer, one row per line and per serial number.
    std::string db = (dir.path() / "data" / "ordergate.db").string();
    CPPUNIT_ASSERT_EQUAL(std::int64_t{3},
                         query_int(db, "SELECT count(*) FROM sale_lines WHERE transaction_id = '" + id + "'"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1},
                         query_int(db, "SELECT count(*) FROM sale_transmissions WHERE transaction_id = '" + id +
                                           "' AND buyer_id = 'B127645' AND seller_id = '' "
                                           "AND create_date = '2026-12-01T08:00:00' AND line_count = 3"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, query_int(db, "SELECT count(*) FROM sale_serial_numbers WHERE position = 0"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1190000000},
                         query_int(db,
                                   "SELECT price_gross FROM sale_lines WHERE line_id = '1' AND sales_channel = "
                                   "'RETAIL' AND postal_code = '48143' AND document_number = 'INV-7'"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{-1500000}, query_int(db, "SELECT quantity FROM sale_lines WHERE line_id = '2'"));
  }

  void another_buyer_or_module_cannot_read_a_transmission() {
    TempDir dir;
    ServerProcess server(dir.path() / "data");
    HttpClient c("127.0.0.1", server.port());
    auto sent = c.post("/veloconnect", kSale.transmit(cred(), line("1", "200600221", "1")), "application/xml");
    std::string id = first_text(sent.body, "TransactionID").value_or("");
    check_hidden_from_other_buyer(c, kSale, id);
    // The stock module's status step finds no instance under a sale's ID.
    auto stock = c.post("/veloconnect",
                        "<GetItemStatusStockTransmitB2BRequest xmlns=\"urn:veloconnect:stock-B2B-1.4\"" +
                            kTransmissionNs + ">" + cred() + "<vct:TransactionID>" + id +
                            "</vct:TransactionID><StartIndex>0</StartIndex><Count>5</Count>"
                            "</GetItemStatusStockTransmitB2BRequest>",
                        "application/xml")
                     .body;
    CPPUNIT_ASSERT_EQUAL(std::string("420"), code_of(stock));
    auto mine = c.post("/veloconnect", kSale.status(cred(), id, 0, 10), "application/xml").body;
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code_of(mine));
  }

  void too_many_lines_are_refused() {
    TempDir dir;
    ServerProcess server(dir.path() / "data", {"--max-stock-lines", "2"});
    HttpClient c("127.0.0.1", server.port());
    check_line_limit(c, kSale, line("1", "A", "1"), line("2", "B", "1"), line("3", "C", "1"));
  }

  void more_than_four_fraction_digits_are_not_schema_valid() {
    TempDir dir;
    ServerProcess server(dir.path() / "data");
    HttpClient c("127.0.0.1", server.port());
    auto sent = c.post("/veloconnect", kSale.transmit(cred(), line("1", "A", "1.00001")), "application/xml");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(sent.body, std::string("405"), code_of(sent.body));
    CPPUNIT_ASSERT_EQUAL(std::string("SaleTransmitB2BResponse"), payload_name(sent.body));
  }

  void soap_and_unqualified_requests_are_served_and_url_is_not() {
    TempDir dir;
    ServerProcess server(dir.path() / "data");
    HttpClient c("127.0.0.1", server.port());
    check_soap_and_no_url(c, kSale, "urn:veloconnect:SaleTransmitB2B", line("1", "200600221", "1"));
    // Unqualified, as the official request collection sends elements: the
    // line's own ID and the item's cac:ID are told apart by their parents.
    auto page = check_unqualified(c, kSale,
                                  "<CreateDate>2026-12-01T08:00:00</CreateDate>"
                                  "<SaleTransmitB2BLine><ID>L1</ID><SellersItemIdentification><ID>200600221</ID>"
                                  "</SellersItemIdentification><QuantityFraction>2</QuantityFraction>"
                                  "<SaleDate>2026-11-30T10:00:00Z</SaleDate></SaleTransmitB2BLine>");
    CPPUNIT_ASSERT(page.find("<vlb:ID>L1</vlb:ID>") != std::string::npos);
    CPPUNIT_ASSERT(page.find("<cac:ID>200600221</cac:ID>") != std::string::npos);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SaleTest);

}  // namespace og::test
