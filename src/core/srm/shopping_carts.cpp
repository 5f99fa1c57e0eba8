#include "core/srm/shopping_carts.hpp"

#include "core/ids.hpp"
#include "rules/srm/cart_actions.hpp"
#include "rules/srm/master_data.hpp"
#include "rules/srm/product_definition.hpp"
#include "store/store.hpp"

namespace og::core::srm {

namespace rs = rules::srm;
using model::CartField;
using rs::MessageNumber;

namespace {

// The master data the items refer to, and nothing more.
rs::MasterData master_data_for(store::CartReader& carts, const std::vector<rs::Item>& items,
                               const std::string& logical_system) {
  rs::MasterData m;
  m.logical_system = logical_system;
  auto add_category = [&](const std::string& id) {
    if (m.categories.count(id)) return;
    if (auto c = carts.srm_category(id)) m.categories.emplace(id, *c);
  };
  for (const auto& item : items) {
    if (item.category) add_category(item.category->value);
    if (item.internal_id && !m.products.count(item.internal_id->value)) {
      if (auto p = carts.srm_product(item.internal_id->value)) {
        add_category(p->category_id);
        m.products.emplace(p->id, *p);
      }
    }
  }
  return m;
}

model::CartMessage entry(const rs::Finding& f) {
  return {f.number, f.note, CartField::None, f.element, f.item_id};
}

CartOutcome rejected(MessageNumber number, std::string note, CartField field = CartField::None) {
  CartOutcome out;
  out.messages.push_back({number, rs::fit_note(std::move(note)), field, {}, {}});
  return out;
}

CartOutcome done(MessageNumber number, std::string note, model::Cart cart) {
  CartOutcome out;
  out.success = true;
  out.messages.push_back({number, rs::fit_note(std::move(note)), CartField::None, {}, {}});
  out.cart = std::move(cart);
  return out;
}

std::string cart_note(std::string_view what, std::string_view id) {
  return "Shopping cart " + std::string(id) + " " + std::string(what);
}

// The refusals release and cancel share; nullopt for the others.
std::optional<CartOutcome> common_refusal(MessageNumber refusal, const std::string& id,
                                          const std::optional<std::string>& sent_state,
                                          const std::optional<model::Cart>& cart, std::string_view action) {
  switch (refusal) {
    case MessageNumber::CartNotFound: return rejected(refusal, cart_note("does not exist", id), CartField::CartId);
    case MessageNumber::CartAlreadyOrdered:
      return rejected(refusal, cart_note("has already been ordered and cannot be " + std::string(action), id),
                      CartField::CartId);
    case MessageNumber::ChangeStateMismatch:
      return rejected(refusal,
                      cart_note("was changed: ChangeStateID " + sent_state.value_or("") + " is not the current " +
                                    (cart ? cart->change_state_id : std::string()),
                                id),
                      CartField::ChangeStateId);
    default: break;
  }
  return std::nullopt;
}

std::optional<rs::StoredCart> state_of(const std::optional<model::Cart>& cart) {
  if (!cart) return std::nullopt;
  return rs::StoredCart{cart->ordered, cart->change_state_id};
}

}  // namespace

ShoppingCarts::ShoppingCarts(const Clock& clock, std::string logical_system)
    : clock_(clock), logical_system_(std::move(logical_system)) {}

CartOutcome ShoppingCarts::stamped(CartOutcome outcome, const CartMessageHeader& header) const {
  outcome.answer_id = new_uuid();
  outcome.answered_at = clock_.now().time_since_epoch().count();
  outcome.reference_id = header.id;
  return outcome;
}

Task<CartOutcome> ShoppingCarts::once(Context& ctx, const CartMessageHeader& header, Decide decide) {
  const std::string& operation = header.operation;
  co_return co_await ctx.store().write(ctx.commit(), [&](store::UnitOfWork& uow) {
    if (header.uuid) {
      if (auto seen = uow.carts().srm_answer(*header.uuid)) {
        if (seen->operation == operation) {
          CartOutcome again;
          again.replayed = true;
          again.success = seen->success;
          again.messages = std::move(seen->messages);
          if (!seen->cart_id.empty()) again.cart = model::Cart{seen->cart_id, false, seen->change_state_id, {}, {}, {}};
          again.answer_id = seen->answer_id;
          again.answered_at = seen->answered_at;
          again.reference_id = seen->reference_id;
          again.legacy_body = std::move(seen->legacy_body);
          return again;
        }
        // Same UUID, other operation: a different message reusing an ID.
        return stamped(rejected(MessageNumber::MessageUuidReused,
                                "MessageHeader UUID " + *header.uuid + " was already used for " + seen->operation,
                                CartField::MessageUuid),
                       header);
      }
    }
    CartOutcome outcome = stamped(decide(uow), header);
    if (header.uuid) {
      model::SrmAnswer answer;
      answer.uuid = *header.uuid;
      answer.operation = operation;
      answer.success = outcome.success;
      if (outcome.cart) {
        answer.cart_id = outcome.cart->id;
        answer.change_state_id = outcome.cart->change_state_id;
      }
      answer.messages = outcome.messages;
      answer.reference_id = outcome.reference_id;
      answer.answer_id = outcome.answer_id;
      answer.answered_at = outcome.answered_at;
      uow.carts().put_srm_answer(answer);
    }
    return outcome;
  });
}

Task<CartOutcome> ShoppingCarts::create(Context& ctx, const CreateCart& request, const CartMessageHeader& header) {
  return once(ctx, header, [this, &request](store::UnitOfWork& uow) {
    if (request.id_submitted)
      return rejected(MessageNumber::IdAssignedBySystem,
                      "InternalRequest/ID must not be submitted: ordergate assigns the shopping cart ID",
                      CartField::CartId);
    auto master = master_data_for(uow.carts(), request.items, logical_system_);
    auto findings = rs::check_items(request.items, master);
    if (!findings.empty()) {
      CartOutcome out;
      for (const auto& f : findings) out.messages.push_back(entry(f));
      return out;
    }
    model::Cart cart;
    cart.id = uow.carts().next_cart_id();
    cart.change_state_id = rs::next_change_state_id(clock_.now());
    cart.items = request.items;
    cart.created_at = cart.updated_at = clock_.now_utc();
    uow.carts().put_cart(cart);
    std::string note = cart_note("created", cart.id);
    return done(MessageNumber::CartCreated, std::move(note), std::move(cart));
  });
}

Task<CartOutcome> ShoppingCarts::release(Context& ctx, const ReleaseCart& request, const CartMessageHeader& header) {
  return once(ctx, header, [this, &request](store::UnitOfWork& uow) {
    if (!request.id)
      return rejected(MessageNumber::CartIdMissing, "InternalRequest/ID is mandatory to release a shopping cart",
                      CartField::CartId);
    auto cart = uow.carts().cart(*request.id);
    rs::ReleaseSubmission submitted;
    submitted.change_state_id = request.change_state_id;
    submitted.complete_request = !request.items.empty();
    if (cart && submitted.complete_request && !submitted.change_state_id)
      submitted.same_content = rs::same_content(request.items, cart->items);
    std::vector<rs::Finding> findings;
    if (cart) findings = rs::check_items(cart->items, master_data_for(uow.carts(), cart->items, logical_system_));

    auto refusal = rs::refuse_release(state_of(cart), submitted, findings.empty());
    if (!refusal) {
      cart->ordered = true;
      cart->change_state_id = rs::next_change_state_id(clock_.now(), cart->change_state_id);
      cart->updated_at = clock_.now_utc();
      uow.carts().put_cart(*cart);
      std::string note = cart_note("released (ordered)", cart->id);
      return done(MessageNumber::CartReleased, std::move(note), std::move(*cart));
    }
    const std::string& id = *request.id;
    if (auto common = common_refusal(*refusal, id, request.change_state_id, cart, "released again")) return *common;
    switch (*refusal) {
      case MessageNumber::ContentMismatch:
        return rejected(*refusal, cart_note("differs from the submitted internal request", id), CartField::Items);
      case MessageNumber::NeitherStateNorContent:
        return rejected(*refusal, "Submit the ChangeStateID or the complete internal request to release " + id,
                        CartField::ChangeStateId);
      case MessageNumber::CartInconsistent: {
        auto out = rejected(*refusal, cart_note("is not consistent and cannot be released", id));
        for (const auto& f : findings) out.messages.push_back(entry(f));
        return out;
      }
      default: break;
    }
    return rejected(*refusal, cart_note("cannot be released", id));
  });
}

Task<CartOutcome> ShoppingCarts::cancel(Context& ctx, const CancelCart& request, const CartMessageHeader& header) {
  return once(ctx, header, [&request](store::UnitOfWork& uow) {
    if (!request.id)
      return rejected(MessageNumber::CartIdMissing, "InternalRequest/ID is mandatory to cancel a shopping cart",
                      CartField::CartId);
    auto cart = uow.carts().cart(*request.id);
    auto refusal = rs::refuse_cancel(state_of(cart), request.change_state_id);
    if (!refusal) {
      uow.carts().delete_cart(cart->id);
      model::Cart gone;
      gone.id = cart->id;
      std::string note = cart_note("canceled (deleted)", cart->id);
      return done(MessageNumber::CartCanceled, std::move(note), std::move(gone));
    }
    const std::string& id = *request.id;
    if (auto common = common_refusal(*refusal, id, request.change_state_id, cart, "canceled")) return *common;
    return rejected(*refusal, cart_note("cannot be canceled", id));
  });
}

Task<CartOutcome> ShoppingCarts::read(Context& ctx, const std::string& id, const CartMessageHeader& header) {
  CartOutcome out = co_await ctx.store().read(ctx.commit(), [&](store::ReadView& r) {
    auto cart = r.carts().cart(id);
    if (!cart) return rejected(MessageNumber::CartNotFound, cart_note("does not exist", id), CartField::CartId);
    auto findings = rs::check_items(cart->items, master_data_for(r.carts(), cart->items, logical_system_));
    std::string note = cart_note(cart->ordered ? "read (ordered)" : "read", id);
    auto found = done(MessageNumber::CartRead, std::move(note), std::move(*cart));
    found.consistent = findings.empty();
    // Why a release would be refused today: the read itself succeeded.
    for (const auto& f : findings) found.messages.push_back(entry(f));
    return found;
  });
  co_return stamped(std::move(out), header);
}

}  // namespace og::core::srm
