// How a shopping-cart decision looks on SRM's wire, in one place: the Log's
// severities and result code, the element a Log item refers to, and which
// technical errors become which SOAP fault.
#pragma once
#include <string>
#include <string_view>

#include "core/srm/shopping_carts.hpp"
#include "rules/srm/message.hpp"
#include "srm/operation.hpp"

namespace og::srm {

// SAP LogItemSeverityCode of a message: a rejected request's messages are
// errors; a done request's decision is information and what follows it (a
// read's rule findings: why a release would fail today) are warnings.
rules::srm::Severity severity_of(const core::srm::CartOutcome& outcome, std::size_t message_index);

// SAP BusinessDocumentProcessingResultCode: 3 processed, 5 rejected with no change.
std::string_view result_code(const core::srm::CartOutcome& outcome);

// ReferenceMessageElementName of a message ("" when it names none).
std::string element_of(const model::CartMessage& message, Operation operation);

// The technical errors the face answers with a SOAP fault instead of a Log.
enum class FaultKind {
  NotWellFormed,     // sender
  NoPayload,         // sender
  UnknownOperation,  // sender
  NotValid,          // sender
  NoEnvelope,        // sender: plain XML where SOAP is required
  NotApplied,        // receiver: nothing was kept, the request can be sent again
  TimedOut,          // receiver: outcome unknown
};
struct FaultText {
  bool sender;
  std::string text;
  std::string detail;  // fixed wording or the schema's diagnostic
};
FaultText fault_of(FaultKind kind, std::string detail = {});

}  // namespace og::srm
