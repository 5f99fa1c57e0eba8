// The catalogue tables' contract (catalog_store_contract.hpp) on a real SQLite
// file: one file per test.
#include <cppunit/extensions/HelperMacros.h>

#include "store/catalog_store_contract.hpp"
#include "store/sqlite_stores.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

class CatalogTablesTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(CatalogTablesTest);
  CPPUNIT_TEST(item_round_trip_keeps_exact_decimals);
  CPPUNIT_TEST(classification_groups_keep_their_order_per_seller);
  CPPUNIT_TEST(buyer_round_trip_keeps_binary_secrets);
  CPPUNIT_TEST(search_matches_all_terms_as_substrings);
  CPPUNIT_TEST(bulk_items_are_searchable_and_later_ones_too);
  CPPUNIT_TEST(exception_in_unit_of_work_keeps_nothing);
  CPPUNIT_TEST(sellers_keep_their_own_catalogues);
  CPPUNIT_TEST(search_pages_in_item_number_order);
  CPPUNIT_TEST_SUITE_END();

 public:
  void item_round_trip_keeps_exact_decimals() { contract::item_round_trip_keeps_exact_decimals(open_); }
  void classification_groups_keep_their_order_per_seller() {
    contract::classification_groups_keep_their_order_per_seller(open_);
  }
  void buyer_round_trip_keeps_binary_secrets() { contract::buyer_round_trip_keeps_binary_secrets(open_); }
  void search_matches_all_terms_as_substrings() { contract::search_matches_all_terms_as_substrings(open_); }
  void bulk_items_are_searchable_and_later_ones_too() { contract::bulk_items_are_searchable_and_later_ones_too(open_); }
  void exception_in_unit_of_work_keeps_nothing() { contract::exception_in_unit_of_work_keeps_nothing(open_); }
  void sellers_keep_their_own_catalogues() { contract::sellers_keep_their_own_catalogues(open_); }
  void search_pages_in_item_number_order() { contract::search_pages_in_item_number_order(open_); }

 private:
  TempDir dir_;
  contract::OpenStore open_ = [this] { return open_sqlite_instance(dir_); };
};

CPPUNIT_TEST_SUITE_REGISTRATION(CatalogTablesTest);

}  // namespace og::test
