// What the e2e tests of every transmission module (stock-B2B/B2C-1.4,
// sale-B2B/B2X-1.6) send and check alike: the modules differ in their
// elements and lines, not in how a transmission is opened, paged, ended,
// hidden from other buyers, bounded and refused in the URL binding.
#pragma once
#include <cstdint>
#include <string>

#include "support/http_client.hpp"

namespace og::test {

// The namespace declarations a qualified request needs besides its module's.
extern const std::string kTransmissionNs;

std::string cred(const std::string& buyer = "B127645", const std::string& password = "secret");
std::string code_of(const std::string& body);
// One integer from the server's database (read-only), -1 when there is none.
std::int64_t query_int(const std::string& path, const std::string& sql);

struct TransmissionModule {
  std::string transmit_root;  // "StockTransmitB2BRequest"
  std::string status_root;    // "GetItemStatusStockTransmitB2BRequest"
  std::string ns;             // "urn:veloconnect:stock-B2B-1.4"
  std::string header;         // what a transmit carries before its lines
  std::string response_line;  // "StockTransmitB2BResponseLine"

  std::string transmit(const std::string& envelope, const std::string& lines) const;
  std::string status(const std::string& envelope, const std::string& id, int start, int count,
                     bool do_not_close = false) const;
  std::string transmit_response() const;  // the transmit's response element
  std::string status_response() const;
};

struct PagedAnswers {
  std::string id;
  std::string first;  // StartIndex -5 (clamped to 0), Count 2: open
  std::string kept;   // the last line with DoNotClose: still open
  std::string last;   // from line 1 to the end: ended (100)
};

// Transmits `three_lines` and pages through them as above; a status after
// the end is 430 with StatusCode 100. Returns the pages for the module's own
// checks of what its lines carry.
PagedAnswers check_paging(HttpClient& c, const TransmissionModule& m, const std::string& three_lines);

// Another buyer's status request for `id`: 420 with StatusCode 1 and no lines.
void check_hidden_from_other_buyer(HttpClient& c, const TransmissionModule& m, const std::string& id);

// Against a server started with --max-stock-lines 2: two lines are taken,
// three refused with 400 in the module's element (StatusCode 1).
void check_line_limit(HttpClient& c, const TransmissionModule& m, const std::string& line_a, const std::string& line_b,
                      const std::string& line_c);

// The transmit in SOAP 1.1 (`action` as SOAPAction) and 1.2 is taken; the
// URL binding answers 404 in the module's element.
void check_soap_and_no_url(HttpClient& c, const TransmissionModule& m, const std::string& action,
                           const std::string& lines);

// Unqualified, as the official request collection sends elements: a
// transmit of `content` (what follows the credentials) and the status of its
// one line are taken. Returns the status page.
std::string check_unqualified(HttpClient& c, const TransmissionModule& m, const std::string& content);

}  // namespace og::test
