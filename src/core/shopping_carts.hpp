// SAP SRM shopping carts: create, read, release, cancel. Decisions come from
// rules/srm; this class loads what they need, applies them in one unit of work
// and keeps each answered message under its MessageHeader UUID, in the same
// unit of work, so a repeated message gets the first answer and changes
// nothing.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "rules/srm/cart.hpp"
#include "rules/srm/message.hpp"
#include "store/store.hpp"

namespace og::core {

struct CartLogEntry {
  rules::srm::MessageNumber number;
  rules::srm::Severity severity;
  std::string note;
  std::string element;  // ReferenceMessageElementName ("" when none)
  std::string item_id;  // ReferenceObjectNodeSenderTechnicalID ("" when none)
};

struct CartOutcome {
  bool success = false;  // done (result code 3), or rejected with no change (5)
  std::vector<CartLogEntry> log;
  // The cart as it is now (create/release: ID and ChangeStateID matter; read:
  // all of it). Absent when there is none to show.
  std::optional<store::CartRecord> cart;
  bool consistent = true;  // read: does the cart pass every rule today?
};

// Who sent a change: the MessageHeader UUID (if any) and the operation.
struct CartMessage {
  std::optional<std::string> uuid;
  std::string operation;
};

// Turns an outcome into the answer the caller gets; run inside the unit of
// work so the stored answer and the change commit together.
using RenderAnswer = std::function<std::string(const CartOutcome&)>;

struct Answer {
  std::string body;
  bool replayed = false;  // the first answer to this UUID, again
  bool success = false;
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
  ShoppingCarts(store::Store& store, const Clock& clock, std::string logical_system);

  Answer create(const CreateCart& request, const CartMessage& message, const RenderAnswer& render);
  Answer release(const ReleaseCart& request, const CartMessage& message, const RenderAnswer& render);
  Answer cancel(const CancelCart& request, const CartMessage& message, const RenderAnswer& render);
  CartOutcome read(std::string_view id);

 private:
  // Runs `decide` in a unit of work unless `message` was answered before.
  Answer once(const CartMessage& message, const RenderAnswer& render,
              const std::function<CartOutcome(store::UnitOfWork&)>& decide);

  store::Store& store_;
  const Clock& clock_;
  std::string logical_system_;
};

}  // namespace og::core
