// Where stored transaction instances meet the rules: the standard's admission
// checks for a step on a buyer's instance, and for opening a new one. Shared by
// the Order and TextSearch transactions; runs inside a store job.
#pragma once
#include <optional>
#include <string_view>

#include "core/clock.hpp"
#include "core/veloconnect/caller.hpp"
#include "core/veloconnect/lifecycle.hpp"
#include "core/veloconnect/result.hpp"
#include "rules/veloconnect/transaction_rules.hpp"
#include "store/transaction_store.hpp"

namespace og::core::veloconnect {

// Thrown inside a unit of work to abort it without writing; carries the answer.
struct Refusal {
  Failure failure;
};

// The failure for `outcome`, naming the instance unless the answer is 420
// (an instance the buyer cannot see must stay invisible).
Failure refusal(rules::veloconnect::Outcome outcome, const std::optional<model::Transaction>& instance);

// The buyer's instance `id` as it stands now (an instance idle too long is
// ended: rules/veloconnect/lifecycle.hpp), if `step` may run on it; throws
// Refusal otherwise.
model::Transaction admit_step(store::TransactionReader& reader, rules::veloconnect::Step step,
                              rules::veloconnect::Credentials credentials, const Caller& caller, std::string_view id,
                              const Lifecycle& lifecycle);

// A new instance of `kind` in `state`, if the buyer may open one more (a new
// search may end the buyer's least recently used one to make room); throws
// Refusal otherwise. Not yet stored.
model::Transaction open_instance(store::TransactionWriter& writer, model::TransactionKind kind, int state,
                                 rules::veloconnect::Credentials credentials, const Caller& caller,
                                 const Lifecycle& lifecycle);

}  // namespace og::core::veloconnect
