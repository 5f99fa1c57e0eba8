// The sale transmission tables' contract (sale_store_contract.hpp) on a real SQLite file:
// one file per test, each open() another connection to it.
#include <cppunit/extensions/HelperMacros.h>

#include "store/sale_store_contract.hpp"
#include "store/sqlite_stores.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

class SaleTablesTest : public contract::SaleTables {
  CPPUNIT_TEST_SUB_SUITE(SaleTablesTest, contract::SaleTables);
  CPPUNIT_TEST_SUITE_END();

 public:
  SaleTablesTest() {
    open_ = [this] { return open_sqlite_instance(dir_); };
  }

 private:
  TempDir dir_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(SaleTablesTest);

}  // namespace og::test
