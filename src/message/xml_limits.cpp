#include "message/xml_limits.hpp"

#include <cstdint>
#include <cstring>
#include <vector>

// How this scan and libxml2 2.9 stay in step. Both dispatch on the same '<'
// in content: "<!--" to "-->", "<![CDATA[" to "]]>", "<?" target to "?>", "</"
// an end tag, else a start tag; an attribute value runs to its quote and
// cannot hold a '<'. libxml2 leaves such a construct early only at a
// character XML forbids (refused up front), at its 10 MB length limit (the
// scan's text limit is lower), or after a syntax error the scan also sees
// (a PI without a target, a start tag that is not `name attr="v" ...>`, an
// end tag that is not `</name>`). The XML declaration ends at its first '>'
// (libxml2 skips to it after an error). From the first syntax error on, the
// scan counts what libxml2 could still tokenise: a start tag never spans a
// '<', and each of its attributes needs a '=' followed by a quote.

namespace og::message {

namespace {

// The body as code units: bytes (UTF-8 and the ASCII-compatible encodings,
// where a byte below 0x80 is always that ASCII character) or UTF-16 units
// (where ASCII characters are single units). Only ASCII matters to the scan.
struct ByteUnits {
  std::string_view s;
  std::size_t size() const { return s.size(); }
  std::uint32_t operator[](std::size_t i) const { return static_cast<unsigned char>(s[i]); }
  static constexpr std::size_t kWidth = 1;
};

struct Utf16Units {
  std::string_view s;
  bool big_endian;
  std::size_t size() const { return s.size() / 2; }
  std::uint32_t operator[](std::size_t i) const {
    auto a = static_cast<unsigned char>(s[2 * i]), b = static_cast<unsigned char>(s[2 * i + 1]);
    return big_endian ? (std::uint32_t{a} << 8 | b) : (std::uint32_t{b} << 8 | a);
  }
  static constexpr std::size_t kWidth = 2;
};

bool is_space(std::uint32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// What may be part of a name as far as the scan cares: anything that does not
// end one. (libxml2 is stricter; where it stops earlier, it reports an error.)
bool is_name_char(std::uint32_t c) {
  return !is_space(c) && c != '>' && c != '/' && c != '<' && c != '=' && c != '"' && c != '\'' && c != '?' && c != '!';
}

// A name libxml2 may start with (ASCII letters, '_', ':'; anything beyond
// ASCII is left to it: where it refuses one, it stops).
bool is_name_start(std::uint32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= 0x80;
}

// "UTF-8", "ISO_8859-1", "windows-1252" -> "utf8", "iso88591", "windows1252".
std::string normalized(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  }
  return out;
}

// Encodings whose bytes below 0x80 are ASCII (so the byte scan sees what the
// parser will see), and UTF-16. Anything else (EBCDIC, UTF-32, UTF-7, ...)
// could let the parser read a document the scan cannot.
bool is_readable_encoding(const std::string& n) {
  if (n == "utf8" || n == "usascii" || n == "ascii" || n == "latin1" || n == "utf16" || n == "utf16le" ||
      n == "utf16be")
    return true;
  auto numbered = [&](std::string_view prefix, int lo, int hi) {
    if (!n.starts_with(prefix) || n.size() == prefix.size() || n.size() > prefix.size() + 2) return false;
    int v = 0;
    for (char c : n.substr(prefix.size())) {
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    return v >= lo && v <= hi;
  };
  return numbered("iso8859", 1, 16) || numbered("windows125", 0, 8) || numbered("cp125", 0, 8);
}

XmlScanProblem unsupported(std::string_view name) {
  return {XmlScanProblem::Kind::NotWellFormed,
          "the encoding " + std::string(name.substr(0, 64)) +
              " is not supported (UTF-8, UTF-16, US-ASCII, ISO-8859-n and windows-125n are)"};
}

template <class Units>
class Scanner {
 public:
  Scanner(Units u, std::size_t start, const XmlLimits& limits) : u_(u), n_(u.size()), pos_(start), limits_(limits) {}

  // Characters XML 1.0 forbids: controls other than tab, CR and LF, and
  // U+FFFE/U+FFFF (in UTF-8, EF BF BE/BF).
  std::optional<XmlScanProblem> forbidden_characters() const {
    for (std::size_t i = 0; i < n_; ++i) {
      std::uint32_t c = u_[i];
      bool bad = c < 0x20 ? !is_space(c) : Units::kWidth == 2 ? (c >= 0xFFFE && i > 0) : false;
      if constexpr (Units::kWidth == 1)
        bad = bad || (c == 0xEF && i + 2 < n_ && u_[i + 1] == 0xBF && (u_[i + 2] == 0xBE || u_[i + 2] == 0xBF));
      if (!bad) continue;
      std::string what = c == 0 ? "a NUL character" : "a character XML does not allow";
      return XmlScanProblem{
          XmlScanProblem::Kind::NotWellFormed,
          "line " + std::to_string(line_at(i)) + ": " + what + " (at byte " + std::to_string(i * Units::kWidth) + ")"};
    }
    return std::nullopt;
  }

  // The XML declaration, if the document starts with one: libxml2 reads it to
  // its first '>' whatever it holds. Returns the encodings it names.
  std::vector<std::string> declaration() {
    std::vector<std::string> encodings;
    if (!at(pos_, "<?xml") || pos_ + 5 >= n_ || !is_space(u_[pos_ + 5])) return encodings;
    std::size_t end = pos_ + 5;
    while (end < n_ && u_[end] != '>') ++end;
    for (std::size_t i = pos_ + 5; i + 8 <= end; ++i) {
      if (!at(i, "encoding")) continue;
      std::size_t j = skip_space(i + 8);
      if (j >= end || u_[j] != '=') continue;
      j = skip_space(j + 1);
      if (j >= end || (u_[j] != '"' && u_[j] != '\'')) continue;
      std::uint32_t quote = u_[j];
      std::string value;
      for (++j; j < end && u_[j] != quote && value.size() < 64; ++j)
        value += u_[j] < 0x80 ? static_cast<char>(u_[j]) : '?';
      encodings.push_back(value);
    }
    pos_ = end == n_ ? n_ : end + 1;
    return encodings;
  }

  std::optional<XmlScanProblem> run() {
    while (pos_ < n_) {
      std::size_t lt = next_lt(pos_);
      if (lt > pos_) {
        text_ += (lt - pos_) * Units::kWidth;
        if (text_ > limits_.max_text) return over(pos_, "a text node longer than " + bytes(limits_.max_text));
        pos_ = lt;
        if (pos_ >= n_) break;
      }
      std::optional<XmlScanProblem> problem;
      bool understood = markup(problem);
      if (problem) return problem;
      if (!understood) return crude();
    }
    return std::nullopt;
  }

 private:
  static std::string bytes(std::size_t n) { return std::to_string(n) + " bytes"; }

  bool at(std::size_t p, std::string_view ascii) const {
    if (p + ascii.size() > n_) return false;
    for (std::size_t i = 0; i < ascii.size(); ++i)
      if (u_[p + i] != static_cast<unsigned char>(ascii[i])) return false;
    return true;
  }
  // Where `ascii` starts at or after p, or n_.
  std::size_t find(std::size_t p, std::string_view ascii) const {
    for (; p + ascii.size() <= n_; ++p)
      if (u_[p] == static_cast<unsigned char>(ascii[0]) && at(p, ascii)) return p;
    return n_;
  }
  std::size_t next_lt(std::size_t p) const {
    if constexpr (Units::kWidth == 1) {
      const void* hit = std::memchr(u_.s.data() + p, '<', n_ - p);
      return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - u_.s.data()) : n_;
    } else {
      while (p < n_ && u_[p] != '<') ++p;
      return p;
    }
  }
  std::size_t skip_space(std::size_t p) const {
    while (p < n_ && is_space(u_[p])) ++p;
    return p;
  }
  std::size_t skip_name(std::size_t p) const {
    while (p < n_ && is_name_char(u_[p])) ++p;
    return p;
  }

  std::size_t line_at(std::size_t p) const {
    std::size_t line = 1;
    for (std::size_t i = 0; i < p && i < n_; ++i)
      if (u_[i] == '\n') ++line;
    return line;
  }
  XmlScanProblem over(std::size_t p, const std::string& what) const {
    return {XmlScanProblem::Kind::OverLimit,
            "line " + std::to_string(line_at(p)) + ": " + what + " (a limit of this server)"};
  }

  // A comment, CDATA section or PI from `from` to `end` (or to the end of the
  // document); `body` is where its content starts.
  bool region(std::size_t body, std::size_t end, std::size_t close, const char* what,
              std::optional<XmlScanProblem>& problem) {
    if ((end - body) * Units::kWidth > limits_.max_text) {
      problem = over(pos_, std::string(what) + " longer than " + bytes(limits_.max_text));
      return true;
    }
    pos_ = end == n_ ? n_ : end + close;
    return true;
  }

  // At a '<'. True when the markup was read as libxml2 reads it; false when
  // the document stops making sense here.
  bool markup(std::optional<XmlScanProblem>& problem) {
    std::size_t p = pos_;
    if (at(p, "<!--")) {
      text_ = 0;
      return region(p + 4, find(p + 4, "-->"), 3, "a comment", problem);
    }
    if (at(p, "<![CDATA[")) {
      // Read as text (XML_PARSE_NOCDATA): part of the text node around it.
      std::size_t end = find(p + 9, "]]>");
      text_ += (end - (p + 9)) * Units::kWidth;
      if (text_ > limits_.max_text) {
        problem = over(p, "a text node longer than " + bytes(limits_.max_text));
        return true;
      }
      return region(p + 9, end, 3, "a CDATA section", problem);
    }
    if (at(p, "<!DOCTYPE")) {
      problem = XmlScanProblem{XmlScanProblem::Kind::NotWellFormed,
                               "line " + std::to_string(line_at(p)) + ": a DOCTYPE is not allowed"};
      return true;
    }
    if (at(p, "<?")) {
      // A target, then anything up to "?>". Without a target libxml2 goes on
      // reading right after "<?".
      if (p + 2 >= n_ || !is_name_start(u_[p + 2])) return false;
      text_ = 0;
      return region(p + 2, find(p + 2, "?>"), 2, "a processing instruction", problem);
    }
    if (p + 1 < n_ && u_[p + 1] == '/') {
      if (p + 2 >= n_ || !is_name_start(u_[p + 2])) return false;
      std::size_t q = skip_space(skip_name(p + 2));
      if (q >= n_) {
        pos_ = n_;
        return true;
      }
      if (u_[q] != '>') return false;
      if (depth_ > 0) --depth_;
      text_ = 0;
      pos_ = q + 1;
      return true;
    }
    return start_tag(problem);
  }

  bool start_tag(std::optional<XmlScanProblem>& problem) {
    std::size_t p = pos_;
    if (p + 1 >= n_ || !is_name_start(u_[p + 1])) return false;
    std::size_t q = skip_name(p + 1);
    if (++elements_ > limits_.max_elements) {
      problem = over(p, "more than " + std::to_string(limits_.max_elements) + " elements");
      return true;
    }
    if (++depth_ > limits_.max_depth) {
      problem = over(p, "elements nested deeper than " + std::to_string(limits_.max_depth));
      return true;
    }
    text_ = 0;
    std::size_t attributes = 0;
    for (;;) {
      std::size_t r = skip_space(q);
      if (r >= n_) {
        pos_ = n_;
        return true;
      }
      if (u_[r] == '>') {
        pos_ = r + 1;
        return true;
      }
      if (u_[r] == '/') {
        if (r + 1 >= n_ || u_[r + 1] != '>') return false;
        --depth_;
        pos_ = r + 2;
        return true;
      }
      // Attributes are separated by white space (else libxml2 ends the tag).
      if (r == q) return false;
      std::size_t name_end = skip_name(r);
      if (name_end == r) return false;
      if (++attributes > limits_.max_attributes) {
        problem = over(r, "an element with more than " + std::to_string(limits_.max_attributes) + " attributes");
        return true;
      }
      std::size_t e = skip_space(name_end);
      if (e >= n_ || u_[e] != '=') return false;
      std::size_t v = skip_space(e + 1);
      if (v >= n_ || (u_[v] != '"' && u_[v] != '\'')) return false;
      std::uint32_t quote = u_[v];
      std::size_t end = v + 1;
      while (end < n_ && u_[end] != quote && u_[end] != '<') ++end;
      if ((end - v - 1) * Units::kWidth > limits_.max_text) {
        problem = over(r, "an attribute value longer than " + bytes(limits_.max_text));
        return true;
      }
      if (end < n_ && u_[end] == '<') return false;  // not allowed in a value: libxml2 ends the tag there
      if (end >= n_) {
        pos_ = n_;
        return true;
      }
      q = end + 1;
    }
  }

  // The upper bound from the first syntax error on (see the top of the file).
  std::optional<XmlScanProblem> crude() {
    std::size_t attributes = 0;
    for (std::size_t p = pos_; p < n_; ++p) {
      std::uint32_t c = u_[p];
      if (c == '<') {
        attributes = 0;
        if (p + 1 < n_ && u_[p + 1] != '/' && ++elements_ > limits_.max_elements)
          return over(p, "more than " + std::to_string(limits_.max_elements) + " elements");
      } else if (c == '=') {
        std::size_t v = skip_space(p + 1);
        if (v < n_ && (u_[v] == '"' || u_[v] == '\'') && ++attributes > limits_.max_attributes)
          return over(p, "an element with more than " + std::to_string(limits_.max_attributes) + " attributes");
      }
    }
    return std::nullopt;
  }

  Units u_;
  std::size_t n_;
  std::size_t pos_;
  const XmlLimits& limits_;
  std::size_t elements_ = 0;
  std::size_t depth_ = 0;
  std::size_t text_ = 0;  // bytes of the text node being read
};

template <class Units>
std::optional<XmlScanProblem> scan(Units units, std::size_t start, std::optional<std::string_view> encoding,
                                   const XmlLimits& limits, std::string_view utf16) {
  Scanner<Units> scanner(units, start, limits);
  if (auto bad = scanner.forbidden_characters()) return bad;
  if (encoding && !encoding->empty() && !is_readable_encoding(normalized(*encoding))) return unsupported(*encoding);
  // The declaration may switch the parser to the encoding it names. A UTF-16
  // document may only name its own (its bytes read otherwise are another
  // document).
  for (const auto& declared : scanner.declaration()) {
    std::string n = normalized(declared);
    if (!is_readable_encoding(n)) return unsupported(declared);
    if (!utf16.empty() && n != "utf16" && n != utf16) return unsupported(declared);
  }
  return scanner.run();
}

}  // namespace

std::optional<XmlScanProblem> scan_xml(std::string_view body, std::optional<std::string_view> encoding,
                                       const XmlLimits& limits) {
  auto byte = [&](std::size_t i) { return i < body.size() ? static_cast<unsigned char>(body[i]) : -1; };
  // UTF-16, by its byte order mark or by a first '<' of two bytes.
  bool be = (byte(0) == 0xFE && byte(1) == 0xFF) || (byte(0) == 0x00 && byte(1) == '<');
  bool le = (byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == '<' && byte(1) == 0x00);
  if (be || le) {
    Utf16Units units{body, be};
    std::size_t start = units.size() > 0 && units[0] == 0xFEFF ? 1 : 0;
    return scan(units, start, encoding, limits, be ? "utf16be" : "utf16le");
  }
  // EBCDIC, which libxml2 recognises by "<?xm" in it: nothing of it is ASCII.
  if (byte(0) == 0x4C && byte(1) == 0x6F && byte(2) == 0xA7 && byte(3) == 0x94) return unsupported("EBCDIC");
  std::size_t start = body.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  return scan(ByteUnits{body}, start, encoding, limits, "");
}

}  // namespace og::message
