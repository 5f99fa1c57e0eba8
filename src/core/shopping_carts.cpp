#include "core/shopping_carts.hpp"

#include "rules/srm/cart_actions.hpp"
#include "rules/srm/master_data.hpp"
#include "rules/srm/product_definition.hpp"

namespace og::core {

namespace rs = rules::srm;
using rs::MessageNumber;
using rs::Severity;

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

CartLogEntry entry(const rs::Finding& f, Severity severity) {
  return {f.number, severity, f.note, f.element, f.item_id};
}

CartOutcome rejected(MessageNumber number, std::string note, std::string element = {}) {
  CartOutcome out;
  out.log.push_back({number, Severity::Error, rs::fit_note(std::move(note)), std::move(element), {}});
  return out;
}

CartOutcome done(MessageNumber number, std::string note, store::CartRecord cart) {
  CartOutcome out;
  out.success = true;
  out.log.push_back({number, Severity::Information, rs::fit_note(std::move(note)), {}, {}});
  out.cart = std::move(cart);
  return out;
}

std::string cart_note(std::string_view what, std::string_view id) {
  return "Shopping cart " + std::string(id) + " " + std::string(what);
}

// The refusals release and cancel share; nullopt for the others.
std::optional<CartOutcome> common_refusal(MessageNumber refusal, const std::string& id,
                                          const std::optional<std::string>& sent_state,
                                          const std::optional<store::CartRecord>& cart, std::string_view action) {
  switch (refusal) {
    case MessageNumber::CartNotFound: return rejected(refusal, cart_note("does not exist", id), "InternalRequest/ID");
    case MessageNumber::CartAlreadyOrdered:
      return rejected(refusal, cart_note("has already been ordered and cannot be " + std::string(action), id),
                      "InternalRequest/ID");
    case MessageNumber::ChangeStateMismatch:
      return rejected(refusal,
                      cart_note("was changed: ChangeStateID " + sent_state.value_or("") + " is not the current " +
                                    (cart ? cart->change_state_id : std::string()),
                                id),
                      "InternalRequest/ChangeStateID");
    default: break;
  }
  return std::nullopt;
}

std::optional<rs::StoredCart> state_of(const std::optional<store::CartRecord>& cart) {
  if (!cart) return std::nullopt;
  return rs::StoredCart{cart->ordered, cart->change_state_id};
}

}  // namespace

ShoppingCarts::ShoppingCarts(store::Store& store, const Clock& clock, std::string logical_system)
    : store_(store), clock_(clock), logical_system_(std::move(logical_system)) {}

Answer ShoppingCarts::once(const CartMessage& message, const RenderAnswer& render,
                           const std::function<CartOutcome(store::UnitOfWork&)>& decide) {
  Answer answer;
  store_.write([&](store::UnitOfWork& uow) {
    answer = Answer{};
    if (message.uuid) {
      if (auto seen = uow.carts().srm_message(*message.uuid)) {
        if (seen->operation == message.operation) {
          answer = Answer{seen->answer, true, true};
          return;
        }
        // Same UUID, other operation: a different message reusing an ID.
        auto out = rejected(MessageNumber::MessageUuidReused,
                            "MessageHeader UUID " + *message.uuid + " was already used for " + seen->operation,
                            "MessageHeader/UUID");
        answer = Answer{render(out), false, false};
        return;
      }
    }
    CartOutcome outcome = decide(uow);
    answer = Answer{render(outcome), false, outcome.success};
    if (message.uuid) uow.carts().put_srm_message({*message.uuid, message.operation, answer.body, clock_.now_utc()});
  });
  return answer;
}

Answer ShoppingCarts::create(const CreateCart& request, const CartMessage& message, const RenderAnswer& render) {
  return once(message, render, [&](store::UnitOfWork& uow) {
    if (request.id_submitted)
      return rejected(MessageNumber::IdAssignedBySystem,
                      "InternalRequest/ID must not be submitted: ordergate assigns the shopping cart ID",
                      "InternalRequest/ID");
    auto master = master_data_for(uow.carts(), request.items, logical_system_);
    auto findings = rs::check_items(request.items, master);
    if (!findings.empty()) {
      CartOutcome out;
      for (const auto& f : findings) out.log.push_back(entry(f, Severity::Error));
      return out;
    }
    store::CartRecord cart;
    cart.id = uow.carts().next_cart_id();
    cart.change_state_id = rs::next_change_state_id(clock_.now());
    cart.items = request.items;
    cart.created_at = cart.updated_at = clock_.now_utc();
    uow.carts().put_cart(cart);
    std::string note = cart_note("created", cart.id);
    return done(MessageNumber::CartCreated, std::move(note), std::move(cart));
  });
}

Answer ShoppingCarts::release(const ReleaseCart& request, const CartMessage& message, const RenderAnswer& render) {
  return once(message, render, [&](store::UnitOfWork& uow) {
    if (!request.id)
      return rejected(MessageNumber::CartIdMissing, "InternalRequest/ID is mandatory to release a shopping cart",
                      "InternalRequest/ID");
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
        return rejected(*refusal, cart_note("differs from the submitted internal request", id), "InternalRequest/Item");
      case MessageNumber::NeitherStateNorContent:
        return rejected(*refusal, "Submit the ChangeStateID or the complete internal request to release " + id,
                        "InternalRequest/ChangeStateID");
      case MessageNumber::CartInconsistent: {
        auto out = rejected(*refusal, cart_note("is not consistent and cannot be released", id));
        for (const auto& f : findings) out.log.push_back(entry(f, Severity::Error));
        return out;
      }
      default: break;
    }
    return rejected(*refusal, cart_note("cannot be released", id));
  });
}

Answer ShoppingCarts::cancel(const CancelCart& request, const CartMessage& message, const RenderAnswer& render) {
  return once(message, render, [&](store::UnitOfWork& uow) {
    if (!request.id)
      return rejected(MessageNumber::CartIdMissing, "InternalRequest/ID is mandatory to cancel a shopping cart",
                      "InternalRequest/ID");
    auto cart = uow.carts().cart(*request.id);
    auto refusal = rs::refuse_cancel(state_of(cart), request.change_state_id);
    if (!refusal) {
      uow.carts().delete_cart(cart->id);
      store::CartRecord gone;
      gone.id = cart->id;
      std::string note = cart_note("canceled (deleted)", cart->id);
      return done(MessageNumber::CartCanceled, std::move(note), std::move(gone));
    }
    const std::string& id = *request.id;
    if (auto common = common_refusal(*refusal, id, request.change_state_id, cart, "canceled")) return *common;
    return rejected(*refusal, cart_note("cannot be canceled", id));
  });
}

CartOutcome ShoppingCarts::read(std::string_view id) {
  CartOutcome out;
  store_.read([&](store::Reader& r) {
    auto cart = r.carts().cart(id);
    if (!cart) {
      out = rejected(MessageNumber::CartNotFound, cart_note("does not exist", id), "InternalRequestSelectionByID/ID");
      return;
    }
    auto findings = rs::check_items(cart->items, master_data_for(r.carts(), cart->items, logical_system_));
    std::string note = cart_note(cart->ordered ? "read (ordered)" : "read", id);
    out = done(MessageNumber::CartRead, std::move(note), std::move(*cart));
    out.consistent = findings.empty();
    // Why a release would be refused today, as warnings: the read itself succeeded.
    for (const auto& f : findings) out.log.push_back(entry(f, Severity::Warning));
  });
  return out;
}

}  // namespace og::core
