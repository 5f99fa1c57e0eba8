// How a message travels: as a plain XML document, or inside a SOAP envelope.
#pragma once

namespace og::message {

enum class Envelope { Plain, Soap11, Soap12 };

inline constexpr const char* kSoap11Ns = "http://schemas.xmlsoap.org/soap/envelope/";
inline constexpr const char* kSoap12Ns = "http://www.w3.org/2003/05/soap-envelope";

// The Content-Type an answer in this envelope carries.
const char* content_type_for(Envelope envelope);

}  // namespace og::message
