#include "providers/xml_writer.hpp"

namespace og::providers {

namespace {

// The length of the UTF-8 sequence starting at s[i] (1..4), or 0 when it is not well-formed (overlong forms,
// surrogates and code points beyond U+10FFFF included).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  char32_t cp = 0;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  // U+FFFE and U+FFFF are not XML characters either.
  if (cp == 0xFFFE || cp == 0xFFFF) return 0;
  return n;
}

}  // namespace

XmlWriter::XmlWriter() : out_("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") {}

std::optional<std::string> XmlWriter::escape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char c = text[i];
    std::size_t n = utf8_length(text, i);
    if (n == 0) return std::nullopt;
    if (n > 1) {
      out.append(text.substr(i, n));
      i += n;
      continue;
    }
    ++i;
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += attribute ? "&quot;" : "\""; break;
      case '\'': out += attribute ? "&apos;" : "'"; break;
      // A literal CR is turned into LF by every parser, and tab/LF in an attribute into a space: written as
      // references they arrive as sent.
      case '\r': out += "&#13;"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) return std::nullopt;
        out += c;
    }
  }
  return out;
}

void XmlWriter::fail(std::string what) {
  if (!problem_) problem_ = std::move(what);
}

// Names are the caller's constants ("vco:RequestEntry", "xmlns:vct"): ASCII letters, digits and ._-: only.
bool XmlWriter::name_ok(std::string_view name) {
  bool ok = !name.empty() && !(name[0] >= '0' && name[0] <= '9') && name[0] != '-' && name[0] != '.';
  for (char c : name)
    ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
                c == '.' || c == ':');
  if (!ok) fail("'" + std::string(name.substr(0, 40)) + "' is not an XML name");
  return ok;
}

void XmlWriter::start_tag(std::string_view name, Attributes attributes) {
  if (!name_ok(name)) return;
  out_ += '<';
  out_ += name;
  for (const auto& [key, value] : attributes) {
    if (!name_ok(key)) return;
    auto escaped = escape(value, true);
    if (!escaped)
      return fail("the attribute " + std::string(key) + " of " + std::string(name) +
                  " holds a character XML cannot carry");
    out_ += ' ';
    out_ += key;
    out_ += "=\"";
    out_ += *escaped;
    out_ += '"';
  }
  out_ += '>';
}

void XmlWriter::open(std::string_view name, Attributes attributes) {
  start_tag(name, attributes);
  open_.emplace_back(name);
}

void XmlWriter::close() {
  if (open_.empty()) return fail("close() without an open element");
  out_ += "</";
  out_ += open_.back();
  out_ += '>';
  open_.pop_back();
}

void XmlWriter::leaf(std::string_view name, std::string_view text, Attributes attributes) {
  start_tag(name, attributes);
  auto escaped = escape(text, false);
  if (!escaped) return fail("the text of " + std::string(name) + " holds a character XML cannot carry");
  out_ += *escaped;
  out_ += "</";
  out_ += name;
  out_ += '>';
}

std::optional<std::string> XmlWriter::finish() {
  if (!open_.empty()) fail("element " + open_.back() + " is still open");
  if (problem_) return std::nullopt;
  out_ += '\n';
  return std::move(out_);
}

}  // namespace og::providers
