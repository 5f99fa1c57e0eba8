// Release and cancel decisions, ChangeStateIDs, and the "complete internal
// request" comparison.
#include <cppunit/extensions/HelperMacros.h>

#include <chrono>

#include "rules/srm/cart.hpp"
#include "rules/srm/cart_actions.hpp"

namespace og::test {

namespace {
using namespace og::rules::srm;
using std::chrono::sys_days;
using namespace std::chrono_literals;

std::string name(std::optional<MessageNumber> n) {
  return n ? type_id(*n) : "release";
}

const StoredCart kOpen{false, "20261101120000"};
const StoredCart kOrdered{true, "20261101120000"};

std::chrono::sys_seconds at(int y, unsigned m, unsigned d, int hh, int mm, int ss) {
  return sys_days(std::chrono::year(y) / m / d) + std::chrono::hours(hh) + std::chrono::minutes(mm) +
         std::chrono::seconds(ss);
}

Item item(const char* id, const char* quantity) {
  Item i;
  i.id = id;
  i.note = "Desk lamp";
  i.quantity = Quantity{quantity, "EA"};
  return i;
}
}  // namespace

class SrmCartActionsTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(SrmCartActionsTest);
  CPPUNIT_TEST(release_checks_in_order_for_every_combination);
  CPPUNIT_TEST(change_state_id_is_leading);
  CPPUNIT_TEST(cancel_only_unordered_carts);
  CPPUNIT_TEST(change_state_ids_are_timestamps_that_always_advance);
  CPPUNIT_TEST(same_content_ignores_item_order_only);
  CPPUNIT_TEST(decimals_have_one_spelling);
  CPPUNIT_TEST_SUITE_END();

 public:
  void release_checks_in_order_for_every_combination() {
    // exists x ordered x {state right, state wrong, content same, content
    // differs, neither} x consistent: the first failing check wins.
    int cases = 0;
    for (bool exists : {false, true})
      for (bool ordered : {false, true})
        for (int how = 0; how < 5; ++how)
          for (bool consistent : {false, true}) {
            std::optional<StoredCart> cart;
            if (exists) cart = ordered ? kOrdered : kOpen;
            ReleaseSubmission s;
            if (how == 0) s.change_state_id = "20261101120000";
            if (how == 1) s.change_state_id = "20261101115959";
            if (how == 2) s.complete_request = s.same_content = true;
            if (how == 3) s.complete_request = true;
            std::optional<MessageNumber> want;
            if (!exists)
              want = MessageNumber::CartNotFound;
            else if (ordered)
              want = MessageNumber::CartAlreadyOrdered;
            else if (how == 1)
              want = MessageNumber::ChangeStateMismatch;
            else if (how == 3)
              want = MessageNumber::ContentMismatch;
            else if (how == 4)
              want = MessageNumber::NeitherStateNorContent;
            else if (!consistent)
              want = MessageNumber::CartInconsistent;
            CPPUNIT_ASSERT_EQUAL(name(want), name(refuse_release(cart, s, consistent)));
            ++cases;
          }
    CPPUNIT_ASSERT_EQUAL(40, cases);
  }

  void change_state_id_is_leading() {
    ReleaseSubmission s;
    s.change_state_id = "20261101120000";
    s.complete_request = true;
    s.same_content = false;  // not compared
    CPPUNIT_ASSERT_EQUAL(name(std::nullopt), name(refuse_release(kOpen, s, true)));
    s.change_state_id = "1";
    s.same_content = true;  // does not rescue a stale state
    CPPUNIT_ASSERT_EQUAL(name(MessageNumber::ChangeStateMismatch), name(refuse_release(kOpen, s, true)));
  }

  void cancel_only_unordered_carts() {
    CPPUNIT_ASSERT_EQUAL(name(MessageNumber::CartNotFound), name(refuse_cancel(std::nullopt, std::nullopt)));
    CPPUNIT_ASSERT_EQUAL(name(MessageNumber::CartAlreadyOrdered), name(refuse_cancel(kOrdered, std::nullopt)));
    CPPUNIT_ASSERT_EQUAL(name(MessageNumber::CartAlreadyOrdered),
                         name(refuse_cancel(kOrdered, std::string("20261101120000"))));
    CPPUNIT_ASSERT_EQUAL(name(std::nullopt), name(refuse_cancel(kOpen, std::nullopt)));
    CPPUNIT_ASSERT_EQUAL(name(std::nullopt), name(refuse_cancel(kOpen, std::string("20261101120000"))));
    CPPUNIT_ASSERT_EQUAL(name(MessageNumber::ChangeStateMismatch), name(refuse_cancel(kOpen, std::string("x"))));
  }

  void change_state_ids_are_timestamps_that_always_advance() {
    auto now = at(2026, 11, 23, 9, 5, 7);
    CPPUNIT_ASSERT_EQUAL(std::string("20261123090507"), next_change_state_id(now));
    CPPUNIT_ASSERT_EQUAL(std::string("20261123090507"), next_change_state_id(now, "20261101120000"));
    // Same second, or a clock that went back: one second after the last.
    CPPUNIT_ASSERT_EQUAL(std::string("20261123090508"), next_change_state_id(now, "20261123090507"));
    CPPUNIT_ASSERT_EQUAL(std::string("20270101000000"), next_change_state_id(now, "20261231235959"));
    // Not a timestamp (set by someone else): the clock decides.
    CPPUNIT_ASSERT_EQUAL(std::string("20261123090507"), next_change_state_id(now, "opaque-token"));
    CPPUNIT_ASSERT_EQUAL(std::string("20261123090507"), next_change_state_id(now, "20261340000000"));
  }

  void same_content_ignores_item_order_only() {
    std::vector<Item> stored{item("10", "2"), item("20", "1")};
    CPPUNIT_ASSERT(same_content({item("20", "1"), item("10", "2")}, stored));
    CPPUNIT_ASSERT(!same_content({item("10", "2")}, stored));
    CPPUNIT_ASSERT(!same_content({item("10", "2"), item("20", "3")}, stored));
    auto changed = stored;
    changed[1].note = "Desk lamp, black";
    CPPUNIT_ASSERT(!same_content(changed, stored));
    changed = stored;
    changed[0].quantity->unit_code.reset();
    CPPUNIT_ASSERT(!same_content(changed, stored));
    changed = stored;
    changed[0].limit_indicator = false;  // says what no indicator says
    CPPUNIT_ASSERT(same_content(changed, stored));
    changed[0].limit_indicator = true;
    CPPUNIT_ASSERT(!same_content(changed, stored));
  }

  void decimals_have_one_spelling() {
    CPPUNIT_ASSERT_EQUAL(std::string("2.5"), *canonical_decimal("02.500"));
    CPPUNIT_ASSERT_EQUAL(std::string("0"), *canonical_decimal("-0.0"));
    CPPUNIT_ASSERT_EQUAL(std::string("0.25"), *canonical_decimal(".25"));
    CPPUNIT_ASSERT_EQUAL(std::string("7"), *canonical_decimal("+7."));
    CPPUNIT_ASSERT_EQUAL(std::string("-1.05"), *canonical_decimal(" -1.05 "));
    CPPUNIT_ASSERT(!canonical_decimal("1e3"));
    CPPUNIT_ASSERT(!canonical_decimal("."));
    CPPUNIT_ASSERT(!canonical_decimal(""));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SrmCartActionsTest);

}  // namespace og::test
