// Writes SRM answers with the gSOAP srm binding: confirmations with their Log,
// and StandardMessageFault faults for technical errors.
#pragma once
#include <chrono>
#include <string>

#include "core/srm/shopping_carts.hpp"
#include "message/envelope.hpp"
#include "message/soap_codec.hpp"
#include "srm/request.hpp"

namespace og::srm {

// The confirmation element alone (message::in_envelope frames it in the
// request's SOAP version). The same outcome always gives the same bytes, so a
// repeated message gets the first answer again.
std::string confirmation(message::SoapCodec& codec, const OperationInfo& operation,
                         const core::srm::CartOutcome& outcome, const MessageHeader& request_header);

// A SOAP fault with SAP's StandardMessageFault detail. `sender`: the request
// was at fault (Client/Sender), else the server (Server/Receiver).
std::string fault(message::SoapCodec& codec, message::Envelope envelope, bool sender, const std::string& text,
                  const std::string& detail);

}  // namespace og::srm
