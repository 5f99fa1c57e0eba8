// One Veloconnect request as the kit means it, and its bytes in each binding.
// The kit writes requests itself (not through the server's gSOAP bindings):
// it must be able to send what a sloppy client sends too (the leniency
// probes), and it must not share code with the server it judges.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace og::app::conformance {

enum class Binding { Url, Xml, Soap11, Soap12 };

// "url", "xml", "soap11", "soap12"; nullopt for anything else.
std::optional<Binding> parse_binding(const std::string& name);
const char* binding_name(Binding b);

struct Line {
  std::string item;
  std::string quantity = "1";
  std::string unit;  // empty: no quantityUnitCode
};

struct Request {
  std::string name;  // the root element, e.g. "CreateOrderRequest"
  std::string buyer;
  std::string password;
  std::string sellers_id;
  std::string transaction_id;
  bool is_test = false;
  std::vector<Line> lines;  // OrderRequestLine, RequestEntry, or GetItemDetails' one item
  std::optional<std::string> search_string;
  // Operation fields in schema order (StartIndex, Count, ResultFormat, DoNotClose).
  std::vector<std::pair<std::string, std::string>> fields;
};

// How the XML is written: the standard's form, or one a lenient server should
// still take.
enum class Style { Standard, Unqualified, EnvelopeReordered, ByteOrderMark };

struct HttpCall {
  std::string method;  // GET or POST
  std::string query;   // URL binding: the form, without '?'
  std::string content_type;
  std::string soap_action;  // SOAP 1.1's header (1.2 carries it in the content type)
  std::string body;
};

// The namespace of the request's root element (profile-1.1, order-1.1, catalog-1.5, transaction-1.0).
std::string request_namespace(const std::string& name);
// The request document (no SOAP envelope).
std::string xml_document(const Request& r, Style style = Style::Standard);
// The HTTP request in `binding`; Style applies to the XML bindings only.
HttpCall build(const Request& r, Binding binding, Style style = Style::Standard);
// application/x-www-form-urlencoded escaping.
std::string form_escape(const std::string& s);

}  // namespace og::app::conformance
