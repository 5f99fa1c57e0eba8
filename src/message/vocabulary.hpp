// What a face knows about its elements: the namespace every element name
// belongs in and the attributes it may carry. The reader uses it to turn sloppy
// input (no namespace, another version's namespace, extra elements) into the
// canonical document that the face's schema validates.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace og::message {

struct NamespaceBinding {
  std::string prefix;
  std::string uri;
};

class Vocabulary {
 public:
  // Declares a namespace the canonical document uses, under a fixed prefix.
  // An empty `uri` means "no namespace": its elements are unqualified.
  void add_namespace(std::string prefix, std::string uri);
  // Element `local` belongs to the namespace declared under `prefix`.
  void add_element(std::string_view local, std::string_view prefix, std::vector<std::string> attributes = {});
  // Below the payload root `root`, element `local` belongs to `prefix`'s
  // namespace instead: modules that reuse a name in their own namespace
  // (stock-B2B's and stock-B2C's CreateDate, StartIndex, ...).
  void add_element_under(std::string_view root, std::string_view local, std::string_view prefix,
                         std::vector<std::string> attributes = {});
  // Directly inside element `parent`, element `local` belongs to `prefix`'s
  // namespace: a name a module uses both for its own element and for UBL's
  // below the same root (sale-B2B's line ID beside cac:ID).
  void add_element_in(std::string_view parent, std::string_view local, std::string_view prefix);
  // An attribute spelled `sloppy` on `local` means `canonical`.
  void add_attribute_alias(std::string_view local, std::string sloppy, std::string canonical);
  // The same for `local` below the payload root `root` (add_element_under).
  void add_attribute_alias_under(std::string_view root, std::string_view local, std::string sloppy,
                                 std::string canonical);
  // Elements that may be the document (payload) root.
  void add_root(std::string_view local);
  // Children of the payload root that belong at its front, in this order,
  // wherever the client put them (Veloconnect's envelope elements: clients
  // send them in any order and after the content). The schema then checks
  // the rest as it is.
  void set_leading(std::vector<std::string> locals) { leading_ = std::move(locals); }
  const std::vector<std::string>& leading() const { return leading_; }

  struct Element {
    int ns_index;
    std::vector<std::string> attributes;
    std::vector<std::pair<std::string, std::string>> aliases;
  };
  const Element* element(std::string_view local) const;
  // `local` below the payload root `root`: its scoped entry, else element(local).
  const Element* element_under(std::string_view root, std::string_view local) const;
  // `local` inside `parent` below the payload root `root`: its entry by
  // parent, else element_under(root, local).
  const Element* element_in(std::string_view root, std::string_view parent, std::string_view local) const;
  bool is_root(std::string_view local) const;
  const std::vector<NamespaceBinding>& namespaces() const { return namespaces_; }

 private:
  std::vector<NamespaceBinding> namespaces_;
  std::vector<std::string> leading_;
  // Looked up with string_views on every element of every request: no
  // temporary strings.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, Element, Hash, std::equal_to<>> elements_;
  // Keyed "root local": only a few roots have any, looked up only for them.
  std::unordered_map<std::string, Element, Hash, std::equal_to<>> scoped_;
  std::unordered_map<std::string, bool, Hash, std::equal_to<>> scoped_roots_;
  // Keyed "parent local", looked up only for the parents that have any.
  std::unordered_map<std::string, Element, Hash, std::equal_to<>> within_;
  std::unordered_map<std::string, bool, Hash, std::equal_to<>> within_parents_;
  int ns_index(std::string_view prefix) const;
  std::unordered_map<std::string, bool, Hash, std::equal_to<>> roots_;
};

}  // namespace og::message
