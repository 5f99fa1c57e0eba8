// Reads a request from the payload XmlReader normalized and validated: the
// schema already guaranteed structure and types, so values are taken as they
// stand (decimals in one canonical spelling, so carts compare by value).
#pragma once
#include "message/xml_reader.hpp"
#include "srm/request.hpp"

namespace og::srm {

// `payload.root` must be a request root the vocabulary lists.
Request decode(const message::XmlPayload& payload);

}  // namespace og::srm
