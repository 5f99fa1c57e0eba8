// The Veloconnect operations ordergate serves, and how each is named on the wire.
#pragma once
#include <string_view>

namespace og::veloconnect {

enum class Operation {
  GetProfile,
  GetItemDetails,
  GetItemDetailsList,
  CreateOrder,
  UpdateOrder,
  ViewOrder,
  FinishOrder,
  CreateTextSearch,
  SearchResult,
  GetStatus,
  Rollback,
};

struct OperationInfo {
  Operation operation;
  std::string_view name;          // "GetItemDetails" (log, profile)
  std::string_view request;       // root element of the request
  std::string_view response_tag;  // qualified root element of the answer
};

const OperationInfo* find_operation(std::string_view request_root);
const OperationInfo& info(Operation operation);

}  // namespace og::veloconnect
