// SAP SRM shopping carts: create, read, release, cancel. Decisions come from
// rules/srm; this class loads what they need, applies them in one unit of work
// and keeps each decided message under its MessageHeader UUID, in the same
// unit of work, so a repeated message gets the same answer and changes
// nothing. How a decision looks on the wire (severities, result code, element
// names, faults) is the face's business (src/srm/answer_mapping.cpp).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "model/srm.hpp"
#include "rules/srm/cart.hpp"

namespace og::store {
class UnitOfWork;
}

namespace og::core::srm {

struct CartOutcome {
  bool success = false;  // done, or rejected with no change
  // The first is the decision itself (created, released, not found, ...),
  // then the rule findings behind it.
  std::vector<model::CartMessage> messages;
  // The cart as it is now (create/release: ID and ChangeStateID matter; read:
  // all of it). Absent when there is none to show.
  std::optional<model::Cart> cart;
  bool consistent = true;  // read: does the cart pass every rule today?
  // The answer's own MessageHeader, fixed when the decision was made so that
  // a repeated message is answered the same way.
  std::string answer_id;
  std::int64_t answered_at = 0;            // Unix seconds
  std::string reference_id;                // the MessageHeader ID of the request first answered
  bool replayed = false;                   // the first answer to this UUID, again
  std::optional<std::string> legacy_body;  // a replay of an answer stored as XML by 0.1
};

// The request's MessageHeader as far as core cares, and the operation it
// asks for as the face names it (a UUID repeated for another operation is
// refused, and the note names both).
struct CartMessageHeader {
  std::optional<std::string> uuid;
  std::string id;
  std::string operation;
};

struct CreateCart {
  bool id_submitted = false;
  std::vector<rules::srm::Item> items;
};

struct ReleaseCart {
  std::optional<std::string> id;
  std::optional<std::string> change_state_id;
  std::vector<rules::srm::Item> items;  // the complete request, when sent
};

struct CancelCart {
  std::optional<std::string> id;
  std::optional<std::string> change_state_id;
};

class ShoppingCarts {
 public:
  ShoppingCarts(const Clock& clock, std::string logical_system);

  Task<CartOutcome> create(Context& ctx, const CreateCart& request, const CartMessageHeader& header);
  Task<CartOutcome> release(Context& ctx, const ReleaseCart& request, const CartMessageHeader& header);
  Task<CartOutcome> cancel(Context& ctx, const CancelCart& request, const CartMessageHeader& header);
  Task<CartOutcome> read(Context& ctx, const std::string& id, const CartMessageHeader& header);

 private:
  using Decide = std::function<CartOutcome(store::UnitOfWork&)>;
  // Runs `decide` in a unit of work unless `header`'s UUID was answered before.
  Task<CartOutcome> once(Context& ctx, const CartMessageHeader& header, Decide decide);
  CartOutcome stamped(CartOutcome outcome, const CartMessageHeader& header) const;

  const Clock& clock_;
  std::string logical_system_;
};

}  // namespace og::core::srm
