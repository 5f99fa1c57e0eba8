#include "support/official_schema.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

namespace og::test {

namespace fs = std::filesystem;

std::optional<fs::path> official_dir() {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("OG_OFFICIAL_XSD_DIR")) candidates.emplace_back(env);
  candidates.emplace_back(fs::path(OG_SOURCE_DIR) / ".." / "shared" / "reference" / "veloconnect-xsd");
  candidates.emplace_back("/work/shared/reference/veloconnect-xsd");
  for (const auto& c : candidates)
    if (fs::exists(c / "order-1.1.xsd")) return c;
  return std::nullopt;
}

namespace {

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

// UBL parts referenced by receipt-1.3, stock-*-1.4 and sale-*-1.6 only.
const char* kLax =
    "<xsd:sequence><xsd:any minOccurs=\"0\" maxOccurs=\"unbounded\" processContents=\"skip\"/></xsd:sequence>"
    "<xsd:anyAttribute processContents=\"skip\"/>";

// Whether ordergate's subset `schema` defines the type or element `name`
// (then it is checked strictly, as ordergate writes it, not by a stand-in).
bool defines(const std::string& schema, const char* name) {
  return schema.find(std::string("name=\"") + name + "\"") != std::string::npos;
}

std::string lax_cac(const std::string& subset) {
  std::string out;
  for (const char* e : {"Party", "DeliveryAddress", "CommodityClassification"})
    if (!defines(subset, e))
      out += std::string("<xsd:element name=\"") + e + "\"><xsd:complexType mixed=\"true\">" + kLax +
             "</xsd:complexType></xsd:element>";
  for (const char* t : {"BasePriceType", "TaxCategoryType", "TaxSubTotalType"})
    if (!defines(subset, t))
      out += std::string("<xsd:complexType name=\"") + t + "\" mixed=\"true\">" + kLax + "</xsd:complexType>";
  return out;
}

std::string lax_cbc(const std::string& subset) {
  std::string out;
  for (const char* t : {"DateTimeType", "DescriptionType", "PriceAmountType", "ZoneType"})
    if (!defines(subset, t))
      out += std::string("<xsd:complexType name=\"") + t +
             "\"><xsd:simpleContent><xsd:extension base=\"xsd:string\"><xsd:anyAttribute "
             "processContents=\"skip\"/></xsd:extension></xsd:simpleContent></xsd:complexType>";
  return out;
}

std::string with_before_end(std::string schema, const std::string& extra) {
  schema.insert(schema.rfind("</xsd:schema>"), extra);
  return schema;
}

const char* kUdtNameType = R"(<xsd:simpleType name="NameType"><xsd:restriction base="xsd:string"/></xsd:simpleType>)";

const char* kSdt = R"(<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"
  targetNamespace="urn:oasis:names:specification:ubl:schema:xsd:SpecializedDatatypes-1.0"/>)";

xmlNodePtr first_element(xmlNodePtr n) {
  for (; n; n = n->next)
    if (n->type == XML_ELEMENT_NODE) return n;
  return nullptr;
}

}  // namespace

