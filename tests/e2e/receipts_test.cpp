// The receipt module end to end: the operator loads delivery notes and
// invoices with `ordergate import delivery-notes|invoices` (bad rows named by
// row number, a document written whole or not at all, loading again replaces)
// into the data folder a real server serves, and buyers read them over XML-POST,
// SOAP 1.1/1.2 and the URL binding: only their own, only at the seller they
// address, filtered by DateRange and references, within the server's limits;
// order confirmations appear once the Order transaction finishes an order.
// Every answer is valid against ordergate's XSDs (and the standard's, where
// the reference copy is found).
#include <cppunit/extensions/HelperMacros.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "store/sqlite/schema.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/command.hpp"
#include "support/http_client.hpp"
#include "support/official_schema.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "support/xml_check.hpp"

namespace og::test {

namespace {

const char* kR = "urn:veloconnect:receipt-1.3";

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string code_of(const std::string& body) {
  return first_text(body, "ResponseCode").value_or("?");
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Delivery notes: DN-1 (two lines, B127645), DN-2 (B127645, one line, an
// order ordergate did not take), DN-3 (B200001).
const char* kNotes =
    "delivery_note_id,buyer_id,issue_date,description,tracking_url,line_id,order_id,order_line_id,item_id,"
    "item_description,quantity,unit,unit_price,line_price,delivery_date\n"
    "DN-1,B127645,2025-11-20,First delivery,https://t.example/1,1,ERP-1,1,52090311600,Brake cable,10,EA,2.95,,\n"
    "DN-1,B127645,2025-11-20,First delivery,https://t.example/1 https://t.example/1b,2,ERP-1,2,200600221,Tyre,2,EA,"
    "19.95,39.90,2025-11-19\n"
    "DN-2,B127645,2025-11-25,,,,ERP-2,,200300156,,3,EA,\"4,50\",,\n"
    "DN-3,B200001,2025-11-22,Other dealer,,,,,200300156,,1,EA,4.50,,\n";

// Bad rows: row 3 a quantity that is none, row 5 a buyer that differs from
// row 4 of the same document, row 6 an unknown buyer (refused at writing),
// row 7 no item; DN-OK is fine.
const char* kBadNotes =
    "delivery_note_id,buyer_id,issue_date,item_id,quantity,unit_price\n"
    "DN-OK,B127645,2025-11-21,200300156,1,4.50\n"
    "DN-Q,B127645,2025-11-21,200300156,ten,4.50\n"
    "DN-B,B127645,2025-11-21,200300156,1,4.50\n"
    "DN-B,B200001,2025-11-21,200600221,1,19.95\n"
    "DN-U,NOBODY,2025-11-21,200300156,1,4.50\n"
    "DN-I,B127645,2025-11-21,,1,4.50\n";

const char* kInvoices =
    "invoice_id;buyer_id;issue_date;invoice_url;gross_sum;net_sum;vat_rate;vat_amount;delivery_note_id;"
    "delivery_note_line_id;order_id;item_id;quantity;unit_price;line_price\n"
    "INV-1;B127645;2025-11-26;https://i.example/INV-1.pdf;82,59;69,40;19;13,19;DN-1;1;ERP-1;52090311600;10;2,95;29,50\n"
    "INV-1;B127645;2025-11-26;;;;19;;DN-1;2;ERP-1;200600221;2;19,95;39,90\n"
    "INV-2;B127645;2025-11-27;;10,00;9,00;7;1,00;;;;200300156;2;4,50;\n";

}  // namespace

class ReceiptModuleTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(ReceiptModuleTest);
  CPPUNIT_TEST(imported_documents_are_served_in_every_binding);
  CPPUNIT_TEST(bad_rows_are_named_and_refuse_their_document_only);
  CPPUNIT_TEST(loading_again_replaces_and_is_idempotent);
  CPPUNIT_TEST(invoices_must_add_up);
  CPPUNIT_TEST(another_buyer_or_seller_sees_nothing);
  CPPUNIT_TEST(date_range_and_references_filter);
  CPPUNIT_TEST(limits_cut_at_whole_days_and_refuse_too_many_ids);
  CPPUNIT_TEST(finished_orders_are_confirmed);
  CPPUNIT_TEST(a_demo_database_from_before_receipts_gets_the_demo_receipts);
  CPPUNIT_TEST_SUITE_END();

 public:
  void setUp() override {
    dir_ = std::make_unique<TempDir>();
    data_ = dir_->path() / "data";
  }
  void tearDown() override {
    server_.reset();
    dir_.reset();
  }

  void imported_documents_are_served_in_every_binding() {
    start();
    auto run = import("delivery-notes", kNotes);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(run.out, 0, run.status);
    CPPUNIT_ASSERT_MESSAGE(run.out, has(run.out, "import delivery-notes: 4 rows read, 3 documents written in"));
    auto inv = import("invoices", kInvoices, " --delimiter ';'");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(inv.out, 0, inv.status);

    const std::string range = "<DateRange><FromDate>2025-11-01</FromDate><ThruDate>2025-11-30</ThruDate></DateRange>";
    for (auto binding : {"xml", "soap11", "soap12"}) {
      auto q = send(binding, "DeliveryNoteQueryRequest", cred() + range);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(q, std::string("200"), code_of(q));
      CPPUNIT_ASSERT_EQUAL_MESSAGE(q, 2, count_elements(q, "DeliveryNoteHeader"));
      CPPUNIT_ASSERT_EQUAL_MESSAGE(q, std::string("DN-2"), first_text(q, "DeliveryNoteID").value_or(""));  // newest
      CPPUNIT_ASSERT_EQUAL_MESSAGE(q, std::string("2025-11-01"), first_text(q, "FromDate").value_or(""));
      auto d = send(binding, "DeliveryNoteDetailsRequest",
                    cred() + "<DeliveryNoteID>DN-1</DeliveryNoteID><DeliveryNoteID>DN-9</DeliveryNoteID>");
      CPPUNIT_ASSERT_EQUAL_MESSAGE(d, 2, count_elements(d, "LineItem"));
      CPPUNIT_ASSERT_EQUAL_MESSAGE(d, 2, count_elements(d, "TrackingURL"));
      CPPUNIT_ASSERT_EQUAL_MESSAGE(d, std::string("DN-9"), first_text(d, "UnknownID").value_or(""));
      CPPUNIT_ASSERT_MESSAGE(d, has(d, ">29.50</"));  // line price = quantity x unit price when not given
      auto i = send(binding, "InvoiceInformationDetailsRequest", cred() + "<InvoiceID>INV-1</InvoiceID>");
      CPPUNIT_ASSERT_EQUAL_MESSAGE(i, std::string("82.59"), first_text(i, "GrossSum").value_or(""));
      CPPUNIT_ASSERT_EQUAL_MESSAGE(i, std::string("13.19"), first_text(i, "TaxAmount").value_or(""));
      CPPUNIT_ASSERT_EQUAL_MESSAGE(i, std::string("https://i.example/INV-1.pdf"),
                                   first_text(i, "InvoiceURL").value_or(""));
    }
    auto u = get("InvoiceInformationQueryRequest&FromDate=2025-11-01&ThruDate=2025-11-30&DeliveryNoteID=DN-1");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(u, 1, count_elements(u, "InvoiceHeader"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(u, std::string("INV-1"), first_text(u, "InvoiceID").value_or(""));
    auto ud = get("DeliveryNoteDetailsRequest&DeliveryNoteID=DN-2&DeliveryNoteID=DN-1");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(ud, 2, count_elements(ud, "DeliveryNote"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(ud, std::string("DN-2"), first_text(ud, "DeliveryNoteID").value_or(""));  // as asked
    validate_all();
  }

  void bad_rows_are_named_and_refuse_their_document_only() {
    start();
    auto run = import("delivery-notes", kBadNotes);
    CPPUNIT_ASSERT_MESSAGE(run.out, run.status != 0);
    for (const char* line :
         {"row 3: quantity 'ten' is not a decimal number", "row 5: buyer_id differs from row 4 of delivery note DN-B",
          "row 6: buyer NOBODY is not a buyer of this seller (delivery note DN-U not loaded)",
          "row 7: item_id is empty", "6 rows read, 1 documents written", "4 refused"})
      CPPUNIT_ASSERT_MESSAGE(std::string(line) + " in\n" + run.out, has(run.out, line));
    auto d = send("xml", "DeliveryNoteDetailsRequest",
                  cred() +
                      "<DeliveryNoteID>DN-OK</DeliveryNoteID><DeliveryNoteID>DN-B</DeliveryNoteID>"
                      "<DeliveryNoteID>DN-Q</DeliveryNoteID>");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(d, 1, count_elements(d, "DeliveryNote"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(d, 2, count_elements(d, "UnknownID"));
    // A file without a required column writes nothing.
    auto missing =
        import("delivery-notes", "delivery_note_id,buyer_id,issue_date,item_id,quantity\nX,B127645,2025-11-01,A,1\n");
    CPPUNIT_ASSERT_MESSAGE(missing.out, missing.status != 0);
    CPPUNIT_ASSERT_MESSAGE(missing.out, has(missing.out, "row 1: the header row has no column unit_price"));
    // An unknown seller is refused as a whole.
    auto seller = import("invoices", kInvoices, " --delimiter ';' --seller nobody");
    CPPUNIT_ASSERT_MESSAGE(seller.out, seller.status != 0 && has(seller.out, "there is no seller 'nobody'"));
    validate_all();
  }

  void loading_again_replaces_and_is_idempotent() {
    start();
    CPPUNIT_ASSERT_EQUAL(0, import("delivery-notes", kNotes).status);
    auto before = send("xml", "DeliveryNoteDetailsRequest", cred() + "<DeliveryNoteID>DN-1</DeliveryNoteID>");
    auto again = import("delivery-notes", kNotes);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(again.out, 0, again.status);
    CPPUNIT_ASSERT_MESSAGE(again.out, has(again.out, "3 documents written (3 replacing one of the same ID)"));
    auto after = send("xml", "DeliveryNoteDetailsRequest", cred() + "<DeliveryNoteID>DN-1</DeliveryNoteID>");
    CPPUNIT_ASSERT_EQUAL(before, after);
    // A corrected DN-1 with one line and a new date replaces the old one whole.
    CPPUNIT_ASSERT_EQUAL(0, import("delivery-notes",
                                   "delivery_note_id,buyer_id,issue_date,item_id,quantity,unit_price\n"
                                   "DN-1,B127645,2025-11-24,200600221,1,19.95\n")
                                .status);
    auto changed = send("xml", "DeliveryNoteDetailsRequest", cred() + "<DeliveryNoteID>DN-1</DeliveryNoteID>");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(changed, 1, count_elements(changed, "LineItem"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(changed, 0, count_elements(changed, "TrackingURL"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(changed, std::string("2025-11-24"), first_text(changed, "IssueDate").value_or(""));
    validate_all();
  }

  void invoices_must_add_up() {
    start();
    auto run =
        import("invoices",
               "invoice_id,buyer_id,issue_date,gross_sum,net_sum,vat_rate,vat_amount,item_id,quantity,unit_price\n"
               "I-NET,B127645,2025-11-26,11.90,10.00,19,1.90,200300156,2,4.50\n"
               "I-GROSS,B127645,2025-11-26,12.00,9.00,19,1.71,200300156,2,4.50\n"
               "I-VAT,B127645,2025-11-26,10.71,9.00,19,,200300156,2,4.50\n"
               "I-OK,B127645,2025-11-26,10.71,9.00,19,1.71,200300156,2,4.50\n");
    CPPUNIT_ASSERT_MESSAGE(run.out, run.status != 0);
    for (const char* line :
         {"row 2: net_sum 10.00 of invoice I-NET is not the sum of its line prices, 9.00",
          "row 3: gross_sum 12.00 of invoice I-GROSS is not net_sum 9.00 + VAT 1.71",
          "row 4: vat_amount at 19 % is empty on every row of invoice I-VAT", "1 documents written, 3 refused"})
      CPPUNIT_ASSERT_MESSAGE(std::string(line) + " in\n" + run.out, has(run.out, line));
    validate_all();
  }

  void another_buyer_or_seller_sees_nothing() {
    start();
    std::string d = " --data " + data_.string();
    CPPUNIT_ASSERT_EQUAL(0, ordergate("seller add acme" + d).status);
    CPPUNIT_ASSERT_EQUAL(0, ordergate("buyer add B127645 --seller acme" + d, "acme-pass").status);
    CPPUNIT_ASSERT_EQUAL(0, import("delivery-notes", kNotes).status);
    auto acme_run = import("delivery-notes",
                           "delivery_note_id,buyer_id,issue_date,item_id,quantity,unit_price\n"
                           "DN-ACME,B127645,2025-11-23,A-1,1,1.00\n",
                           " --seller acme");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(acme_run.out, 0, acme_run.status);
    const std::string all = "<DateRange><FromDate>2025-01-01</FromDate></DateRange>";
    // B200001 sees its own DN-3 only; DN-1 of B127645 is unknown to it.
    auto other = send("xml", "DeliveryNoteQueryRequest", cred("B200001", "secret2") + all);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(other, 1, count_elements(other, "DeliveryNoteHeader"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(other, std::string("DN-3"), first_text(other, "DeliveryNoteID").value_or(""));
    auto foreign = send("soap11", "DeliveryNoteDetailsRequest",
                        cred("B200001", "secret2") + "<DeliveryNoteID>DN-1</DeliveryNoteID>");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(foreign, 0, count_elements(foreign, "DeliveryNote"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(foreign, std::string("DN-1"), first_text(foreign, "UnknownID").value_or(""));
    // acme's B127645 (by path and by SellersID) sees acme's documents only; the default seller's B127645 not acme's.
    auto at_acme = send("xml", "DeliveryNoteQueryRequest", cred("B127645", "acme-pass") + all, "/veloconnect/acme");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(at_acme, 1, count_elements(at_acme, "DeliveryNoteHeader"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(at_acme, std::string("DN-ACME"), first_text(at_acme, "DeliveryNoteID").value_or(""));
    auto by_id = send("soap12", "DeliveryNoteDetailsRequest",
                      cred("B127645", "acme-pass") +
                          "<vct:SellersID>acme</vct:SellersID><DeliveryNoteID>DN-1</DeliveryNoteID>"
                          "<DeliveryNoteID>DN-ACME</DeliveryNoteID>");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(by_id, 1, count_elements(by_id, "DeliveryNote"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(by_id, std::string("DN-1"), first_text(by_id, "UnknownID").value_or(""));
    auto home = send("xml", "DeliveryNoteDetailsRequest", cred() + "<DeliveryNoteID>DN-ACME</DeliveryNoteID>");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(home, 0, count_elements(home, "DeliveryNote"));
    // Credentials first: a wrong password learns nothing.
    auto wrong =
        send("xml", "DeliveryNoteDetailsRequest", cred("B127645", "nope") + "<DeliveryNoteID>DN-1</DeliveryNoteID>");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(wrong, std::string("411"), code_of(wrong));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(wrong, 0, count_elements(wrong, "UnknownID"));
    validate_all();
  }

  void date_range_and_references_filter() {
    start();
    CPPUNIT_ASSERT_EQUAL(0, import("delivery-notes", kNotes).status);
    CPPUNIT_ASSERT_EQUAL(0, import("invoices", kInvoices, " --delimiter ';'").status);
    auto range = [](const char* from, const char* thru) {
      std::string r = "<DateRange>";
      if (*from) r += std::string("<FromDate>") + from + "</FromDate>";
      if (*thru) r += std::string("<ThruDate>") + thru + "</ThruDate>";
      return r + "</DateRange>";
    };
    // Inclusive bounds on the IssueDate (DN-1 2025-11-20, DN-2 2025-11-25).
    auto both = send("xml", "DeliveryNoteQueryRequest", cred() + range("2025-11-20", "2025-11-25"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(both, 2, count_elements(both, "DeliveryNoteHeader"));
    auto first = send("xml", "DeliveryNoteQueryRequest", cred() + range("2025-11-19", "2025-11-24"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(first, 1, count_elements(first, "DeliveryNoteHeader"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(first, std::string("DN-1"), first_text(first, "DeliveryNoteID").value_or(""));
    auto none = send("xml", "DeliveryNoteQueryRequest", cred() + range("2025-11-26", "2025-11-30"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(none, 0, count_elements(none, "DeliveryNoteHeader"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(none, std::string("2025-11-30"), first_text(none, "ThruDate").value_or(""));
    // Only ThruDate: the default window of 90 days before it is echoed.
    auto thru = send("xml", "DeliveryNoteQueryRequest", cred() + range("", "2025-11-30"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(thru, std::string("2025-09-02"), first_text(thru, "FromDate").value_or(""));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(thru, 2, count_elements(thru, "DeliveryNoteHeader"));
    // Reversed: 400.
    auto reversed = send("xml", "DeliveryNoteQueryRequest", cred() + range("2025-11-25", "2025-11-20"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(reversed, std::string("400"), code_of(reversed));
    // References: OrderID (any of them), OrderConfirmationID, and both kinds together.
    auto wide = range("2025-01-01", "2025-12-31");
    auto by_order =
        send("xml", "DeliveryNoteQueryRequest", cred() + wide + "<OrderID>ERP-2</OrderID><OrderID>X</OrderID>");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(by_order, 1, count_elements(by_order, "DeliveryNoteHeader"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(by_order, std::string("DN-2"), first_text(by_order, "DeliveryNoteID").value_or(""));
    auto by_note =
        send("xml", "InvoiceInformationQueryRequest", cred() + wide + "<DeliveryNoteID>DN-1</DeliveryNoteID>");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(by_note, 1, count_elements(by_note, "InvoiceHeader"));
    auto and_kinds = send("xml", "InvoiceInformationQueryRequest",
                          cred() + wide + "<OrderID>ERP-1</OrderID><DeliveryNoteID>DN-2</DeliveryNoteID>");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(and_kinds, 0, count_elements(and_kinds, "InvoiceHeader"));
    auto unconfirmed =
        send("xml", "DeliveryNoteQueryRequest", cred() + wide + "<OrderConfirmationID>OC-ERP-1</OrderConfirmationID>");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(unconfirmed, 0, count_elements(unconfirmed, "DeliveryNoteHeader"));
    // The URL binding: FromDate/ThruDate and repeated parameters.
    auto url = get("DeliveryNoteQueryRequest&FromDate=2025-11-21&ThruDate=2025-11-30&OrderID=ERP-1&OrderID=ERP-2");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(url, 1, count_elements(url, "DeliveryNoteHeader"));
    auto bad = get("DeliveryNoteQueryRequest&FromDate=21.11.2026");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(bad, std::string("405"), code_of(bad));
    validate_all();
  }

  void limits_cut_at_whole_days_and_refuse_too_many_ids() {
    start({"--max-receipt-headers", "2", "--max-receipt-ids", "2"});
    CPPUNIT_ASSERT_EQUAL(0, import("delivery-notes",
                                   "delivery_note_id,buyer_id,issue_date,item_id,quantity,unit_price\n"
                                   "L-1,B127645,2025-11-10,A,1,1\nL-2,B127645,2025-11-11,A,1,1\n"
                                   "L-3,B127645,2025-11-11,A,1,1\nL-4,B127645,2025-11-12,A,1,1\n")
                                .status);
    const std::string range = "<DateRange><FromDate>2025-11-01</FromDate><ThruDate>2025-11-30</ThruDate></DateRange>";
    // Newest two would split 2025-11-11: only the whole day 2025-11-12 is listed.
    auto page = send("xml", "DeliveryNoteQueryRequest", cred() + range);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(page, 1, count_elements(page, "DeliveryNoteHeader"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(page, std::string("2025-11-12"), first_text(page, "FromDate").value_or(""));
    CPPUNIT_ASSERT_MESSAGE(page, has(page, "ask again with ThruDate 2025-11-11"));
    auto next = send("xml", "DeliveryNoteQueryRequest",
                     cred() + "<DateRange><FromDate>2025-11-01</FromDate><ThruDate>2025-11-11</ThruDate></DateRange>");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(next, 2, count_elements(next, "DeliveryNoteHeader"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(next, std::string("2025-11-11"), first_text(next, "FromDate").value_or(""));
    auto last = send("xml", "DeliveryNoteQueryRequest",
                     cred() + "<DateRange><FromDate>2025-11-01</FromDate><ThruDate>2025-11-10</ThruDate></DateRange>");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(last, 1, count_elements(last, "DeliveryNoteHeader"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(last, 0, count_elements(last, "ResponseMessage"));
    // Three IDs where two are allowed: 400, whoever's they are.
    auto many = send("soap11", "DeliveryNoteDetailsRequest",
                     cred() +
                         "<DeliveryNoteID>L-1</DeliveryNoteID><DeliveryNoteID>L-2</DeliveryNoteID>"
                         "<DeliveryNoteID>L-3</DeliveryNoteID>");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(many, std::string("400"), code_of(many));
    CPPUNIT_ASSERT_MESSAGE(many, has(many, "at most 2 IDs per DeliveryNoteDetails (3 sent)"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(many, std::string("DeliveryNoteDetailsResponse"), payload_name(many));
    auto filters = get("InvoiceInformationQueryRequest&OrderID=A&DeliveryNoteID=B&OrderConfirmationID=C");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(filters, std::string("400"), code_of(filters));
    CPPUNIT_ASSERT_MESSAGE(filters, has(filters, "at most 2 IDs per InvoiceInformationQuery (3 sent)"));
    auto two = get("DeliveryNoteDetailsRequest&DeliveryNoteID=L-1&DeliveryNoteID=L-2");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(two, 2, count_elements(two, "DeliveryNote"));
    validate_all();
  }

  void finished_orders_are_confirmed() {
    start();
    const std::string q = "&BuyersID=B127645&Password=secret";
    auto step = [&](const std::string& query) {
      return remember(client().get("/veloconnect?RequestName=" + query + q).body);
    };
    auto created =
        step("CreateOrderRequest&Quantity.52090311100=500&quantityUnitCode.52090311100=EA&Quantity.200600221=2");
    std::string tid = first_text(created, "TransactionID").value_or("");
    auto finished = step("FinishOrderRequest&TransactionID=" + tid);
    std::string order_id = first_text(finished, "OrderID").value_or("");
    CPPUNIT_ASSERT_MESSAGE(finished, order_id.rfind("OG-", 0) == 0);
    // A test order is not confirmed.
    auto test = step("CreateOrderRequest&IsTest=true&Quantity.200600221=1");
    step("FinishOrderRequest&IsTest=true&TransactionID=" + first_text(test, "TransactionID").value_or(""));
    // An open one neither.
    step("CreateOrderRequest&Quantity.200600221=7");

    auto headers = send("xml", "OrderConfirmationQueryRequest", cred());
    CPPUNIT_ASSERT_EQUAL_MESSAGE(headers, 1, count_elements(headers, "OrderConfirmationHeader"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(headers, "OC-" + order_id, first_text(headers, "OrderConfirmationID").value_or(""));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(headers, order_id, first_text(headers, "OrderID").value_or(""));
    auto by_order = send("soap12", "OrderConfirmationQueryRequest", cred() + "<OrderID>" + order_id + "</OrderID>");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(by_order, 1, count_elements(by_order, "OrderConfirmationHeader"));
    auto other_order = send("soap12", "OrderConfirmationQueryRequest", cred() + "<OrderID>OG-99</OrderID>");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(other_order, 0, count_elements(other_order, "OrderConfirmationHeader"));
    auto details = send("soap11", "OrderConfirmationDetailsRequest",
                        cred() + "<OrderConfirmationID>OC-" + order_id + "</OrderConfirmationID>");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(details, 2, count_elements(details, "LineItem"));
    CPPUNIT_ASSERT_MESSAGE(details, has(details, "quantityUnitCode=\"PK\">5<"));  // 500 EA became 5 PK
    CPPUNIT_ASSERT_MESSAGE(details, has(details, ">245.00<"));                    // 5 x 49.00
    CPPUNIT_ASSERT_MESSAGE(details, has(details, ">39.90<"));                     // 2 x 19.95
    // Another buyer: unknown.
    auto foreign = send("xml", "OrderConfirmationDetailsRequest",
                        cred("B200001", "secret2") + "<OrderConfirmationID>OC-" + order_id + "</OrderConfirmationID>");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(foreign, 0, count_elements(foreign, "OrderConfirmation"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(foreign, 1, count_elements(foreign, "UnknownID"));
    // A delivery note of that order refers to its confirmation too.
    CPPUNIT_ASSERT_EQUAL(
        0, import("delivery-notes",
                  "delivery_note_id,buyer_id,issue_date,order_id,order_line_id,item_id,quantity,unit_price\n"
                  "DN-OG,B127645,2025-11-28," +
                      order_id + ",2,200600221,2,19.95\n")
               .status);
    auto note = send("xml", "DeliveryNoteQueryRequest",
                     cred() + "<DateRange><FromDate>2025-11-28</FromDate></DateRange><OrderConfirmationID>OC-" +
                         order_id + "</OrderConfirmationID>");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(note, 1, count_elements(note, "DeliveryNoteHeader"));
    // The demo profile in profile-1.6 lists the receipt operations; 1.1 cannot name them.
    auto p16 = get("GetProfileRequest&version=1.6");
    CPPUNIT_ASSERT_MESSAGE(p16, has(p16, ">DeliveryNoteQuery<") && has(p16, ">OfferDetails<"));
    auto p11 = get("GetProfileRequest");
    CPPUNIT_ASSERT_MESSAGE(p11, !has(p11, "DeliveryNoteQuery"));
    validate_all();
  }

  // A database made by the migrations before the receipt tables, holding the
  // demo buyer: the server migrates it and adds the demo receipts.
  void a_demo_database_from_before_receipts_gets_the_demo_receipts() {
    auto all = store::sqlite::migrations();
    std::size_t receipts_at = 0;
    while (receipts_at < all.size() &&
           std::string(all[receipts_at]).find("CREATE TABLE receipts (") == std::string::npos)
      ++receipts_at;
    CPPUNIT_ASSERT(receipts_at < all.size());
    std::filesystem::create_directories(data_);
    const std::string path = (data_ / "ordergate.db").string();
    sqlite3* db = nullptr;
    CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_open(path.c_str(), &db));
    std::string sql;
    for (std::size_t i = 0; i < receipts_at; ++i) sql += all[i];
    sql += "INSERT INTO buyers VALUES ('', 'B127645', 'Demo dealer 1', x'00', x'00', 1);";
    sql += "PRAGMA user_version = " + std::to_string(receipts_at) + ";";
    char* error = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(message, SQLITE_OK, rc);
    start();
    CPPUNIT_ASSERT_EQUAL(0, server_->stop());
    store::sqlite::SqliteStore s({path});
    auto note = s.read_now([](store::ReadView& r) {
      return r.receipts("").receipt(model::ReceiptKind::DeliveryNote, "B127645", "DN-1001");
    });
    auto invoice = s.read_now(
        [](store::ReadView& r) { return r.receipts("").receipt(model::ReceiptKind::Invoice, "B127645", "INV-2001"); });
    CPPUNIT_ASSERT(note && invoice);
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, note->lines.size());
    s.stop();
  }

 private:
  std::unique_ptr<TempDir> dir_;
  std::filesystem::path data_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<HttpClient> client_;
  std::vector<std::string> answers_;

  void start(std::vector<std::string> args = {}) {
    server_ = std::make_unique<ServerProcess>(data_, std::move(args));
    client_ = std::make_unique<HttpClient>("127.0.0.1", server_->port());
  }
  HttpClient& client() { return *client_; }

  CommandRun import(const std::string& kind, const std::string& csv, const std::string& extra = "") {
    auto file = dir_->path() / ("import-" + std::to_string(answers_.size()) + ".csv");
    write_file(file, csv);
    return ordergate("import " + kind + " " + file.string() + " --data " + data_.string() + extra);
  }

  static std::string cred(const std::string& buyer = "B127645", const std::string& password = "secret") {
    return "<vct:BuyersID>" + buyer + "</vct:BuyersID><vct:Credential><vct:Password>" + password +
           "</vct:Password></vct:Credential>";
  }

  std::string remember(std::string body) {
    answers_.push_back(body);
    return body;
  }

  std::string send(const std::string& binding, const std::string& element, const std::string& content,
                   const std::string& path = "/veloconnect") {
    std::string doc = "<" + element + " xmlns=\"" + kR + "\" xmlns:vct=\"urn:veloconnect:transaction-1.0\">" + content +
                      "</" + element + ">";
    std::string op = element.substr(0, element.size() - 7);
    if (binding == "soap11")
      return remember(client()
                          .post(path,
                                "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>" + doc +
                                    "</s:Body></s:Envelope>",
                                "text/xml; charset=utf-8", {{"SOAPAction", "\"urn:veloconnect:" + op + "\""}})
                          .body);
    if (binding == "soap12")
      return remember(client()
                          .post(path,
                                "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>" + doc +
                                    "</s:Body></s:Envelope>",
                                "application/soap+xml; charset=utf-8")
                          .body);
    return remember(client().post(path, doc, "application/xml").body);
  }

  std::string get(const std::string& query) {
    return remember(client().get("/veloconnect?BuyersID=B127645&Password=secret&RequestName=" + query).body);
  }

  // Every answer the test saw: valid against ordergate's XSDs (the 200s) and,
  // where the reference copy is found, the standard's (all of them).
  void validate_all() {
    for (const auto& a : answers_)
      if (code_of(a) == "200") CPPUNIT_ASSERT_EQUAL_MESSAGE(a, std::string(""), validate_against_project_xsd(a));
    auto official = official_dir();
    if (!official || answers_.empty()) return;
    TempDir schemas;
    OfficialSchema s;
    load_official(*official, schemas.path(), s);
    CPPUNIT_ASSERT(s.schema);
    for (const auto& a : answers_) {
      if (payload_namespace(a) != kR) continue;
      std::string errors = official_errors(s.schema, a);
      CPPUNIT_ASSERT_MESSAGE("not valid against the standard: " + errors + "\n" + a, errors.empty());
    }
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ReceiptModuleTest);

}  // namespace og::test
