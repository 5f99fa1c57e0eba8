// The SRM operations ordergate serves, by the message root that asks for them.
#pragma once
#include <string_view>

namespace og::srm {

enum class Operation { Create, Read, Release, Cancel };

struct OperationInfo {
  Operation operation;
  const char* name;           // the WSDL operation, e.g. InternalRequestSRMReleaseRequestConfirmation_In
  const char* request_root;   // InternalRequestSRMReleaseRequest_sync
  const char* response_root;  // InternalRequestSRMReleaseConfirmation_sync
};

const OperationInfo* operation_for_root(std::string_view request_root);
const OperationInfo& info(Operation operation);

}  // namespace og::srm
