// Reads an XML request body: parses it safely (no DTDs, no network, bounded
// depth), finds the payload inside an optional SOAP envelope, normalizes it
// with the face's vocabulary and validates it against the face's schema. The
// result is the validated payload element, which the face reads directly.
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
  NotWellFormed,  // not XML, or a forbidden construct (DOCTYPE)
  NoPayload,      // a SOAP envelope without a body element
  UnknownRoot,    // a root element the vocabulary does not list as a request
  NotValid,       // violates the schema after normalization
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
};

using XmlReadResult = std::variant<XmlPayload, XmlProblem>;

class XmlReader {
 public:
  // `hint_elements`: local names whose text is copied into XmlProblem::hints.
  XmlReader(const Vocabulary& vocabulary, const SchemaSet& schema, std::vector<std::string> hint_elements);

  // `charset` is the Content-Type charset parameter, if any; `envelope_hint`
  // what the HTTP headers suggest (used only when the body cannot be parsed).
  XmlReadResult read(std::string_view body, std::optional<std::string_view> charset, Envelope envelope_hint) const;

 private:
  const Vocabulary& vocabulary_;
  const SchemaSet& schema_;
  std::vector<std::string> hint_elements_;
};

}  // namespace og::message
