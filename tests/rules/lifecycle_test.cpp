// Idle instances end by themselves, and searches never lock ordering out:
// every kind × state × age around the lifetime, and every count around the limits.
#include <cppunit/extensions/HelperMacros.h>

#include "rules/veloconnect/lifecycle.hpp"

namespace og::test {

using namespace rules::veloconnect;
using std::chrono::seconds;
using std::chrono::sys_seconds;

class LifecycleTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(LifecycleTest);
  CPPUNIT_TEST(open_instances_end_only_after_their_kinds_lifetime);
  CPPUNIT_TEST(final_instances_never_end_again);
  CPPUNIT_TEST(defaults_are_a_day_for_orders_and_an_hour_for_searches);
  CPPUNIT_TEST(orders_and_searches_have_limits_of_their_own);
  CPPUNIT_TEST(a_full_search_limit_ends_the_oldest_search_instead_of_421);
  CPPUNIT_TEST(a_zero_limit_refuses);
  CPPUNIT_TEST(the_online_shop_instance_never_ends_and_is_never_opened);
  CPPUNIT_TEST(transmissions_live_and_make_room_like_searches);
  CPPUNIT_TEST_SUITE_END();

 public:
  void open_instances_end_only_after_their_kinds_lifetime() {
    Lifetimes l{seconds(100), seconds(10)};
    sys_seconds updated{seconds(1'000'000)};
    for (auto kind : {TransactionKind::Order, TransactionKind::TextSearch}) {
      seconds life = kind == TransactionKind::Order ? seconds(100) : seconds(10);
      for (int state : {1, 2, 49, 50, 99}) {
        for (long age : {0L, 1L, life.count() - 1, life.count(), life.count() + 1, 10 * life.count()}) {
          bool ended = ended_idle(kind, state, updated, updated + seconds(age), l);
          CPPUNIT_ASSERT_EQUAL(age > life.count(), ended);
          CPPUNIT_ASSERT_EQUAL(ended ? state::kEndedByServer : state,
                               effective_state(kind, state, updated, updated + seconds(age), l));
        }
      }
    }
  }

  void final_instances_never_end_again() {
    Lifetimes l{seconds(1), seconds(1)};
    sys_seconds updated{seconds(0)};
    for (auto kind : {TransactionKind::Order, TransactionKind::TextSearch})
      for (int state : {100, 150, state::kEndedByServer, state::kRolledBack}) {
        CPPUNIT_ASSERT(!ended_idle(kind, state, updated, updated + seconds(1'000'000), l));
        CPPUNIT_ASSERT_EQUAL(state, effective_state(kind, state, updated, updated + seconds(1'000'000), l));
      }
  }

  void defaults_are_a_day_for_orders_and_an_hour_for_searches() {
    Lifetimes l;
    CPPUNIT_ASSERT(lifetime(TransactionKind::Order, l) == std::chrono::hours(24));
    CPPUNIT_ASSERT(lifetime(TransactionKind::TextSearch, l) == std::chrono::hours(1));
    CPPUNIT_ASSERT(state::kEndedByServer >= state::kFinal && state::kEndedByServer < 200);
    CPPUNIT_ASSERT(state::kEndedByServer != state::kRolledBack);
  }

  void orders_and_searches_have_limits_of_their_own() {
    InstanceLimits limits{3, 5};
    for (long open = 0; open < 3; ++open)
      CPPUNIT_ASSERT(make_room(TransactionKind::Order, open, limits) == Room::Available);
    CPPUNIT_ASSERT(make_room(TransactionKind::Order, 3, limits) == Room::Full);
    CPPUNIT_ASSERT(make_room(TransactionKind::Order, 4, limits) == Room::Full);
    for (long open = 0; open < 5; ++open)
      CPPUNIT_ASSERT(make_room(TransactionKind::TextSearch, open, limits) == Room::Available);
  }

  void a_full_search_limit_ends_the_oldest_search_instead_of_421() {
    InstanceLimits limits{1, 2};
    for (long open : {2L, 3L, 10000L})
      CPPUNIT_ASSERT(make_room(TransactionKind::TextSearch, open, limits) == Room::EndOldestSearch);
  }

  void a_zero_limit_refuses() {
    InstanceLimits none{0, 0};
    CPPUNIT_ASSERT(make_room(TransactionKind::Order, 0, none) == Room::Full);
    CPPUNIT_ASSERT(make_room(TransactionKind::TextSearch, 0, none) == Room::Full);
  }

  void the_online_shop_instance_never_ends_and_is_never_opened() {
    sys_seconds updated{seconds(0)};
    for (Lifetimes l : {Lifetimes{}, Lifetimes{seconds(0), seconds(0)}, Lifetimes{seconds(1), seconds(1)}})
      for (int state = 1; state < 200; ++state)
        for (long age : {0L, 1L, 86'401L, 100'000'000L}) {
          CPPUNIT_ASSERT(!ended_idle(TransactionKind::OrderInOnlineShop, state, updated, updated + seconds(age), l));
          CPPUNIT_ASSERT_EQUAL(
              state, effective_state(TransactionKind::OrderInOnlineShop, state, updated, updated + seconds(age), l));
        }
    for (InstanceLimits limits : {InstanceLimits{}, InstanceLimits{0, 0}, InstanceLimits{1000000, 1000000}})
      for (long open : {0L, 1L, 999L, 1000000L})
        CPPUNIT_ASSERT(make_room(TransactionKind::OrderInOnlineShop, open, limits) == Room::Full);
  }

  void transmissions_live_and_make_room_like_searches() {
    for (auto kind : {TransactionKind::StockTransmission, TransactionKind::SaleTransmission,
                      TransactionKind::SaleB2XTransmission}) {
      Lifetimes l{seconds(100), seconds(10)};
      CPPUNIT_ASSERT(lifetime(kind, l) == seconds(10));
      sys_seconds updated{seconds(1'000'000)};
      for (long age : {0L, 9L, 10L, 11L, 1000L})
        CPPUNIT_ASSERT_EQUAL(age > 10, ended_idle(kind, 2, updated, updated + seconds(age), l));
      InstanceLimits limits{1, 1, 3};
      for (long open = 0; open < 3; ++open) CPPUNIT_ASSERT(make_room(kind, open, limits) == Room::Available);
      for (long open : {3L, 4L, 10000L}) CPPUNIT_ASSERT(make_room(kind, open, limits) == Room::EndOldestSearch);
      // Their limit is their own: full orders and searches leave it alone, and the reverse.
      CPPUNIT_ASSERT(make_room(kind, 0, InstanceLimits{0, 0, 3}) == Room::Available);
      CPPUNIT_ASSERT(make_room(TransactionKind::Order, 0, InstanceLimits{1, 1, 0}) == Room::Available);
      CPPUNIT_ASSERT(make_room(TransactionKind::TextSearch, 0, InstanceLimits{1, 1, 0}) == Room::Available);
      CPPUNIT_ASSERT(make_room(kind, 0, InstanceLimits{1, 1, 0}) == Room::Full);
    }
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(LifecycleTest);

}  // namespace og::test
