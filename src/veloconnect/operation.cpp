#include "veloconnect/operation.hpp"

namespace og::veloconnect {

namespace {
constexpr OperationInfo kOperations[] = {
    {Operation::GetProfile, "GetProfile", "GetProfileRequest", "vcp:GetProfileResponse"},
    {Operation::GetItemDetails, "GetItemDetails", "GetItemDetailsRequest", "vco:GetItemDetailsResponse"},
    {Operation::GetItemDetailsList, "GetItemDetailsList", "GetItemDetailsListRequest",
     "vco:GetItemDetailsListResponse"},
    {Operation::CreateOrder, "CreateOrder", "CreateOrderRequest", "vco:OrderResponse"},
    {Operation::UpdateOrder, "UpdateOrder", "UpdateOrderRequest", "vco:OrderResponse"},
    {Operation::ViewOrder, "ViewOrder", "ViewOrderRequest", "vco:OrderResponse"},
    {Operation::FinishOrder, "FinishOrder", "FinishOrderRequest", "vco:FinalOrderResponse"},
    {Operation::CreateTextSearch, "CreateTextSearch", "CreateTextSearchRequest", "vcc:CreateTextSearchResponse"},
    {Operation::SearchResult, "SearchResult", "SearchResultRequest", "vcc:SearchResultResponse"},
    {Operation::GetStatus, "GetStatus", "GetStatusRequest", "vct:GetStatusResponse"},
    {Operation::Rollback, "Rollback", "RollbackRequest", "vct:RollbackResponse"},
};
}  // namespace

const OperationInfo* find_operation(std::string_view request_root) {
  for (const auto& op : kOperations)
    if (op.request == request_root) return &op;
  return nullptr;
}

const OperationInfo& info(Operation operation) {
  return kOperations[static_cast<int>(operation)];
}

}  // namespace og::veloconnect
