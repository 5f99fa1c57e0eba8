// The Veloconnect transaction state machine: which step may run on which
// instance, checked in the standard's order (410/411, 420, 435, 430), and the
// state an instance is in afterwards.
#pragma once
#include "rules/veloconnect/outcome.hpp"

namespace og::rules::veloconnect {

enum class TransactionKind { Order, TextSearch };

enum class Step {
  CreateOrder,
  UpdateOrder,
  ViewOrder,
  FinishOrder,
  CreateTextSearch,
  SearchResult,
  Rollback,
  GetStatus,  // with a TransactionID
};

namespace state {
inline constexpr int kStart = 1;
inline constexpr int kUpdate = 2;  // Order: lines may change; TextSearch: results may be fetched
inline constexpr int kFinal = 100;
// Final state of an instance ended by Rollback. The standard leaves the number
// open (final states are 100-199); 199 keeps it apart from a finished order.
inline constexpr int kRolledBack = 199;
// Final state of an instance the server ended because it sat idle too long
// (rules/veloconnect/lifecycle.hpp), or to make room for a new search.
inline constexpr int kEndedByServer = 198;
}  // namespace state

enum class Credentials { Valid, UnknownBuyer, WrongPassword };

struct Instance {
  TransactionKind kind;
  int state;
  bool is_test;
};

// 410/411 or Ok: the first check of every request.
Outcome check_credentials(Credentials credentials);

// Whether `step` may run. `instance` is the buyer's instance named by the
// request's TransactionID (nullptr when there is none or the step creates one).
Outcome admit(Step step, Credentials credentials, const Instance* instance, bool request_is_test);

// Creating steps only: may this buyer open one more instance?
Outcome admit_creation(Credentials credentials, long open_instances, long max_open_instances);

struct StepResult {
  bool text_search_has_hits = false;  // CreateTextSearch
  bool do_not_close = false;          // SearchResult
};

// The state after `step` succeeded on `from` (ignored for creating steps).
int state_after(Step step, int from, StepResult result = {});

// Whether an instance in `state` counts as open (not final).
constexpr bool is_open(int state) {
  return state < state::kFinal;
}

}  // namespace og::rules::veloconnect
