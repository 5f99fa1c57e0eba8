// XML-POST and SOAP: the validated payload (see message::XmlReader) read into
// a Request. The schema has already checked structure and types, so this is a
// walk over the tree, not a second parse.
#pragma once
#include "message/xml_reader.hpp"
#include "veloconnect/request.hpp"

namespace og::veloconnect {

DecodeResult decode_xml(const message::XmlPayload& payload);

// Turns a reader problem into the answer's error (404 for a request we know of
// but do not serve, 405 otherwise).
DecodeError decode_error(const message::XmlProblem& problem);

}  // namespace og::veloconnect
