// XSDs compiled once at start-up from the embedded contracts; validation
// contexts are per thread (libxml2's compiled schema is shared read-only).
#pragma once
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace og::message {

class SchemaSet {
 public:
  // `main` names an embedded contract (e.g. "order-1.1.xsd"); `imports` are
  // the other embedded files it may pull in. Throws on a broken schema.
  explicit SchemaSet(const std::vector<std::string>& roots);
  ~SchemaSet();
  SchemaSet(const SchemaSet&) = delete;
  SchemaSet& operator=(const SchemaSet&) = delete;

  // Validates the subtree at `element` (a global element of the schema).
  // Returns an empty string when valid, else the first problem, readable.
  std::string validate(xmlNodePtr element) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Must run once in the main thread before any parsing (libxml2's globals).
void init_xml();

}  // namespace og::message
