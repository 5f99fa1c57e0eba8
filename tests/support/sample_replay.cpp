#include "support/sample_replay.hpp"
#include "support/xml_check.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <utility>

namespace og::test::samples {

namespace fs = std::filesystem;

namespace {

constexpr const char* kSoap11Ns = "http://schemas.xmlsoap.org/soap/envelope/";
constexpr const char* kSoap12Ns = "http://www.w3.org/2003/05/soap-envelope";

struct Suffix {
  const char* text;
  Binding binding;
};
// The longer suffixes first: ".request.soap11.xml" also ends in ".xml".
constexpr Suffix kSuffixes[] = {{".request.soap11.xml", Binding::Soap11},
                                {".request.soap12.xml", Binding::Soap12},
                                {".request.xml", Binding::XmlPost},
                                {".request.url", Binding::UrlGet},
                                {".request.form", Binding::UrlPost}};

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

using Doc = ParsedXml;

std::string str(const xmlChar* s) {
  return s ? reinterpret_cast<const char*>(s) : "";
}

bool is_element(xmlNodePtr n) {
  return n->type == XML_ELEMENT_NODE;
}
bool is_text(xmlNodePtr n) {
  return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE;
}

xmlNodePtr first_element(xmlNodePtr n) {
  for (; n; n = n->next)
    if (is_element(n)) return n;
  return nullptr;
}

std::string ns_of(xmlNodePtr n) {
  return n->ns ? str(n->ns->href) : "";
}

xmlNodePtr payload_of(xmlDocPtr doc) {
  xmlNodePtr root = xmlDocGetRootElement(doc);
  if (!root) return nullptr;
  if (str(root->name) == "Envelope" && (ns_of(root) == kSoap11Ns || ns_of(root) == kSoap12Ns)) {
    for (xmlNodePtr c = first_element(root->children); c; c = first_element(c->next))
      if (str(c->name) == "Body") return first_element(c->children);
    return nullptr;
  }
  return root;
}

std::string text_of(xmlNodePtr e) {
  std::string out;
  for (xmlNodePtr c = e->children; c; c = c->next)
    if (is_text(c) && c->content) out += str(c->content);
  return out;
}

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n\f\v");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n\f\v") - b + 1);
}

std::string escape(const std::string& s, bool attribute) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += attribute ? "&quot;" : "\""; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      case '\t': out += "&#9;"; break;
      default: out += c;
    }
  }
  return out;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// YYYY-MM-DD anywhere in the text becomes {{date}}.
std::string mask_dates(const std::string& s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (i + 10 <= s.size() && is_digit(s[i]) && is_digit(s[i + 1]) && is_digit(s[i + 2]) && is_digit(s[i + 3]) &&
        s[i + 4] == '-' && is_digit(s[i + 5]) && is_digit(s[i + 6]) && s[i + 7] == '-' && is_digit(s[i + 8]) &&
        is_digit(s[i + 9])) {
      out += "{{date}}";
      i += 10;
    } else {
      out += s[i++];
    }
  }
  return out;
}

std::string qualified(const xmlNs* ns, const xmlChar* local) {
  if (ns && ns->prefix) return str(ns->prefix) + ":" + str(local);
  return str(local);
}

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
  }
  return out;
}

}  // namespace

std::optional<Binding> binding_of(const std::string& filename) {
  for (const auto& s : kSuffixes)
    if (ends_with(filename, s.text)) return s.binding;
  return std::nullopt;
}

const char* binding_name(Binding binding) {
  switch (binding) {
    case Binding::XmlPost: return "xml-post";
    case Binding::UrlGet: return "url-get";
    case Binding::UrlPost: return "url-post";
    case Binding::Soap11: return "soap11";
    case Binding::Soap12: return "soap12";
  }
  return "?";
}

const char* answer_media_type(Binding binding) {
  switch (binding) {
    case Binding::Soap11: return "text/xml";
    case Binding::Soap12: return "application/soap+xml";
    default: return "application/xml";
  }
}

