// What an error answer says about the instance a request named. The standard's
// TransactionResponseType (OrderResponse, FinalOrderResponse, RollbackResponse,
// the TextSearch answers) requires TransactionID and StatusCode in every
// answer, error answers included; clients generated from the XSDs reject an
// answer without them.
#pragma once
#include <optional>
#include <string>

namespace og::rules::veloconnect {

// The StatusCode of an instance the server cannot show to this caller (none
// by that TransactionID, another buyer's, none created yet, or a caller not
// authenticated): 1, the standard's start state. Nothing has happened in such
// an instance as far as this caller can know; a final state (100-199) would
// claim an ending that never happened, and a state of a real instance would
// reveal that it exists. See README, "Protocol decisions".
inline constexpr int kUnknownInstanceStatus = 1;

struct KnownInstance {
  std::string id;
  int state = kUnknownInstanceStatus;
};

struct InstanceReport {
  std::string transaction_id;  // may be empty: nothing to name (a CreateOrder refused)
  int status_code = kUnknownInstanceStatus;
};

// `known`: the instance the caller owns, when the failure concerns it.
// `sent`: the TransactionID the request carried, if it may be echoed.
// `authenticated`: false for 410/411 answers, which echo nothing of the
// request's instance.
InstanceReport report_instance(const std::optional<KnownInstance>& known, const std::optional<std::string>& sent,
                               bool authenticated);

}  // namespace og::rules::veloconnect
