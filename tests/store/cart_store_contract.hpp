// What every store's SRM tables must do, whatever the engine: run by the
// SQLite suite (tests/store/cart_tables_test.cpp) and the PostgreSQL suite
// (tests/postgres/pg_cart_tables_test.cpp), each on a fresh database. Every
// optional field survives the round trip as "not submitted" or as its value;
// carts are numbered; master data and users are replaced by key; the
// answered-message log keeps a decision per UUID; and across instances a cart
// is released once and a repeated message gets the first answer.
#pragma once
#include <cppunit/extensions/HelperMacros.h>

#include <string>
#include <thread>
#include <vector>

#include "store/open_store.hpp"
#include "store/store.hpp"

namespace og::test::contract {

inline rules::srm::Item full_item() {
  using namespace rules::srm;
  Item i;
  i.id = "10";
  i.parent_id = "0";
  i.limit_indicator = false;
  i.category = SchemedID{"OFFICE", "ProductCategoryID", "SRMCLNT100"};
  i.note = "";  // submitted but empty: not the same as absent
  i.type_code = "01";
  i.internal_id = SchemedID{"P-1000", std::nullopt, "SRMCLNT100"};
  i.quantity = Quantity{"2.5", "EA"};
  i.net_unit_price = Price{{"199", "EUR"}, Quantity{"1", std::nullopt}};
  i.cost_upper_limit = Amount{"5000", "EUR"};
  i.accounting = {{"60", Quantity{"1.5", "EA"}, "1000"}, {"40", std::nullopt, std::nullopt}};
  i.catalogue = CatalogueReference{std::nullopt, "L-77"};
  return i;
}

inline rules::srm::Item bare_item() {
  rules::srm::Item i;
  i.id = "20";
  return i;
}

inline std::optional<model::Cart> find_cart(store::Store& s, const std::string& id) {
  return s.read_now([&](store::ReadView& r) { return r.carts().cart(id); });
}

inline std::optional<model::SrmAnswer> find_answer(store::Store& s, const std::string& uuid) {
  return s.read_now([&](store::ReadView& r) { return r.carts().srm_answer(uuid); });
}

inline void assert_same_answer(const model::SrmAnswer& want, const model::SrmAnswer& got) {
  CPPUNIT_ASSERT_EQUAL(want.uuid, got.uuid);
  CPPUNIT_ASSERT_EQUAL(want.operation, got.operation);
  CPPUNIT_ASSERT_EQUAL(want.success, got.success);
  CPPUNIT_ASSERT_EQUAL(want.cart_id, got.cart_id);
  CPPUNIT_ASSERT_EQUAL(want.change_state_id, got.change_state_id);
  CPPUNIT_ASSERT_EQUAL(want.reference_id, got.reference_id);
  CPPUNIT_ASSERT_EQUAL(want.answer_id, got.answer_id);
  CPPUNIT_ASSERT_EQUAL(want.answered_at, got.answered_at);
  CPPUNIT_ASSERT(want.legacy_body == got.legacy_body);
  CPPUNIT_ASSERT_EQUAL(want.messages.size(), got.messages.size());
  for (std::size_t i = 0; i < want.messages.size(); ++i) {
    const auto& w = want.messages[i];
    const auto& g = got.messages[i];
    std::string at = "message " + std::to_string(i);
    CPPUNIT_ASSERT_MESSAGE(at, w.number == g.number);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(at, w.note, g.note);
    CPPUNIT_ASSERT_MESSAGE(at, w.field == g.field);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(at, w.element, g.element);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(at, w.item_id, g.item_id);
  }
}

inline void cart_round_trip_keeps_what_was_and_was_not_submitted(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  model::Cart c{"SC-2001", false, "20261123100000", {full_item(), bare_item()}, "t0", "t1"};
  s.write_now([&](store::UnitOfWork& u) { u.carts().put_cart(c); });
  auto back = find_cart(s, "SC-2001");
  CPPUNIT_ASSERT(back.has_value());
  CPPUNIT_ASSERT_EQUAL(std::string("SC-2001"), back->id);
  CPPUNIT_ASSERT(!back->ordered);
  CPPUNIT_ASSERT(back->items.size() == 2);
  CPPUNIT_ASSERT(back->items[0] == full_item());
  CPPUNIT_ASSERT(back->items[1] == bare_item());
  CPPUNIT_ASSERT_EQUAL(std::string("20261123100000"), back->change_state_id);
  CPPUNIT_ASSERT_EQUAL(std::string("t0"), back->created_at);
  CPPUNIT_ASSERT_EQUAL(std::string("t1"), back->updated_at);
  // Replacing keeps no stale rows.
  c.ordered = true;
  c.items = {bare_item()};
  s.write_now([&](store::UnitOfWork& u) { u.carts().put_cart(c); });
  back = find_cart(s, "SC-2001");
  CPPUNIT_ASSERT(back->ordered);
  CPPUNIT_ASSERT(back->items.size() == 1 && back->items[0] == bare_item());
  s.write_now([&](store::UnitOfWork& u) { u.carts().delete_cart("SC-2001"); });
  CPPUNIT_ASSERT(!find_cart(s, "SC-2001").has_value());
}

inline void carts_are_numbered_after_the_highest(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  std::string first = s.write_now([&](store::UnitOfWork& u) { return u.carts().next_cart_id(); });
  CPPUNIT_ASSERT_EQUAL(std::string("SC-1001"), first);
  std::string second = s.write_now([&](store::UnitOfWork& u) {
    u.carts().put_cart({"SC-1041", false, "1", {}, "t", "t"});
    return u.carts().next_cart_id();
  });
  CPPUNIT_ASSERT_EQUAL(std::string("SC-1042"), second);
  // An ID that is not SC-<number> is kept too (numbered after the highest,
  // so the next SC- number is still a new one).
  std::string third = s.write_now([&](store::UnitOfWork& u) {
    u.carts().put_cart({"imported-7", false, "1", {bare_item()}, "t", "t"});
    return u.carts().next_cart_id();
  });
  CPPUNIT_ASSERT_EQUAL(std::string("SC-1043"), third);
  auto imported = find_cart(s, "imported-7");
  CPPUNIT_ASSERT(imported && imported->items.size() == 1);
}

inline void master_data_and_users_round_trip(const OpenStore& open) {
  using namespace rules::srm;
  auto store = open();
  auto& s = *store;
  model::SrmUser user{"srm-user", std::string("s\0lt", 4), std::string("h\0sh\xff", 5), 1000};
  s.write_now([&](store::UnitOfWork& u) {
    u.carts().put_srm_user(user);
    u.carts().put_srm_category({"OFFICE", "01"});
    u.carts().put_srm_product({"P-1000", "Office chair", "01", "OFFICE", "EA"});
  });
  // Putting again replaces.
  model::SrmUser changed{"srm-user", std::string("\x01\x00", 2), std::string("new"), 2000};
  s.write_now([&](store::UnitOfWork& u) {
    u.carts().put_srm_category({"OFFICE", "02"});
    u.carts().put_srm_product({"P-1000", "Office chair, black", "01", "OFFICE", "PCE"});
    u.carts().put_srm_user(changed);
    u.carts().put_srm_user({"other", "salt", "hash", 1});
  });
  struct Back {
    std::optional<model::SrmUser> user;
    std::optional<ProductCategory> category;
    std::optional<Product> product;
    bool unknown_found;
  };
  auto back = s.read_now([](store::ReadView& r) {
    auto& c = r.carts();
    return Back{c.srm_user("srm-user"), c.srm_category("OFFICE"), c.srm_product("P-1000"),
                c.srm_user("nobody").has_value() || c.srm_category("x").has_value() || c.srm_product("x").has_value()};
  });
  CPPUNIT_ASSERT(back.user && back.category && back.product);
  CPPUNIT_ASSERT(back.user->password_salt == changed.password_salt);
  CPPUNIT_ASSERT(back.user->password_hash == changed.password_hash);
  CPPUNIT_ASSERT_EQUAL(2000, back.user->password_iterations);
  CPPUNIT_ASSERT_EQUAL(std::string("02"), back.category->product_type);
  CPPUNIT_ASSERT_EQUAL(std::string("Office chair, black"), back.product->description);
  CPPUNIT_ASSERT_EQUAL(std::string("01"), back.product->type_code);
  CPPUNIT_ASSERT_EQUAL(std::string("OFFICE"), back.product->category_id);
  CPPUNIT_ASSERT_EQUAL(std::string("PCE"), back.product->unit);
  CPPUNIT_ASSERT(!back.unknown_found);
  // Blobs are bytes, whatever they hold: the first user's, before it was replaced.
  s.write_now([&](store::UnitOfWork& u) { u.carts().put_srm_user(user); });
  auto first = s.read_now([](store::ReadView& r) { return r.carts().srm_user("srm-user"); });
  CPPUNIT_ASSERT(first->password_salt == user.password_salt && first->password_hash == user.password_hash);
  CPPUNIT_ASSERT_EQUAL(1000, first->password_iterations);
}

inline void answers_are_kept_by_uuid_with_every_field(const OpenStore& open) {
  using namespace rules::srm;
  using model::CartField;
  auto store = open();
  auto& s = *store;
  model::SrmAnswer a{"u-1", "Release", false, "SC-1001", "20261123100000", {}, "ref-1", "answer-1", 1795000000};
  // One message per CartField, item messages with the element they name,
  // in an order that is not the numbers' order.
  a.messages = {
      {MessageNumber::ChangeStateMismatch, "state differs", CartField::ChangeStateId, "", ""},
      {MessageNumber::QuantityMissing, "Item 10: no quantity", CartField::None, "Quantity", "10"},
      {MessageNumber::CartNotFound, "no such cart", CartField::CartId, "", ""},
      {MessageNumber::NoItems, "", CartField::Items, "", ""},
      {MessageNumber::MessageUuidReused, "n\xc3\xa4here \"quoted\" <xml/>", CartField::MessageUuid, "", ""},
      {MessageNumber::CategoryUnknown, "Item 20: unknown category", CartField::None, "Category", "20"},
  };
  model::SrmAnswer ok{"u-2", "Create", true, "SC-1002", "1", {}, "ref-2", "answer-2", 1};
  s.write_now([&](store::UnitOfWork& u) {
    u.carts().put_srm_answer(a);
    u.carts().put_srm_answer(ok);
  });
  auto back = find_answer(s, "u-1");
  CPPUNIT_ASSERT(back.has_value());
  assert_same_answer(a, *back);
  CPPUNIT_ASSERT(!back->legacy_body.has_value());
  auto back_ok = find_answer(s, "u-2");
  CPPUNIT_ASSERT(back_ok.has_value());
  assert_same_answer(ok, *back_ok);  // no messages, and none of u-1's
  CPPUNIT_ASSERT(!find_answer(s, "u-3").has_value());
  CPPUNIT_ASSERT(!find_answer(s, "U-1").has_value());

  // A second answer under the same UUID is refused by the store itself,
  // and the first stays as it was.
  model::SrmAnswer other = ok;
  other.uuid = "u-1";
  other.operation = "Cancel";
  CPPUNIT_ASSERT_THROW(s.write_now([&](store::UnitOfWork& u) { u.carts().put_srm_answer(other); }), store::StoreError);
  back = find_answer(s, "u-1");
  CPPUNIT_ASSERT(back.has_value());
  assert_same_answer(a, *back);
}

// The janitor forgets answers by the time they were answered (UTC seconds,
// compared with its ISO-8601 cut-off), a batch at a time, with their messages.
inline void purge_forgets_old_answers_and_their_messages_only(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  auto answer = [](std::string uuid, std::int64_t answered_at) {
    model::SrmAnswer a;
    a.uuid = std::move(uuid);
    a.operation = "Release";
    a.answered_at = answered_at;
    a.messages = {{rules::srm::MessageNumber::CartNotFound, "no such cart", model::CartField::CartId, "", ""}};
    return a;
  };
  s.write_now([&](store::UnitOfWork& u) {
    u.carts().put_srm_answer(answer("old-1", 1795000000));  // 2026-11-18T11:06:40Z
    u.carts().put_srm_answer(answer("old-2", 1795000001));
    u.carts().put_srm_answer(answer("new", 1795100000));  // 2026-11-19T14:53:20Z
  });
  auto first =
      s.write_now([](store::UnitOfWork& u) { return u.carts().purge_srm_answers("2026-11-19T00:00:00.000000Z", 1); });
  CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, first);
  auto second =
      s.write_now([](store::UnitOfWork& u) { return u.carts().purge_srm_answers("2026-11-19T00:00:00.000000Z", 10); });
  CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, second);
  CPPUNIT_ASSERT(!find_answer(s, "old-1") && !find_answer(s, "old-2"));
  auto kept = find_answer(s, "new");
  CPPUNIT_ASSERT(kept && kept->messages.size() == 1);
  // A forgotten UUID is a new message: its answer may be kept again.
  s.write_now([&](store::UnitOfWork& u) { u.carts().put_srm_answer(answer("old-1", 1795200000)); });
  CPPUNIT_ASSERT_EQUAL(std::size_t{1}, find_answer(s, "old-1")->messages.size());
}

