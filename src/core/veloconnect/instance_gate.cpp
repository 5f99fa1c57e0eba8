#include "core/veloconnect/instance_gate.hpp"

#include "core/ids.hpp"

namespace og::core::veloconnect {

namespace rv = rules::veloconnect;

Failure refusal(rv::Outcome outcome, const std::optional<model::Transaction>& instance) {
  Failure f{outcome, {}, std::nullopt};
  if (instance && outcome != rv::Outcome::UnknownTransaction) f.transaction = instance;
  return f;
}

model::Transaction admit_step(store::TransactionReader& reader, rv::Step step, rv::Credentials credentials,
                              const Caller& caller, std::string_view id) {
  auto t = reader.transaction(caller.buyer_id, id);
  std::optional<rv::Instance> instance;
  if (t) instance = rv::Instance{t->kind, t->state, t->is_test};
  auto outcome = rv::admit(step, credentials, instance ? &*instance : nullptr, caller.is_test);
  if (outcome != rv::Outcome::Ok) throw Refusal{refusal(outcome, t)};
  return *t;
}

model::Transaction open_instance(store::TransactionReader& reader, model::TransactionKind kind, int state,
                                 rv::Credentials credentials, const Caller& caller, long max_open, const Clock& clock) {
  auto open = static_cast<long>(reader.count_open_transactions(caller.buyer_id));
  auto outcome = rv::admit_creation(credentials, open, max_open);
  if (outcome != rv::Outcome::Ok) {
    Failure f{outcome, {}, std::nullopt};
    if (outcome == rv::Outcome::NoInstanceAvailable)
      f.message = "buyer " + caller.buyer_id + " already has " + std::to_string(max_open) +
                  " open transactions; finish or roll back one first";
    throw Refusal{std::move(f)};
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
