// An SRM request as the face decoded it from the validated payload.
#pragma once
#include <optional>
#include <string>

#include "core/shopping_carts.hpp"
#include "srm/operation.hpp"

namespace og::srm {

struct MessageHeader {
  std::optional<std::string> id;
  std::optional<std::string> uuid;
};

struct Request {
  const OperationInfo* operation = nullptr;
  MessageHeader header;
  core::CreateCart create;
  core::ReleaseCart release;
  core::CancelCart cancel;
  std::string read_id;
};

}  // namespace og::srm
