// Answers, successful and erroneous, are valid against the Veloconnect
// standard's own XSDs (support/official_schema.hpp), in every binding and
// version: each answer this test provokes, and each answer of the samples
// (SamplesReplayTest) too.
#include <cppunit/extensions/HelperMacros.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "support/http_client.hpp"
#include "support/official_schema.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "support/xml_check.hpp"

namespace og::test {

class OfficialSchemaTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(OfficialSchemaTest);
  CPPUNIT_TEST(successful_answers_are_valid_against_the_standard);
  CPPUNIT_TEST(error_answers_are_valid_against_the_standard);
  CPPUNIT_TEST(limit_and_store_failures_are_valid_against_the_standard);
  CPPUNIT_TEST(content_required_answers_are_the_documented_exception);
  CPPUNIT_TEST_SUITE_END();

 public:
  void successful_answers_are_valid_against_the_standard() {
    auto official = official_dir();
    if (!official) {
      std::cerr << "\n  official Veloconnect XSDs not found (set OG_OFFICIAL_XSD_DIR): not checked\n";
      return;
    }
    TempDir dir;
    OfficialSchema s;
    load_official(*official, dir.path(), s);
    CPPUNIT_ASSERT_MESSAGE("the official XSDs compile", s.schema != nullptr);

    ServerProcess server(dir.path() / "data");
    HttpClient client("127.0.0.1", server.port());
    int checked = 0;
    for (const auto& body : scenario(client)) {
      CPPUNIT_ASSERT_EQUAL_MESSAGE(body, std::string("200"), first_text(body, "ResponseCode").value_or(""));
      std::string errors = official_errors(s.schema, body);
      CPPUNIT_ASSERT_MESSAGE("not valid against the standard: " + errors + "\n" + body, errors.empty());
      ++checked;
    }
    CPPUNIT_ASSERT(checked >= 40);
  }

  // Every error answer (404, 405, 406, 410, 411, 415, 420, 430, 435, 400) in
  // the operation's own response element, valid against the official set.
  void error_answers_are_valid_against_the_standard() {
    auto official = official_dir();
    if (!official) return;
    TempDir dir;
    OfficialSchema s;
    load_official(*official, dir.path(), s);
    CPPUNIT_ASSERT(s.schema);
    ServerProcess server(dir.path() / "data");
    HttpClient c("127.0.0.1", server.port());
    int checked = 0;
    for (const auto& e : error_scenario(c)) {
      std::string label = e.label + ": " + e.body;
      CPPUNIT_ASSERT_EQUAL_MESSAGE(label, e.code, first_text(e.body, "ResponseCode").value_or(""));
      CPPUNIT_ASSERT_EQUAL_MESSAGE(label, e.root, payload_name(e.body));
      CPPUNIT_ASSERT_EQUAL_MESSAGE(label, e.ns, payload_namespace(e.body));
      std::string errors = official_errors(s.schema, e.body);
      CPPUNIT_ASSERT_MESSAGE("not valid against the standard: " + errors + "\n" + label, errors.empty());
      ++checked;
    }
    CPPUNIT_ASSERT(checked >= 35);
  }

  // 421 (no instance left) and 500 (no commit) need servers of their own.
  void limit_and_store_failures_are_valid_against_the_standard() {
    auto official = official_dir();
    if (!official) return;
    TempDir dir;
    OfficialSchema s;
    load_official(*official, dir.path(), s);
    CPPUNIT_ASSERT(s.schema);
    std::vector<std::pair<std::string, std::string>> answers;  // code, body
    {
      ServerProcess server(dir.path() / "limits", {"--max-open-orders", "1"});
      HttpClient c("127.0.0.1", server.port());
      c.post("/veloconnect", create_order(kCred), "application/xml");
      answers.emplace_back("421", c.post("/veloconnect", create_order(kCred), "application/xml").body);
      answers.emplace_back("421", c.get("/veloconnect?RequestName=CreateOrderRequest&BuyersID=B127645&Password=secret&"
                                        "Quantity.200600221=1")
                                      .body);
    }
    {
      ServerProcess server(dir.path() / "faults", {"--fail-commits"});
      HttpClient c("127.0.0.1", server.port());
      answers.emplace_back("500", c.post("/veloconnect", create_order(kCred), "application/xml").body);
      answers.emplace_back("500", c.post("/veloconnect", text_search(kCred, "chain"), "application/xml").body);
    }
    for (const auto& [code, body] : answers) {
      CPPUNIT_ASSERT_EQUAL_MESSAGE(body, code, first_text(body, "ResponseCode").value_or(""));
      CPPUNIT_ASSERT_EQUAL_MESSAGE(body, std::string("1"), first_text(body, "StatusCode").value_or(""));
      std::string errors = official_errors(s.schema, body);
      CPPUNIT_ASSERT_MESSAGE("not valid against the standard: " + errors + "\n" + body, errors.empty());
    }
  }

  // GetItemDetails(List)Response requires an item (or its replacement or
  // ItemUnknown), GetClassificationSchemeResponse a scheme, which an error
  // answer has not got: the one kind of answer that cannot be valid (README,
  // "Protocol decisions"). It is still the operation's own element, and its
  // only fault is the missing content.
  void content_required_answers_are_the_documented_exception() {
    auto official = official_dir();
    if (!official) return;
    TempDir dir;
    OfficialSchema s;
    load_official(*official, dir.path(), s);
    CPPUNIT_ASSERT(s.schema);
    ServerProcess server(dir.path() / "data");
    HttpClient c("127.0.0.1", server.port());
    const std::string wrong = cred("B127645", "wrong");
    struct Case {
      std::string body, root;
    };
    std::vector<Case> cases{
        {c.post("/veloconnect",
                "<GetItemDetailsRequest xmlns=\"urn:veloconnect:order-1.1\"" + kNs + ">" + wrong +
                    item_id("200600221") + "</GetItemDetailsRequest>",
                "application/xml")
             .body,
         "GetItemDetailsResponse"},
        {c.post("/veloconnect",
                "<GetItemDetailsListRequest xmlns=\"urn:veloconnect:order-1.1\"" + kNs + ">" + wrong +
                    "<RequestEntry>" + item_id("200600221") + "</RequestEntry></GetItemDetailsListRequest>",
                "application/xml")
             .body,
         "GetItemDetailsListResponse"},
        {c.post("/veloconnect",
                "<GetClassificationSchemeRequest xmlns=\"urn:veloconnect:catalog-1.5\"" + kNs + ">" + wrong +
                    "</GetClassificationSchemeRequest>",
                "application/xml")
             .body,
         "GetClassificationSchemeResponse"},
    };
    for (const auto& e : cases) {
      CPPUNIT_ASSERT_EQUAL_MESSAGE(e.body, std::string("411"), first_text(e.body, "ResponseCode").value_or(""));
      CPPUNIT_ASSERT_EQUAL_MESSAGE(e.body, e.root, payload_name(e.body));
      std::string errors = official_errors(s.schema, e.body);
      CPPUNIT_ASSERT_MESSAGE(e.body, errors.find("Missing child element") != std::string::npos);
    }
  }

