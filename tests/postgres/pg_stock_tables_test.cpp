// The stock transmission tables' contract (stock_store_contract.hpp) on a real PostgreSQL
// server: a database of its own per test, each open() another instance with
// its own connections.
#include <cppunit/extensions/HelperMacros.h>

#include "postgres/postgres_database.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/stock_store_contract.hpp"

namespace og::test {

class PgStockTablesTest : public contract::StockTables {
  CPPUNIT_TEST_SUB_SUITE(PgStockTablesTest, contract::StockTables);
  CPPUNIT_TEST_SUITE_END();

 public:
  PgStockTablesTest() {
    open_ = [this] {
      return std::make_unique<store::postgres::PgStore>(store::postgres::PgOptions{database_.conninfo()});
    };
  }

 private:
  PostgresDatabase database_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(PgStockTablesTest);

}  // namespace og::test
