#include "srm/answer_mapping.hpp"

namespace og::srm {

namespace rs = rules::srm;

rs::Severity severity_of(const core::srm::CartOutcome& outcome, std::size_t message_index) {
  if (!outcome.success) return rs::Severity::Error;
  return message_index == 0 ? rs::Severity::Information : rs::Severity::Warning;
}

std::string_view result_code(const core::srm::CartOutcome& outcome) {
  return outcome.success ? "3" : "5";
}

std::string element_of(const model::CartMessage& message, Operation operation) {
  switch (message.field) {
    case model::CartField::None: return message.element;
    case model::CartField::CartId:
      return operation == Operation::Read ? "InternalRequestSelectionByID/ID" : "InternalRequest/ID";
    case model::CartField::ChangeStateId: return "InternalRequest/ChangeStateID";
    case model::CartField::Items: return "InternalRequest/Item";
    case model::CartField::MessageUuid: return "MessageHeader/UUID";
  }
  return {};
}

FaultText fault_of(FaultKind kind, std::string detail) {
  switch (kind) {
    case FaultKind::NotWellFormed: return {true, "The request is not well-formed XML", std::move(detail)};
    case FaultKind::NoPayload: return {true, "The SOAP envelope has no body", std::move(detail)};
    case FaultKind::UnknownOperation:
      return {true, "The request names no operation of this service", std::move(detail)};
    case FaultKind::NotValid: return {true, "The request is not valid against the service's schema", std::move(detail)};
    case FaultKind::NoEnvelope:
      return {true, "A SOAP envelope is required", "POST the message inside a SOAP 1.1 or 1.2 Envelope"};
    case FaultKind::NotApplied:
      return {false, "Internal error; nothing was changed", "The request was not processed and can be sent again"};
    case FaultKind::TimedOut:
      return {false, "The request took too long and was cancelled",
              "Its outcome is unknown: read the shopping cart before sending it again"};
  }
  return {false, "Internal error", {}};
}

}  // namespace og::srm