 private:
  inline static const std::string kNs =
      " xmlns:vct=\"urn:veloconnect:transaction-1.0\" "
      "xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-1.0\" "
      "xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-1.0\"";
  static std::string cred(const std::string& buyer, const std::string& password) {
    return "<vct:BuyersID>" + buyer + "</vct:BuyersID><vct:Credential><vct:Password>" + password +
           "</vct:Password></vct:Credential>";
  }
  inline static const std::string kCred = cred("B127645", "secret");
  static std::string item_id(const std::string& i) {
    return "<cac:SellersItemIdentification><cac:ID>" + i + "</cac:ID></cac:SellersItemIdentification>";
  }
  static std::string line(const std::string& i, const std::string& q) {
    return "<OrderRequestLine>" + item_id(i) + "<cbc:Quantity quantityUnitCode=\"EA\">" + q +
           "</cbc:Quantity></OrderRequestLine>";
  }
  static std::string tid(const std::string& id) { return "<vct:TransactionID>" + id + "</vct:TransactionID>"; }
  static std::string create_order(const std::string& envelope, const std::string& ns = "urn:veloconnect:order-1.1") {
    return "<CreateOrderRequest xmlns=\"" + ns + "\"" + kNs + ">" + envelope + line("200600221", "1") +
           "</CreateOrderRequest>";
  }
  static std::string order_step(const char* op, const std::string& envelope, const std::string& content = "") {
    return std::string("<") + op + " xmlns=\"urn:veloconnect:order-1.1\"" + kNs + ">" + envelope + content + "</" + op +
           ">";
  }
  static std::string text_search(const std::string& envelope, const std::string& words) {
    return "<CreateTextSearchRequest xmlns=\"urn:veloconnect:catalog-1.5\"" + kNs + ">" + envelope + "<SearchString>" +
           words + "</SearchString></CreateTextSearchRequest>";
  }
  static std::string search_result(const std::string& envelope) {
    return "<SearchResultRequest xmlns=\"urn:veloconnect:catalog-1.5\"" + kNs + ">" + envelope +
           "<StartIndex>0</StartIndex><Count>5</Count><ResultFormat>ID_ONLY</ResultFormat></SearchResultRequest>";
  }
  static std::string in_transaction(const char* element, const std::string& ns, const std::string& envelope) {
    return std::string("<") + element + " xmlns=\"" + ns + "\"" + kNs + ">" + envelope + "</" + element + ">";
  }

  static std::string stock_b2b(const std::string& envelope) {
    return "<StockTransmitB2BRequest xmlns=\"urn:veloconnect:stock-B2B-1.4\"" + kNs + ">" + envelope +
           "<CreateDate>2026-12-01T08:00:00</CreateDate><Frequence>Complete</Frequence><StockTransmitB2BLine>" +
           item_id("200600221") + "<cbc:Quantity quantityUnitCode=\"EA\">4</cbc:Quantity>" +
           "<Availability>Available</Availability></StockTransmitB2BLine></StockTransmitB2BRequest>";
  }
  static std::string stock_status(const char* element, const std::string& ns, const std::string& envelope) {
    return std::string("<") + element + " xmlns=\"" + ns + "\"" + kNs + ">" + envelope +
           "<StartIndex>0</StartIndex><Count>10</Count></" + element + ">";
  }

  static std::string sale_b2b(const std::string& envelope) {
    return "<SaleTransmitB2BRequest xmlns=\"urn:veloconnect:sale-B2B-1.6\"" + kNs + ">" + envelope +
           "<CreateDate>2026-12-01T08:00:00</CreateDate><SaleTransmitB2BLine><ID>1</ID>" + item_id("200600221") +
           "<QuantityFraction>1</QuantityFraction><SaleDate>2026-11-30T10:00:00</SaleDate>"
           "</SaleTransmitB2BLine></SaleTransmitB2BRequest>";
  }

  static std::string sale_b2x(const std::string& envelope) {
    return "<SaleTransmitB2XRequest xmlns=\"urn:veloconnect:sale-B2X-1.6\"" + kNs + ">" + envelope +
           "<CreateDate>2026-12-01T08:00:00</CreateDate><SaleTransmitB2XLine><ID>1</ID>"
           "<cac:StandardItemIdentification><cac:ID>4012345678901</cac:ID></cac:StandardItemIdentification>"
           "<SaleDate>2026-11-30T10:00:00</SaleDate><Quantity>1</Quantity></SaleTransmitB2XLine>"
           "</SaleTransmitB2XRequest>";
  }

  struct Expected {
    std::string label, code, root, ns, body;
  };

