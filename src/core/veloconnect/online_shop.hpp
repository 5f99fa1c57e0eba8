// The OrderInOnlineShop transaction: one permanent Order-type instance per
// buyer and seller, whose TransactionID is fixed and published in the
// profile (property OrderInOnlineShop.TransactionID). ordergate has no web
// shop of its own: this instance is the buyer's basket. It is stored the first
// time a step changes it; until then it is an empty instance in state 2.
#pragma once
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/veloconnect/caller.hpp"
#include "model/veloconnect.hpp"

namespace og::store {
class TransactionWriter;
}  // namespace og::store

namespace og::core::veloconnect {

// The caller's fixed TransactionID: 32 hex digits derived from seller and
// buyer, so it needs no store and never changes. It is no secret (another
// buyer could compute it), and need not be: instances are looked up per
// buyer, so for anyone else it names no instance (420).
std::string shop_transaction_id(std::string_view seller, std::string_view buyer_id);

bool names_shop_instance(const Caller& caller, std::string_view transaction_id);

// The caller's instance as it is before anything was stored: empty, state 2,
// not a test.
model::Transaction fresh_shop_instance(const Caller& caller, const Clock& clock);

// Stores the caller's instance if `transaction_id` names it and it is not
// stored yet, so that a changing step finds it.
void ensure_shop_instance(store::TransactionWriter& writer, const Caller& caller, std::string_view transaction_id,
                          const Clock& clock);

}  // namespace og::core::veloconnect
