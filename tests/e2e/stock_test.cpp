// Stock transmissions (stock-B2B/B2C-1.4) through the real binary: what the
// dealer sends is stored and answered per line, paged like a search, visible
// to the dealer that sent it only, refused beyond the line limit, and served
// in XML-POST and SOAP but not in the URL binding.
#include <cppunit/extensions/HelperMacros.h>

#include <sqlite3.h>

#include <string>

#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "support/xml_check.hpp"

namespace og::test {

namespace {

const std::string kNs =
    " xmlns:vct=\"urn:veloconnect:transaction-1.0\" "
    "xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-1.0\" "
    "xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-1.0\"";

std::string cred(const std::string& buyer = "B127645", const std::string& password = "secret") {
  return "<vct:BuyersID>" + buyer + "</vct:BuyersID><vct:Credential><vct:Password>" + password +
         "</vct:Password></vct:Credential>";
}

std::string b2b_line(const std::string& item, const std::string& availability) {
  return "<StockTransmitB2BLine><cac:SellersItemIdentification><cac:ID>" + item +
         "</cac:ID></cac:SellersItemIdentification><cac:BuyersItemIdentification><cac:ID>D-" + item +
         "</cac:ID></cac:BuyersItemIdentification><cbc:Quantity quantityUnitCode=\"EA\">2</cbc:Quantity>"
         "<Availability>" +
         availability + "</Availability></StockTransmitB2BLine>";
}

std::string transmit_b2b(const std::string& envelope, const std::string& lines) {
  return "<StockTransmitB2BRequest xmlns=\"urn:veloconnect:stock-B2B-1.4\"" + kNs + ">" + envelope +
         "<CreateDate>2026-12-01T08:00:00</CreateDate><Frequence>Complete</Frequence>" + lines +
         "</StockTransmitB2BRequest>";
}

std::string status(const std::string& envelope, const std::string& id, int start, int count, bool do_not_close = false,
                   const char* variant = "B2B") {
  std::string element = std::string("GetItemStatusStockTransmit") + variant + "Request";
  return "<" + element + " xmlns=\"urn:veloconnect:stock-" + variant + "-1.4\"" + kNs + ">" + envelope +
         "<vct:TransactionID>" + id + "</vct:TransactionID><StartIndex>" + std::to_string(start) +
         "</StartIndex><Count>" + std::to_string(count) + "</Count>" +
         (do_not_close ? "<DoNotClose>true</DoNotClose>" : "") + "</" + element + ">";
}

std::string code_of(const std::string& body) {
  return first_text(body, "ResponseCode").value_or("?");
}

std::int64_t query_int(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr));
  sqlite3_stmt* stmt = nullptr;
  std::int64_t value = -1;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
    value = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
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
      auto sent =
          c.post("/veloconnect",
                 transmit_b2b(cred(), b2b_line("200600221", "Available") + b2b_line("100000001", "NotAvailable") +
                                          b2b_line("NO-SUCH", "LimitedAvailable")),
                 "application/xml");
      CPPUNIT_ASSERT_EQUAL_MESSAGE(sent.body, std::string("200"), code_of(sent.body));
      CPPUNIT_ASSERT_EQUAL(std::string("2"), first_text(sent.body, "StatusCode").value_or(""));
      id = first_text(sent.body, "TransactionID").value_or("");
      CPPUNIT_ASSERT_EQUAL(std::size_t{32}, id.size());

