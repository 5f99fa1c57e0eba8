// Reading answers from other systems: libxml2 with nothing switched on that a
// hostile peer could use (no DTD, no entities, no network, libxml2's depth
// and amplification limits, a size bound before parsing), and a read-only view
// that finds elements by local name whatever namespace (or none) the peer put
// them in. Callers check every value they take; this layer only guarantees a
// well-formed tree of UTF-8 text.
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct _xmlNode;
struct _xmlDoc;

namespace og::providers::xml {

// One element of a parsed answer (or none: then every lookup gives none). Valid while its Document lives.
class Node {
 public:
  Node() = default;
  explicit operator bool() const { return node_ != nullptr; }

  std::string_view local_name() const;
  std::string_view namespace_uri() const;  // "" when unqualified
  // The first child element with this local name, any namespace.
  Node child(std::string_view local) const;
  // Every child element with this local name, in document order.
  std::vector<Node> children(std::string_view local) const;
  // Every child element.
  std::vector<Node> elements() const;
  // The text directly inside this element (text and CDATA children, not those of child elements).
  std::string text() const;
  // The attribute with this local name (any namespace), if present.
  std::optional<std::string> attribute(std::string_view local) const;

 private:
  friend class Document;
  explicit Node(const _xmlNode* node) : node_(node) {}
  const _xmlNode* node_ = nullptr;
};

class Document {
 public:
  // `charset` is the Content-Type's, used only when the document does not declare its encoding. nullopt
  // with `error` set when the body is larger than `max_bytes`, not well-formed, or carries a DOCTYPE.
  static std::optional<Document> parse(std::string_view body, std::string_view charset, std::size_t max_bytes,
                                       std::string& error);
  Node root() const;

 private:
  std::shared_ptr<_xmlDoc> doc_;
};

}  // namespace og::providers::xml
