// The XSDs answers are judged against: the official Veloconnect set from a
// folder (--xsd-dir), or ordergate's own xsd/ as embedded in the binary.
// The official set ships without the OASIS UBL 1.0 schemas it imports;
// ordergate's UBL subset and two small datatype stand-ins fill that gap
// unless the folder holds them (found by file name anywhere below it).
#pragma once
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include <filesystem>
#include <set>
#include <string>

namespace og::app::conformance {

class AnswerSchema {
 public:
  // Empty `dir`: the embedded contracts. Throws std::runtime_error when the
  // folder lacks transaction-1.0.xsd or the set does not compile.
  explicit AnswerSchema(const std::filesystem::path& dir = {});
  ~AnswerSchema();
  AnswerSchema(const AnswerSchema&) = delete;
  AnswerSchema& operator=(const AnswerSchema&) = delete;

  // "" when valid, else the first problem.
  std::string validate(xmlNodePtr element) const;
  // Whether the set declares this target namespace.
  bool declares(const std::string& ns) const { return namespaces_.count(ns) > 0; }
  // What the report names as the schema source.
  const std::string& source() const { return source_; }

 private:
  xmlSchemaPtr schema_ = nullptr;
  std::set<std::string> namespaces_;
  std::string source_;
};

}  // namespace og::app::conformance
