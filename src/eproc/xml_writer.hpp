// A small writer for the SOAP binding's answers: every element in the
// e-procurement namespace under the prefix "ep", text escaped and made safe
// for XML 1.0 (what providers send is not trusted to be: control characters
// and bytes that are not UTF-8 become U+FFFD).
#pragma once
#include <string>
#include <string_view>

namespace og::eproc {

inline constexpr std::string_view kNamespace = "urn:ordergate:eprocurement:1";

// Character data or an attribute value, escaped and valid XML 1.0 UTF-8.
std::string xml_text(std::string_view text);

class XmlWriter {
 public:
  // The root element, declaring the namespace.
  void root(std::string_view name);
  void open(std::string_view name);
  void close(std::string_view name);
  void leaf(std::string_view name, std::string_view text);
  // Only when `text` is not empty.
  void leaf_if(std::string_view name, std::string_view text);
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// xsd:decimal's lexical form ("-1.50", ".5", "5."), and xsd:date's plain
// YYYY-MM-DD: provider values are written into elements of those types only
// when they are (else left out, so answers stay schema-valid).
bool is_xsd_decimal(std::string_view text);
bool is_plain_date(std::string_view text);

}  // namespace og::eproc
