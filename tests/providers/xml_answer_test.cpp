// The safe reader for other systems' answers and the writer for our requests,
// on their own: hostile documents (DOCTYPE, entity expansion, external
// entities, oversized, not well-formed) are refused before any value is read;
// elements are found by local name in any namespace; the writer escapes
// everything and refuses what XML 1.0 cannot carry.
#include <cppunit/extensions/HelperMacros.h>

#include <string>

#include "providers/xml_answer.hpp"
#include "providers/xml_writer.hpp"

namespace og::test {

namespace {

namespace xml = og::providers::xml;
using og::providers::XmlWriter;

std::optional<xml::Document> parse(const std::string& body, std::string& error, std::string charset = "") {
  return xml::Document::parse(body, charset, 1 << 20, error);
}

}  // namespace

class XmlAnswerTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(XmlAnswerTest);
  CPPUNIT_TEST(elements_by_local_name_in_any_namespace);
  CPPUNIT_TEST(doctype_and_entities_are_refused);
  CPPUNIT_TEST(broken_empty_and_oversized_answers_are_refused);
  CPPUNIT_TEST(answers_pass_the_request_shape_limits);
  CPPUNIT_TEST(charset_of_the_content_type_when_the_document_names_none);
  CPPUNIT_TEST(writer_escapes_and_refuses_what_xml_cannot_carry);
  CPPUNIT_TEST_SUITE_END();

