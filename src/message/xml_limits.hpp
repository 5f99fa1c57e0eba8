// Limits on the shape of an XML request, checked before libxml2 builds a tree.
//
// libxml2 (2.9) checks every attribute of a start tag against every earlier
// one and appends each to a list it walks from the start: 100,000 attributes
// on one element cost it tens of seconds, and a million sibling elements cost
// a second and 130 MiB, all before any callback could stop it. So a request is
// scanned first, once, in linear time and constant memory: attributes per
// element (namespace declarations included), elements per message, bytes per
// text node or attribute value, nesting depth. The scan also refuses what no
// request may hold anyway: a NUL character (libxml2 would silently end the
// document there), a DOCTYPE, an encoding that is neither ASCII-compatible
// nor UTF-16.
//
// The scan follows XML's syntax (comments, CDATA sections, processing
// instructions, quoted attribute values) as libxml2 reads it. After a syntax
// error libxml2 stops building the tree but may go on tokenising, from a
// place the scan cannot know for sure; from the first place where a document
// stops making sense to the scan, it therefore counts an upper bound instead
// (see xml_limits.cpp). Characters XML forbids (controls, U+FFFE, U+FFFF)
// are refused at once: libxml2 ends a comment or PI early at one of them.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace og::message {

struct XmlLimits {
  std::size_t max_attributes = 64;     // per element, namespace declarations included
  std::size_t max_elements = 100000;   // per message (a SOAP envelope's elements included)
  std::size_t max_text = 1024 * 1024;  // bytes per text node (CDATA included) or attribute value
  std::size_t max_depth = 64;          // nesting of elements (a SOAP envelope's two levels included)
};

struct XmlScanProblem {
  enum class Kind { OverLimit, NotWellFormed };
  Kind kind;
  std::string message;  // "line 3: ...", for the client
};

// Nothing when `body` may be given to the parser; else why not. `encoding` is
// the encoding the parser is told to use (the Content-Type charset), if any.
std::optional<XmlScanProblem> scan_xml(std::string_view body, std::optional<std::string_view> encoding,
                                       const XmlLimits& limits);

}  // namespace og::message