namespace detail {

// Runs `release(u, thread)` as a unit of work on `threads` threads at once,
// every other one on the second instance; each thread's answer.
template <class Release>
std::vector<model::SrmAnswer> at_once_on_two(store::Store& first, store::Store& second, int threads, Release release) {
  std::vector<std::thread> running;
  std::vector<model::SrmAnswer> answers(static_cast<std::size_t>(threads));
  for (int t = 0; t < threads; ++t)
    running.emplace_back([&, t] {
      auto& s = t % 2 ? second : first;
      answers[static_cast<std::size_t>(t)] =
          s.write_now([&](store::UnitOfWork& u) { return release(u, std::to_string(t)); });
    });
  for (auto& t : running) t.join();
  return answers;
}

// What core/srm's release does with the store in one unit of work: the
// answer kept under the message's UUID wins (a repeat), else the cart is read
// and, when not yet ordered, written back ordered, and the decision is kept
// under the UUID. Returns the answer given.
inline model::SrmAnswer release(store::UnitOfWork& u, const std::string& uuid, const std::string& cart_id,
                                const std::string& answer_id) {
  if (auto seen = u.carts().srm_answer(uuid)) return *seen;
  model::SrmAnswer a;
  a.uuid = uuid;
  a.operation = "Release";
  a.answer_id = answer_id;
  a.cart_id = cart_id;
  auto cart = u.carts().cart(cart_id);
  if (cart && !cart->ordered) {
    cart->ordered = true;
    cart->change_state_id = answer_id;
    u.carts().put_cart(*cart);
    a.success = true;
    a.change_state_id = cart->change_state_id;
    a.messages = {{rules::srm::MessageNumber::CartReleased, "released", model::CartField::None, "", ""}};
  } else {
    a.messages = {{rules::srm::MessageNumber::CartAlreadyOrdered, "ordered", model::CartField::CartId, "", ""}};
  }
  u.carts().put_srm_answer(a);
  return a;
}

}  // namespace detail

