// Sale transmissions to a third party (sale-B2X-1.6) through the real binary:
// goods and services are stored line by line with everything B2X carries
// beyond B2B, paged back as the lines taken, visible to the dealer that sent
// them only and not to the B2B module, refused beyond the line limit, and
// served in XML-POST and SOAP but not in the URL binding.
#include <cppunit/extensions/HelperMacros.h>

#include <string>

#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "support/transmission_check.hpp"
#include "support/xml_check.hpp"

namespace og::test {

namespace {

const TransmissionModule kB2X{"SaleTransmitB2XRequest", "GetStatusSaleTransmitB2XRequest",
                              "urn:veloconnect:sale-B2X-1.6", "<CreateDate>2026-12-01T08:00:00</CreateDate>",
                              "SaleTransmitB2XResponseLine"};
const TransmissionModule kB2B{"SaleTransmitB2BRequest", "GetStatusSaleTransmitB2BRequest",
                              "urn:veloconnect:sale-B2B-1.6", "<CreateDate>2026-12-01T08:00:00</CreateDate>",
                              "SaleTransmitB2BResponseLine"};

// Goods, named by EAN.
std::string goods(const std::string& id, const std::string& ean, const std::string& quantity) {
  return "<SaleTransmitB2XLine><ID>" + id + "</ID><cac:StandardItemIdentification><cac:ID>" + ean +
         "</cac:ID></cac:StandardItemIdentification><SaleDate>2026-11-30T10:00:00</SaleDate>"
         "<Quantity quantityUnitCode=\"EA\">" +
         quantity + "</Quantity></SaleTransmitB2XLine>";
}

// A service: classified, described and priced, no item.
const std::string kService =
    "<SaleTransmitB2XLine><ID>S1</ID><cac:CommodityClassification><cbc:ItemClassificationCode listID=\"BIDEX\">"
    "SRV-INSPECTION</cbc:ItemClassificationCode></cac:CommodityClassification>"
    "<Description languageID=\"de\">Jahresinspektion</Description><SaleDate>2026-11-29T16:00:00</SaleDate>"
    "<SalesPriceNet amountCurrencyID=\"EUR\">49.00</SalesPriceNet></SaleTransmitB2XLine>";

// Goods named by the manufacturer's number and brand, with all B2X carries.
const std::string kFull =
    "<SaleTransmitB2XLine><ID>F1</ID><cac:ManufacturersItemIdentification><cac:ID>M-77</cac:ID><cac:IssuerParty>"
    "<cac:PartyName><cbc:Name>Velo AG</cbc:Name></cac:PartyName></cac:IssuerParty>"
    "</cac:ManufacturersItemIdentification><cac:BuyersItemIdentification><cac:ID>D-77</cac:ID>"
    "</cac:BuyersItemIdentification><Description>E-Bike</Description>"
    "<BidexProductGroupKey>123456</BidexProductGroupKey><SaleDate>2026-11-30T11:00:00</SaleDate>"
    "<Quantity quantityUnitCode=\"EA\">-1</Quantity><Quantity quantityUnitCode=\"HUR\">0.75</Quantity>"
    "<DocumentNumber>INV-9</DocumentNumber><SalesPriceGross amountCurrencyID=\"EUR\">2380.00</SalesPriceGross>"
    "<SalesPriceNet amountCurrencyID=\"EUR\">2000.00</SalesPriceNet>"
    "<RecommendedRetailPrice amountCurrencyID=\"EUR\">2499.00</RecommendedRetailPrice>"
    "<PostalCode>48143</PostalCode><SalesChannel>ONLINE</SalesChannel></SaleTransmitB2XLine>";

}  // namespace

class SaleB2XTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(SaleB2XTest);
  CPPUNIT_TEST(goods_and_services_are_stored_and_paged_per_line);
  CPPUNIT_TEST(another_buyer_or_the_b2b_module_cannot_read_a_transmission);
  CPPUNIT_TEST(too_many_lines_are_refused);
  CPPUNIT_TEST(a_line_without_sale_date_or_with_a_long_group_key_is_not_schema_valid);
  CPPUNIT_TEST(soap_and_unqualified_requests_are_served_and_url_is_not);
  CPPUNIT_TEST_SUITE_END();

