// How long a transaction instance may sit idle, and how a buyer's limit of
// open instances is kept without ever letting searches lock ordering out.
// Clients open TextSearches only to count results and never close them
// (pyveloedi's search(count=True), the Odoo connector's total count): left
// alone, a nightly catalog sync would fill a buyer's instances within days.
//
// Decisions (the standard leaves them to the server):
// - An open instance idle longer than its kind's lifetime is ended by the
//   server: state kEndedByServer (198, a final state; 199 is Rollback's). The
//   defaults: an hour for a search, a day for an open order.
// - Orders and searches have limits of their own: searches never count
//   against orders, nor orders against searches.
// - A new search at its limit ends the buyer's least recently used search to
//   make room; a search is cheap to open again. A new order at its limit is
//   421: an open order is the buyer's work, never ended to make room.
// - A stock or sale transmission is paged like a search: it has a search's
//   lifetime and a limit of its own (--max-open-transmissions, counted per
//   kind), and the oldest of its kind makes room for a new one.
// - The permanent OrderInOnlineShop instance (is_permanent) is never ended
//   and counts against no limit: it is not one of the buyer's open orders.
#pragma once
#include <chrono>

#include "rules/veloconnect/transaction_rules.hpp"

namespace og::rules::veloconnect {

struct Lifetimes {
  std::chrono::seconds order{std::chrono::hours(24)};
  std::chrono::seconds search{std::chrono::hours(1)};
};

struct InstanceLimits {
  long open_orders = 1000;
  long open_searches = 1000;
  long open_transmissions = 1000;
};

// The lifetime of an idle instance of `kind`.
std::chrono::seconds lifetime(TransactionKind kind, const Lifetimes& lifetimes);

// Whether an instance of `kind` in `state`, last changed at `updated`, has
// been ended by the server at `now` (it was open and idle too long).
bool ended_idle(TransactionKind kind, int state, std::chrono::sys_seconds updated, std::chrono::sys_seconds now,
                const Lifetimes& lifetimes);

// The state an instance is in at `now`: its stored state, or kEndedByServer
// when it has been idle too long (whether or not that was written yet).
int effective_state(TransactionKind kind, int state, std::chrono::sys_seconds updated, std::chrono::sys_seconds now,
                    const Lifetimes& lifetimes);

enum class Room {
  Available,        // open the new instance
  EndOldestSearch,  // end the least recently used open search (or transmission) first, then open it
  Full,             // 421
};

// Opening an instance of `kind` when the buyer has `open` open instances of
// that kind (idle ones already ended).
Room make_room(TransactionKind kind, long open, const InstanceLimits& limits);

}  // namespace og::rules::veloconnect
