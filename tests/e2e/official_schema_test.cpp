// Successful answers are valid against the Veloconnect standard's own XSDs
// (read from the reference copy outside the repository; never copied in).
// The standard ships without the OASIS UBL 1.0 schemas it imports, so
// ordergate's UBL subset (xsd/ubl-*.xsd) and two small datatype stand-ins take
// their place at test time.
#include <cppunit/extensions/HelperMacros.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "support/xml_check.hpp"

namespace og::test {

namespace fs = std::filesystem;

namespace {

std::optional<fs::path> official_dir() {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("OG_OFFICIAL_XSD_DIR")) candidates.emplace_back(env);
  candidates.emplace_back(fs::path(OG_SOURCE_DIR) / ".." / "shared" / "reference" / "veloconnect-xsd");
  candidates.emplace_back("/work/shared/reference/veloconnect-xsd");
  for (const auto& c : candidates)
    if (fs::exists(c / "order-1.1.xsd")) return c;
  return std::nullopt;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

const char* kUdt = R"(<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"
  targetNamespace="urn:oasis:names:specification:ubl:schema:xsd:UnspecializedDatatypes-1.0">
  <xsd:complexType name="IdentifierType"><xsd:simpleContent><xsd:extension base="xsd:normalizedString">
    <xsd:anyAttribute processContents="skip"/></xsd:extension></xsd:simpleContent></xsd:complexType>
  <xsd:complexType name="TextType"><xsd:simpleContent><xsd:extension base="xsd:string">
    <xsd:attribute name="languageID" type="xsd:language"/></xsd:extension></xsd:simpleContent></xsd:complexType>
</xsd:schema>)";

const char* kCct = R"(<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"
  targetNamespace="urn:oasis:names:specification:ubl:schema:xsd:CoreComponentTypes-1.0">
  <xsd:complexType name="TextType"><xsd:simpleContent><xsd:extension base="xsd:string">
    <xsd:attribute name="languageID" type="xsd:language"/></xsd:extension></xsd:simpleContent></xsd:complexType>
</xsd:schema>)";

struct OfficialSchema {
  xmlSchemaPtr schema = nullptr;
  ~OfficialSchema() {
    if (schema) xmlSchemaFree(schema);
  }
};

}  // namespace

class OfficialSchemaTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(OfficialSchemaTest);
  CPPUNIT_TEST(successful_answers_are_valid_against_the_standard);
  CPPUNIT_TEST_SUITE_END();

 public:
  void successful_answers_are_valid_against_the_standard() {
    auto official = official_dir();
    if (!official) {
      std::cerr << "\n  official Veloconnect XSDs not found (set OG_OFFICIAL_XSD_DIR): not checked\n";
      return;
    }
    TempDir dir;
    fs::path x = dir.path() / "xsd";
    for (const char* f : {"transaction-1.0.xsd", "order-1.1.xsd", "catalog-1.5.xsd", "profile-1.1.xsd",
                          "profile-1.4.xsd", "profile-1.5.xsd", "profile-1.6.xsd"})
      write(x / f, slurp(*official / f));
    fs::path src(OG_SOURCE_DIR);
    write(x / "ubl/common/UBL-CommonBasicComponents-1.0.xsd", slurp(src / "xsd/ubl-cbc-1.0.xsd"));
    std::string cac = slurp(src / "xsd/ubl-cac-1.0.xsd");
    cac.replace(cac.find("ubl-cbc-1.0.xsd"), 15, "UBL-CommonBasicComponents-1.0.xsd");
    write(x / "ubl/common/UBL-CommonAggregateComponents-1.0.xsd", cac);
    write(x / "ubl/common/UBL-UnspecializedDatatypes-1.0.xsd", kUdt);
    write(x / "ubl/common/UBL-CoreComponentTypes-1.0.xsd", kCct);
    std::string driver = "<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:t\">";
    auto import = [&](const std::string& ns, const fs::path& file) {
      driver += "<xsd:import namespace=\"" + ns + "\" schemaLocation=\"" + file.string() + "\"/>";
    };
    import("urn:oasis:names:specification:ubl:schema:xsd:CoreComponentTypes-1.0",
           x / "ubl/common/UBL-CoreComponentTypes-1.0.xsd");
    import("urn:oasis:names:specification:ubl:schema:xsd:UnspecializedDatatypes-1.0",
           x / "ubl/common/UBL-UnspecializedDatatypes-1.0.xsd");
    import("urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-1.0",
           x / "ubl/common/UBL-CommonAggregateComponents-1.0.xsd");
    import("urn:veloconnect:transaction-1.0", x / "transaction-1.0.xsd");
    import("urn:veloconnect:order-1.1", x / "order-1.1.xsd");
    import("urn:veloconnect:catalog-1.5", x / "catalog-1.5.xsd");
    for (const char* v : {"1.1", "1.4", "1.5", "1.6"})
      import(std::string("urn:veloconnect:profile-") + v, x / ("profile-" + std::string(v) + ".xsd"));
    driver += "</xsd:schema>";
    write(x / "driver.xsd", driver);

    // The server's loader serves only embedded contracts; here files are wanted.
    auto previous = xmlGetExternalEntityLoader();
    xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader);
    OfficialSchema s;
    xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt((x / "driver.xsd").c_str());
    s.schema = xmlSchemaParse(parser);
    xmlSchemaFreeParserCtxt(parser);
    xmlSetExternalEntityLoader(previous);
    CPPUNIT_ASSERT_MESSAGE("the official XSDs compile", s.schema != nullptr);

    ServerProcess server(dir.path() / "data");
    HttpClient client("127.0.0.1", server.port());
    int checked = 0;
    for (const auto& body : scenario(client)) {
      CPPUNIT_ASSERT_EQUAL_MESSAGE(body, std::string("200"), first_text(body, "ResponseCode").value_or(""));
      xmlDocPtr doc = xmlReadMemory(body.data(), static_cast<int>(body.size()), nullptr, nullptr, XML_PARSE_NONET);
      CPPUNIT_ASSERT(doc);
      xmlSchemaValidCtxtPtr v = xmlSchemaNewValidCtxt(s.schema);
      int rc = xmlSchemaValidateDoc(v, doc);
      xmlSchemaFreeValidCtxt(v);
      xmlFreeDoc(doc);
      CPPUNIT_ASSERT_EQUAL_MESSAGE("not valid against the standard: " + body, 0, rc);
      ++checked;
    }
    CPPUNIT_ASSERT(checked >= 12);
  }

 private:
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
    return out;
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(OfficialSchemaTest);

}  // namespace og::test