  static std::vector<Expected> error_scenario(HttpClient& c) {
    const std::string T = "urn:veloconnect:transaction-1.0", O = "urn:veloconnect:order-1.1",
                      C = "urn:veloconnect:catalog-1.5";
    auto post = [&](const std::string& b) { return c.post("/veloconnect", b, "application/xml").body; };
    auto url = [&](const std::string& q) { return c.get("/veloconnect?" + q).body; };
    const std::string unknown = tid("0123456789abcdef0123456789abcdef");
    std::vector<Expected> out;
    auto add = [&](std::string label, std::string code, std::string root, std::string ns, std::string body) {
      out.push_back({std::move(label), std::move(code), std::move(root), std::move(ns), std::move(body)});
    };
    // 420 in every TransactionResponseType answer, and in GetStatus.
    add("view unknown", "420", "OrderResponse", O, post(order_step("ViewOrderRequest", kCred + unknown)));
    add("update unknown", "420", "OrderResponse", O,
        post(order_step("UpdateOrderRequest", kCred + unknown, line("200600221", "1"))));
    add("finish unknown", "420", "FinalOrderResponse", O, post(order_step("FinishOrderRequest", kCred + unknown)));
    add("rollback unknown", "420", "RollbackResponse", T, post(in_transaction("RollbackRequest", T, kCred + unknown)));
    add("search result unknown", "420", "SearchResultResponse", C, post(search_result(kCred + unknown)));
    add("get status unknown", "420", "GetStatusResponse", T,
        post(in_transaction("GetStatusRequest", T, kCred + unknown)));
    add("get status unknown 1.6", "420", "GetStatusResponse", "urn:veloconnect:transaction-1.6",
        post(in_transaction("GetStatusRequest", "urn:veloconnect:transaction-1.6", kCred + unknown)));
    add("get status unknown 1.4", "420", "GetStatusResponse", "urn:veloconnect:transaction-1.4",
        post(in_transaction("GetStatusRequest", "urn:veloconnect:transaction-1.4", kCred + unknown)));
    // Another buyer's instance is just as unknown.
    auto created = post(create_order(kCred));
    const std::string own = tid(first_text(created, "TransactionID").value_or(""));
    add("view other buyer's", "420", "OrderResponse", O,
        post(order_step("ViewOrderRequest", cred("B200001", "secret2") + own)));
    // 435, then 430 after FinishOrder and after Rollback.
    add("view as test", "435", "OrderResponse", O,
        post(order_step("ViewOrderRequest", kCred + own + "<vct:IsTest>true</vct:IsTest>")));
    // 400: a negative quantity.
    add("update negative", "400", "OrderResponse", O,
        post(order_step("UpdateOrderRequest", kCred + own, line("200600221", "-1"))));
    post(order_step("FinishOrderRequest", kCred + own));
    add("finish twice", "430", "FinalOrderResponse", O, post(order_step("FinishOrderRequest", kCred + own)));
    add("update finished", "430", "OrderResponse", O,
        post(order_step("UpdateOrderRequest", kCred + own, line("200600221", "1"))));
    add("rollback finished", "430", "RollbackResponse", T, post(in_transaction("RollbackRequest", T, kCred + own)));
    auto search = post(text_search(kCred, "zzzz-no-such-item"));
    add("search result of a closed search", "430", "SearchResultResponse", C,
        post(search_result(kCred + tid(first_text(search, "TransactionID").value_or("")))));
    // 410, 411, 415 before any instance is looked at.
    add("create unknown buyer", "410", "OrderResponse", O, post(create_order(cred("NOBODY", "x"))));
    add("create wrong password", "411", "OrderResponse", O, post(create_order(cred("B127645", "wrong"))));
    add("view wrong password", "411", "OrderResponse", O,
        post(order_step("ViewOrderRequest", cred("B127645", "wrong") + own)));
    add("search wrong password", "411", "CreateTextSearchResponse", C,
        post(text_search(cred("B127645", "wrong"), "chain")));
    add("create other seller", "415", "OrderResponse", O,
        post(create_order(kCred + "<vct:SellersID>someone-else</vct:SellersID>")));
    add("profile wrong password", "411", "GetProfileResponse", "urn:veloconnect:profile-1.1",
        post(in_transaction("GetProfileRequest", "urn:veloconnect:profile-1.1", cred("B127645", "wrong"))));
    add("profile 1.6 wrong password", "411", "GetProfileResponse", "urn:veloconnect:profile-1.6",
        post(in_transaction("GetProfileRequest", "urn:veloconnect:profile-1.6", cred("B127645", "wrong"))));
    // 405 and 406 in the operation's element when it is known.
    add("create quantity abc", "405", "OrderResponse", O,
        post("<CreateOrderRequest xmlns=\"urn:veloconnect:order-1.1\"" + kNs + ">" + kCred + line("200600221", "abc") +
             "</CreateOrderRequest>"));
    add("create order-0.9", "406", "OrderResponse", O, post(create_order(kCred, "urn:veloconnect:order-0.9")));
    add("not well-formed", "405", "GetStatusResponse", T, post("<CreateOrderRequest"));
    // The receipt module's errors, in each operation's own element.
    const std::string R = "urn:veloconnect:receipt-1.3";
    add("receipt query wrong password", "411", "OrderConfirmationQueryResponse", R,
        post(in_transaction("OrderConfirmationQueryRequest", R, cred("B127645", "wrong"))));
    add("receipt query unknown buyer", "410", "DeliveryNoteQueryResponse", R,
        post(in_transaction("DeliveryNoteQueryRequest", R, cred("NOBODY", "x"))));
    add("receipt query other seller", "415", "InvoiceInformationQueryResponse", R,
        post(in_transaction("InvoiceInformationQueryRequest", R,
                            kCred + "<vct:SellersID>someone-else</vct:SellersID>")));
    add("receipt FromDate after ThruDate", "400", "InvoiceInformationQueryResponse", R,
        post(in_transaction("InvoiceInformationQueryRequest", R,
                            kCred + "<DateRange><FromDate>2026-12-02</FromDate><ThruDate>2026-12-01</ThruDate>"
                                    "</DateRange>")));
    std::string many;
    for (int i = 0; i < 51; ++i) many += "<DeliveryNoteID>DN-" + std::to_string(i) + "</DeliveryNoteID>";
    add("receipt details too many IDs", "400", "DeliveryNoteDetailsResponse", R,
        post(in_transaction("DeliveryNoteDetailsRequest", R, kCred + many)));
    add("receipt details without an ID", "405", "InvoiceInformationDetailsResponse", R,
        post(in_transaction("InvoiceInformationDetailsRequest", R, kCred)));
    add("receipt query not a date", "405", "OfferQueryResponse", R,
        post(in_transaction("OfferQueryRequest", R, kCred + "<DateRange><FromDate>yesterday</FromDate></DateRange>")));
    add("receipt details wrong password", "411", "OfferDetailsResponse", R,
        post(in_transaction("OfferDetailsRequest", R, cred("B127645", "wrong") + "<OfferID>O-1</OfferID>")));
    add("receipt details as test", "411", "OrderConfirmationDetailsResponse", R,
        post(in_transaction("OrderConfirmationDetailsRequest", R,
                            cred("B127645", "wrong") + "<vct:IsTest>true</vct:IsTest>")));
    // 404: the official set's elements that are not served, in their own element.
    // Stock transmissions: refused ones in their own elements (the status
    // pages with zero counts), and 404 in the URL binding, which they lack.
    const std::string SB = "urn:veloconnect:stock-B2B-1.4", SC = "urn:veloconnect:stock-B2C-1.4";
    add("stock transmit wrong password", "411", "StockTransmitB2BResponse", SB,
        post(stock_b2b(cred("B127645", "wrong"))));
    add("stock transmit not schema-valid", "405", "StockTransmitB2BResponse", SB,
        post(in_transaction("StockTransmitB2BRequest", SB, kCred)));
    add("stock status unknown", "420", "GetItemStatusStockTransmitB2BResponse", SB,
        post(stock_status("GetItemStatusStockTransmitB2BRequest", SB, kCred + unknown)));
    add("stock status b2c unknown", "420", "GetItemStatusStockTransmitB2CResponse", SC,
        post(stock_status("GetItemStatusStockTransmitB2CRequest", SC, kCred + unknown)));
    auto transmitted = post(stock_b2b(kCred));
    const std::string stock_id = tid(first_text(transmitted, "TransactionID").value_or(""));
    add("stock status of a b2b transmission as b2c", "420", "GetItemStatusStockTransmitB2CResponse", SC,
        post(stock_status("GetItemStatusStockTransmitB2CRequest", SC, kCred + stock_id)));
    add("stock status as test", "435", "GetItemStatusStockTransmitB2BResponse", SB,
        post(stock_status("GetItemStatusStockTransmitB2BRequest", SB,
                          kCred + stock_id + "<vct:IsTest>true</vct:IsTest>")));
    post(stock_status("GetItemStatusStockTransmitB2BRequest", SB, kCred + stock_id));
    add("stock status after the last page", "430", "GetItemStatusStockTransmitB2BResponse", SB,
        post(stock_status("GetItemStatusStockTransmitB2BRequest", SB, kCred + stock_id)));
    // Sale transmissions (B2B, and B2X to a third party): the same refusals in
    // their own elements; a status of either module: unknown, as test, after
    // the last page.
    auto sale_status_refusals = [&](const std::string& label, const std::string& module, const std::string& ns,
                                    const std::string& id) {
      const std::string request = "GetStatusSaleTransmit" + module + "Request";
      const std::string response = "GetStatusSaleTransmit" + module + "Response";
      add(label + " status unknown", "420", response, ns, post(stock_status(request.c_str(), ns, kCred + unknown)));
      add(label + " status as test", "435", response, ns,
          post(stock_status(request.c_str(), ns, kCred + id + "<vct:IsTest>true</vct:IsTest>")));
      post(stock_status(request.c_str(), ns, kCred + id));
      add(label + " status after the last page", "430", response, ns,
          post(stock_status(request.c_str(), ns, kCred + id)));
    };
    const std::string LB = "urn:veloconnect:sale-B2B-1.6";
    add("sale transmit wrong password", "411", "SaleTransmitB2BResponse", LB, post(sale_b2b(cred("B127645", "wrong"))));
    add("sale transmit not schema-valid", "405", "SaleTransmitB2BResponse", LB,
        post(in_transaction("SaleTransmitB2BRequest", LB, kCred)));
    const std::string sale_id = tid(first_text(post(sale_b2b(kCred)), "TransactionID").value_or(""));
    add("stock status of a sale transmission", "420", "GetItemStatusStockTransmitB2BResponse", SB,
        post(stock_status("GetItemStatusStockTransmitB2BRequest", SB, kCred + sale_id)));
    add("sale status of a stock transmission", "420", "GetStatusSaleTransmitB2BResponse", LB,
        post(stock_status("GetStatusSaleTransmitB2BRequest", LB, kCred + stock_id)));
    const std::string LX = "urn:veloconnect:sale-B2X-1.6";
    add("sale b2x transmit wrong password", "411", "SaleTransmitB2XResponse", LX,
        post(sale_b2x(cred("B127645", "wrong"))));
    add("sale b2x transmit unknown buyer", "410", "SaleTransmitB2XResponse", LX, post(sale_b2x(cred("NOBODY", "x"))));
    add("sale b2x transmit not schema-valid", "405", "SaleTransmitB2XResponse", LX,
        post(in_transaction("SaleTransmitB2XRequest", LX, kCred)));
    std::string obsolete = sale_b2x(kCred);
    obsolete.replace(obsolete.find("sale-B2X-1.6"), 12, "sale-B2X-0.9");
    add("sale b2x transmit sale-B2X-0.9", "406", "SaleTransmitB2XResponse", LX, post(obsolete));
    add("sale b2x status wrong password", "411", "GetStatusSaleTransmitB2XResponse", LX,
        post(stock_status("GetStatusSaleTransmitB2XRequest", LX, cred("B127645", "wrong") + unknown)));
    const std::string b2x_id = tid(first_text(post(sale_b2x(kCred)), "TransactionID").value_or(""));
    add("sale b2b status of a b2x transmission", "420", "GetStatusSaleTransmitB2BResponse", LB,
        post(stock_status("GetStatusSaleTransmitB2BRequest", LB, kCred + b2x_id)));
    add("sale b2x status of a b2b transmission", "420", "GetStatusSaleTransmitB2XResponse", LX,
        post(stock_status("GetStatusSaleTransmitB2XRequest", LX, kCred + sale_id)));
    sale_status_refusals("sale", "B2B", LB, sale_id);
    sale_status_refusals("sale b2x", "B2X", LX, b2x_id);
    add("unknown element", "404", "GetStatusResponse", T, post(in_transaction("FrobnicateRequest", "urn:x", kCred)));
    // The URL binding names no namespace: answered in declared ones.
    const std::string q = "BuyersID=B127645&Password=secret";
    add("url view unknown", "420", "OrderResponse", O,
        url("RequestName=ViewOrderRequest&" + q + "&TransactionID=0123456789abcdef0123456789abcdef"));
    add("url search result unknown", "420", "SearchResultResponse", C,
        url("RequestName=SearchResultRequest&" + q +
            "&TransactionID=0123456789abcdef0123456789abcdef&StartIndex=0&Count=5&ResultFormat=ID_ONLY"));
    add("url search wrong format", "405", "SearchResultResponse", C,
        url("RequestName=SearchResultRequest&" + q + "&TransactionID=0123&ResultFormat=ALL"));
    add("url rollback missing id", "405", "RollbackResponse", T, url("RequestName=RollbackRequest&" + q));
    add("url get status 1.6", "420", "GetStatusResponse", "urn:veloconnect:transaction-1.6",
        url("RequestName=GetStatusRequest&" + q + "&version=1.6&TransactionID=0123456789abcdef0123456789abcdef"));
    add("url stock transmit", "404", "StockTransmitB2BResponse", SB, url("RequestName=StockTransmitB2BRequest&" + q));
    add("url stock status", "404", "GetItemStatusStockTransmitB2CResponse", SC,
        url("RequestName=GetItemStatusStockTransmitB2CRequest&" + q));
    add("url sale transmit", "404", "SaleTransmitB2BResponse", "urn:veloconnect:sale-B2B-1.6",
        url("RequestName=SaleTransmitB2BRequest&" + q));
    add("url sale status", "404", "GetStatusSaleTransmitB2BResponse", "urn:veloconnect:sale-B2B-1.6",
        url("RequestName=GetStatusSaleTransmitB2BRequest&" + q));
    add("url sale b2x transmit", "404", "SaleTransmitB2XResponse", "urn:veloconnect:sale-B2X-1.6",
        url("RequestName=SaleTransmitB2XRequest&" + q));
    add("url sale b2x status", "404", "GetStatusSaleTransmitB2XResponse", "urn:veloconnect:sale-B2X-1.6",
        url("RequestName=GetStatusSaleTransmitB2XRequest&" + q));
    add("url receipt wrong password", "411", "DeliveryNoteQueryResponse", R,
        url("RequestName=DeliveryNoteQueryRequest&BuyersID=B127645&Password=wrong"));
    add("url receipt not a date", "405", "DeliveryNoteQueryResponse", R,
        url("RequestName=DeliveryNoteQueryRequest&" + q + "&FromDate=2026-13-01"));
    add("url receipt details without an ID", "405", "InvoiceInformationDetailsResponse", R,
        url("RequestName=InvoiceInformationDetailsRequest&" + q));
    add("url receipt dates reversed", "400", "OrderConfirmationQueryResponse", R,
        url("RequestName=OrderConfirmationQueryRequest&" + q + "&FromDate=2026-12-02&ThruDate=2026-12-01"));
    add("url profile wrong password", "411", "GetProfileResponse", "urn:veloconnect:profile-1.1",
        url("RequestName=GetProfileRequest&BuyersID=B127645&Password=wrong"));
    return out;
  }