 public:
  void elements_by_local_name_in_any_namespace() {
    std::string error;
    auto doc = parse(
        "<?xml version=\"1.0\"?>\n<a:Root xmlns:a=\"urn:a\" xmlns:b=\"urn:b\"><b:Item id=\"7\">x &amp; <![CDATA[<y>]]>"
        "<b:Inner>no</b:Inner> z</b:Item><Item>second</Item></a:Root>",
        error);
    CPPUNIT_ASSERT_MESSAGE(error, doc.has_value());
    auto root = doc->root();
    CPPUNIT_ASSERT_EQUAL(std::string("Root"), std::string(root.local_name()));
    CPPUNIT_ASSERT_EQUAL(std::string("urn:a"), std::string(root.namespace_uri()));
    auto item = root.child("Item");
    CPPUNIT_ASSERT(item);
    CPPUNIT_ASSERT_EQUAL(std::string("x & <y> z"), item.text());  // not the child element's text
    CPPUNIT_ASSERT_EQUAL(std::string("7"), item.attribute("id").value_or(""));
    CPPUNIT_ASSERT(!item.attribute("missing"));
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, root.children("Item").size());
    CPPUNIT_ASSERT_EQUAL(std::string("second"), root.children("Item")[1].text());
    CPPUNIT_ASSERT_EQUAL(std::string(""), std::string(root.children("Item")[1].namespace_uri()));
    // A missing element is an empty node all the way down.
    CPPUNIT_ASSERT(!root.child("Nope").child("Deeper"));
    CPPUNIT_ASSERT_EQUAL(std::string(""), root.child("Nope").text());
    CPPUNIT_ASSERT(root.child("Nope").children("X").empty());
  }

  void doctype_and_entities_are_refused() {
    std::string error;
    const std::string bomb =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
        "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n<r>&c;</r>";
    CPPUNIT_ASSERT(!parse(bomb, error));
    CPPUNIT_ASSERT_MESSAGE(error, error.find("DOCTYPE") != std::string::npos);
    const std::string external = "<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"file:///etc/passwd\">\n<r>x</r>";
    error.clear();
    CPPUNIT_ASSERT(!parse(external, error));
    CPPUNIT_ASSERT_MESSAGE(error, error.find("DOCTYPE") != std::string::npos);
    // An undeclared entity is not well-formed.
    error.clear();
    CPPUNIT_ASSERT(!parse("<r>&undeclared;</r>", error));
    CPPUNIT_ASSERT(!error.empty());
    // The same context is not reused across parses: a clean document right after still parses.
    error.clear();
    CPPUNIT_ASSERT_MESSAGE(error, parse("<r>ok</r>", error).has_value());
  }

  void broken_empty_and_oversized_answers_are_refused() {
    std::string error;
    CPPUNIT_ASSERT(!parse("", error));
    CPPUNIT_ASSERT(!parse("<html><body>502 Bad Gateway", error));
    CPPUNIT_ASSERT_MESSAGE(error, error.find("not well-formed") != std::string::npos);
    CPPUNIT_ASSERT(!parse("plain text", error));
    CPPUNIT_ASSERT(!parse("<a></b>", error));
    error.clear();
    CPPUNIT_ASSERT(!xml::Document::parse("<r>" + std::string(100, 'x') + "</r>", "", 50, error));
    CPPUNIT_ASSERT_MESSAGE(error, error.find("more than the 50") != std::string::npos);
    // Deep nesting stops at libxml2's own limit instead of exhausting the stack.
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<a>";
    CPPUNIT_ASSERT(!parse(deep, error));
  }

  // A hostile provider's answer gets the limits a request gets: libxml2 would
  // spend seconds of a loop on 50,000 attributes of one element.
  void answers_pass_the_request_shape_limits() {
    std::string error;
    std::string attributes = "<GetItemDetailsResponse";
    for (int i = 0; i < 50000; ++i) attributes += " a" + std::to_string(i) + "=\"1\"";
    attributes += "/>";
    CPPUNIT_ASSERT(!parse(attributes, error));
    CPPUNIT_ASSERT_MESSAGE(error, error.find("refused") != std::string::npos);
    error.clear();
    std::string elements = "<r>";
    for (int i = 0; i < 150000; ++i) elements += "<i/>";
    elements += "</r>";
    CPPUNIT_ASSERT(!parse(elements, error));
    CPPUNIT_ASSERT_MESSAGE(error, error.find("refused") != std::string::npos);
    error.clear();
    CPPUNIT_ASSERT(!parse(std::string("<r>a\0b</r>", 10), error));  // libxml2 would end the text at the NUL
    // An ordinary answer of the same family passes.
    std::string fine = "<r>";
    for (int i = 0; i < 1000; ++i) fine += "<i a=\"1\" b=\"2\">text</i>";
    fine += "</r>";
    CPPUNIT_ASSERT_MESSAGE(error, parse(fine, error).has_value());
  }

  void charset_of_the_content_type_when_the_document_names_none() {
    std::string error;
    // "Schälchen" in ISO-8859-1, said only by the Content-Type.
    auto latin1 = parse("<r>Sch\xE4lchen</r>", error, "ISO-8859-1");
    CPPUNIT_ASSERT_MESSAGE(error, latin1.has_value());
    CPPUNIT_ASSERT_EQUAL(std::string("Sch\xC3\xA4lchen"), latin1->root().text());
    // The document's own declaration wins over the header.
    auto declared = parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?><r>Sch\xC3\xA4lchen</r>", error, "ISO-8859-1");
    CPPUNIT_ASSERT_MESSAGE(error, declared.has_value());
    CPPUNIT_ASSERT_EQUAL(std::string("Sch\xC3\xA4lchen"), declared->root().text());
    // A charset that is no charset name is ignored (UTF-8 then).
    auto odd = parse("<r>x</r>", error, "utf-8\"; x=<y>");
    CPPUNIT_ASSERT_MESSAGE(error, odd.has_value());
  }

  void writer_escapes_and_refuses_what_xml_cannot_carry() {
    XmlWriter w;
    w.open("v:Root", {{"xmlns:v", "urn:v"}, {"note", "a\"b<c>&'\t\n"}});
    w.leaf("v:Text", "1 < 2 & 3 > 2 \"q\" 'a' \r\n caf\xC3\xA9");
    w.close();
    auto doc = w.finish();
    CPPUNIT_ASSERT(doc.has_value());
    std::string error;
    auto read = parse(*doc, error);
    CPPUNIT_ASSERT_MESSAGE(error, read.has_value());
    CPPUNIT_ASSERT_EQUAL(std::string("a\"b<c>&'\t\n"), read->root().attribute("note").value_or(""));
    CPPUNIT_ASSERT_EQUAL(std::string("1 < 2 & 3 > 2 \"q\" 'a' \r\n caf\xC3\xA9"), read->root().child("Text").text());

    XmlWriter control;
    control.open("Root");
    control.leaf("Id", "A\x01");
    control.close();
    CPPUNIT_ASSERT(!control.finish());
    CPPUNIT_ASSERT(control.problem().has_value());
    XmlWriter utf8;
    utf8.open("Root");
    utf8.leaf("Id", "caf\xE9");  // ISO-8859-1, not UTF-8
    utf8.close();
    CPPUNIT_ASSERT(!utf8.finish());
    XmlWriter open;
    open.open("Root");
    CPPUNIT_ASSERT(!open.finish());
    XmlWriter name;
    name.leaf("bad name", "x");
    CPPUNIT_ASSERT(!name.finish());
    CPPUNIT_ASSERT(!XmlWriter::escape("\xED\xA0\x80", false));  // a UTF-16 surrogate
    CPPUNIT_ASSERT(!XmlWriter::escape("\xC0\xAF", false));      // an overlong form
    CPPUNIT_ASSERT(!XmlWriter::escape("\xEF\xBF\xBF", false));  // U+FFFF
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(XmlAnswerTest);

}  // namespace og::test
