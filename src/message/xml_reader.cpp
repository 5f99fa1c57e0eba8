#include "message/xml_reader.hpp"

#include "message/url_form.hpp"

#include <libxml/dict.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>

#include <cstring>
#include <memory>

namespace og::message {

namespace {

using DocPtr = XmlDocPtr;

std::string_view local_name(xmlNodePtr n) {
  return reinterpret_cast<const char*>(n->name);
}
std::string_view ns_of(xmlNodePtr n) {
  return n->ns && n->ns->href ? reinterpret_cast<const char*>(n->ns->href) : "";
}

xmlNodePtr first_element(xmlNodePtr n) {
  for (; n; n = n->next)
    if (n->type == XML_ELEMENT_NODE) return n;
  return nullptr;
}

// Does the XML declaration name an encoding? (Then it wins over the header.)
bool declares_encoding(std::string_view body) {
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  if (body.substr(0, 5) != "<?xml") return false;
  auto end = body.find("?>");
  return body.substr(0, end).find("encoding") != std::string_view::npos;
}

struct Parsed {
  DocPtr doc;
  std::string error;
  bool encoding_error = false;
};

Parsed parse(std::string_view body, const char* encoding) {
  struct CtxtDeleter {
    void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
  };
  // libxml2 interns names, namespace URIs and short texts in the context's
  // dictionary, keeps it from parse to parse and fails every parse that needs
  // a new entry once it holds 10 MB: requests full of made-up names would
  // leave the thread unable to read a new prefix or value. A context whose
  // dictionary grew past what real requests need is replaced (documents keep
  // a reference to their dictionary, so none of them is affected).
  constexpr std::size_t kDictionaryBytes = 1 << 20;
  thread_local std::unique_ptr<xmlParserCtxt, CtxtDeleter> ctxt;
  if (!ctxt || xmlDictGetUsage(ctxt->dict) > kDictionaryBytes) ctxt.reset(xmlNewParserCtxt());
  Parsed out;
  // No entity substitution, no DTD loading, no network; libxml2's default
  // depth and amplification limits stay on (no XML_PARSE_HUGE).
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS | XML_PARSE_NOCDATA;
  out.doc.reset(xmlCtxtReadMemory(ctxt.get(), body.data(), static_cast<int>(body.size()), nullptr, encoding, options));
  if (!out.doc || !ctxt->wellFormed) {
    xmlErrorPtr e = xmlCtxtGetLastError(ctxt.get());
    std::string message = e && e->message ? e->message : "not well-formed";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    out.error = "not well-formed XML: " + (e && e->line > 0 ? "line " + std::to_string(e->line) + ": " : "") + message;
    out.encoding_error = e && (e->code == XML_ERR_INVALID_CHAR || e->code == XML_ERR_INVALID_ENCODING ||
                               e->code == XML_ERR_UNSUPPORTED_ENCODING);
    out.doc.reset();
  }
  return out;
}

void collect_hints(xmlNodePtr n, const std::vector<std::string>& names,
                   std::unordered_map<std::string, std::string>& hints, int depth = 0) {
  if (depth > 8) return;
  for (xmlNodePtr c = first_element(n->children); c; c = first_element(c->next)) {
    std::string local(local_name(c));
    for (const auto& wanted : names) {
      if (local == wanted && !hints.count(local)) {
        xmlChar* text = xmlNodeGetContent(c);
        std::string value = trim(text ? reinterpret_cast<const char*>(text) : "");
        xmlFree(text);
        // A value too long for an identifier is not echoed back.
        if (value.size() <= XmlReader::kMaxHint) hints[local] = std::move(value);
      }
    }
    collect_hints(c, names, hints, depth + 1);
  }
}

class Normalizer {
 public:
  Normalizer(const Vocabulary& v, xmlNodePtr root) : vocabulary_(v) {
    // The payload root declares every canonical namespace; nothing below
    // declares any, so the subtree serializes on its own.
    // An empty URI stands for "no namespace" (SAP's unqualified children).
    for (const auto& b : v.namespaces())
      ns_.push_back(b.uri.empty() ? nullptr
                                  : xmlNewNs(nullptr, reinterpret_cast<const xmlChar*>(b.uri.c_str()),
                                             reinterpret_cast<const xmlChar*>(b.prefix.c_str())));
    root_ = root;
  }

