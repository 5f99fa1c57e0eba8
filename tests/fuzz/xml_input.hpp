// How the XML targets read one input: the first byte stands for the HTTP
// headers an endpoint hands XmlReader::read (Content-Type and SOAPAction), the
// rest is the body.
//
//   bit 7 set    the Content-Type is the text after the first byte, up to the
//                first '\n' (at most 256 bytes); the body follows the '\n'
//   bit 7 clear  the Content-Type is kContentTypes[bits 0-3]
//   bit 6        a SOAPAction header is present
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "message/contracts.hpp"

namespace og::fuzz {

inline constexpr std::string_view kContentTypes[16] = {
    "application/xml",                                                        // 0x00: XML-POST
    "text/xml; charset=utf-8",                                                // 0x01: SOAP 1.1 (0x41 with SOAPAction)
    "application/soap+xml; charset=utf-8; action=\"urn:veloconnect:Order\"",  // 0x02: SOAP 1.2
    "application/xml; charset=ISO-8859-1",
    "text/xml",
    "text/xml; charset=\"UTF-16\"",
    "application/xml; charset=UTF-16LE",
    "application/soap+xml; charset=UTF-16BE",
    "text/xml; charset=windows-1252",
    "text/xml; charset=US-ASCII",
    "application/xml; charset=UCS-4",
    "text/xml; charset=EBCDIC-US",
    "text/xml; charset=UTF-7",
    "application/xml; charset=x-no-such-charset",
    "",
    "text/xml; charset=",
};

struct XmlInput {
  message::MediaType media;  // the Content-Type as the endpoints read it
  bool has_soap_action = false;
  std::string_view body;
};

inline XmlInput xml_input(const std::uint8_t* data, std::size_t size) {
  XmlInput in;
  if (size == 0) return in;
  std::uint8_t selector = data[0];
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  in.has_soap_action = (selector & 0x40) != 0;
  if (selector & 0x80) {
    auto newline = rest.substr(0, 257).find('\n');
    if (newline == std::string_view::npos) return in;  // no body
    in.media = message::media_type(rest.substr(0, newline));
    in.body = rest.substr(newline + 1);
  } else {
    in.media = message::media_type(kContentTypes[selector & 0x0F]);
    in.body = rest;
  }
  return in;
}

}  // namespace og::fuzz
