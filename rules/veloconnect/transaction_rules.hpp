// The Veloconnect transaction state machine: which step may run on which
// instance, checked in the standard's order (410/411, 420, 435, 430), and the
// state an instance is in afterwards.
#pragma once
#include "rules/veloconnect/outcome.hpp"

namespace og::rules::veloconnect {

// OrderInOnlineShop is the Order transaction on one permanent instance per
// buyer (its TransactionID is published in the profile): the same steps and
// states, but it never ends. FinishOrder and Rollback empty it and it rests in
// state 2 again, ready for the next order.
//
// StockTransmission is a dealer's stock transmission (stock-B2B/B2C-1.4):
// StockTransmitB2B/B2C opens it in state 2 with what the dealer sent, and
// GetItemStatusStockTransmitB2B/B2C pages through the answer per line as
// SearchResult pages through a search, ending it (100) with the page that
// reaches the last line unless DoNotClose.
//
// SaleTransmission is a dealer's sale transmission (sale-B2B-1.6): the same
// life as a stock transmission (SaleTransmit opens it in state 2,
// GetStatusSaleTransmit pages through it and ends it), but a kind of its own
// so that neither module's step finds the other's instance.
//
// SaleB2XTransmission is a dealer's sale transmission to a third party
// (sale-B2X-1.6): the same life again, in a kind of its own for the same
// reason.
enum class TransactionKind {
  Order,
  TextSearch,
  OrderInOnlineShop,
  StockTransmission,
  SaleTransmission,
  SaleB2XTransmission
};

enum class Step {
  CreateOrder,
  UpdateOrder,
  ViewOrder,
  FinishOrder,
  CreateTextSearch,
  SearchResult,
  Rollback,
  GetStatus,  // with a TransactionID
  StockTransmit,
  StockItemStatus,
  SaleTransmit,
  SaleStatus,
  SaleB2XTransmit,
  SaleB2XStatus,
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
  bool do_not_close = false;          // SearchResult and the transmission status steps
  bool last_page = false;             // transmission status steps: the page reached the last line
};

// The state after `step` succeeded on `from` (ignored for creating steps).
int state_after(Step step, int from, StepResult result = {});

// The state an instance of `kind` is stored in after a step that answered
// `reported` (state_after): the permanent OrderInOnlineShop instance reports
// the final state of the order it just finished or rolled back, then rests in
// state 2, empty; every other instance rests where it was reported.
int resting_state(TransactionKind kind, int reported);

// Whether instances of `kind` live forever: never ended by the server, never
// counted against a buyer's limits, never opened by a creating step.
constexpr bool is_permanent(TransactionKind kind) {
  return kind == TransactionKind::OrderInOnlineShop;
}

// Whether an instance in `state` counts as open (not final).
constexpr bool is_open(int state) {
  return state < state::kFinal;
}

}  // namespace og::rules::veloconnect
