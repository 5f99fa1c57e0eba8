// The sale transmission tables' contract (sale_store_contract.hpp) on a real PostgreSQL
// server: a database of its own per test, each open() another instance with
// its own connections.
#include <cppunit/extensions/HelperMacros.h>

#include "postgres/postgres_database.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/sale_store_contract.hpp"

namespace og::test {

class PgSaleTablesTest : public contract::SaleTables {
  CPPUNIT_TEST_SUB_SUITE(PgSaleTablesTest, contract::SaleTables);
  CPPUNIT_TEST_SUITE_END();

 public:
  PgSaleTablesTest() {
    open_ = [this] {
      return std::make_unique<store::postgres::PgStore>(store::postgres::PgOptions{database_.conninfo()});
    };
  }

 private:
  PostgresDatabase database_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(PgSaleTablesTest);

}  // namespace og::test
