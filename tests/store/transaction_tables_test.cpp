// The Veloconnect transaction tables' contract (transaction_store_contract.hpp) on a real SQLite file:
// one file per test, each open() another connection to it.
#include <cppunit/extensions/HelperMacros.h>

#include "store/sqlite_stores.hpp"
#include "store/transaction_store_contract.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

class TransactionTablesTest : public contract::TransactionTables {
  CPPUNIT_TEST_SUB_SUITE(TransactionTablesTest, contract::TransactionTables);
  CPPUNIT_TEST_SUITE_END();

 public:
  TransactionTablesTest() {
    open_ = [this] { return open_sqlite_instance(dir_); };
  }

 private:
  TempDir dir_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(TransactionTablesTest);

}  // namespace og::test