// Purchasers' retries and a load balancer spread releases of one cart over
// instances: whatever their timing, the cart is ordered by exactly one of
// them (SQLite: one writer at a time; PostgreSQL: serializable units that
// conflict run again and then see the cart ordered).
inline void a_cart_is_released_exactly_once_across_instances(const OpenStore& open) {
  auto first = open();
  auto second = open();
  first->write_now([](store::UnitOfWork& u) {
    u.carts().put_cart({"SC-1001", false, "20261123100000", {full_item(), bare_item()}, "t", "t"});
  });
  auto answers = detail::at_once_on_two(*first, *second, 6, [](store::UnitOfWork& u, const std::string& t) {
    return detail::release(u, "uuid-" + t, "SC-1001", "answer-" + t);
  });
  int released = 0;
  std::string winner;
  for (const auto& a : answers)
    if (a.success) {
      ++released;
      winner = a.answer_id;
    }
  CPPUNIT_ASSERT_EQUAL(1, released);
  for (auto* s : {first.get(), second.get()}) {
    auto cart = find_cart(*s, "SC-1001");
    CPPUNIT_ASSERT(cart && cart->ordered);
    CPPUNIT_ASSERT_EQUAL(winner, cart->change_state_id);  // written once, by the winner
    CPPUNIT_ASSERT(cart->items.size() == 2 && cart->items[0] == full_item());
    // Every message's own decision is kept, on either instance.
    for (const auto& a : answers) assert_same_answer(a, find_answer(*s, a.uuid).value());
  }
}

