#include "support/xml_check.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <string_view>

#include "message/schema_set.hpp"

namespace og::test {

namespace {

using Doc = ParsedXml;

xmlNodePtr payload(xmlDocPtr doc) {
  xmlNodePtr root = xmlDocGetRootElement(doc);
  if (!root || std::string_view(reinterpret_cast<const char*>(root->name)) != "Envelope") return root;
  for (xmlNodePtr c = root->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && std::string_view(reinterpret_cast<const char*>(c->name)) == "Body")
      for (xmlNodePtr p = c->children; p; p = p->next)
        if (p->type == XML_ELEMENT_NODE) return p;
  return nullptr;
}

xmlNodePtr find(xmlNodePtr n, const std::string& name, int& count, bool all) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (name == reinterpret_cast<const char*>(n->name)) {
      ++count;
      if (!all) return n;
    }
    if (xmlNodePtr hit = find(n->children, name, count, all); hit && !all) return hit;
  }
  return nullptr;
}

const og::message::SchemaSet& schemas() {
  static const og::message::SchemaSet set(
      {"transaction-1.0.xsd", "transaction-1.6.xsd", "order-1.1.xsd", "catalog-1.5.xsd", "profile-1.1.xsd",
       "stock-B2B-1.4.xsd", "stock-B2C-1.4.xsd", "sale-B2B-1.6.xsd", "sale-B2X-1.6.xsd", "srm-se-global.xsd",
       "srm-basis-global.xsd", "eprocurement.xsd", "receipt-1.3.xsd"});
  return set;
}

// Answers in another version's profile/catalog namespace have the same
// content model; map them onto the namespaces xsd/ declares.
void canonical_versions(xmlNodePtr n) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    for (xmlNsPtr ns = n->nsDef; ns; ns = ns->next) {
      std::string_view href(reinterpret_cast<const char*>(ns->href));
      const char* to = nullptr;
      if (href.starts_with("urn:veloconnect:profile-")) to = "urn:veloconnect:profile-1.1";
      if (href.starts_with("urn:veloconnect:catalog-")) to = "urn:veloconnect:catalog-1.5";
      if (href == "urn:veloconnect:transaction-1.4") to = "urn:veloconnect:transaction-1.6";
      if (to) {
        xmlFree(const_cast<xmlChar*>(ns->href));
        ns->href = xmlStrdup(reinterpret_cast<const xmlChar*>(to));
      }
    }
    canonical_versions(n->children);
  }
}

}  // namespace

ParsedXml::ParsedXml(const std::string& xml)
    : doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)) {}

ParsedXml::~ParsedXml() {
  xmlFreeDoc(doc);
}

std::string validate_against_project_xsd(const std::string& xml) {
  Doc d(xml);
  if (!d.doc) return "not well-formed";
  xmlNodePtr p = payload(d.doc);
  if (!p) return "no payload element";
  canonical_versions(xmlDocGetRootElement(d.doc));
  return schemas().validate(p);
}

std::string validate_element_against_project_xsd(const std::string& xml, const std::string& local_name) {
  Doc d(xml);
  if (!d.doc) return "not well-formed";
  int count = 0;
  xmlNodePtr hit = find(xmlDocGetRootElement(d.doc), local_name, count, false);
  if (!hit) return "no element " + local_name;
  return schemas().validate(hit);
}

std::optional<std::string> first_text(const std::string& xml, const std::string& local_name) {
  Doc d(xml);
  if (!d.doc) return std::nullopt;
  int count = 0;
  xmlNodePtr hit = find(xmlDocGetRootElement(d.doc), local_name, count, false);
  if (!hit) return std::nullopt;
  xmlChar* text = xmlNodeGetContent(hit);
  std::string out = text ? reinterpret_cast<const char*>(text) : "";
  xmlFree(text);
  return out;
}

int count_elements(const std::string& xml, const std::string& local_name) {
  Doc d(xml);
  if (!d.doc) return -1;
  int count = 0;
  find(xmlDocGetRootElement(d.doc), local_name, count, true);
  return count;
}

std::string payload_namespace(const std::string& xml) {
  Doc d(xml);
  xmlNodePtr p = d.doc ? payload(d.doc) : nullptr;
  return p && p->ns ? reinterpret_cast<const char*>(p->ns->href) : "";
}

std::string payload_name(const std::string& xml) {
  Doc d(xml);
  xmlNodePtr p = d.doc ? payload(d.doc) : nullptr;
  return p ? reinterpret_cast<const char*>(p->name) : "";
}

}  // namespace og::test
