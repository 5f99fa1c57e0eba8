// An SRM request as the face decoded it from the validated payload.
#pragma once
#include <optional>
#include <string>

#include "core/srm/shopping_carts.hpp"
#include "srm/operation.hpp"

namespace og::srm {

struct MessageHeader {
  std::optional<std::string> id;
  std::optional<std::string> uuid;
};

struct Request {
  const OperationInfo* operation = nullptr;
  MessageHeader header;
  core::srm::CreateCart create;
  core::srm::ReleaseCart release;
  core::srm::CancelCart cancel;
  std::string read_id;
};

}  // namespace og::srm
