// The shape limits XmlReader checks before libxml2 builds a tree (scan_xml),
// the SOAP envelope rules (one Body, mustUnderstand), and the URL form's
// field limit and linear per-item decoding.
#include <cppunit/extensions/HelperMacros.h>

#include <optional>
#include <string>
#include <variant>

#include "message/schema_set.hpp"
#include "message/url_form.hpp"
#include "message/xml_limits.hpp"
#include "message/xml_reader.hpp"
#include "veloconnect/decode_url.hpp"
#include "veloconnect/endpoint.hpp"
#include "veloconnect/namespaces.hpp"

namespace og::test {

using message::scan_xml;
using message::XmlLimits;
using message::XmlScanProblem;
using Kind = XmlScanProblem::Kind;

namespace {

std::optional<XmlScanProblem> scan(const std::string& body, const XmlLimits& limits = {},
                                   std::optional<std::string_view> encoding = std::nullopt) {
  return scan_xml(body, encoding, limits);
}

bool refused(const std::string& body, const std::string& words, const XmlLimits& limits = {},
             std::optional<std::string_view> encoding = std::nullopt) {
  auto p = scan(body, limits, encoding);
  if (!p) return false;
  if (p->message.find(words) == std::string::npos) {
    std::printf("unexpected message: %s\n", p->message.c_str());
    return false;
  }
  return true;
}

std::string attributes(int n, const std::string& value = "1") {
  std::string out;
  for (int i = 0; i < n; ++i) out += " a" + std::to_string(i) + "=\"" + value + "\"";
  return out;
}

std::string utf16le(const std::string& ascii, bool bom = true) {
  std::string out = bom ? "\xFF\xFE" : "";
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

const char* kSoapProfile =
    R"(<?xml version="1.0" encoding="UTF-8"?>)"
    R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header/><s:Body>)"
    R"(<GetProfileRequest xmlns="urn:veloconnect:profile-1.1" xmlns:vct="urn:veloconnect:transaction-1.0">)"
    R"(<!-- a comment --><?pi target?><vct:BuyersID><![CDATA[B127645]]></vct:BuyersID>)"
    R"(<vct:Credential><vct:Password>secret</vct:Password></vct:Credential></GetProfileRequest>)"
    R"(</s:Body></s:Envelope>)";

}  // namespace

class XmlLimitsTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(XmlLimitsTest);
  CPPUNIT_TEST(real_requests_pass);
  CPPUNIT_TEST(attributes_per_element);
  CPPUNIT_TEST(elements_depth_and_text);
  CPPUNIT_TEST(forbidden_characters_and_doctype);
  CPPUNIT_TEST(encodings_the_scan_cannot_follow_are_refused);
  CPPUNIT_TEST(utf16_is_scanned_in_its_units);
  CPPUNIT_TEST(syntax_errors_do_not_hide_a_bomb);
  CPPUNIT_TEST(scan_is_linear);
  CPPUNIT_TEST(reader_refuses_over_limit_as_not_well_formed);
  CPPUNIT_TEST(envelope_with_two_bodies_is_not_valid);
  CPPUNIT_TEST(must_understand_header_blocks);
  CPPUNIT_TEST(problem_messages_are_capped);
  CPPUNIT_TEST(url_form_stops_at_its_field_limit);
  CPPUNIT_TEST(url_decoding_is_linear_and_refuses_long_identifiers);
  CPPUNIT_TEST_SUITE_END();

 public:
  void real_requests_pass() {
    CPPUNIT_ASSERT(!scan(kSoapProfile));
    CPPUNIT_ASSERT(!scan("\xEF\xBB\xBF<a b='x>y' c = \"1\" >text &amp; more</a >"));
    CPPUNIT_ASSERT(!scan("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\xE4</a>"));
    CPPUNIT_ASSERT(!scan("<a/>", {}, "windows-1252"));
    CPPUNIT_ASSERT(!scan("<a" + attributes(64) + "/>"));
  }