  // One successful answer of every operation (XML-POST, the standard's own binding).
  static std::vector<std::string> scenario(HttpClient& c) {
    const std::string ns =
        " xmlns:vct=\"urn:veloconnect:transaction-1.0\" "
        "xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-1.0\" "
        "xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-1.0\"";
    const std::string cred =
        "<vct:BuyersID>B127645</vct:BuyersID><vct:Credential><vct:Password>secret</vct:Password>"
        "</vct:Credential>";
    auto post = [&](const std::string& b) { return c.post("/veloconnect", b, "application/xml").body; };
    auto id = [](const std::string& i) {
      return "<cac:SellersItemIdentification><cac:ID>" + i + "</cac:ID></cac:SellersItemIdentification>";
    };
    auto ln = [&](const std::string& i, const std::string& q) {
      return "<OrderRequestLine>" + id(i) + "<cbc:Quantity quantityUnitCode=\"EA\">" + q +
             "</cbc:Quantity></OrderRequestLine>";
    };
    std::vector<std::string> out;
    for (const char* v : {"1.1", "1.6"})
      out.push_back(post("<GetProfileRequest xmlns=\"urn:veloconnect:profile-" + std::string(v) + "\"" + ns + ">" +
                         cred + "</GetProfileRequest>"));
    for (const char* item : {"52090311600", "52090311100", "200200456", "100000001", "UNKNOWN"})
      out.push_back(post("<GetItemDetailsRequest xmlns=\"urn:veloconnect:order-1.1\"" + ns + ">" + cred + id(item) +
                         "<cbc:Quantity quantityUnitCode=\"EA\">250</cbc:Quantity></GetItemDetailsRequest>"));
    out.push_back(post("<GetItemDetailsListRequest xmlns=\"urn:veloconnect:order-1.1\"" + ns + ">" + cred +
                       "<RequestEntry>" + id("200300156") + "</RequestEntry><RequestEntry>" + id("100000001") +
                       "</RequestEntry><RequestEntry>" + id("X") + "</RequestEntry></GetItemDetailsListRequest>"));
    auto created =
        post("<CreateOrderRequest xmlns=\"urn:veloconnect:order-1.1\"" + ns + ">" + cred + ln("52090311100", "500") +
             ln("200200456", "1") + ln("100000001", "1") + ln("Z", "1") + "</CreateOrderRequest>");
    out.push_back(created);
    std::string tid =
        "<vct:TransactionID>" + first_text(created, "TransactionID").value_or("") + "</vct:TransactionID>";
    out.push_back(post("<UpdateOrderRequest xmlns=\"urn:veloconnect:order-1.1\"" + ns + ">" + cred + tid +
                       "<OrderRequestLine>" + id("200300156") +
                       "<cbc:Quantity>2</cbc:Quantity><cac:BuyersItemIdentification><cac:ID>B-1</cac:ID>"
                       "</cac:BuyersItemIdentification><cbc:DeliveryDate>2099-01-01</cbc:DeliveryDate>"
                       "<cbc:BacklogIndicator>false</cbc:BacklogIndicator></OrderRequestLine></UpdateOrderRequest>"));
    out.push_back(
        post("<ViewOrderRequest xmlns=\"urn:veloconnect:order-1.1\"" + ns + ">" + cred + tid + "</ViewOrderRequest>"));
    out.push_back(
        post("<GetStatusRequest xmlns=\"urn:veloconnect:transaction-1.0\"" + ns + ">" + cred + "</GetStatusRequest>"));
    out.push_back(post("<FinishOrderRequest xmlns=\"urn:veloconnect:order-1.1\"" + ns + ">" + cred + tid +
                       "</FinishOrderRequest>"));
    auto search = post("<CreateTextSearchRequest xmlns=\"urn:veloconnect:catalog-1.5\"" + ns + ">" + cred +
                       "<SearchString>e</SearchString></CreateTextSearchRequest>");
    out.push_back(search);
    std::string stid =
        "<vct:TransactionID>" + first_text(search, "TransactionID").value_or("") + "</vct:TransactionID>";
    for (const char* format : {"ID_ONLY", "ITEM_TYPE", "ITEM_DETAIL", "COUNT"})
      out.push_back(post("<SearchResultRequest xmlns=\"urn:veloconnect:catalog-1.5\"" + ns + ">" + cred + stid +
                         "<StartIndex>0</StartIndex><Count>10</Count><ResultFormat>" + format +
                         "</ResultFormat><DoNotClose>true</DoNotClose></SearchResultRequest>"));
    auto second = post("<CreateOrderRequest xmlns=\"urn:veloconnect:order-1.1\"" + ns + ">" + cred +
                       ln("200600221", "1") + "</CreateOrderRequest>");
    out.push_back(post("<RollbackRequest xmlns=\"urn:veloconnect:transaction-1.0\"" + ns + ">" + cred +
                       "<vct:TransactionID>" + first_text(second, "TransactionID").value_or("") +
                       "</vct:TransactionID></RollbackRequest>"));
    // GetClassificationScheme: the demo catalogue's scheme, listed in the profile.
    CPPUNIT_ASSERT_MESSAGE(out.front(), out.front().find(">GetClassificationScheme<") != std::string::npos);
    auto scheme = post("<GetClassificationSchemeRequest xmlns=\"urn:veloconnect:catalog-1.5\"" + ns + ">" + cred +
                       "</GetClassificationSchemeRequest>");
    CPPUNIT_ASSERT_MESSAGE(scheme, count_elements(scheme, "ClassificationSchemeGroup") >= 2);
    out.push_back(scheme);
    out.push_back(
        c.get("/veloconnect?RequestName=GetClassificationSchemeRequest&BuyersID=B127645&Password=secret").body);
    // GetStatus in the later versions of the transaction module, with an open
    // instance to list (TransactionStatus in that version's namespace).
    auto third = post("<CreateOrderRequest xmlns=\"urn:veloconnect:order-1.1\"" + ns + ">" + cred +
                      ln("200600221", "1") + "</CreateOrderRequest>");
    for (const char* v : {"1.4", "1.6"}) {
      auto status = post("<GetStatusRequest xmlns=\"urn:veloconnect:transaction-" + std::string(v) + "\"" + ns + ">" +
                         cred + "</GetStatusRequest>");
      CPPUNIT_ASSERT_EQUAL_MESSAGE(status, "urn:veloconnect:transaction-" + std::string(v), payload_namespace(status));
      CPPUNIT_ASSERT_MESSAGE(status, count_elements(status, "TransactionStatus") >= 1);
      out.push_back(status);
    }
    // Envelope elements anywhere (leniency): IsTest after the catalog elements,
    // as the official collection's first version sends it; TransactionID first.
    std::string ttid = "<vct:TransactionID>" + first_text(third, "TransactionID").value_or("") + "</vct:TransactionID>";
    out.push_back(post("<ViewOrderRequest xmlns=\"urn:veloconnect:order-1.1\"" + ns + ">" + ttid +
                       "<vct:IsTest>false</vct:IsTest>" + cred + "</ViewOrderRequest>"));
    out.push_back(post("<SearchResultRequest xmlns=\"urn:veloconnect:catalog-1.5\"" + ns + ">" + cred + stid +
                       "<StartIndex>0</StartIndex><Count>2</Count><ResultFormat>ID_ONLY</ResultFormat>"
                       "<vct:IsTest>false</vct:IsTest></SearchResultRequest>"));
    out.push_back(post("<RollbackRequest xmlns=\"urn:veloconnect:transaction-1.0\"" + ns + ">" + ttid + cred +
                       "</RollbackRequest>"));
    // Stock transmissions, B2B and B2C, and their status pages (carried and
    // not carried items).
    auto b2b = post("<StockTransmitB2BRequest xmlns=\"urn:veloconnect:stock-B2B-1.4\"" + ns + ">" + cred +
                    "<CreateDate>2026-12-01T08:00:00+01:00</CreateDate><Frequence>Incremental</Frequence>"
                    "<StockTransmitB2BLine>" +
                    id("200600221") +
                    "<cac:BuyersItemIdentification><cac:ID>D-1</cac:ID></cac:BuyersItemIdentification>"
                    "<cbc:Quantity quantityUnitCode=\"EA\">4</cbc:Quantity><Availability>Available</Availability>"
                    "</StockTransmitB2BLine><StockTransmitB2BLine>" +
                    id("100000001") +
                    "<Availability>NotAvailable</Availability></StockTransmitB2BLine>"
                    "</StockTransmitB2BRequest>");
    out.push_back(b2b);
    out.push_back(post("<GetItemStatusStockTransmitB2BRequest xmlns=\"urn:veloconnect:stock-B2B-1.4\"" + ns + ">" +
                       cred + "<vct:TransactionID>" + first_text(b2b, "TransactionID").value_or("") +
                       "</vct:TransactionID><StartIndex>0</StartIndex><Count>10</Count>"
                       "</GetItemStatusStockTransmitB2BRequest>"));
    auto b2c = post(
        "<StockTransmitB2CRequest xmlns=\"urn:veloconnect:stock-B2C-1.4\"" + ns + ">" + cred +
        "<CreateDate>2026-12-01T08:00:00</CreateDate><Frequence>Complete</Frequence><StockTransmitB2CLine>"
        "<cac:StandardItemIdentification><cac:ID>4012345678901</cac:ID></cac:StandardItemIdentification>"
        "<cbc:Quantity quantityUnitCode=\"EA\">3</cbc:Quantity><Availability>LimitedAvailable</Availability>"
        "<cac:BasePrice><cbc:PriceAmount amountCurrencyID=\"EUR\">5.99</cbc:PriceAmount></cac:BasePrice>"
        "<Orderable>true</Orderable><DeliveryMin>1</DeliveryMin><DeliveryMax>3</DeliveryMax><Condition>CO10</Condition>"
        "</StockTransmitB2CLine><StockTransmitB2CLine><MarketPlaceItemIdentification><cac:ID>M-9</cac:ID>"
        "</MarketPlaceItemIdentification></StockTransmitB2CLine></StockTransmitB2CRequest>");
    out.push_back(b2c);
    out.push_back(post("<GetItemStatusStockTransmitB2CRequest xmlns=\"urn:veloconnect:stock-B2C-1.4\"" + ns + ">" +
                       cred + "<vct:TransactionID>" + first_text(b2c, "TransactionID").value_or("") +
                       "</vct:TransactionID><StartIndex>0</StartIndex><Count>10</Count>"
                       "</GetItemStatusStockTransmitB2CRequest>"));
    // A sale transmission (every field of a line) and its status page, and
    // the profile 1.6 answer that lists it.
    auto sale =
        post("<SaleTransmitB2BRequest xmlns=\"urn:veloconnect:sale-B2B-1.6\"" + ns + ">" + cred +
             "<CreateDate>2026-12-01T08:00:00+01:00</CreateDate><SaleTransmitB2BLine><ID>1</ID>" + id("200600221") +
             "<cac:BuyersItemIdentification><cac:ID>D-1</cac:ID></cac:BuyersItemIdentification>"
             "<QuantityFraction>-1.0000</QuantityFraction><SaleDate>2026-11-30T10:00:00Z</SaleDate>"
             "<DocumentNumber>R-1</DocumentNumber><SalesPriceGross amountCurrencyID=\"EUR\">119.00</SalesPriceGross>"
             "<SalesPriceNet amountCurrencyID=\"EUR\">100.00</SalesPriceNet><PostalCode>48143</PostalCode>"
             "<SerialNumbers><SerialID kind=\"FRAME\">WB1</SerialID></SerialNumbers><SalesChannel>ONLINE</SalesChannel>"
             "</SaleTransmitB2BLine><SaleTransmitB2BLine><ID>2</ID>" +
             id("100000001") +
             "<QuantityFraction>2</QuantityFraction><SaleDate>2026-11-30T11:00:00</SaleDate></SaleTransmitB2BLine>"
             "</SaleTransmitB2BRequest>");
    out.push_back(sale);
    out.push_back(post("<GetStatusSaleTransmitB2BRequest xmlns=\"urn:veloconnect:sale-B2B-1.6\"" + ns + ">" + cred +
                       "<vct:TransactionID>" + first_text(sale, "TransactionID").value_or("") +
                       "</vct:TransactionID><StartIndex>0</StartIndex><Count>10</Count>"
                       "</GetStatusSaleTransmitB2BRequest>"));
    // Sale transmissions to a third party: goods, a service and a return with
    // two quantities, every field a line can have, and their status pages.
    auto b2x =
        post("<SaleTransmitB2XRequest xmlns=\"urn:veloconnect:sale-B2X-1.6\"" + ns + ">" + cred +
             "<CreateDate>2026-12-01T08:00:00Z</CreateDate><SaleTransmitB2XLine><ID>G1</ID>"
             "<cac:StandardItemIdentification><cac:ID>4012345678901</cac:ID></cac:StandardItemIdentification>"
             "<SaleDate>2026-11-30T10:00:00</SaleDate><Quantity quantityUnitCode=\"EA\">2</Quantity>"
             "</SaleTransmitB2XLine><SaleTransmitB2XLine><ID>S1</ID><cac:CommodityClassification>"
             "<cbc:NatureCode>S</cbc:NatureCode><cbc:CargoTypeCode>C</cbc:CargoTypeCode>"
             "<cbc:CommodityCode>9987</cbc:CommodityCode><cbc:ItemClassificationCode>INSPECTION"
             "</cbc:ItemClassificationCode></cac:CommodityClassification><Description languageID=\"de\">Inspektion"
             "</Description><SaleDate>2026-11-30T12:00:00+01:00</SaleDate>"
             "<SalesPriceGross amountCurrencyID=\"EUR\">59.50</SalesPriceGross></SaleTransmitB2XLine>"
             "<SaleTransmitB2XLine><ID>R1</ID><cac:ManufacturersItemIdentification><cac:ID>M-77</cac:ID>"
             "<cac:IssuerParty><cac:PartyName><cbc:Name>Velo AG</cbc:Name></cac:PartyName></cac:IssuerParty>"
             "</cac:ManufacturersItemIdentification><cac:BuyersItemIdentification><cac:ID>D-1</cac:ID>"
             "</cac:BuyersItemIdentification><Description>E-Bike</Description>"
             "<BidexProductGroupKey>123456</BidexProductGroupKey><SaleDate>2026-11-30T13:00:00</SaleDate>"
             "<Quantity quantityUnitCode=\"EA\">-1</Quantity><Quantity quantityUnitCode=\"HUR\">0.5</Quantity>"
             "<DocumentNumber>R-2</DocumentNumber><SalesPriceGross amountCurrencyID=\"EUR\">-2380.00</SalesPriceGross>"
             "<SalesPriceNet amountCurrencyID=\"EUR\">-2000.00</SalesPriceNet><RecommendedRetailPrice "
             "amountCurrencyID=\"EUR\">2499.00</RecommendedRetailPrice><PostalCode>48143</PostalCode>"
             "<SalesChannel>PARTNER</SalesChannel></SaleTransmitB2XLine></SaleTransmitB2XRequest>");
    out.push_back(b2x);
    for (const char* window : {"<StartIndex>0</StartIndex><Count>10</Count><DoNotClose>true</DoNotClose>",
                               "<StartIndex>7</StartIndex><Count>1</Count>"})
      out.push_back(post("<GetStatusSaleTransmitB2XRequest xmlns=\"urn:veloconnect:sale-B2X-1.6\"" + ns + ">" + cred +
                         "<vct:TransactionID>" + first_text(b2x, "TransactionID").value_or("") +
                         "</vct:TransactionID>" + window + "</GetStatusSaleTransmitB2XRequest>"));
    auto profile16 =
        post("<GetProfileRequest xmlns=\"urn:veloconnect:profile-1.6\"" + ns + ">" + cred + "</GetProfileRequest>");
    CPPUNIT_ASSERT_MESSAGE(profile16, profile16.find(">SaleTransmitB2B<") != std::string::npos);
    CPPUNIT_ASSERT_MESSAGE(profile16, profile16.find(">SaleTransmitB2X<") != std::string::npos);
    out.push_back(profile16);
    // The OrderInOnlineShop instance, published in the profile.
    std::string shop = out.front().substr(out.front().find("OrderInOnlineShop.TransactionID"));
    shop = shop.substr(shop.find("<vcp:Value>") + 11, 32);
    std::string shop_tid = "<vct:TransactionID>" + shop + "</vct:TransactionID>";
    out.push_back(post("<UpdateOrderRequest xmlns=\"urn:veloconnect:order-1.1\"" + ns + ">" + cred + shop_tid +
                       ln("200600221", "2") + "</UpdateOrderRequest>"));
    out.push_back(post("<GetStatusRequest xmlns=\"urn:veloconnect:transaction-1.0\"" + ns + ">" + cred + shop_tid +
                       "</GetStatusRequest>"));
    out.push_back(post("<FinishOrderRequest xmlns=\"urn:veloconnect:order-1.1\"" + ns + ">" + cred + shop_tid +
                       "</FinishOrderRequest>"));
    out.push_back(post("<RollbackRequest xmlns=\"urn:veloconnect:transaction-1.0\"" + ns + ">" + cred + shop_tid +
                       "</RollbackRequest>"));
    // The URL binding names no namespace: a text search is answered in catalog-1.5.
    auto url_search = c.get(
                           "/veloconnect?RequestName=CreateTextSearchRequest&BuyersID=B127645&Password=secret&"
                           "SearchString=chain")
                          .body;
    CPPUNIT_ASSERT_EQUAL_MESSAGE(url_search, std::string("urn:veloconnect:catalog-1.5"), payload_namespace(url_search));
    out.push_back(url_search);
    out.push_back(c.get("/veloconnect?RequestName=SearchResultRequest&BuyersID=B127645&Password=secret&TransactionID=" +
                        first_text(url_search, "TransactionID").value_or("") + "&ResultFormat=ITEM_DETAIL")
                      .body);
    for (auto& r : receipt_scenario(c)) out.push_back(std::move(r));
    return out;
  }