std::vector<Sample> samples_in(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(folder))
    if (e.is_regular_file()) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  std::vector<Sample> out;
  for (const auto& n : names) {
    auto binding = binding_of(n);
    if (!binding) continue;
    for (const auto& s : kSuffixes) {
      if (s.binding != *binding) continue;
      Sample sample;
      sample.binding = *binding;
      sample.stem = n.substr(0, n.size() - std::char_traits<char>::length(s.text));
      static const std::regex number("^[0-9]+-");
      sample.name = std::regex_replace(sample.stem, number, "");
      sample.request = folder / n;
      sample.response = folder / (sample.stem + ".response.xml");
      out.push_back(std::move(sample));
    }
  }
  return out;
}

std::vector<fs::path> folders_in(const fs::path& root) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(root))
    if (e.is_directory()) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::vector<std::string>> server_args(const fs::path& folder) {
  fs::path file = folder / "server.args";
  if (!fs::exists(file)) return std::nullopt;
  std::vector<std::string> args;
  std::istringstream in(read_file(file));
  std::string line;
  while (std::getline(in, line)) {
    line = line.substr(0, line.find('#'));
    std::istringstream words(line);
    std::string w;
    while (words >> w) args.push_back(w);
  }
  return args;
}

std::string soap_action(const std::string& body) {
  static const std::regex payload(R"(<(?:[A-Za-z_][\w.-]*:)?Body\b[^>]*>\s*<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*))");
  std::smatch m;
  if (!std::regex_search(body, m, payload)) return "";
  std::string op = m[1].str();
  if (ends_with(op, "Request")) op.resize(op.size() - 7);
  return "urn:veloconnect:" + op;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string Captures::substitute(const std::string& request, const Sample& sample) const {
  static const std::regex placeholder(R"(\{\{TransactionID(?::([A-Za-z0-9_.-]+))?\}\})");
  std::string out;
  auto begin = std::sregex_iterator(request.begin(), request.end(), placeholder);
  std::size_t at = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    out += request.substr(at, static_cast<std::size_t>(m.position()) - at);
    if (!m[1].matched) {
      if (!last_)
        throw std::runtime_error(sample.request.filename().string() +
                                 ": {{TransactionID}} used before any answer carried one");
      out += *last_;
    } else {
      auto found = named_.find(m[1].str());
      if (found == named_.end())
        throw std::runtime_error(sample.request.filename().string() + ": {{TransactionID:" + m[1].str() +
                                 "}}: no earlier sample named NNN-" + m[1].str() + " answered one");
      out += found->second;
    }
    at = static_cast<std::size_t>(m.position() + m.length());
  }
  out += request.substr(at);
  return out;
}

void Captures::remember(const Sample& sample, const std::string& answer) {
  auto facts = envelope_facts(answer);
  if (facts.response_code == "200" && facts.transaction_id && !facts.transaction_id->empty()) {
    last_ = *facts.transaction_id;
    named_[sample.name] = *facts.transaction_id;
  }
}

EnvelopeFacts envelope_facts(const std::string& xml) {
  EnvelopeFacts facts;
  Doc d(xml);
  if (!d.doc) return facts;
  xmlNodePtr p = payload_of(d.doc);
  if (!p) return facts;
  for (xmlNodePtr c = first_element(p->children); c; c = first_element(c->next)) {
    std::string local = str(c->name);
    if (local == "ResponseCode" && !facts.response_code) facts.response_code = trim(text_of(c));
    if (local == "TransactionID" && !facts.transaction_id) facts.transaction_id = trim(text_of(c));
  }
  return facts;
}