  void attributes_per_element() {
    CPPUNIT_ASSERT(refused("<a" + attributes(65) + "/>", "more than 64 attributes"));
    // Namespace declarations count: libxml2 checks them against each other too.
    std::string ns;
    for (int i = 0; i < 65; ++i) ns += " xmlns:p" + std::to_string(i) + "=\"urn:" + std::to_string(i) + "\"";
    CPPUNIT_ASSERT(refused("<a" + ns + "/>", "more than 64 attributes"));
    XmlLimits two;
    two.max_attributes = 2;
    CPPUNIT_ASSERT(!scan("<a x='1' y='2'><b x='1' y='2'/></a>", two));
    CPPUNIT_ASSERT(refused("<a x='1' y='2'><b x='1' y='2' z='3'/></a>", "more than 2 attributes", two));
    CPPUNIT_ASSERT_EQUAL(Kind::OverLimit, scan("<a" + attributes(65) + "/>")->kind);
  }

  void elements_depth_and_text() {
    XmlLimits small;
    small.max_elements = 3;
    small.max_depth = 2;
    small.max_text = 8;
    CPPUNIT_ASSERT(!scan("<a><b>12345678</b><b/></a>", small));
    CPPUNIT_ASSERT(refused("<a><b/><b/><b/></a>", "more than 3 elements", small));
    CPPUNIT_ASSERT(refused("<a><b><c/></b></a>", "nested deeper than 2", small));
    CPPUNIT_ASSERT(refused("<a><b>123456789</b></a>", "text node longer than 8 bytes", small));
    // CDATA is part of the text node around it; a comment ends one.
    CPPUNIT_ASSERT(refused("<a>1234<![CDATA[56789]]></a>", "text node longer than 8 bytes", small));
    CPPUNIT_ASSERT(!scan("<a>1234<!---->5678</a>", small));
    CPPUNIT_ASSERT(refused("<a x='123456789'/>", "attribute value longer than 8 bytes", small));
    CPPUNIT_ASSERT(refused("<a><!-- 123456789 --></a>", "comment longer than 8 bytes", small));
    CPPUNIT_ASSERT(refused("<a><?pi 123456789?></a>", "processing instruction longer than 8 bytes", small));
    // Line numbers point at the place.
    CPPUNIT_ASSERT(refused("<a>\n<b/>\n<b/>\n<b/></a>", "line 4: more than 3 elements", small));
  }

  void forbidden_characters_and_doctype() {
    std::string nul = "<a>x</a>";
    nul += '\0';
    nul += "<b/>";
    CPPUNIT_ASSERT(refused(nul, "a NUL character (at byte 8)"));
    CPPUNIT_ASSERT_EQUAL(Kind::NotWellFormed, scan(nul)->kind);
    CPPUNIT_ASSERT(refused("<a>\x01</a>", "a character XML does not allow"));
    CPPUNIT_ASSERT(refused("<a><!-- \xEF\xBF\xBF --></a>", "a character XML does not allow"));
    CPPUNIT_ASSERT(!scan("<a>\t\r\n</a>"));
    CPPUNIT_ASSERT(refused("<!DOCTYPE a [<!ENTITY x 'y'>]><a/>", "a DOCTYPE is not allowed"));
  }

  void encodings_the_scan_cannot_follow_are_refused() {
    CPPUNIT_ASSERT(refused("<a/>", "encoding UCS-4 is not supported", {}, "UCS-4"));
    CPPUNIT_ASSERT(refused("<a/>", "encoding x-no-such-charset is not supported", {}, "x-no-such-charset"));
    CPPUNIT_ASSERT(refused("<?xml version='1.0' encoding='EBCDIC-US'?><a/>", "encoding EBCDIC-US"));
    CPPUNIT_ASSERT(refused("<?xml version='1.0' encoding='UTF-7'?><a/>", "encoding UTF-7"));
    CPPUNIT_ASSERT(refused("\x4C\x6F\xA7\x94\x93\x40", "encoding EBCDIC"));
    // UTF-32 bytes hold NULs wherever libxml2 would find them.
    CPPUNIT_ASSERT(scan(std::string("\0\0\0<\0\0\0a", 8)));
    for (const char* ok :
         {"UTF-8", "utf8", "US-ASCII", "ISO-8859-15", "iso_8859-1", "latin1", "windows-1252", "cp1250", "UTF-16"})
      CPPUNIT_ASSERT_MESSAGE(ok, !scan("<a/>", {}, ok));
  }

