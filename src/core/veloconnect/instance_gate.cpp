#include "core/veloconnect/instance_gate.hpp"

#include "core/ids.hpp"
#include "core/veloconnect/online_shop.hpp"

namespace og::core::veloconnect {

namespace rv = rules::veloconnect;

Failure refusal(rv::Outcome outcome, const std::optional<model::Transaction>& instance) {
  Failure f{outcome, {}, std::nullopt};
  if (instance && outcome != rv::Outcome::UnknownTransaction) f.transaction = instance;
  return f;
}

model::Transaction admit_step(store::TransactionReader& reader, rv::Step step, rv::Credentials credentials,
                              const Caller& caller, std::string_view id, const Lifecycle& lifecycle) {
  auto t = reader.transaction(caller.buyer_id, id);
  // The caller's OrderInOnlineShop instance exists before it is first stored.
  if (!t && names_shop_instance(caller, id)) t = fresh_shop_instance(caller, *lifecycle.clock);
  if (t) t = as_of_now(std::move(*t), lifecycle);
  std::optional<rv::Instance> instance;
  if (t) instance = rv::Instance{t->kind, t->state, t->is_test};
  auto outcome = rv::admit(step, credentials, instance ? &*instance : nullptr, caller.is_test);
  if (outcome != rv::Outcome::Ok) throw Refusal{refusal(outcome, t)};
  return *t;
}

model::Transaction open_instance(store::TransactionWriter& writer, model::TransactionKind kind, int state,
                                 rv::Credentials credentials, const Caller& caller, const Lifecycle& lifecycle) {
  const Clock& clock = *lifecycle.clock;
  if (auto c = rv::check_credentials(credentials); c != rv::Outcome::Ok) throw Refusal{{c, {}, std::nullopt}};
  std::string active_since = iso_utc(clock.now() - rv::lifetime(kind, lifecycle.lifetimes));
  auto open = static_cast<long>(writer.count_open_transactions(caller.buyer_id, kind, active_since));
  switch (rv::make_room(kind, open, lifecycle.limits)) {
    case rv::Room::Available: break;
    case rv::Room::EndOldestSearch: {
      // Idle ones first (they no longer count), then the least recently used.
      writer.end_idle_transactions(kind, active_since, rv::state::kEndedByServer, clock.now_utc());
      if (auto oldest = writer.least_recent_open_transaction(caller.buyer_id, kind)) {
        oldest->state = rv::state::kEndedByServer;
        oldest->updated_at = clock.now_utc();
        writer.update_transaction(*oldest);
      }
      break;
    }
    case rv::Room::Full: {
      bool order = kind == model::TransactionKind::Order;
      bool search = kind == model::TransactionKind::TextSearch;
      long limit = order    ? lifecycle.limits.open_orders
                   : search ? lifecycle.limits.open_searches
                            : lifecycle.limits.open_transmissions;
      throw Refusal{{rv::Outcome::NoInstanceAvailable,
                     "buyer " + caller.buyer_id + " already has " + std::to_string(limit) + " open " +
                         (order    ? "orders; finish or roll back one first"
                          : search ? "searches"
                                   : "transmissions"),
                     std::nullopt}};
    }
  }
  model::Transaction t;
  t.id = new_transaction_id();
  t.buyer_id = caller.buyer_id;
  t.kind = kind;
  t.state = state;
  t.is_test = caller.is_test;
  t.created_at = t.updated_at = clock.now_utc();
  return t;
}

}  // namespace og::core::veloconnect