// Every module of the official set, compiled into one schema in `dir`.
void load_official(const fs::path& official, const fs::path& dir, OfficialSchema& s) {
  fs::path x = dir / "xsd";
  const char* modules[][2] = {
      {"urn:veloconnect:transaction-1.0", "transaction-1.0.xsd"},
      {"urn:veloconnect:transaction-1.4", "transaction-1.4.xsd"},
      {"urn:veloconnect:transaction-1.6", "transaction-1.6.xsd"},
      {"urn:veloconnect:order-1.1", "order-1.1.xsd"},
      {"urn:veloconnect:catalog-1.5", "catalog-1.5.xsd"},
      {"urn:veloconnect:profile-1.1", "profile-1.1.xsd"},
      {"urn:veloconnect:profile-1.4", "profile-1.4.xsd"},
      {"urn:veloconnect:profile-1.5", "profile-1.5.xsd"},
      {"urn:veloconnect:profile-1.6", "profile-1.6.xsd"},
      {"urn:veloconnect:receipt-1.3", "receipt-1.3.xsd"},
      {"urn:veloconnect:stock-1.4", "stock-1.4.xsd"},
      {"urn:veloconnect:stock-B2B-1.4", "stock-B2B-1.4.xsd"},
      {"urn:veloconnect:stock-B2C-1.4", "stock-B2C-1.4.xsd"},
      {"urn:veloconnect:sale-1.6", "sale-1.6.xsd"},
      {"urn:veloconnect:sale-B2B-1.6", "sale-B2B-1.6.xsd"},
      {"urn:veloconnect:sale-B2X-1.6", "sale-B2X-1.6.xsd"},
  };
  for (const auto& m : modules) write(x / m[1], slurp(official / m[1]));
  fs::path src(OG_SOURCE_DIR);
  std::string cbc = slurp(src / "xsd/ubl-cbc-1.0.xsd");
  write(x / "ubl/common/UBL-CommonBasicComponents-1.0.xsd", with_before_end(cbc, lax_cbc(cbc)));
  std::string cac = slurp(src / "xsd/ubl-cac-1.0.xsd");
  cac.replace(cac.find("ubl-cbc-1.0.xsd"), 15, "UBL-CommonBasicComponents-1.0.xsd");
  cac.replace(cac.find("\"catalog-1.5.xsd\""), 17, "\"../../catalog-1.5.xsd\"");
  write(x / "ubl/common/UBL-CommonAggregateComponents-1.0.xsd", with_before_end(cac, lax_cac(cac)));
  write(x / "ubl/common/UBL-UnspecializedDatatypes-1.0.xsd", with_before_end(kUdt, kUdtNameType));
  write(x / "ubl/common/UBL-CoreComponentTypes-1.0.xsd", kCct);
  write(x / "ubl/common/UBL-SpecializedDatatypes-1.0.xsd", kSdt);
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
  for (const auto& m : modules) import(m[0], x / m[1]);
  driver += "</xsd:schema>";
  write(x / "driver.xsd", driver);

  // The server's loader serves only embedded contracts; here files are wanted.
  auto previous = xmlGetExternalEntityLoader();
  xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader);
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt((x / "driver.xsd").c_str());
  s.schema = xmlSchemaParse(parser);
  xmlSchemaFreeParserCtxt(parser);
  xmlSetExternalEntityLoader(previous);
}

// Empty when `body` is valid against the official set, else libxml2's errors.
std::string official_errors(xmlSchemaPtr schema, const std::string& body) {
  xmlDocPtr doc = xmlReadMemory(body.data(), static_cast<int>(body.size()), nullptr, nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) return "not well-formed";
  xmlNodePtr payload = xmlDocGetRootElement(doc);
  if (payload && std::string(reinterpret_cast<const char*>(payload->name)) == "Envelope") {
    xmlNodePtr part = first_element(payload->children);
    while (part && std::string(reinterpret_cast<const char*>(part->name)) != "Body") part = first_element(part->next);
    payload = part ? first_element(part->children) : nullptr;
  }
  std::string errors;
  xmlSchemaValidCtxtPtr v = xmlSchemaNewValidCtxt(schema);
  xmlSchemaSetValidStructuredErrors(
      v,
      [](void* out, xmlErrorPtr e) {
        if (e && e->message) *static_cast<std::string*>(out) += e->message;
      },
      &errors);
  int rc = payload ? xmlSchemaValidateOneElement(v, payload) : -1;
  xmlSchemaFreeValidCtxt(v);
  xmlFreeDoc(doc);
  if (rc != 0 && errors.empty()) errors = payload ? "invalid (rc " + std::to_string(rc) + ")" : "no payload";
  return errors;
}

}  // namespace og::test