  void run() {
    normalize_element(root_, *vocabulary_.element(local_name(root_)));
    // Only now may the old declarations go: until every element and attribute
    // below was rewritten, some still pointed at them.
    for (xmlNodePtr n : declared_) {
      xmlFreeNsList(n->nsDef);
      n->nsDef = nullptr;
    }
    // Replace whatever the client declared with the canonical declarations.
    xmlFreeNsList(root_->nsDef);
    root_->nsDef = nullptr;
    xmlNsPtr* tail = &root_->nsDef;
    for (auto* ns : ns_) {
      if (!ns) continue;
      *tail = ns;
      tail = &ns->next;
    }
    move_leading_to_front();
  }

 private:
  void normalize_element(xmlNodePtr node, const Vocabulary::Element& spec) {
    node->ns = ns_[static_cast<std::size_t>(spec.ns_index)];
    if (node != root_ && node->nsDef) declared_.push_back(node);
    normalize_attributes(node, spec);
    xmlNodePtr child = node->children;
    while (child) {
      xmlNodePtr next = child->next;
      if (child->type == XML_ELEMENT_NODE) {
        const auto* child_spec = vocabulary_.element_in(local_name(root_), local_name(node), local_name(child));
        if (child_spec) {
          normalize_element(child, *child_spec);
        } else {
          // An element the protocol does not define: real clients send such
          // extras (typos, vendor fields); they carry nothing we act on.
          xmlUnlinkNode(child);
          xmlFreeNode(child);
        }
      }
      child = next;
    }
  }

  // The vocabulary's leading children first, in its order (repeated ones keep
  // their relative order, so the schema still sees and refuses a repetition).
  void move_leading_to_front() {
    std::vector<xmlNodePtr> moved;
    for (const auto& name : vocabulary_.leading())
      for (xmlNodePtr c = first_element(root_->children); c; c = first_element(c->next))
        if (local_name(c) == name) moved.push_back(c);
    if (moved.empty()) return;
    for (xmlNodePtr c : moved) xmlUnlinkNode(c);
    xmlNodePtr anchor = root_->children;
    for (xmlNodePtr c : moved) {
      if (anchor)
        xmlAddPrevSibling(anchor, c);
      else
        xmlAddChild(root_, c);
    }
  }

  static void normalize_attributes(xmlNodePtr node, const Vocabulary::Element& spec) {
    xmlAttrPtr attr = node->properties;
    while (attr) {
      xmlAttrPtr next = attr->next;
      std::string name = reinterpret_cast<const char*>(attr->name);
      for (const auto& [sloppy, canonical] : spec.aliases) {
        if (name == sloppy && !xmlHasProp(node, reinterpret_cast<const xmlChar*>(canonical.c_str()))) {
          xmlNodeSetName(reinterpret_cast<xmlNodePtr>(attr), reinterpret_cast<const xmlChar*>(canonical.c_str()));
          name = canonical;
        }
      }
      bool known = attr->ns == nullptr;
      if (known) {
        known = false;
        for (const auto& a : spec.attributes) known = known || a == name;
      }
      if (!known) xmlRemoveProp(attr);
      attr = next;
    }
  }

