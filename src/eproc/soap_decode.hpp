// The SOAP binding's requests: what XmlReader parsed, normalised (every
// element into urn:ordergate:eprocurement:1, unqualified ones too) and
// validated against xsd/eprocurement.xsd is read straight from the tree.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "message/vocabulary.hpp"
#include "message/xml_reader.hpp"
#include "rules/eproc/batch_validation.hpp"

namespace og::eproc {

enum class SoapOperation { CheckAvailability, PlaceOrder, ReadOrder };

struct SoapOperationInfo {
  SoapOperation operation;
  const char* name;           // CheckAvailability (the WSDL's operation, for the access log)
  const char* request_root;   // CheckAvailabilityRequest
  const char* response_root;  // CheckAvailabilityResponse
};
const SoapOperationInfo& info(SoapOperation operation);
std::optional<SoapOperation> operation_for_root(std::string_view root);

struct SoapRequest {
  SoapOperation operation = SoapOperation::CheckAvailability;
  std::vector<rules::eproc::RequestLine> requests;  // CheckAvailability
  rules::eproc::OrderRequest order;                 // PlaceOrder
  std::string reference;                            // ReadOrder
};

// `payload.root` must be a request root of the vocabulary.
SoapRequest decode_soap(const message::XmlPayload& payload);

// The reader's vocabulary and the schemas requests are validated against.
const message::Vocabulary& vocabulary();
std::vector<std::string> schema_roots();

}  // namespace og::eproc
