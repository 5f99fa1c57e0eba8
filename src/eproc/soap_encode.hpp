// The SOAP binding's answers (whole documents in the client's envelope):
// every operation's response, the Fault elements of a refusal (a business
// answer: HTTP 200) and SOAP faults for technical errors. Valid against
// xsd/eprocurement.xsd.
#pragma once
#include <string>
#include <vector>

#include "core/eproc/hub.hpp"
#include "eproc/answer_mapping.hpp"
#include "eproc/soap_decode.hpp"
#include "message/envelope.hpp"
#include "model/eproc.hpp"
#include "rules/eproc/fault.hpp"

namespace og::eproc {

std::string availability_soap(const std::vector<core::eproc::RequestAnswer>& answers, message::Envelope envelope);

// PlaceOrderResponse (with Replayed) or ReadOrderResponse.
std::string order_answer_soap(SoapOperation operation, const model::HubOrder& order, bool replayed,
                              message::Envelope envelope);

// The operation's response with one Fault per refused request (validation).
std::string faults_soap(SoapOperation operation, const std::vector<rules::eproc::Fault>& faults,
                        message::Envelope envelope);

// The operation's response with one Fault for a refusal of the whole
// message (NotFound, Conflict: business_code(failure)).
std::string business_fault_soap(SoapOperation operation, Failure failure, const std::string& detail,
                                message::Envelope envelope);

// A SOAP fault (Client/Sender or Server/Receiver, as soap_fault_of says)
// whose detail is a TechnicalFault; `detail` (the parser's or schema's
// diagnostic) replaces the fixed reason as its Text when given. A plain
// envelope gets SOAP 1.1.
std::string soap_fault(Failure failure, const std::string& detail, message::Envelope envelope);

// The HTTP status of a SOAP fault: 500, but 400 for a SOAP 1.2 sender fault.
int soap_fault_status(Failure failure, message::Envelope envelope);

}  // namespace og::eproc
