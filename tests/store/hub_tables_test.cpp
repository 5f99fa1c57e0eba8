// The hub tables' contract (hub_store_contract.hpp) on a real SQLite file:
// one file per test, each open() another connection to it.
#include <cppunit/extensions/HelperMacros.h>

#include "store/hub_store_contract.hpp"
#include "store/sqlite_stores.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

class HubTablesTest : public contract::HubTables {
  CPPUNIT_TEST_SUB_SUITE(HubTablesTest, contract::HubTables);
  CPPUNIT_TEST_SUITE_END();

 public:
  HubTablesTest() {
    open_ = [this] { return open_sqlite_instance(dir_); };
  }

 private:
  TempDir dir_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(HubTablesTest);

}  // namespace og::test