      // First page: clamped Count, the instance stays open.
      auto first = c.post("/veloconnect", status(cred(), id, -5, 2), "application/xml").body;
      CPPUNIT_ASSERT_EQUAL_MESSAGE(first, std::string("200"), code_of(first));
      CPPUNIT_ASSERT_EQUAL(std::string("0"), first_text(first, "StartIndex").value_or(""));
      CPPUNIT_ASSERT_EQUAL(std::string("2"), first_text(first, "Count").value_or(""));
      CPPUNIT_ASSERT_EQUAL(std::string("3"), first_text(first, "TotalCount").value_or(""));
      CPPUNIT_ASSERT_EQUAL(std::string("2"), first_text(first, "StatusCode").value_or(""));
      CPPUNIT_ASSERT_EQUAL(2, count_elements(first, "StockTransmitB2BResponseLine"));
      CPPUNIT_ASSERT_EQUAL(std::string("true"), first_text(first, "Available").value_or(""));
      CPPUNIT_ASSERT(first.find("<cac:ID>D-200600221</cac:ID>") != std::string::npos);
      // The last page with DoNotClose keeps it open; without, it ends it.
      auto kept = c.post("/veloconnect", status(cred(), id, 2, 100, true), "application/xml").body;
      CPPUNIT_ASSERT_EQUAL(std::string("2"), first_text(kept, "StatusCode").value_or(""));
      CPPUNIT_ASSERT_EQUAL(1, count_elements(kept, "StockTransmitB2BResponseLine"));
      CPPUNIT_ASSERT_EQUAL(std::string("false"), first_text(kept, "Available").value_or(""));
      auto last = c.post("/veloconnect", status(cred(), id, 1, 100), "application/xml").body;
      CPPUNIT_ASSERT_EQUAL(std::string("100"), first_text(last, "StatusCode").value_or(""));
      CPPUNIT_ASSERT_EQUAL(2, count_elements(last, "StockTransmitB2BResponseLine"));
      auto after = c.post("/veloconnect", status(cred(), id, 0, 1), "application/xml").body;
      CPPUNIT_ASSERT_EQUAL(std::string("430"), code_of(after));
      CPPUNIT_ASSERT_EQUAL(std::string("100"), first_text(after, "StatusCode").value_or(""));
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
    auto sent = c.post("/veloconnect", transmit_b2b(cred(), b2b_line("200600221", "Available")), "application/xml");
    std::string id = first_text(sent.body, "TransactionID").value_or("");
    auto theirs = c.post("/veloconnect", status(cred("B200001", "secret2"), id, 0, 10), "application/xml").body;
    CPPUNIT_ASSERT_EQUAL_MESSAGE(theirs, std::string("420"), code_of(theirs));
    CPPUNIT_ASSERT_EQUAL(0, count_elements(theirs, "StockTransmitB2BResponseLine"));
    CPPUNIT_ASSERT_EQUAL(std::string("1"), first_text(theirs, "StatusCode").value_or(""));
    auto rolled =
        c.post("/veloconnect",
               "<RollbackRequest xmlns=\"urn:veloconnect:transaction-1.0\"" + kNs + ">" + cred("B200001", "secret2") +
                   "<vct:TransactionID>" + id + "</vct:TransactionID></RollbackRequest>",
               "application/xml")
            .body;
    CPPUNIT_ASSERT_EQUAL(std::string("420"), code_of(rolled));
    // The owner still can.
    auto mine = c.post("/veloconnect", status(cred(), id, 0, 10), "application/xml").body;
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code_of(mine));
  }

  void too_many_lines_are_refused() {
    TempDir dir;
    ServerProcess server(dir.path() / "data", {"--max-stock-lines", "2"});
    HttpClient c("127.0.0.1", server.port());
    auto two = c.post("/veloconnect", transmit_b2b(cred(), b2b_line("A", "Available") + b2b_line("B", "Available")),
                      "application/xml");
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code_of(two.body));
    auto three = c.post(
        "/veloconnect",
        transmit_b2b(cred(), b2b_line("A", "Available") + b2b_line("B", "Available") + b2b_line("C", "Available")),
        "application/xml");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(three.body, std::string("400"), code_of(three.body));
    CPPUNIT_ASSERT_EQUAL(std::string("StockTransmitB2BResponse"), payload_name(three.body));
    CPPUNIT_ASSERT_EQUAL(std::string("1"), first_text(three.body, "StatusCode").value_or(""));
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
        "<StockTransmitB2CRequest xmlns=\"urn:veloconnect:stock-B2C-1.4\"" + kNs + ">" + cred() +
            "<CreateDate>2026-12-01T08:00:00Z</CreateDate><Frequence>Incremental</Frequence>" +
            line("<cac:StandardItemIdentification><cac:ID>4012345678901</cac:ID></cac:StandardItemIdentification>"
                 "<cac:BasePrice><cbc:PriceAmount amountCurrencyID=\"EUR\">5.99</cbc:PriceAmount></cac:BasePrice>"
                 "<TaxCategory><cbc:Percent>19</cbc:Percent></TaxCategory><Orderable>true</Orderable>") +
            line("<cac:StandardItemIdentification><cac:ID>0000000000000</cac:ID></cac:StandardItemIdentification>"
                 "<MarketPlaceItemIdentification><cac:ID>M-1</cac:ID></MarketPlaceItemIdentification>") +
            "</StockTransmitB2CRequest>",
        "application/xml");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(sent.body, std::string("200"), code_of(sent.body));
    std::string id = first_text(sent.body, "TransactionID").value_or("");
    // A B2C transmission is no instance for the B2B status.
    auto wrong = c.post("/veloconnect", status(cred(), id, 0, 10), "application/xml").body;
    CPPUNIT_ASSERT_EQUAL(std::string("420"), code_of(wrong));
    auto page = c.post("/veloconnect", status(cred(), id, 0, 10, false, "B2C"), "application/xml").body;
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
    auto soap = c.post("/veloconnect",
                       "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>" +
                           transmit_b2b(cred(), b2b_line("200600221", "Available")) + "</s:Body></s:Envelope>",
                       "text/xml; charset=utf-8", {{"SOAPAction", "\"urn:veloconnect:StockTransmitB2B\""}});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(soap.body, std::string("200"), code_of(soap.body));
    CPPUNIT_ASSERT(soap.body.find("Envelope") != std::string::npos);
    // Unqualified, as the official request collection sends elements.
    auto plain = c.post("/veloconnect",
                        "<StockTransmitB2BRequest><BuyersID>B127645</BuyersID><Credential><Password>secret</Password>"
                        "</Credential><CreateDate>2026-12-01T08:00:00</CreateDate><Frequence>Complete</Frequence>"
                        "<StockTransmitB2BLine><SellersItemIdentification><ID>200600221</ID>"
                        "</SellersItemIdentification><Availability>Available</Availability></StockTransmitB2BLine>"
                        "</StockTransmitB2BRequest>",
                        "application/xml");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(plain.body, std::string("200"), code_of(plain.body));
    std::string id = first_text(plain.body, "TransactionID").value_or("");
    auto page = c.post("/veloconnect",
                       "<GetItemStatusStockTransmitB2BRequest><BuyersID>B127645</BuyersID><Credential><Password>"
                       "secret</Password></Credential><TransactionID>" +
                           id +
                           "</TransactionID><StartIndex>0</StartIndex><Count>5</Count>"
                           "</GetItemStatusStockTransmitB2BRequest>",
                       "application/xml")
                    .body;
    CPPUNIT_ASSERT_EQUAL_MESSAGE(page, std::string("200"), code_of(page));
    CPPUNIT_ASSERT_EQUAL(1, count_elements(page, "StockTransmitB2BResponseLine"));
    auto url = c.get("/veloconnect?RequestName=StockTransmitB2BRequest&BuyersID=B127645&Password=secret").body;
    CPPUNIT_ASSERT_EQUAL(std::string("404"), code_of(url));
    CPPUNIT_ASSERT_EQUAL(std::string("StockTransmitB2BResponse"), payload_name(url));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(StockTest);

}  // namespace og::test