 public:
  void goods_and_services_are_stored_and_paged_per_line() {
    TempDir dir;
    std::string id;
    {
      ServerProcess server(dir.path() / "data");
      HttpClient c("127.0.0.1", server.port());
      auto pages = check_paging(c, kB2X, goods("G1", "4012345678901", "2") + kService + kFull);
      id = pages.id;
      const std::string& first = pages.first;
      CPPUNIT_ASSERT(first.find("<cac:ID>4012345678901</cac:ID>") != std::string::npos);
      CPPUNIT_ASSERT(first.find("<vlx:Quantity quantityUnitCode=\"EA\">2</vlx:Quantity>") != std::string::npos);
      CPPUNIT_ASSERT(
          first.find("<cbc:ItemClassificationCode listID=\"BIDEX\">SRV-INSPECTION</cbc:ItemClassificationCode>") !=
          std::string::npos);
      CPPUNIT_ASSERT(first.find("<vlx:Description languageID=\"de\">Jahresinspektion</vlx:Description>") !=
                     std::string::npos);
      CPPUNIT_ASSERT(first.find("<vlx:SalesPriceNet amountCurrencyID=\"EUR\">49") != std::string::npos);
      // The last line: both quantities, a return among them, as sent; the brand.
      const std::string& kept = pages.kept;
      CPPUNIT_ASSERT_EQUAL(2, count_elements(kept, "Quantity"));
      CPPUNIT_ASSERT(kept.find(">-1</vlx:Quantity>") != std::string::npos);
      CPPUNIT_ASSERT(kept.find("<cbc:Name>Velo AG</cbc:Name>") != std::string::npos);
      CPPUNIT_ASSERT(kept.find("<cac:ID>D-77</cac:ID>") != std::string::npos);
      // A test request on a real transmission: 435.
      auto test =
          c.post("/veloconnect", kB2X.status(cred() + "<vct:IsTest>true</vct:IsTest>", id, 0, 1), "application/xml")
              .body;
      CPPUNIT_ASSERT_EQUAL(std::string("435"), code_of(test));
    }
    // Stored per seller and buyer; what the answer cannot carry is kept too.
    std::string db = (dir.path() / "data" / "ordergate.db").string();
    std::string of = "transaction_id = '" + id + "'";
    CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, query_int(db, "SELECT count(*) FROM sale_b2x_lines WHERE " + of));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, query_int(db, "SELECT count(*) FROM sale_transmissions WHERE " + of +
                                                            " AND buyer_id = 'B127645' AND seller_id = '' AND "
                                                            "create_date = '2026-12-01T08:00:00' AND line_count = 3"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{6}, query_int(db, "SELECT kind FROM transactions WHERE id = '" + id + "'"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{2499000000},
                         query_int(db,
                                   "SELECT recommended_retail_price FROM sale_b2x_lines WHERE line_id = 'F1' AND "
                                   "bidex_group_key = '123456' AND document_number = 'INV-9' AND postal_code = "
                                   "'48143' AND sales_channel = 'ONLINE' AND manufacturer_name = 'Velo AG'"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{750000},
                         query_int(db,
                                   "SELECT quantity FROM sale_b2x_quantities WHERE position = 2 AND number = 1 "
                                   "AND unit = 'HUR'"));
    CPPUNIT_ASSERT_EQUAL(
        std::int64_t{1},
        query_int(db,
                  "SELECT count(*) FROM sale_b2x_lines WHERE line_id = 'S1' AND "
                  "item_classification_code = 'SRV-INSPECTION' AND item_classification_code_list_id = 'BIDEX' "
                  "AND description_language = 'de'"));
  }

  void another_buyer_or_the_b2b_module_cannot_read_a_transmission() {
    TempDir dir;
    ServerProcess server(dir.path() / "data");
    HttpClient c("127.0.0.1", server.port());
    auto sent = c.post("/veloconnect", kB2X.transmit(cred(), kService), "application/xml");
    std::string id = first_text(sent.body, "TransactionID").value_or("");
    check_hidden_from_other_buyer(c, kB2X, id);
    // Neither sale module's status step finds the other's instance.
    auto b2b = c.post("/veloconnect", kB2B.status(cred(), id, 0, 5), "application/xml").body;
    CPPUNIT_ASSERT_EQUAL(std::string("420"), code_of(b2b));
    auto b2b_sent = c.post("/veloconnect",
                           kB2B.transmit(cred(),
                                         "<SaleTransmitB2BLine><ID>1</ID><cac:SellersItemIdentification><cac:ID>A"
                                         "</cac:ID></cac:SellersItemIdentification><QuantityFraction>1"
                                         "</QuantityFraction><SaleDate>2026-11-30T10:00:00</SaleDate>"
                                         "</SaleTransmitB2BLine>"),
                           "application/xml")
                        .body;
    auto b2b_id = first_text(b2b_sent, "TransactionID").value_or("");
    auto b2x = c.post("/veloconnect", kB2X.status(cred(), b2b_id, 0, 5), "application/xml").body;
    CPPUNIT_ASSERT_EQUAL(std::string("420"), code_of(b2x));
    CPPUNIT_ASSERT_EQUAL(std::string("GetStatusSaleTransmitB2XResponse"), payload_name(b2x));
    auto mine = c.post("/veloconnect", kB2X.status(cred(), id, 0, 10), "application/xml").body;
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code_of(mine));
  }

