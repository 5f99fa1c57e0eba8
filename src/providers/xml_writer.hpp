// A small writer for the XML documents ordergate sends to other systems (a
// Veloconnect request is a handful of elements). Every text and attribute
// value goes through escaping; element and attribute names are the caller's
// constants and are checked too. Input that XML 1.0 cannot carry (control
// characters, invalid UTF-8) makes the document fail instead of going out
// altered: the writer remembers the first problem, and finish() refuses.
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace og::providers {

class XmlWriter {
 public:
  using Attributes = std::initializer_list<std::pair<std::string_view, std::string_view>>;

  // Starts the document with the UTF-8 XML declaration.
  XmlWriter();

  // <name attributes...>; closed by close().
  void open(std::string_view name, Attributes attributes = {});
  void close();
  // <name attributes...>text</name>
  void leaf(std::string_view name, std::string_view text, Attributes attributes = {});

  // The first problem, if any ("the text of SellersID holds a control character").
  const std::optional<std::string>& problem() const { return problem_; }
  // The document, or nullopt when a value could not be written or elements are still open.
  std::optional<std::string> finish();

  // `text` escaped for element content (attribute = false) or a double-quoted attribute value; nullopt when
  // it is not UTF-8 or holds a character XML 1.0 cannot carry (C0 controls other than tab, LF, CR).
  static std::optional<std::string> escape(std::string_view text, bool attribute);

 private:
  void start_tag(std::string_view name, Attributes attributes);
  bool name_ok(std::string_view name);
  void fail(std::string what);

  std::string out_;
  std::vector<std::string> open_;
  std::optional<std::string> problem_;
};

}  // namespace og::providers