std::string Normalizer::value(const std::string& local, const std::string& text) {
  if ((local == "TransactionID" || local == "TransactionId") && !text.empty()) {
    auto [it, added] = transactions_.emplace(text, static_cast<int>(transactions_.size()) + 1);
    return "{{TransactionID#" + std::to_string(it->second) + "}}";
  }
  if (local == "OrderID" && !text.empty()) return "{{OrderID}}";
  return mask_dates(text);
}

std::vector<std::string> Normalizer::render(const std::string& body) {
  Doc d(body);
  xmlNodePtr root = d.doc ? xmlDocGetRootElement(d.doc) : nullptr;
  if (!root) {
    std::vector<std::string> out{"(not well-formed XML)"};
    for (auto& l : split_lines(body)) out.push_back(l);
    return out;
  }
  std::set<std::pair<std::string, std::string>> namespaces;
  std::vector<std::string> lines;
  auto element = [&](auto&& self, xmlNodePtr e, int depth) -> void {
    namespaces.emplace(e->ns && e->ns->prefix ? str(e->ns->prefix) : "", ns_of(e));
    std::vector<std::pair<std::string, std::string>> attrs;
    for (xmlAttrPtr a = e->properties; a; a = a->next) {
      if (a->ns && a->ns->prefix) namespaces.emplace(str(a->ns->prefix), str(a->ns->href));
      xmlChar* v = xmlNodeGetContent(reinterpret_cast<xmlNodePtr>(a));
      attrs.emplace_back(qualified(a->ns, a->name), value("", str(v)));
      xmlFree(v);
    }
    std::sort(attrs.begin(), attrs.end());
    std::string name = qualified(e->ns, e->name);
    std::string head = name;
    for (const auto& [n, v] : attrs) head += " " + n + "=\"" + escape(v, true) + "\"";
    std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
    if (!first_element(e->children)) {
      lines.push_back(indent + "<" + head + ">" + escape(value(str(e->name), text_of(e)), false) + "</" + name + ">");
      return;
    }
    lines.push_back(indent + "<" + head + ">");
    for (xmlNodePtr c = e->children; c; c = c->next) {
      if (is_element(c))
        self(self, c, depth + 1);
      else if (is_text(c) && c->content && !trim(str(c->content)).empty())
        lines.push_back(indent + "  " + escape(value("", str(c->content)), false));
    }
    lines.push_back(indent + "</" + name + ">");
  };
  element(element, root, 0);
  std::vector<std::string> out;
  for (const auto& [prefix, uri] : namespaces)
    out.push_back("xmlns" + (prefix.empty() ? std::string() : ":" + prefix) + "=\"" + escape(uri, true) + "\"");
  out.insert(out.end(), lines.begin(), lines.end());
  return out;
}

std::string diff_lines(const std::vector<std::string>& a, const std::vector<std::string>& b,
                       const std::string& expected_name, const std::string& actual_name) {
  const std::size_t n = a.size(), m = b.size();
  // Longest common subsequence, from the back.
  std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::vector<std::pair<char, std::string>> ops;
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      ops.emplace_back(' ', a[i++]);
      ++j;
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      ops.emplace_back('-', a[i++]);
    } else {
      ops.emplace_back('+', b[j++]);
    }
  }
  const std::size_t context = 3;
  std::vector<bool> keep(ops.size(), false);
  for (std::size_t k = 0; k < ops.size(); ++k) {
    if (ops[k].first == ' ') continue;
    std::size_t from = k >= context ? k - context : 0;
    std::size_t to = std::min(ops.size(), k + context + 1);
    for (std::size_t x = from; x < to; ++x) keep[x] = true;
  }
  std::string out = "--- " + expected_name + "\n+++ " + actual_name + "\n";
  bool gap = true;
  for (std::size_t k = 0; k < ops.size(); ++k) {
    if (!keep[k]) {
      gap = true;
      continue;
    }
    if (gap) out += "@@\n";
    gap = false;
    out += ops[k].first;
    out += ops[k].second;
    out += "\n";
  }
  return out;
}

}  // namespace og::test::samples