  const Vocabulary& vocabulary_;
  std::vector<xmlNsPtr> ns_;
  std::vector<xmlNodePtr> declared_;
  xmlNodePtr root_ = nullptr;
};

// SOAP 1.1 4.2.2/4.2.3 and SOAP 1.2 5.2.2/5.2.3: the header blocks targeted
// at us (no actor/role, "next", or SOAP 1.2's "ultimateReceiver") whose
// mustUnderstand is true. ordergate acts on no header block.
std::vector<XmlName> not_understood(xmlNodePtr header, Envelope envelope) {
  const char* env_ns = envelope == Envelope::Soap12 ? kSoap12Ns : kSoap11Ns;
  auto prop = [&](xmlNodePtr n, const char* name) -> std::optional<std::string> {
    xmlChar* v = xmlGetNsProp(n, reinterpret_cast<const xmlChar*>(name), reinterpret_cast<const xmlChar*>(env_ns));
    if (!v) return std::nullopt;
    std::string out = trim(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return out;
  };
  std::vector<XmlName> out;
  for (xmlNodePtr c = first_element(header->children); c; c = first_element(c->next)) {
    auto must = prop(c, "mustUnderstand");
    // SOAP 1.1 writes "1", SOAP 1.2 "true" or "1"; either is meant the same way.
    if (!must || (*must != "1" && *must != "true")) continue;
    bool ours = true;
    if (envelope == Envelope::Soap12) {
      auto role = prop(c, "role");
      ours = !role || role->empty() || *role == "http://www.w3.org/2003/05/soap-envelope/role/next" ||
             *role == "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver";
    } else {
      auto actor = prop(c, "actor");
      ours = !actor || actor->empty() || *actor == "http://schemas.xmlsoap.org/soap/actor/next";
    }
    if (ours) out.push_back({std::string(ns_of(c)), std::string(local_name(c))});
  }
  return out;
}

std::string serialize(xmlDocPtr doc, xmlNodePtr node) {
  xmlBufferPtr buf = xmlBufferCreate();
  xmlNodeDump(buf, doc, node, 0, 0);
  std::string out(reinterpret_cast<const char*>(xmlBufferContent(buf)), static_cast<std::size_t>(xmlBufferLength(buf)));
  xmlBufferFree(buf);
  return out;
}

std::string readable(std::string message, const Vocabulary& v) {
  // libxml2 writes names as {uri}local; the prefixes read better.
  for (const auto& b : v.namespaces()) {
    if (b.uri.empty()) continue;
    std::string from = "{" + b.uri + "}";
    for (auto at = message.find(from); at != std::string::npos; at = message.find(from))
      message.replace(at, from.size(), b.prefix + ":");
  }
  return message;
}

}  // namespace

XmlReader::XmlReader(const Vocabulary& vocabulary, const SchemaSet& schema, std::vector<std::string> hint_elements,
                     XmlLimits limits)
    : vocabulary_(vocabulary), schema_(schema), hint_elements_(std::move(hint_elements)), limits_(limits) {}

std::string capped(std::string text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text + "...";
}

XmlReadResult XmlReader::read(std::string_view body, std::optional<std::string_view> charset,
                              Envelope envelope_hint) const {
  XmlReadResult result = read_uncapped(body, charset, envelope_hint);
  if (auto* problem = std::get_if<XmlProblem>(&result))
    problem->message = capped(std::move(problem->message), kMaxProblemMessage);
  return result;
}

XmlReadResult XmlReader::read_uncapped(std::string_view body, std::optional<std::string_view> charset,
                                       Envelope envelope_hint) const {
  std::string encoding;
  if (charset && !charset->empty() && !declares_encoding(body)) encoding = std::string(*charset);
  // The shape first, in one pass: what libxml2 would take quadratic time or
  // unbounded memory for never reaches it.
  if (auto refused =
          scan_xml(body, encoding.empty() ? std::nullopt : std::optional<std::string_view>(encoding), limits_)) {
    std::string prefix =
        refused->kind == XmlScanProblem::Kind::OverLimit ? "request refused: " : "not well-formed XML: ";
    return XmlProblem{XmlProblemKind::NotWellFormed, envelope_hint, {}, {}, prefix + refused->message, {}, {}};
  }
  Parsed parsed = parse(body, encoding.empty() ? nullptr : encoding.c_str());
  if (!parsed.doc && parsed.encoding_error && encoding.empty()) {
    // Undeclared Latin-1 is the commonest sloppiness in dealer systems.
    Parsed latin1 = parse(body, "ISO-8859-1");
    if (latin1.doc) parsed = std::move(latin1);
  }
  if (!parsed.doc) return XmlProblem{XmlProblemKind::NotWellFormed, envelope_hint, {}, {}, parsed.error, {}, {}};
  xmlDocPtr doc = parsed.doc.get();
  if (doc->intSubset) {
    return XmlProblem{XmlProblemKind::NotWellFormed, envelope_hint, {}, {}, "a DOCTYPE is not allowed", {}, {}};
  }

  xmlNodePtr root = xmlDocGetRootElement(doc);
  Envelope envelope = Envelope::Plain;
  xmlNodePtr payload = root;
  if (local_name(root) == "Envelope" && (ns_of(root) == kSoap11Ns || ns_of(root) == kSoap12Ns)) {
    envelope = ns_of(root) == kSoap12Ns ? Envelope::Soap12 : Envelope::Soap11;
    // One optional Header, then one Body (SOAP 1.1 4.1.2, SOAP 1.2 5.1): a
    // second Body is not the last word, it is a broken envelope.
    xmlNodePtr header_node = nullptr, body_node = nullptr;
    int headers = 0, bodies = 0;
    bool header_after_body = false;
    for (xmlNodePtr c = first_element(root->children); c; c = first_element(c->next)) {
      if (local_name(c) == "Body") {
        ++bodies;
        body_node = c;
      } else if (local_name(c) == "Header" && (ns_of(c) == ns_of(root) || ns_of(c).empty())) {
        ++headers;
        header_node = c;
        header_after_body = header_after_body || body_node;
      }
    }
    auto broken = [&](const char* why) {
      return XmlProblem{
          XmlProblemKind::NotValid, envelope, {}, {}, std::string("not a valid SOAP envelope: ") + why, {}, {}};
    };
    if (bodies > 1) return broken("it has more than one Body");
    if (headers > 1) return broken("it has more than one Header");
    if (header_after_body) return broken("its Header comes after its Body");
    if (header_node) {
      auto blocks = not_understood(header_node, envelope);
      if (!blocks.empty()) {
        std::string named =
            blocks.front().ns.empty() ? blocks.front().local : "{" + blocks.front().ns + "}" + blocks.front().local;
        return XmlProblem{XmlProblemKind::MustUnderstand,
                          envelope,
                          {},
                          {},
                          "header block " + named +
                              " must be understood, and this service understands no header "
                              "blocks",
                          {},
                          std::move(blocks)};
      }
    }
    payload = body_node ? first_element(body_node->children) : nullptr;
    if (!payload)
      return XmlProblem{XmlProblemKind::NoPayload, envelope, {}, {}, "the SOAP envelope has no Body element", {}, {}};
  }

  XmlProblem problem{
      XmlProblemKind::NotValid, envelope, std::string(local_name(payload)), std::string(ns_of(payload)), {}, {}, {}};
  collect_hints(payload, hint_elements_, problem.hints);
  if (!vocabulary_.is_root(problem.root)) {
    problem.kind = XmlProblemKind::UnknownRoot;
    problem.message = "<" + problem.root + "> is not a request this endpoint knows";
    return problem;
  }
  Normalizer(vocabulary_, payload).run();
  std::string invalid = schema_.validate(payload);
  if (!invalid.empty()) {
    problem.message = "not schema-valid: " + readable(std::move(invalid), vocabulary_);
    return problem;
  }
  return XmlPayload{envelope, std::move(problem.root), std::move(problem.root_ns_sent), std::move(parsed.doc), payload};
}

std::string XmlPayload::canonical() const {
  return serialize(doc.get(), payload);
}

const char* content_type_for(Envelope envelope) {
  switch (envelope) {
    case Envelope::Soap11: return "text/xml; charset=utf-8";
    case Envelope::Soap12: return "application/soap+xml; charset=utf-8";
    case Envelope::Plain: break;
  }
  return "application/xml; charset=utf-8";
}

}  // namespace og::message
