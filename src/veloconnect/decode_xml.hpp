// XML-POST and SOAP: the canonical payload (see message::XmlReader) read by
// the gSOAP binding into a Request.
#pragma once
#include "message/soap_codec.hpp"
#include "message/xml_reader.hpp"
#include "veloconnect/request.hpp"

namespace og::veloconnect {

DecodeResult decode_xml(message::SoapCodec& codec, const message::XmlPayload& payload);

// Turns a reader problem into the answer's error (404 for a request we know of
// but do not serve, 405 otherwise).
DecodeError decode_error(const message::XmlProblem& problem);

}  // namespace og::veloconnect
