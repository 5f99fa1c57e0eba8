// The receipt tables' contract (receipt_store_contract.hpp) on a real SQLite
// file: one file per test.
#include <cppunit/extensions/HelperMacros.h>

#include "store/receipt_store_contract.hpp"
#include "store/sqlite_stores.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

class ReceiptTablesTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(ReceiptTablesTest);
  CPPUNIT_TEST(delivery_note_round_trip_keeps_every_field);
  CPPUNIT_TEST(invoice_round_trip_keeps_sums_and_vat);
  CPPUNIT_TEST(loading_again_replaces_the_document_whole);
  CPPUNIT_TEST(kinds_buyers_and_sellers_are_apart);
  CPPUNIT_TEST(headers_newest_first_in_their_window);
  CPPUNIT_TEST(headers_list_what_lines_refer_to_once_in_order);
  CPPUNIT_TEST(headers_filtered_as_the_rule_says);
  CPPUNIT_TEST(orders_are_read_as_confirmations);
  CPPUNIT_TEST(a_failed_unit_keeps_no_part_of_a_document);
  CPPUNIT_TEST_SUITE_END();

 public:
  void delivery_note_round_trip_keeps_every_field() { contract::delivery_note_round_trip_keeps_every_field(open_); }
  void invoice_round_trip_keeps_sums_and_vat() { contract::invoice_round_trip_keeps_sums_and_vat(open_); }
  void loading_again_replaces_the_document_whole() { contract::loading_again_replaces_the_document_whole(open_); }
  void kinds_buyers_and_sellers_are_apart() { contract::kinds_buyers_and_sellers_are_apart(open_); }
  void headers_newest_first_in_their_window() { contract::headers_newest_first_in_their_window(open_); }
  void headers_list_what_lines_refer_to_once_in_order() {
    contract::headers_list_what_lines_refer_to_once_in_order(open_);
  }
  void headers_filtered_as_the_rule_says() { contract::headers_filtered_as_the_rule_says(open_); }
  void orders_are_read_as_confirmations() { contract::orders_are_read_as_confirmations(open_); }
  void a_failed_unit_keeps_no_part_of_a_document() { contract::a_failed_unit_keeps_no_part_of_a_document(open_); }

 private:
  TempDir dir_;
  contract::OpenStore open_ = [this] { return open_sqlite_instance(dir_); };
};

CPPUNIT_TEST_SUITE_REGISTRATION(ReceiptTablesTest);

}  // namespace og::test
