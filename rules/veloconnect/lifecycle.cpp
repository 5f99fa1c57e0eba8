#include "rules/veloconnect/lifecycle.hpp"

namespace og::rules::veloconnect {

std::chrono::seconds lifetime(TransactionKind kind, const Lifetimes& lifetimes) {
  return kind == TransactionKind::Order ? lifetimes.order : lifetimes.search;
}

bool ended_idle(TransactionKind kind, int state, std::chrono::sys_seconds updated, std::chrono::sys_seconds now,
                const Lifetimes& lifetimes) {
  return !is_permanent(kind) && is_open(state) && now - updated > lifetime(kind, lifetimes);
}

int effective_state(TransactionKind kind, int state, std::chrono::sys_seconds updated, std::chrono::sys_seconds now,
                    const Lifetimes& lifetimes) {
  return ended_idle(kind, state, updated, now, lifetimes) ? state::kEndedByServer : state;
}

Room make_room(TransactionKind kind, long open, const InstanceLimits& limits) {
  if (is_permanent(kind)) return Room::Full;  // there is one per buyer, made by the server
  long limit = kind == TransactionKind::Order        ? limits.open_orders
               : kind == TransactionKind::TextSearch ? limits.open_searches
                                                     : limits.open_transmissions;
  if (open < limit) return Room::Available;
  if (kind != TransactionKind::Order && limit > 0 && open > 0) return Room::EndOldestSearch;
  return Room::Full;
}

}  // namespace og::rules::veloconnect
