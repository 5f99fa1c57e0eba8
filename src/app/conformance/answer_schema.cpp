#include "app/conformance/answer_schema.hpp"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "message/contracts.hpp"
#include "message/schema_set.hpp"

namespace og::app::conformance {

namespace fs = std::filesystem;

namespace {

const char* kUdt =
    "<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
    "targetNamespace=\"urn:oasis:names:specification:ubl:schema:xsd:UnspecializedDatatypes-1.0\">"
    "<xsd:complexType name=\"IdentifierType\"><xsd:simpleContent><xsd:extension base=\"xsd:normalizedString\">"
    "<xsd:anyAttribute processContents=\"skip\"/></xsd:extension></xsd:simpleContent></xsd:complexType>"
    "<xsd:complexType name=\"TextType\"><xsd:simpleContent><xsd:extension base=\"xsd:string\">"
    "<xsd:attribute name=\"languageID\" type=\"xsd:language\"/></xsd:extension></xsd:simpleContent>"
    "</xsd:complexType></xsd:schema>";

const char* kCct =
    "<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
    "targetNamespace=\"urn:oasis:names:specification:ubl:schema:xsd:CoreComponentTypes-1.0\">"
    "<xsd:complexType name=\"TextType\"><xsd:simpleContent><xsd:extension base=\"xsd:string\">"
    "<xsd:attribute name=\"languageID\" type=\"xsd:language\"/></xsd:extension></xsd:simpleContent>"
    "</xsd:complexType></xsd:schema>";

// The schema documents of one compilation, by file name. libxml2's entity
// loader is a process global without a user pointer, so the one being
// compiled is reached through this (the kit compiles one set, on one thread).
struct Documents {
  std::map<std::string, std::string> by_name;
};
Documents* compiling = nullptr;

std::string file_name(const std::string& location) {
  auto slash = location.find_last_of('/');
  return slash == std::string::npos ? location : location.substr(slash + 1);
}

xmlParserInputPtr load(const char* url, const char*, xmlParserCtxtPtr ctxt) {
  if (!url || !compiling) return nullptr;
  auto it = compiling->by_name.find(file_name(url));
  if (it == compiling->by_name.end()) return nullptr;
  // The strings live until the compilation ends; libxml2 copies what it keeps.
  return xmlNewStringInputStream(ctxt, reinterpret_cast<const xmlChar*>(it->second.c_str()));
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string target_namespace(const std::string& xsd) {
  auto at = xsd.find("targetNamespace=\"");
  if (at == std::string::npos) return {};
  at += std::strlen("targetNamespace=\"");
  return xsd.substr(at, xsd.find('"', at) - at);
}

void collect_error(void* ctx, xmlErrorPtr error) {
  auto* out = static_cast<std::string*>(ctx);
  if (!out->empty() || !error || !error->message || error->level < XML_ERR_ERROR) return;
  std::string message = error->message;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  if (error->line > 0) message = "line " + std::to_string(error->line) + ": " + message;
  *out = std::move(message);
}

}  // namespace

AnswerSchema::AnswerSchema(const fs::path& dir) {
  message::init_xml();
  Documents docs;
  // The UBL parts first, so that a folder's own copies win below.
  docs.by_name["UBL-CommonBasicComponents-1.0.xsd"] = std::string(message::contract_bytes("ubl-cbc-1.0.xsd"));
  docs.by_name["ubl-cbc-1.0.xsd"] = docs.by_name["UBL-CommonBasicComponents-1.0.xsd"];
  docs.by_name["UBL-CommonAggregateComponents-1.0.xsd"] = std::string(message::contract_bytes("ubl-cac-1.0.xsd"));
  docs.by_name["ubl-cac-1.0.xsd"] = docs.by_name["UBL-CommonAggregateComponents-1.0.xsd"];
  docs.by_name["UBL-UnspecializedDatatypes-1.0.xsd"] = kUdt;
  docs.by_name["UBL-CoreComponentTypes-1.0.xsd"] = kCct;
  std::vector<std::string> veloconnect = {"transaction-1.0.xsd", "order-1.1.xsd",   "catalog-1.1.xsd",
                                          "catalog-1.5.xsd",     "profile-1.1.xsd", "profile-1.4.xsd",
                                          "profile-1.5.xsd",     "profile-1.6.xsd"};
  if (dir.empty()) {
    for (const auto& name : veloconnect)
      if (auto bytes = message::contract_bytes(name); !bytes.empty()) docs.by_name[name] = std::string(bytes);
    source_ = "ordergate's own xsd/ (embedded)";
  } else {
    if (!fs::is_directory(dir)) throw std::runtime_error("--xsd-dir " + dir.string() + " is not a folder");
    for (const auto& entry : fs::recursive_directory_iterator(dir))
      if (entry.is_regular_file() && entry.path().extension() == ".xsd")
        docs.by_name[entry.path().filename().string()] = slurp(entry.path());
    if (!docs.by_name.count("transaction-1.0.xsd") || !docs.by_name.count("order-1.1.xsd"))
      throw std::runtime_error("--xsd-dir " + dir.string() + " holds no transaction-1.0.xsd and order-1.1.xsd");
    source_ = "official XSDs in " + dir.string();
  }
  // One driver imports every root (the datatypes first: some roots import
  // them without a schemaLocation), so cross-references resolve.
  std::string driver =
      "<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:ordergate:conformance\">";
  std::vector<std::string> roots = {"UBL-CoreComponentTypes-1.0.xsd", "UBL-UnspecializedDatatypes-1.0.xsd",
                                    "UBL-CommonBasicComponents-1.0.xsd", "UBL-CommonAggregateComponents-1.0.xsd"};
  for (const auto& name : veloconnect)
    if (docs.by_name.count(name)) roots.push_back(name);
  for (const auto& name : roots) {
    std::string ns = target_namespace(docs.by_name[name]);
    if (ns.empty()) continue;
    if (!namespaces_.insert(ns).second) continue;
    driver += "<xsd:import namespace=\"" + ns + "\" schemaLocation=\"" + name + "\"/>";
  }
  driver += "</xsd:schema>";

  std::string errors;
  auto previous = xmlGetExternalEntityLoader();
  compiling = &docs;
  xmlSetExternalEntityLoader(load);
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewMemParserCtxt(driver.data(), static_cast<int>(driver.size()));
  xmlSchemaSetParserStructuredErrors(parser, collect_error, &errors);
  schema_ = xmlSchemaParse(parser);
  xmlSchemaFreeParserCtxt(parser);
  xmlSetExternalEntityLoader(previous);
  compiling = nullptr;
  if (!schema_) throw std::runtime_error("the schema set does not compile: " + errors);
}

AnswerSchema::~AnswerSchema() {
  if (schema_) xmlSchemaFree(schema_);
}

std::string AnswerSchema::validate(xmlNodePtr element) const {
  std::string error;
  xmlSchemaValidCtxtPtr ctxt = xmlSchemaNewValidCtxt(schema_);
  xmlSchemaSetValidStructuredErrors(ctxt, collect_error, &error);
  int rc = xmlSchemaValidateOneElement(ctxt, element);
  xmlSchemaFreeValidCtxt(ctxt);
  if (rc == 0) return {};
  return error.empty() ? "not valid" : error;
}

}  // namespace og::app::conformance
