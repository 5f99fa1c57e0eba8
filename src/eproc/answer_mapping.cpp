#include "eproc/answer_mapping.hpp"

namespace og::eproc {

std::optional<Failure> failure_of(core::eproc::HubError error) {
  switch (error) {
    case core::eproc::HubError::None: return std::nullopt;
    case core::eproc::HubError::Refused: return Failure::Refused;
    case core::eproc::HubError::Conflict: return Failure::Conflict;
    case core::eproc::HubError::NotFound: return Failure::NotFound;
    case core::eproc::HubError::Unavailable: return Failure::Unavailable;
  }
  return Failure::Internal;
}

std::string_view wire_status(core::eproc::CallStatus status) {
  switch (status) {
    case core::eproc::CallStatus::Ok: return "ok";
    case core::eproc::CallStatus::Timeout: return "timeout";
    case core::eproc::CallStatus::Unreachable: return "unreachable";
    case core::eproc::CallStatus::Error: break;
  }
  return "error";
}

ProblemType problem_of(Failure failure) {
  switch (failure) {
    case Failure::MalformedJson: return {400, "malformed-json", "The body is not JSON"};
    case Failure::InvalidRequest: return {400, "invalid-request", "The body does not follow the API's schema"};
    case Failure::NotWellFormed:
    case Failure::NoPayload:
    case Failure::UnknownOperation:
    case Failure::NotValid:
    case Failure::NoEnvelope: return {400, "invalid-request", "The body does not follow the API's schema"};
    case Failure::UnsupportedMediaType: return {415, "unsupported-media-type", "Unsupported Content-Type"};
    case Failure::TooLarge: return {413, "too-large", "The body is too large"};
    case Failure::BadGrant: return {400, "unsupported-grant-type", "Only grant_type=client_credentials is offered"};
    case Failure::Unauthorized: return {401, "unauthorized", "Authentication required"};
    case Failure::NoSuchResource: return {404, "no-such-resource", "No such resource"};
    case Failure::MethodNotAllowed: return {405, "method-not-allowed", "Method not allowed"};
    case Failure::Refused: return {400, "validation", "The request was refused; nothing was done"};
    case Failure::NotFound: return {404, "order-not-found", "No such order"};
    case Failure::Conflict:
      return {409, "client-reference-conflict", "The client reference names an order with other items"};
    case Failure::Unavailable: return {503, "unavailable", "The service cannot keep anything now; nothing was kept"};
    case Failure::TimedOut: return {503, "timed-out", "The request took too long and was cancelled"};
    case Failure::Internal: return {500, "internal-error", "Internal error"};
  }
  return {500, "internal-error", "Internal error"};
}

bool is_business_fault(Failure failure) {
  return failure == Failure::Refused || failure == Failure::NotFound || failure == Failure::Conflict;
}

std::string_view business_code(Failure failure) {
  switch (failure) {
    case Failure::NotFound: return "order-not-found";
    case Failure::Conflict: return "client-reference-conflict";
    default: return "refused";
  }
}

SoapFaultText soap_fault_of(Failure failure) {
  switch (failure) {
    case Failure::NotWellFormed: return {true, "not-well-formed", "The request is not well-formed XML"};
    case Failure::NoPayload: return {true, "no-body", "The SOAP envelope has no body"};
    case Failure::UnknownOperation:
      return {true, "unknown-operation", "The request names no operation of this service"};
    case Failure::NotValid: return {true, "not-valid", "The request is not valid against the service's schema"};
    case Failure::NoEnvelope: return {true, "no-envelope", "A SOAP envelope is required"};
    case Failure::MalformedJson:
    case Failure::InvalidRequest: return {true, "not-valid", "The request is not valid against the service's schema"};
    case Failure::UnsupportedMediaType: return {true, "unsupported-media-type", "Unsupported Content-Type"};
    case Failure::TooLarge: return {true, "too-large", "The request is too large"};
    case Failure::BadGrant:
    case Failure::Unauthorized: return {true, "unauthorized", "Authentication required"};
    case Failure::NoSuchResource:
    case Failure::MethodNotAllowed:
      return {true, "unknown-operation", "The request names no operation of this service"};
    case Failure::Refused: return {true, "refused", "The request was refused"};
    case Failure::NotFound: return {true, "order-not-found", "No such order"};
    case Failure::Conflict: return {true, "client-reference-conflict", "The client reference names another order"};
    case Failure::Unavailable:
      return {false, "unavailable", "The service cannot keep anything now; nothing was kept, send it again later"};
    case Failure::TimedOut:
      return {false, "timed-out",
              "The request took too long and was cancelled; its outcome is unknown: read the order, or send it "
              "again with the same ClientReference"};
    case Failure::Internal: return {false, "internal-error", "Internal error"};
  }
  return {false, "internal-error", "Internal error"};
}

}  // namespace og::eproc