  void utf16_is_scanned_in_its_units() {
    CPPUNIT_ASSERT(!scan(utf16le("<?xml version=\"1.0\" encoding=\"UTF-16\"?><a x='1'>t</a>")));
    CPPUNIT_ASSERT(refused(utf16le("<a" + attributes(65) + "/>"), "more than 64 attributes"));
    CPPUNIT_ASSERT(refused(utf16le("<a" + attributes(65) + "/>", false), "more than 64 attributes"));
    // A UTF-16 document must not switch to another encoding halfway.
    CPPUNIT_ASSERT(refused(utf16le("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>"), "ISO-8859-1"));
    CPPUNIT_ASSERT(refused(utf16le("<?xml version=\"1.0\" encoding=\"UTF-16BE\"?><a/>"), "UTF-16BE"));
    std::string nul = utf16le("<a>x</a>");
    nul += std::string(2, '\0');
    CPPUNIT_ASSERT(refused(nul, "NUL"));
  }

  // libxml2 goes on tokenising after a syntax error: what comes after one
  // must still be counted.
  void syntax_errors_do_not_hide_a_bomb() {
    std::string bomb = "<b" + attributes(100) + ">";
    for (const char* broken : {
             "<r><a =x>",                      // an attribute without a name
             "<r><a x=1>",                     // an unquoted value
             "<r><a x='<'>",                   // '<' in a value
             "<r><a x='1'y='2'>",              // no space between attributes
             "<r></a b>",                      // an end tag with more in it
             "<r><? no target ?>",             // a PI without a target
             "<?xml version=\"1.0\" x > <r>",  // a broken declaration ends at its first '>'
             "<r><!ELEMENT>",                  // markup that is no markup
             "<r><1a>",                        // a name that is none
         }) {
      CPPUNIT_ASSERT_MESSAGE(broken, refused(std::string(broken) + bomb + "?></r>", "more than 64 attributes"));
    }
    // The broken declaration's '?>' would have hidden the bomb from a scan to "?>".
    CPPUNIT_ASSERT(refused("<?xml version=\"1.0\" x > " + bomb + " ?><r/>", "more than 64 attributes"));
    // Many '=' in text after an error are not attributes unless a quote follows.
    CPPUNIT_ASSERT(!scan("<r><a =x>" + std::string(1000, '=') + "</r>"));
  }

  void scan_is_linear() {
    // 8 MB of attributes on one element, and 8 MB of elements. A scan that went
    // back over what it had seen would need hours for these and meet the test's
    // TIMEOUT (tests/CMakeLists.txt); its speed is measured in bench/parse.
    std::string one = "<a";
    while (one.size() < 8u << 20) one += " a=\"1\"";
    one += "/>";
    XmlLimits unlimited;
    unlimited.max_attributes = unlimited.max_elements = unlimited.max_text = 1u << 30;
    CPPUNIT_ASSERT(!scan(one, unlimited));
    std::string many = "<a>";
    while (many.size() < 8u << 20) many += "<b x='1'/>";
    many += "</a>";
    CPPUNIT_ASSERT(!scan(many, unlimited));
  }

