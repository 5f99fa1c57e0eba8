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
};

CPPUNIT_TEST_SUITE_REGISTRATION(LifecycleTest);

}  // namespace og::test
