// The catalogue tables' contract (catalog_store_contract.hpp) on a real PostgreSQL
// server: a database of its own per test, each open() another instance with
// its own connections.
#include <cppunit/extensions/HelperMacros.h>

#include "postgres/postgres_database.hpp"
#include "store/catalog_store_contract.hpp"
#include "store/postgres/pg_store.hpp"

namespace og::test {

class PgCatalogTablesTest : public contract::CatalogTables {
  CPPUNIT_TEST_SUB_SUITE(PgCatalogTablesTest, contract::CatalogTables);
  CPPUNIT_TEST_SUITE_END();

 public:
  PgCatalogTablesTest() {
    open_ = [this] {
      return std::make_unique<store::postgres::PgStore>(store::postgres::PgOptions{database_.conninfo()});
    };
  }

 private:
  PostgresDatabase database_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(PgCatalogTablesTest);

}  // namespace og::test
