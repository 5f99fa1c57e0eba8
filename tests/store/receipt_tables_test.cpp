// The receipt tables' contract (receipt_store_contract.hpp) on a real SQLite file:
// one file per test, each open() another connection to it.
#include <cppunit/extensions/HelperMacros.h>

#include "store/receipt_store_contract.hpp"
#include "store/sqlite_stores.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

class ReceiptTablesTest : public contract::ReceiptTables {
  CPPUNIT_TEST_SUB_SUITE(ReceiptTablesTest, contract::ReceiptTables);
  CPPUNIT_TEST_SUITE_END();

 public:
  ReceiptTablesTest() {
    open_ = [this] { return open_sqlite_instance(dir_); };
  }

 private:
  TempDir dir_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(ReceiptTablesTest);

}  // namespace og::test
