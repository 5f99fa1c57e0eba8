// The catalogue tables' contract (catalog_store_contract.hpp) on a real SQLite file:
// one file per test, each open() another connection to it.
#include <cppunit/extensions/HelperMacros.h>

#include "store/catalog_store_contract.hpp"
#include "store/sqlite_stores.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

class CatalogTablesTest : public contract::CatalogTables {
  CPPUNIT_TEST_SUB_SUITE(CatalogTablesTest, contract::CatalogTables);
  CPPUNIT_TEST_SUITE_END();

 public:
  CatalogTablesTest() {
    open_ = [this] { return open_sqlite_instance(dir_); };
  }

 private:
  TempDir dir_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(CatalogTablesTest);

}  // namespace og::test
