// When a stored cart may be released or canceled (the service's "Other
// Constraints"), and the ChangeStateID that a change gives it.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "rules/srm/message.hpp"

namespace og::rules::srm {

struct StoredCart {
  bool ordered = false;
  std::string change_state_id;  // "changed at"
};

// What a release request carried besides the cart ID.
struct ReleaseSubmission {
  std::optional<std::string> change_state_id;
  bool complete_request = false;  // items were sent
  bool same_content = false;      // ... and they equal the stored cart
};

// nullopt: release. Otherwise the reason, checked in this order: the cart
// exists, is not ordered, the caller proved it saw the current state
// (ChangeStateID leading, else the complete request), and it is consistent.
std::optional<MessageNumber> refuse_release(const std::optional<StoredCart>& cart, const ReleaseSubmission& submitted,
                                            bool consistent);

// nullopt: delete the cart. Only carts that exist and have not been ordered;
// a ChangeStateID, when sent, must be the current one.
std::optional<MessageNumber> refuse_cancel(const std::optional<StoredCart>& cart,
                                           const std::optional<std::string>& change_state_id);

// SRM's "changed at" (COM_TSTMP, YYYYMMDDhhmmss, UTC) for a change at `now`;
// always later than `previous`, so two changes within a second still get
// different IDs.
std::string next_change_state_id(std::chrono::sys_seconds now, std::string_view previous = {});

}  // namespace og::rules::srm
