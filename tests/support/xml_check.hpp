// Assertions on answers: well-formed, valid against the project's xsd/, and
// small helpers to pick values out.
#pragma once
#include <libxml/tree.h>

#include <optional>
#include <string>

namespace og::test {

// A parsed document (nullptr `doc` when not well-formed), freed at scope exit.
struct ParsedXml {
  xmlDocPtr doc = nullptr;
  explicit ParsedXml(const std::string& xml);
  ~ParsedXml();
  ParsedXml(const ParsedXml&) = delete;
  ParsedXml& operator=(const ParsedXml&) = delete;
};

// Empty when `xml` is well-formed and its payload (the document root, or the
// SOAP Body's child) is valid against xsd/; else what is wrong.
std::string validate_against_project_xsd(const std::string& xml);

// The same for the first element with this local name (e.g. a fault's detail).
std::string validate_element_against_project_xsd(const std::string& xml, const std::string& local_name);

// The text of the first element with this local name (any namespace).
std::optional<std::string> first_text(const std::string& xml, const std::string& local_name);
// How many elements have this local name.
int count_elements(const std::string& xml, const std::string& local_name);
// The namespace URI of the payload root.
std::string payload_namespace(const std::string& xml);
std::string payload_name(const std::string& xml);

}  // namespace og::test
