#include "message/schema_set.hpp"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>

#include <cstring>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "contracts_table.hpp"

namespace og::message {

namespace {

std::string_view contract(std::string_view name) {
  // Import locations may be relative ("../xsd/x.xsd") or plain ("x.xsd").
  auto slash = name.rfind('/');
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  for (const auto& e : contracts::all())
    if (e.name == name) return e.bytes;
  return {};
}

// Schemas may only load embedded contracts: never the network, never a file.
xmlParserInputPtr embedded_only(const char* url, const char*, xmlParserCtxtPtr ctxt) {
  auto bytes = url ? contract(url) : std::string_view();
  if (bytes.empty()) return nullptr;
  // The embedded arrays are static and NUL-terminated: libxml2 may keep pointing into them.
  return xmlNewStringInputStream(ctxt, reinterpret_cast<const xmlChar*>(bytes.data()));
}

void collect_error(void* ctx, xmlErrorPtr error) {
  auto* out = static_cast<std::string*>(ctx);
  if (!out->empty() || error == nullptr || error->message == nullptr) return;
  std::string message = error->message;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  if (error->line > 0) message = "line " + std::to_string(error->line) + ": " + message;
  *out = std::move(message);
}

}  // namespace

void init_xml() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    xmlSetExternalEntityLoader(embedded_only);
  });
}

struct SchemaSet::Impl {
  xmlSchemaPtr schema = nullptr;
};

SchemaSet::SchemaSet(const std::vector<std::string>& roots) : impl_(std::make_unique<Impl>()) {
  init_xml();
  // One small driver schema that imports every root, so all of them compile
  // into one xmlSchema and cross-references resolve.
  std::string driver =
      "<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
      "targetNamespace=\"urn:ordergate:driver\">";
  for (const auto& name : roots) {
    auto bytes = contract(name);
    if (bytes.empty()) throw std::runtime_error("no embedded contract " + name);
    auto tns_at = bytes.find("targetNamespace=\"");
    if (tns_at == std::string_view::npos) throw std::runtime_error(name + " has no targetNamespace");
    auto start = tns_at + std::strlen("targetNamespace=\"");
    auto ns = bytes.substr(start, bytes.find('"', start) - start);
    driver += "<xsd:import namespace=\"" + std::string(ns) + "\" schemaLocation=\"" + name + "\"/>";
  }
  driver += "</xsd:schema>";
  std::string errors;
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewMemParserCtxt(driver.data(), static_cast<int>(driver.size()));
  xmlSchemaSetParserStructuredErrors(parser, collect_error, &errors);
  impl_->schema = xmlSchemaParse(parser);
  xmlSchemaFreeParserCtxt(parser);
  if (!impl_->schema) throw std::runtime_error("schema does not compile: " + errors);
}

SchemaSet::~SchemaSet() {
  if (impl_->schema) xmlSchemaFree(impl_->schema);
}

std::string SchemaSet::validate(xmlNodePtr element) const {
  struct ThreadContexts {
    std::unordered_map<const void*, xmlSchemaValidCtxtPtr> by_schema;
    ~ThreadContexts() {
      for (auto& [k, v] : by_schema) xmlSchemaFreeValidCtxt(v);
    }
  };
  thread_local ThreadContexts contexts;
  auto& ctxt = contexts.by_schema[impl_->schema];
  if (!ctxt) ctxt = xmlSchemaNewValidCtxt(impl_->schema);
  std::string error;
  xmlSchemaSetValidStructuredErrors(ctxt, collect_error, &error);
  int rc = xmlSchemaValidateOneElement(ctxt, element);
  xmlSchemaSetValidStructuredErrors(ctxt, nullptr, nullptr);
  if (rc == 0) return {};
  if (error.empty()) error = "document is not valid";
  return error;
}

}  // namespace og::message
