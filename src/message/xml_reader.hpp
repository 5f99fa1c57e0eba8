// Reads an XML request body: checks its shape against XmlLimits in one linear
// pass (attributes per element, elements, text, depth: see xml_limits.hpp),
// parses it safely (no DTDs, no network), finds the payload inside an
// optional SOAP envelope (one Header, one Body; mustUnderstand headers
// refused as SOAP requires), normalizes it with the face's vocabulary and
// validates it against the face's schema. The result is the validated payload
// element, which the face reads directly.
#pragma once
#include <libxml/tree.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>

#include "message/envelope.hpp"
#include "message/schema_set.hpp"
#include "message/vocabulary.hpp"
#include "message/xml_element.hpp"
#include "message/xml_limits.hpp"

namespace og::message {

struct XmlDocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

struct XmlPayload {
  Envelope envelope;
  std::string root;          // local name of the payload root, e.g. "GetItemDetailsRequest"
  std::string root_ns_sent;  // the namespace the client put it in ("" when none)
  XmlDocPtr doc;             // owns the tree `element` lives in
  xmlNodePtr payload = nullptr;

  XmlElement element() const { return XmlElement(payload); }
  // The normalized payload as UTF-8 XML (diagnostics and tests).
  std::string canonical() const;
};

enum class XmlProblemKind {
  NotWellFormed,   // not XML, a forbidden construct (DOCTYPE, NUL), or over an XmlLimits limit
  NoPayload,       // a SOAP envelope without a body element
  UnknownRoot,     // a root element the vocabulary does not list as a request
  NotValid,        // violates the schema after normalization (or the SOAP envelope's: two Bodies)
  MustUnderstand,  // a SOAP header block for us with mustUnderstand, which no face understands
};

struct XmlProblem {
  XmlProblemKind kind;
  Envelope envelope;
  std::string root;
  std::string root_ns_sent;
  std::string message;
  // Values of simple elements found by local name (e.g. BuyersID), so an error
  // answer can still carry the envelope fields the client sent.
  std::unordered_map<std::string, std::string> hints;
  std::vector<XmlName> not_understood;  // MustUnderstand: the header blocks
};

// Problem messages quote the parser and the schema validator, which quote the
// request; this is how much of it an answer may carry.
constexpr std::size_t kMaxProblemMessage = 1024;

using XmlReadResult = std::variant<XmlPayload, XmlProblem>;

class XmlReader {
 public:
  // `hint_elements`: local names whose text is copied into XmlProblem::hints
  // (at most kMaxHint bytes each; longer ones are left out).
  XmlReader(const Vocabulary& vocabulary, const SchemaSet& schema, std::vector<std::string> hint_elements,
            XmlLimits limits = {});
  static constexpr std::size_t kMaxHint = 256;

  // `charset` is the Content-Type charset parameter, if any; `envelope_hint`
  // what the HTTP headers suggest (used only when the body cannot be parsed).
  XmlReadResult read(std::string_view body, std::optional<std::string_view> charset, Envelope envelope_hint) const;

 private:
  XmlReadResult read_uncapped(std::string_view body, std::optional<std::string_view> charset,
                              Envelope envelope_hint) const;
  const Vocabulary& vocabulary_;
  const SchemaSet& schema_;
  std::vector<std::string> hint_elements_;
  XmlLimits limits_;
};

// `text` cut to at most `max` bytes at a UTF-8 character boundary, with "..."
// when cut.
std::string capped(std::string text, std::size_t max);

}  // namespace og::message
