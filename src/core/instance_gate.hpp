// Where stored transaction instances meet the rules: the standard's admission
// checks for a step on a buyer's instance, and for opening a new one. Shared by
// the Order and TextSearch transactions.
#pragma once
#include <optional>
#include <string_view>

#include "core/caller.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "rules/veloconnect/transaction_rules.hpp"
#include "store/store.hpp"

namespace og::core {

// Thrown inside a unit of work to abort it without writing; carries the answer.
struct Refusal {
  Failure failure;
};

// The failure for `outcome`, naming the instance unless the answer is 420
// (an instance the buyer cannot see must stay invisible).
Failure refusal(rules::veloconnect::Outcome outcome, const std::optional<store::TransactionRecord>& instance);

// The buyer's instance `id`, if `step` may run on it; throws Refusal otherwise.
store::TransactionRecord admit_step(store::Reader& reader, rules::veloconnect::Step step,
                                    rules::veloconnect::Credentials credentials, const Caller& caller,
                                    std::string_view id);

// A new instance of `kind` in `state`, if the buyer may open one more; throws
// Refusal otherwise. Not yet stored.
store::TransactionRecord open_instance(store::Reader& reader, store::TransactionKind kind, int state,
                                       rules::veloconnect::Credentials credentials, const Caller& caller, long max_open,
                                       const Clock& clock);

}  // namespace og::core
