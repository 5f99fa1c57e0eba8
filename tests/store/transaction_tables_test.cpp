// The Veloconnect transaction tables' contract (transaction_store_contract.hpp)
// on a real SQLite file: one file per test, each open() another connection to it.
#include <cppunit/extensions/HelperMacros.h>

#include "store/sqlite_stores.hpp"
#include "store/transaction_store_contract.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

class TransactionTablesTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(TransactionTablesTest);
  CPPUNIT_TEST(transaction_round_trip_keeps_every_field);
  CPPUNIT_TEST(updating_a_missing_transaction_is_refused);
  CPPUNIT_TEST(lines_upsert_and_remove);
  CPPUNIT_TEST(line_round_trip_keeps_optional_fields);
  CPPUNIT_TEST(orders_are_numbered);
  CPPUNIT_TEST(clear_lines_empties_one_transaction_only);
  CPPUNIT_TEST(permanent_and_stock_instances_are_never_ended_as_orders_or_searches);
  CPPUNIT_TEST(transactions_are_per_buyer);
  CPPUNIT_TEST(concurrent_orders_on_two_instances_get_distinct_numbers);
  CPPUNIT_TEST(a_failed_unit_keeps_nothing);
  CPPUNIT_TEST(purge_removes_ended_instances_and_their_lines_only);
  CPPUNIT_TEST_SUITE_END();

 public:
  void transaction_round_trip_keeps_every_field() { contract::transaction_round_trip_keeps_every_field(open_); }
  void updating_a_missing_transaction_is_refused() { contract::updating_a_missing_transaction_is_refused(open_); }
  void lines_upsert_and_remove() { contract::lines_upsert_and_remove(open_); }
  void line_round_trip_keeps_optional_fields() { contract::line_round_trip_keeps_optional_fields(open_); }
  void orders_are_numbered() { contract::orders_are_numbered(open_); }
  void clear_lines_empties_one_transaction_only() { contract::clear_lines_empties_one_transaction_only(open_); }
  void permanent_and_stock_instances_are_never_ended_as_orders_or_searches() {
    contract::permanent_and_stock_instances_are_never_ended_as_orders_or_searches(open_);
  }
  void transactions_are_per_buyer() { contract::transactions_are_per_buyer(open_); }
  void concurrent_orders_on_two_instances_get_distinct_numbers() {
    contract::concurrent_orders_on_two_instances_get_distinct_numbers(open_);
  }
  void a_failed_unit_keeps_nothing() { contract::a_failed_unit_keeps_nothing(open_); }
  void purge_removes_ended_instances_and_their_lines_only() {
    contract::purge_removes_ended_instances_and_their_lines_only(open_);
  }

 private:
  TempDir dir_;
  contract::OpenStore open_ = [this] { return open_sqlite_instance(dir_); };
};

CPPUNIT_TEST_SUITE_REGISTRATION(TransactionTablesTest);

}  // namespace og::test
