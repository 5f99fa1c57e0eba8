// How a message travels: as a plain XML document, or inside a SOAP envelope.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace og::message {

enum class Envelope { Plain, Soap11, Soap12 };

inline constexpr const char* kSoap11Ns = "http://schemas.xmlsoap.org/soap/envelope/";
inline constexpr const char* kSoap12Ns = "http://www.w3.org/2003/05/soap-envelope";

// An element's qualified name, e.g. a SOAP header block's.
struct XmlName {
  std::string ns;
  std::string local;
};

// The Content-Type an answer in this envelope carries.
const char* content_type_for(Envelope envelope);

// SOAP's MustUnderstand fault (SOAP 1.1 4.4, SOAP 1.2 5.4.8) for header blocks
// targeted at us, marked mustUnderstand, that we do not understand; SOAP 1.2
// names each in a NotUnderstood header block. HTTP status 500 in both versions
// (a plain envelope gets the SOAP 1.1 form).
std::string must_understand_fault(Envelope envelope, const std::vector<XmlName>& blocks, std::string_view reason);

}  // namespace og::message
