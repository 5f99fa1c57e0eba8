// The hub tables' contract (hub_store_contract.hpp) on a real PostgreSQL
// server: a database of its own per test, each open() another instance with
// its own connections.
#include <cppunit/extensions/HelperMacros.h>

#include "postgres/postgres_database.hpp"
#include "store/hub_store_contract.hpp"
#include "store/postgres/pg_store.hpp"

namespace og::test {

class PgHubTablesTest : public contract::HubTables {
  CPPUNIT_TEST_SUB_SUITE(PgHubTablesTest, contract::HubTables);
  CPPUNIT_TEST_SUITE_END();

 public:
  PgHubTablesTest() {
    open_ = [this] {
      return std::make_unique<store::postgres::PgStore>(store::postgres::PgOptions{database_.conninfo()});
    };
  }

 private:
  PostgresDatabase database_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(PgHubTablesTest);

}  // namespace og::test