  void reader_refuses_over_limit_as_not_well_formed() {
    message::SchemaSet schema(veloconnect::schema_roots());
    message::XmlReader reader(veloconnect::vocabulary(), schema, {});
    auto read =
        reader.read("<GetItemDetailsRequest" + attributes(100000) + "/>", std::nullopt, message::Envelope::Plain);
    auto* problem = std::get_if<message::XmlProblem>(&read);
    CPPUNIT_ASSERT(problem);
    CPPUNIT_ASSERT(problem->kind == message::XmlProblemKind::NotWellFormed);
    CPPUNIT_ASSERT_EQUAL(
        std::string("request refused: line 1: an element with more than 64 attributes (a limit of this server)"),
        problem->message);
    // The limits are the reader's.
    XmlLimits strict;
    strict.max_elements = 2;
    message::XmlReader small(veloconnect::vocabulary(), schema, {}, strict);
    read = small.read(kSoapProfile, std::nullopt, message::Envelope::Soap11);
    CPPUNIT_ASSERT(std::get<message::XmlProblem>(read).message.find("more than 2 elements") != std::string::npos);
    read = reader.read(kSoapProfile, std::nullopt, message::Envelope::Soap11);
    CPPUNIT_ASSERT(std::holds_alternative<message::XmlPayload>(read));
  }

  void envelope_with_two_bodies_is_not_valid() {
    message::SchemaSet schema(veloconnect::schema_roots());
    message::XmlReader reader(veloconnect::vocabulary(), schema, {});
    const std::string open = R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">)";
    const std::string body = R"(<s:Body><GetStatusRequest xmlns="urn:veloconnect:transaction-1.0"/></s:Body>)";
    for (const std::string& bad :
         {open + body + body + "</s:Envelope>", open + "<s:Header/><s:Header/>" + body + "</s:Envelope>",
          open + body + "<s:Header/></s:Envelope>"}) {
      auto read = reader.read(bad, std::nullopt, message::Envelope::Soap11);
      auto* problem = std::get_if<message::XmlProblem>(&read);
      CPPUNIT_ASSERT_MESSAGE(bad, problem && problem->kind == message::XmlProblemKind::NotValid);
      CPPUNIT_ASSERT(problem->message.starts_with("not a valid SOAP envelope: "));
    }
  }

