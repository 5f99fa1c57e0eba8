#include "providers/xml_answer.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <limits>
#include <mutex>

#include "message/xml_limits.hpp"

namespace og::providers::xml {

namespace {

std::string_view view(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

xmlNodePtr mutable_node(const _xmlNode* n) {
  return const_cast<xmlNodePtr>(n);
}

// Does the XML declaration name an encoding? (Then it wins over the Content-Type.)
bool declares_encoding(std::string_view body) {
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  if (body.substr(0, 5) != "<?xml") return false;
  return body.substr(0, body.find("?>")).find("encoding") != std::string_view::npos;
}

// A charset name we may hand to libxml2 ("utf-8", "ISO-8859-1"); anything else is ignored.
bool plausible_charset(std::string_view s) {
  if (s.empty() || s.size() > 40) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
          c == '.' || c == ':'))
      return false;
  return true;
}

// SAX hook for <!DOCTYPE ...>: an answer never needs one, and its internal subset is where entity
// expansion attacks live. Parsing stops before any declaration in it is read.
void refuse_doctype(void* context, const xmlChar*, const xmlChar*, const xmlChar*) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(context);
  if (ctxt->_private) *static_cast<bool*>(ctxt->_private) = true;
  xmlStopParser(ctxt);
}

struct CtxtDeleter {
  void operator()(xmlParserCtxtPtr c) const { xmlFreeParserCtxt(c); }
};

}  // namespace

std::string_view Node::local_name() const {
  return node_ ? view(node_->name) : std::string_view();
}

std::string_view Node::namespace_uri() const {
  return node_ && node_->ns ? view(node_->ns->href) : std::string_view();
}

Node Node::child(std::string_view local) const {
  if (!node_) return Node();
  for (const _xmlNode* c = node_->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && view(c->name) == local) return Node(c);
  return Node();
}

std::vector<Node> Node::children(std::string_view local) const {
  std::vector<Node> out;
  if (!node_) return out;
  for (const _xmlNode* c = node_->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && view(c->name) == local) out.push_back(Node(c));
  return out;
}

std::vector<Node> Node::elements() const {
  std::vector<Node> out;
  if (!node_) return out;
  for (const _xmlNode* c = node_->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) out.push_back(Node(c));
  return out;
}

std::string Node::text() const {
  std::string out;
  if (!node_) return out;
  for (const _xmlNode* c = node_->children; c; c = c->next)
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) out += view(c->content);
  return out;
}

std::optional<std::string> Node::attribute(std::string_view local) const {
  if (!node_) return std::nullopt;
  for (const xmlAttr* a = node_->properties; a; a = a->next) {
    if (view(a->name) != local) continue;
    xmlChar* value = xmlNodeListGetString(mutable_node(node_)->doc, a->children, 1);
    std::string out(view(value));
    xmlFree(value);
    return out;
  }
  return std::nullopt;
}

std::optional<Document> Document::parse(std::string_view body, std::string_view charset, std::size_t max_bytes,
                                        std::string& error) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  // libxml2 takes the length as an int.
  if (body.size() > max_bytes || body.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    error = "the answer has " + std::to_string(body.size()) + " bytes, more than the " + std::to_string(max_bytes) +
            " accepted";
    return std::nullopt;
  }
  if (body.empty()) {
    error = "the answer is empty";
    return std::nullopt;
  }
  const char* encoding = nullptr;
  std::string wanted(charset);
  if (!declares_encoding(body) && plausible_charset(wanted)) encoding = wanted.c_str();
  // The same shape limits as requests, before libxml2 builds anything: a peer's
  // 100,000 attributes would otherwise cost a loop tens of seconds.
  if (auto problem = message::scan_xml(body, encoding ? std::optional<std::string_view>(encoding) : std::nullopt,
                                       message::XmlLimits{})) {
    error = "the answer is refused: " + problem->message;
    return std::nullopt;
  }
  std::unique_ptr<xmlParserCtxt, CtxtDeleter> ctxt(xmlNewParserCtxt());
  if (!ctxt) {
    error = "out of memory";
    return std::nullopt;
  }
  bool doctype = false;
  ctxt->_private = &doctype;
  ctxt->sax->internalSubset = refuse_doctype;
  // No entity substitution (XML_PARSE_NOENT off), no DTD loading or attribute defaults, no network; libxml2's
  // depth and amplification limits stay on (no XML_PARSE_HUGE). Errors are read from the context, not printed.
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  xmlDocPtr raw = xmlCtxtReadMemory(ctxt.get(), body.data(), static_cast<int>(body.size()), nullptr, encoding, options);
  std::shared_ptr<_xmlDoc> doc(raw, [](xmlDocPtr d) {
    if (d) xmlFreeDoc(d);
  });
  if (doctype) {
    error = "the answer carries a DOCTYPE";
    return std::nullopt;
  }
  if (!doc || !ctxt->wellFormed || !xmlDocGetRootElement(doc.get())) {
    const xmlError* e = xmlCtxtGetLastError(ctxt.get());
    std::string message = e && e->message ? e->message : "no root element";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    error = "not well-formed XML: " + (e && e->line > 0 ? "line " + std::to_string(e->line) + ": " : "") + message;
    return std::nullopt;
  }
  Document out;
  out.doc_ = std::move(doc);
  return out;
}

Node Document::root() const {
  return Node(xmlDocGetRootElement(doc_.get()));
}

}  // namespace og::providers::xml