// One message (one UUID) sent again to another instance while the first is
// still deciding: every instance answers with the first decision, and the
// cart is released by it alone.
inline void a_repeated_message_is_answered_the_same_on_every_instance(const OpenStore& open) {
  auto first = open();
  auto second = open();
  first->write_now([](store::UnitOfWork& u) { u.carts().put_cart({"SC-1001", false, "1", {bare_item()}, "t", "t"}); });
  auto answers = detail::at_once_on_two(*first, *second, 6, [](store::UnitOfWork& u, const std::string& t) {
    return detail::release(u, "the-message", "SC-1001", "answer-" + t);
  });
  auto kept = find_answer(*second, "the-message");
  CPPUNIT_ASSERT(kept && kept->success);
  for (const auto& a : answers) assert_same_answer(*kept, a);
  CPPUNIT_ASSERT_EQUAL(kept->answer_id, find_cart(*first, "SC-1001")->change_state_id);
  // Later, on the other instance: the same answer still.
  auto again = second->write_now(
      [](store::UnitOfWork& u) { return detail::release(u, "the-message", "SC-1001", "answer-later"); });
  assert_same_answer(*kept, again);
}

// The suite each engine runs: its fixture derives from this one
// (CPPUNIT_TEST_SUB_SUITE) and sets open_. tests/CMakeLists.txt makes a
// ctest entry per method from the CPPUNIT_TEST lines here.
class CartTables : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(CartTables);
  CPPUNIT_TEST(cart_round_trip_keeps_what_was_and_was_not_submitted);
  CPPUNIT_TEST(carts_are_numbered_after_the_highest);
  CPPUNIT_TEST(master_data_and_users_round_trip);
  CPPUNIT_TEST(answers_are_kept_by_uuid_with_every_field);
  CPPUNIT_TEST(purge_forgets_old_answers_and_their_messages_only);
  CPPUNIT_TEST(a_cart_is_released_exactly_once_across_instances);
  CPPUNIT_TEST(a_repeated_message_is_answered_the_same_on_every_instance);
  CPPUNIT_TEST_SUITE_END_ABSTRACT();

 public:
  void cart_round_trip_keeps_what_was_and_was_not_submitted() {
    contract::cart_round_trip_keeps_what_was_and_was_not_submitted(open_);
  }
  void carts_are_numbered_after_the_highest() { contract::carts_are_numbered_after_the_highest(open_); }
  void master_data_and_users_round_trip() { contract::master_data_and_users_round_trip(open_); }
  void answers_are_kept_by_uuid_with_every_field() { contract::answers_are_kept_by_uuid_with_every_field(open_); }
  void purge_forgets_old_answers_and_their_messages_only() {
    contract::purge_forgets_old_answers_and_their_messages_only(open_);
  }
  void a_cart_is_released_exactly_once_across_instances() {
    contract::a_cart_is_released_exactly_once_across_instances(open_);
  }
  void a_repeated_message_is_answered_the_same_on_every_instance() {
    contract::a_repeated_message_is_answered_the_same_on_every_instance(open_);
  }

 protected:
  OpenStore open_;
};

}  // namespace og::test::contract