  void must_understand_header_blocks() {
    message::SchemaSet schema(veloconnect::schema_roots());
    message::XmlReader reader(veloconnect::vocabulary(), schema, {});
    auto read11 = [&](const std::string& header) {
      return reader.read(R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>)" + header +
                             R"(</s:Header><s:Body><GetStatusRequest xmlns="urn:veloconnect:transaction-1.0">)"
                             R"(<BuyersID>B</BuyersID><Credential><Password>p</Password></Credential>)"
                             R"(</GetStatusRequest></s:Body></s:Envelope>)",
                         std::nullopt, message::Envelope::Soap11);
    };
    auto read12 = [&](const std::string& header) {
      return reader.read(R"(<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Header>)" + header +
                             R"(</s:Header><s:Body><GetStatusRequest xmlns="urn:veloconnect:transaction-1.0">)"
                             R"(<BuyersID>B</BuyersID><Credential><Password>p</Password></Credential>)"
                             R"(</GetStatusRequest></s:Body></s:Envelope>)",
                         std::nullopt, message::Envelope::Soap12);
    };
    auto must = [](const message::XmlReadResult& r) {
      auto* p = std::get_if<message::XmlProblem>(&r);
      return p && p->kind == message::XmlProblemKind::MustUnderstand;
    };
    auto read = read11(R"(<w:S xmlns:w="urn:w" s:mustUnderstand="1"/>)");
    CPPUNIT_ASSERT(must(read));
    const auto& blocks = std::get<message::XmlProblem>(read).not_understood;
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, blocks.size());
    CPPUNIT_ASSERT_EQUAL(std::string("urn:w"), blocks[0].ns);
    CPPUNIT_ASSERT_EQUAL(std::string("S"), blocks[0].local);
    CPPUNIT_ASSERT(must(read11(R"(<w:S xmlns:w="urn:w" s:mustUnderstand="1" )"
                               R"(s:actor="http://schemas.xmlsoap.org/soap/actor/next"/>)")));
    CPPUNIT_ASSERT(!must(read11(R"(<w:S xmlns:w="urn:w" s:mustUnderstand="1" s:actor="urn:other"/>)")));
    CPPUNIT_ASSERT(!must(read11(R"(<w:S xmlns:w="urn:w" s:mustUnderstand="0"/>)")));
    CPPUNIT_ASSERT(!must(read11(R"(<w:S xmlns:w="urn:w" mustUnderstand="1"/>)")));  // not SOAP's attribute
    CPPUNIT_ASSERT(must(read12(R"(<w:S xmlns:w="urn:w" s:mustUnderstand="true"/>)")));
    CPPUNIT_ASSERT(must(read12(R"(<w:S xmlns:w="urn:w" s:mustUnderstand="1" )"
                               R"(s:role="http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver"/>)")));
    CPPUNIT_ASSERT(!must(read12(R"(<w:S xmlns:w="urn:w" s:mustUnderstand="true" )"
                                R"(s:role="http://www.w3.org/2003/05/soap-envelope/role/none"/>)")));
    CPPUNIT_ASSERT(!must(read12(R"(<w:S xmlns:w="urn:w" s:mustUnderstand="false"/>)")));
    // The fault itself.
    std::string fault = message::must_understand_fault(message::Envelope::Soap12, blocks, "why");
    CPPUNIT_ASSERT(fault.find("<SOAP-ENV:NotUnderstood qname=\"nu:S\" xmlns:nu=\"urn:w\"/>") != std::string::npos);
    CPPUNIT_ASSERT(fault.find("<SOAP-ENV:Value>SOAP-ENV:MustUnderstand</SOAP-ENV:Value>") != std::string::npos);
    fault = message::must_understand_fault(message::Envelope::Soap11, blocks, "why");
    CPPUNIT_ASSERT(fault.find("<faultcode>SOAP-ENV:MustUnderstand</faultcode>") != std::string::npos);
  }

  void problem_messages_are_capped() {
    CPPUNIT_ASSERT_EQUAL(std::string("abc"), message::capped("abc", 3));
    CPPUNIT_ASSERT_EQUAL(std::string("ab..."), message::capped("abcd", 2));
    // Never inside a UTF-8 character.
    CPPUNIT_ASSERT_EQUAL(std::string("a..."), message::capped("a\xC3\xA4xyz", 2));
    message::SchemaSet schema(veloconnect::schema_roots());
    message::XmlReader reader(veloconnect::vocabulary(), schema, {"BuyersID"});
    // A schema violation quoting 500 KB of the request, and a 300-byte BuyersID.
    std::string xml = R"(<GetItemDetailsRequest xmlns="urn:veloconnect:order-1.1" )"
                      R"(xmlns:vct="urn:veloconnect:transaction-1.0" )"
                      R"(xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-1.0" )"
                      R"(xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-1.0">)"
                      "<vct:BuyersID>" +
                      std::string(300, 'B') +
                      "</vct:BuyersID><vct:Credential><vct:Password>p</vct:Password></vct:Credential>"
                      "<cac:SellersItemIdentification><cac:ID>1</cac:ID></cac:SellersItemIdentification>"
                      "<cbc:Quantity>" +
                      std::string(500000, 'x') + "</cbc:Quantity></GetItemDetailsRequest>";
    auto read = reader.read(xml, std::nullopt, message::Envelope::Plain);
    const auto& problem = std::get<message::XmlProblem>(read);
    CPPUNIT_ASSERT(problem.message.size() <= message::kMaxProblemMessage + 3);
    CPPUNIT_ASSERT(!problem.hints.count("BuyersID"));
  }

  void url_form_stops_at_its_field_limit() {
    auto form = message::UrlForm::parse("a=1&&b=2&c=3", 2);
    CPPUNIT_ASSERT(form.truncated());
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, form.fields().size());
    form = message::UrlForm::parse("a=1&&b=2&", 2);
    CPPUNIT_ASSERT(!form.truncated());
    auto decoded = veloconnect::decode_url(
        message::UrlForm::parse("RequestName=CreateOrderRequest&BuyersID=B1&Password=p&Quantity.1=1", 3), 3);
    auto* error = std::get_if<veloconnect::DecodeError>(&decoded);
    CPPUNIT_ASSERT(error);
    CPPUNIT_ASSERT(error->outcome == rules::veloconnect::Outcome::GeneralError);
    CPPUNIT_ASSERT_EQUAL(std::string("more than 3 parameters (a limit of this server)"), error->message);
    CPPUNIT_ASSERT(error->operation && error->operation->name == "CreateOrder");
    CPPUNIT_ASSERT_EQUAL(std::string("B1"), error->buyer_id);
  }

  void url_decoding_is_linear_and_refuses_long_identifiers() {
    // 100,000 lines with three per-item parameters each. The scan per line this
    // replaced (300,000 x 100,000 comparisons) would meet the test's TIMEOUT
    // (tests/CMakeLists.txt); the speed is measured in bench/parse.
    std::string text = "RequestName=CreateOrderRequest&BuyersID=B1&Password=p";
    for (int i = 0; i < 100000; ++i) {
      std::string id = std::to_string(100000 + i);
      text += "&Quantity." + id + "=2&quantityUnitCode." + id + "=EA&BuyersItemIdentification." + id + "=X" + id;
    }
    auto decoded = veloconnect::decode_url(message::UrlForm::parse(text));
    auto& request = std::get<veloconnect::Decoded>(decoded).request;
    CPPUNIT_ASSERT_EQUAL(std::size_t{100000}, request.lines.size());
    CPPUNIT_ASSERT_EQUAL(std::string("199999"), request.lines.back().item_id);
    CPPUNIT_ASSERT_EQUAL(std::string("EA"), request.lines.back().unit.value_or(""));
    CPPUNIT_ASSERT_EQUAL(std::string("X199999"), request.lines.back().buyers_item_id.value_or(""));
    // The first non-empty value for an item counts, as before.
    decoded = veloconnect::decode_url(message::UrlForm::parse(
        "RequestName=CreateOrderRequest&BuyersID=B1&Password=p&Quantity.7=1&quantityunitcode.7=&QUANTITYUNITCODE.7=PK"
        "&quantityUnitCode.7=EA"));
    CPPUNIT_ASSERT_EQUAL(std::string("PK"), std::get<veloconnect::Decoded>(decoded).request.lines[0].unit.value_or(""));
    // Identifiers an answer would echo are refused beyond 256 bytes, and not echoed.
    decoded = veloconnect::decode_url(message::UrlForm::parse(
        "RequestName=CreateOrderRequest&BuyersID=" + std::string(257, 'B') + "&Password=p&Quantity.7=1"));
    auto* error = std::get_if<veloconnect::DecodeError>(&decoded);
    CPPUNIT_ASSERT(error && error->outcome == rules::veloconnect::Outcome::GeneralError);
    CPPUNIT_ASSERT_EQUAL(std::string("BuyersID is longer than 256 bytes (a limit of this server)"), error->message);
    CPPUNIT_ASSERT(error->buyer_id.empty());
    decoded =
        veloconnect::decode_url(message::UrlForm::parse("RequestName=CreateOrderRequest&BuyersID=B1&Password=p"
                                                        "&Quantity." +
                                                        std::string(300, '7') + "=1"));
    error = std::get_if<veloconnect::DecodeError>(&decoded);
    CPPUNIT_ASSERT(error && error->message.starts_with("a SellersItemIdentification is longer than 256 bytes"));
    CPPUNIT_ASSERT_EQUAL(std::string("B1"), error->buyer_id);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(XmlLimitsTest);

}  // namespace og::test
