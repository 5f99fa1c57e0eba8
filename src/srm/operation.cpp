#include "srm/operation.hpp"

namespace og::srm {

namespace {
constexpr OperationInfo kOperations[] = {
    {Operation::Create, "InternalRequestSRMCreateRequestConfirmation_In", "InternalRequestSRMCreateRequest_sync",
     "InternalRequestSRMCreateConfirmation_sync"},
    {Operation::Read, "InternalRequestSRMByIDQueryResponse_In", "InternalRequestSRMByIDQuery_sync",
     "InternalRequestSRMByIDResponse_sync"},
    {Operation::Release, "InternalRequestSRMReleaseRequestConfirmation_In", "InternalRequestSRMReleaseRequest_sync",
     "InternalRequestSRMReleaseConfirmation_sync"},
    {Operation::Cancel, "InternalRequestSRMCancelRequestConfirmation_In", "InternalRequestSRMCancelRequest_sync",
     "InternalRequestSRMCancelConfirmation_sync"},
};
}  // namespace

const OperationInfo* operation_for_root(std::string_view request_root) {
  for (const auto& o : kOperations)
    if (request_root == o.request_root) return &o;
  return nullptr;
}

const OperationInfo& info(Operation operation) {
  for (const auto& o : kOperations)
    if (o.operation == operation) return o;
  return kOperations[0];
}

}  // namespace og::srm
