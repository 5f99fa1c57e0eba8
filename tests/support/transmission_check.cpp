#include "support/transmission_check.hpp"

#include <cppunit/TestAssert.h>
#include <sqlite3.h>

#include "support/xml_check.hpp"

namespace og::test {

const std::string kTransmissionNs =
    " xmlns:vct=\"urn:veloconnect:transaction-1.0\" "
    "xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-1.0\" "
    "xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-1.0\"";

std::string cred(const std::string& buyer, const std::string& password) {
  return "<vct:BuyersID>" + buyer + "</vct:BuyersID><vct:Credential><vct:Password>" + password +
         "</vct:Password></vct:Credential>";
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

std::string TransmissionModule::transmit(const std::string& envelope, const std::string& lines) const {
  return "<" + transmit_root + " xmlns=\"" + ns + "\"" + kTransmissionNs + ">" + envelope + header + lines + "</" +
         transmit_root + ">";
}

std::string TransmissionModule::status(const std::string& envelope, const std::string& id, int start, int count,
                                       bool do_not_close) const {
  return "<" + status_root + " xmlns=\"" + ns + "\"" + kTransmissionNs + ">" + envelope + "<vct:TransactionID>" + id +
         "</vct:TransactionID><StartIndex>" + std::to_string(start) + "</StartIndex><Count>" + std::to_string(count) +
         "</Count>" + (do_not_close ? "<DoNotClose>true</DoNotClose>" : "") + "</" + status_root + ">";
}

std::string TransmissionModule::transmit_response() const {
  return transmit_root.substr(0, transmit_root.size() - 7) + "Response";
}

std::string TransmissionModule::status_response() const {
  return status_root.substr(0, status_root.size() - 7) + "Response";
}

PagedAnswers check_paging(HttpClient& c, const TransmissionModule& m, const std::string& three_lines) {
  PagedAnswers a;
  auto post = [&](const std::string& body) { return c.post("/veloconnect", body, "application/xml").body; };
  auto sent = post(m.transmit(cred(), three_lines));
  CPPUNIT_ASSERT_EQUAL_MESSAGE(sent, std::string("200"), code_of(sent));
  CPPUNIT_ASSERT_EQUAL(m.transmit_response(), payload_name(sent));
  CPPUNIT_ASSERT_EQUAL(std::string("2"), first_text(sent, "StatusCode").value_or(""));
  a.id = first_text(sent, "TransactionID").value_or("");
  CPPUNIT_ASSERT_EQUAL(std::size_t{32}, a.id.size());

  // First page: clamped StartIndex, the instance stays open.
  a.first = post(m.status(cred(), a.id, -5, 2));
  CPPUNIT_ASSERT_EQUAL_MESSAGE(a.first, std::string("200"), code_of(a.first));
  CPPUNIT_ASSERT_EQUAL(m.status_response(), payload_name(a.first));
  CPPUNIT_ASSERT_EQUAL(std::string("0"), first_text(a.first, "StartIndex").value_or(""));
  CPPUNIT_ASSERT_EQUAL(std::string("2"), first_text(a.first, "Count").value_or(""));
  CPPUNIT_ASSERT_EQUAL(std::string("3"), first_text(a.first, "TotalCount").value_or(""));
  CPPUNIT_ASSERT_EQUAL(std::string("2"), first_text(a.first, "StatusCode").value_or(""));
  CPPUNIT_ASSERT_EQUAL(2, count_elements(a.first, m.response_line));
  // The last page with DoNotClose keeps it open; without, it ends it.
  a.kept = post(m.status(cred(), a.id, 2, 100, true));
  CPPUNIT_ASSERT_EQUAL(std::string("2"), first_text(a.kept, "StatusCode").value_or(""));
  CPPUNIT_ASSERT_EQUAL(1, count_elements(a.kept, m.response_line));
  a.last = post(m.status(cred(), a.id, 1, 100));
  CPPUNIT_ASSERT_EQUAL(std::string("100"), first_text(a.last, "StatusCode").value_or(""));
  CPPUNIT_ASSERT_EQUAL(2, count_elements(a.last, m.response_line));
  auto after = post(m.status(cred(), a.id, 0, 1));
  CPPUNIT_ASSERT_EQUAL(std::string("430"), code_of(after));
  CPPUNIT_ASSERT_EQUAL(std::string("100"), first_text(after, "StatusCode").value_or(""));
  CPPUNIT_ASSERT_EQUAL(m.status_response(), payload_name(after));
  return a;
}

void check_hidden_from_other_buyer(HttpClient& c, const TransmissionModule& m, const std::string& id) {
  auto theirs = c.post("/veloconnect", m.status(cred("B200001", "secret2"), id, 0, 10), "application/xml").body;
  CPPUNIT_ASSERT_EQUAL_MESSAGE(theirs, std::string("420"), code_of(theirs));
  CPPUNIT_ASSERT_EQUAL(0, count_elements(theirs, m.response_line));
  CPPUNIT_ASSERT_EQUAL(std::string("1"), first_text(theirs, "StatusCode").value_or(""));
}

void check_line_limit(HttpClient& c, const TransmissionModule& m, const std::string& line_a, const std::string& line_b,
                      const std::string& line_c) {
  auto two = c.post("/veloconnect", m.transmit(cred(), line_a + line_b), "application/xml").body;
  CPPUNIT_ASSERT_EQUAL_MESSAGE(two, std::string("200"), code_of(two));
  auto three = c.post("/veloconnect", m.transmit(cred(), line_a + line_b + line_c), "application/xml").body;
  CPPUNIT_ASSERT_EQUAL_MESSAGE(three, std::string("400"), code_of(three));
  CPPUNIT_ASSERT_EQUAL(m.transmit_response(), payload_name(three));
  CPPUNIT_ASSERT_EQUAL(std::string("1"), first_text(three, "StatusCode").value_or(""));
}

void check_soap_and_no_url(HttpClient& c, const TransmissionModule& m, const std::string& action,
                           const std::string& lines) {
  auto soap = c.post("/veloconnect",
                     "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>" +
                         m.transmit(cred(), lines) + "</s:Body></s:Envelope>",
                     "text/xml; charset=utf-8", {{"SOAPAction", "\"" + action + "\""}});
  CPPUNIT_ASSERT_EQUAL_MESSAGE(soap.body, std::string("200"), code_of(soap.body));
  CPPUNIT_ASSERT(soap.body.find("Envelope") != std::string::npos);
  auto soap12 = c.post("/veloconnect",
                       "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>" +
                           m.transmit(cred(), lines) + "</s:Body></s:Envelope>",
                       "application/soap+xml; charset=utf-8; action=\"" + action + "\"");
  CPPUNIT_ASSERT_EQUAL_MESSAGE(soap12.body, std::string("200"), code_of(soap12.body));
  auto url = c.get("/veloconnect?RequestName=" + m.transmit_root + "&BuyersID=B127645&Password=secret").body;
  CPPUNIT_ASSERT_EQUAL(std::string("404"), code_of(url));
  CPPUNIT_ASSERT_EQUAL(m.transmit_response(), payload_name(url));
}

std::string check_unqualified(HttpClient& c, const TransmissionModule& m, const std::string& content) {
  const std::string envelope = "<BuyersID>B127645</BuyersID><Credential><Password>secret</Password></Credential>";
  auto plain = c.post("/veloconnect", "<" + m.transmit_root + ">" + envelope + content + "</" + m.transmit_root + ">",
                      "application/xml")
                   .body;
  CPPUNIT_ASSERT_EQUAL_MESSAGE(plain, std::string("200"), code_of(plain));
  std::string id = first_text(plain, "TransactionID").value_or("");
  auto page = c.post("/veloconnect",
                     "<" + m.status_root + ">" + envelope + "<TransactionID>" + id +
                         "</TransactionID><StartIndex>0</StartIndex><Count>5</Count></" + m.status_root + ">",
                     "application/xml")
                  .body;
  CPPUNIT_ASSERT_EQUAL_MESSAGE(page, std::string("200"), code_of(page));
  CPPUNIT_ASSERT_EQUAL(1, count_elements(page, m.response_line));
  return page;
}

}  // namespace og::test
