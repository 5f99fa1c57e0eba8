// The stock transmission tables' contract (stock_store_contract.hpp) on a real SQLite file:
// one file per test, each open() another connection to it.
#include <cppunit/extensions/HelperMacros.h>

#include "store/sqlite_stores.hpp"
#include "store/stock_store_contract.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

class StockTablesTest : public contract::StockTables {
  CPPUNIT_TEST_SUB_SUITE(StockTablesTest, contract::StockTables);
  CPPUNIT_TEST_SUITE_END();

 public:
  StockTablesTest() {
    open_ = [this] { return open_sqlite_instance(dir_); };
  }

 private:
  TempDir dir_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(StockTablesTest);

}  // namespace og::test
