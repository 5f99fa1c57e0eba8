// The SRM tables' contract (cart_store_contract.hpp) on a real SQLite file:
// one file per test, each open() another connection to it.
#include <cppunit/extensions/HelperMacros.h>

#include "store/cart_store_contract.hpp"
#include "store/sqlite_stores.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

class CartTablesTest : public contract::CartTables {
  CPPUNIT_TEST_SUB_SUITE(CartTablesTest, contract::CartTables);
  CPPUNIT_TEST_SUITE_END();

 public:
  CartTablesTest() {
    open_ = [this] { return open_sqlite_instance(dir_); };
  }

 private:
  TempDir dir_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(CartTablesTest);

}  // namespace og::test
