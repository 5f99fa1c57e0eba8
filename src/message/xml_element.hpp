// A read-only view of an element in a parsed, normalized and validated
// document. Because the schema already guaranteed structure and types, the
// face reads values straight from the tree: no second parse.
#pragma once
#include <libxml/tree.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace og::message {

class XmlElement {
 public:
  XmlElement() = default;
  explicit XmlElement(xmlNodePtr node) : node_(node) {}

  explicit operator bool() const { return node_ != nullptr; }
  std::string_view name() const;  // local name

  // First child element with this local name (empty view if none).
  XmlElement child(std::string_view local) const;
  std::vector<XmlElement> children(std::string_view local) const;

  // Text content with surrounding whitespace removed.
  std::string text() const;
  std::optional<std::string> child_text(std::string_view local) const;
  std::optional<std::string> attribute(const char* name) const;

 private:
  xmlNodePtr node_ = nullptr;
};

}  // namespace og::message