  // The receipt module: every operation with documents, empty, with unknown
  // IDs, in XML-POST and the URL binding; the profile (1.4 and later) lists it.
  static std::vector<std::string> receipt_scenario(HttpClient& c) {
    const std::string R = "urn:veloconnect:receipt-1.3";
    auto post = [&](const std::string& element, const std::string& content) {
      return c.post("/veloconnect", in_transaction(element.c_str(), R, kCred + content), "application/xml").body;
    };
    auto url = [&](const std::string& q) {
      return c.get("/veloconnect?BuyersID=B127645&Password=secret&RequestName=" + q).body;
    };
    std::vector<std::string> out;
    auto profile = c.post("/veloconnect", in_transaction("GetProfileRequest", "urn:veloconnect:profile-1.4", kCred),
                          "application/xml")
                       .body;
    CPPUNIT_ASSERT_MESSAGE(profile, profile.find(">InvoiceInformationDetails<") != std::string::npos);
    out.push_back(profile);
    // The demo buyer's delivery note and invoice, and the order finished above.
    auto notes = post("DeliveryNoteQueryRequest", "");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(notes, 1, count_elements(notes, "DeliveryNoteHeader"));
    out.push_back(notes);
    auto invoices = post("InvoiceInformationQueryRequest", "<DeliveryNoteID>DN-1001</DeliveryNoteID>");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(invoices, 1, count_elements(invoices, "InvoiceHeader"));
    out.push_back(invoices);
    auto confirmations = post("OrderConfirmationQueryRequest", "");
    CPPUNIT_ASSERT_MESSAGE(confirmations, count_elements(confirmations, "OrderConfirmationHeader") >= 1);
    out.push_back(confirmations);
    out.push_back(post("OfferQueryRequest", "<DateRange><FromDate>2026-01-01</FromDate></DateRange>"));
    out.push_back(post("DeliveryNoteQueryRequest",
                       "<DateRange><FromDate>2000-01-01</FromDate><ThruDate>2000-01-31</ThruDate></DateRange>"));
    auto note = post("DeliveryNoteDetailsRequest",
                     "<DeliveryNoteID>DN-1001</DeliveryNoteID><DeliveryNoteID>NO"
                     "</DeliveryNoteID>");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(note, 1, count_elements(note, "DeliveryNote"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(note, 1, count_elements(note, "UnknownID"));
    out.push_back(note);
    auto invoice = post("InvoiceInformationDetailsRequest", "<InvoiceID>INV-2001</InvoiceID>");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(invoice, 1, count_elements(invoice, "VAT"));
    out.push_back(invoice);
    std::string confirmation_id = first_text(confirmations, "OrderConfirmationID").value_or("");
    auto confirmation =
        post("OrderConfirmationDetailsRequest", "<OrderConfirmationID>" + confirmation_id + "</OrderConfirmationID>");
    CPPUNIT_ASSERT_MESSAGE(confirmation, count_elements(confirmation, "LineItem") >= 1);
    out.push_back(confirmation);
    out.push_back(post("OrderConfirmationDetailsRequest", ""));
    out.push_back(post("OfferDetailsRequest", "<OfferID>OF-1</OfferID>"));
    // Another buyer sees none of it.
    auto other = c.post("/veloconnect",
                        in_transaction("InvoiceInformationDetailsRequest", R,
                                       "<vct:BuyersID>B200001</vct:BuyersID><vct:Credential><vct:Password>secret2"
                                       "</vct:Password></vct:Credential><InvoiceID>INV-2001</InvoiceID>"),
                        "application/xml")
                     .body;
    CPPUNIT_ASSERT_EQUAL_MESSAGE(other, 0, count_elements(other, "Invoice"));
    out.push_back(other);
    for (const char* q :
         {"OfferQueryRequest", "OfferDetailsRequest&OfferID=A&OfferID=B",
          "OrderConfirmationQueryRequest&FromDate=2026-01-01", "OrderConfirmationDetailsRequest",
          "DeliveryNoteQueryRequest&OrderID=ERP-4711", "DeliveryNoteDetailsRequest&DeliveryNoteID=DN-1001",
          "InvoiceInformationQueryRequest&OrderConfirmationID=none",
          "InvoiceInformationDetailsRequest&InvoiceID=INV-2001&InvoiceID=INV-2001"})
      out.push_back(url(q));
    return out;
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(OfficialSchemaTest);

}  // namespace og::test
