// How every way an e-procurement call can fail looks on the wire, in one
// place for both bindings: the JSON binding's HTTP status and problem type
// (RFC 9457), the SOAP binding's fault (technical errors) or Fault element
// code (business refusals, answered 200).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/eproc/hub.hpp"

namespace og::eproc {

enum class Failure {
  // The request as a message.
  MalformedJson,         // JSON: not JSON
  InvalidRequest,        // JSON: does not follow the OpenAPI schema (types, unknown fields, structure)
  NotWellFormed,         // SOAP: not XML
  NoPayload,             // SOAP: an envelope without a body element
  UnknownOperation,      // SOAP: a body element that names no operation
  NotValid,              // SOAP: not valid against xsd/eprocurement.xsd
  NoEnvelope,            // SOAP: plain XML where an envelope is required
  UnsupportedMediaType,  // a Content-Type the binding does not read
  TooLarge,              // a body above the endpoint's limit
  BadGrant,              // token: a grant_type other than client_credentials
  // HTTP.
  Unauthorized,      // no, wrong or expired credentials
  NoSuchResource,    // a path below /eprocurement that names nothing
  MethodNotAllowed,  // a method the path does not take
  // The hub's outcomes.
  Refused,      // validation: every faulty request listed, nothing done
  NotFound,     // no such order of this client
  Conflict,     // the client reference names an order with another body
  Unavailable,  // the store failed or cannot be written: nothing kept, try again
  TimedOut,     // the handler's deadline passed: outcome unknown
  Internal,     // a bug; details go to the operator's log only
};

// The hub's error as a Failure (nullopt for HubError::None).
std::optional<Failure> failure_of(core::eproc::HubError error);

// JSON binding.
struct ProblemType {
  int status;
  std::string_view slug;   // the type is kProblemTypeBase + slug
  std::string_view title;  // fixed per type (RFC 9457: the title does not change per occurrence)
};
inline constexpr std::string_view kProblemTypeBase = "urn:ordergate:eprocurement:problem:";
ProblemType problem_of(Failure failure);

// SOAP binding. Business outcomes (Refused, NotFound, Conflict) are answers
// with Fault elements, everything else is a SOAP fault.
bool is_business_fault(Failure failure);
// The Fault element's Code for NotFound and Conflict ("order-not-found",
// "client-reference-conflict"); validation faults carry rules/eproc codes.
std::string_view business_code(Failure failure);
struct SoapFaultText {
  bool sender;            // Client/Sender (the request) or Server/Receiver (ours)
  std::string_view code;  // TechnicalFault/Code
  std::string_view reason;
};
SoapFaultText soap_fault_of(Failure failure);

// A provider call's status in availability answers: ok, timeout, error, unreachable.
std::string_view wire_status(core::eproc::CallStatus status);

// Seconds a client should wait before trying again (Retry-After), for 503s.
inline constexpr int kRetryAfterSeconds = 5;

}  // namespace og::eproc