  void too_many_lines_are_refused() {
    TempDir dir;
    ServerProcess server(dir.path() / "data", {"--max-stock-lines", "2"});
    HttpClient c("127.0.0.1", server.port());
    check_line_limit(c, kB2X, goods("1", "4012345678901", "1"), kService, kFull);
  }

  void a_line_without_sale_date_or_with_a_long_group_key_is_not_schema_valid() {
    TempDir dir;
    ServerProcess server(dir.path() / "data");
    HttpClient c("127.0.0.1", server.port());
    for (const std::string& bad :
         {std::string("<SaleTransmitB2XLine><ID>1</ID></SaleTransmitB2XLine>"),
          std::string("<SaleTransmitB2XLine><ID>1</ID><BidexProductGroupKey>1234567</BidexProductGroupKey>"
                      "<SaleDate>2026-11-30T10:00:00</SaleDate></SaleTransmitB2XLine>")}) {
      auto sent = c.post("/veloconnect", kB2X.transmit(cred(), bad), "application/xml").body;
      CPPUNIT_ASSERT_EQUAL_MESSAGE(sent, std::string("405"), code_of(sent));
      CPPUNIT_ASSERT_EQUAL(std::string("SaleTransmitB2XResponse"), payload_name(sent));
    }
  }

  void soap_and_unqualified_requests_are_served_and_url_is_not() {
    TempDir dir;
    ServerProcess server(dir.path() / "data");
    HttpClient c("127.0.0.1", server.port());
    check_soap_and_no_url(c, kB2X, "urn:veloconnect:SaleTransmitB2X", kService);
    // Unqualified, as the official request collection sends elements: the
    // line's own ID and Quantity are told apart from UBL's by their parents,
    // and the Quantity's unitCode (UBL 2's name) is its quantityUnitCode.
    auto page = check_unqualified(c, kB2X,
                                  "<CreateDate>2026-12-01T08:00:00</CreateDate>"
                                  "<SaleTransmitB2XLine><ID>L1</ID><StandardItemIdentification><ID>4012345678901</ID>"
                                  "</StandardItemIdentification><Description>Helm</Description>"
                                  "<SaleDate>2026-11-30T10:00:00Z</SaleDate><Quantity unitCode=\"EA\">3"
                                  "</Quantity></SaleTransmitB2XLine>");
    CPPUNIT_ASSERT(page.find("<vlx:ID>L1</vlx:ID>") != std::string::npos);
    CPPUNIT_ASSERT(page.find("<cac:ID>4012345678901</cac:ID>") != std::string::npos);
    CPPUNIT_ASSERT(page.find("<vlx:Description>Helm</vlx:Description>") != std::string::npos);
    CPPUNIT_ASSERT(page.find("<vlx:Quantity quantityUnitCode=\"EA\">3</vlx:Quantity>") != std::string::npos);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SaleB2XTest);

}  // namespace og::test
