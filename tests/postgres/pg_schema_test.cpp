// The PostgreSQL schema as the store makes it: the shared description
// (store/sql/tables.hpp) column by column, made once when several instances
// start at the same time, brought up to date once when an older ordergate
// made it, and refused when a newer ordergate made it.
#include <cppunit/extensions/HelperMacros.h>
#include <libpq-fe.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "postgres/postgres_database.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/postgres/schema.hpp"
#include "store/sql/tables.hpp"

namespace og::test {

namespace {

std::vector<std::vector<std::string>> query(const std::string& conninfo, const std::string& sql) {
  PGconn* c = PQconnectdb(conninfo.c_str());
  PGresult* r = PQexec(c, sql.c_str());
  std::vector<std::vector<std::string>> out;
  bool ok = PQresultStatus(r) == PGRES_TUPLES_OK;
  std::string error = ok ? "" : PQresultErrorMessage(r);
  for (int i = 0; ok && i < PQntuples(r); ++i) {
    std::vector<std::string> row;
    for (int j = 0; j < PQnfields(r); ++j) row.emplace_back(PQgetisnull(r, i, j) ? "<null>" : PQgetvalue(r, i, j));
    out.push_back(std::move(row));
  }
  PQclear(r);
  PQfinish(c);
  CPPUNIT_ASSERT_MESSAGE(sql + ": " + error, ok);
  return out;
}

std::string type_name(store::sql::ColumnType type) {
  switch (type) {
    case store::sql::ColumnType::Text: return "text";
    case store::sql::ColumnType::Integer: return "bigint";
    case store::sql::ColumnType::Blob: return "bytea";
  }
  return "?";
}

}  // namespace

class PgSchemaTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(PgSchemaTest);
  CPPUNIT_TEST(the_schema_is_the_shared_description);
  CPPUNIT_TEST(instances_starting_together_create_it_once);
  CPPUNIT_TEST(an_older_schema_gets_what_was_added_since);
  CPPUNIT_TEST(a_newer_schema_is_refused);
  CPPUNIT_TEST(a_new_database_is_seeded_once_or_not_made);
  CPPUNIT_TEST_SUITE_END();

 public:
  void the_schema_is_the_shared_description() {
    PostgresDatabase database;
    store::postgres::PgStore s({database.conninfo()});
    CPPUNIT_ASSERT(s.created());
    for (const auto& table : store::sql::shared_tables()) {
      std::string name(table.name);
      auto columns = query(database.conninfo(),
                           "SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns "
                           "WHERE table_name = '" +
                               name + "' ORDER BY ordinal_position");
      CPPUNIT_ASSERT_EQUAL_MESSAGE(name, table.columns.size(), columns.size());
      for (std::size_t i = 0; i < columns.size(); ++i) {
        const auto& want = table.columns[i];
        auto where = name + "." + std::string(want.name);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(where, std::string(want.name), columns[i][0]);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(where + ": type", type_name(want.type), columns[i][1]);
        bool key = std::find(table.primary_key.begin(), table.primary_key.end(), want.name) != table.primary_key.end();
        CPPUNIT_ASSERT_EQUAL_MESSAGE(where + ": NOT NULL", want.not_null || key, columns[i][2] == "NO");
      }
      auto indexes =
          query(database.conninfo(),
                "SELECT count(*) FROM pg_indexes WHERE tablename = '" + name +
                    "' AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key' AND indexname <> 'items_text'");
      CPPUNIT_ASSERT_EQUAL_MESSAGE(name + ": indexes", std::to_string(table.indexes.size()), indexes.at(0).at(0));
      // A partial index is partial here too (PostgreSQL words the condition its own way).
      for (const auto& i : table.indexes) {
        auto def = query(database.conninfo(),
                         "SELECT indexdef FROM pg_indexes WHERE indexname = '" + std::string(i.name) + "'");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string(i.name) + ": partial", !i.where.empty(),
                                     def.at(0).at(0).find(" WHERE ") != std::string::npos);
      }
      auto keys = query(database.conninfo(),
                        "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f' AND conrelid = '" +
                            name + "'::regclass ORDER BY 1");
      std::vector<std::vector<std::string>> want_keys;
      for (const auto& f : table.foreign_keys)
        want_keys.push_back({"FOREIGN KEY (" + std::string(f.column) + ") REFERENCES " + std::string(f.table) + "(" +
                             std::string(f.table_column) + ") ON DELETE CASCADE"});
      std::sort(want_keys.begin(), want_keys.end());
      CPPUNIT_ASSERT_MESSAGE(name + ": foreign keys", want_keys == keys);
    }
  }

  void instances_starting_together_create_it_once() {
    PostgresDatabase database;
    std::vector<std::unique_ptr<store::postgres::PgStore>> stores(4);
    std::vector<std::thread> starts;
    for (auto& s : stores)
      starts.emplace_back([&] {
        s = std::make_unique<store::postgres::PgStore>(store::postgres::PgOptions{database.conninfo(), 1});
      });
    for (auto& t : starts) t.join();
    int created = 0;
    for (auto& s : stores) created += s->created() ? 1 : 0;
    CPPUNIT_ASSERT_EQUAL(1, created);
    CPPUNIT_ASSERT_EQUAL(std::string("1"),
                         query(database.conninfo(), "SELECT count(*) FROM ordergate_schema").at(0).at(0));
  }

  void an_older_schema_gets_what_was_added_since() {
    PostgresDatabase database;
    {
      store::postgres::PgStore s({database.conninfo()});
      s.write_now([](store::UnitOfWork& u) { u.sellers().put_seller({"acme", "Acme"}); });
    }
    // What version 1 made: no stock or sale tables, no claims on the hub's
    // outbox entries, and no index for the callbacks due.
    for (const char* table : {"stock_lines", "stock_transmissions", "sale_serial_numbers", "sale_lines",
                              "sale_transmissions", "sale_b2x_quantities", "sale_b2x_lines"})
      postgres_exec(database.conninfo(), std::string("DROP TABLE ") + table);
    postgres_exec(database.conninfo(), "ALTER TABLE hub_dispatches DROP COLUMN lease");
    postgres_exec(database.conninfo(), "ALTER TABLE hub_callbacks DROP COLUMN lease");
    postgres_exec(database.conninfo(), "DROP INDEX hub_callbacks_due");
    postgres_exec(database.conninfo(), "UPDATE ordergate_schema SET version = 1");
    // Instances starting at once: one upgrades, the others find it done.
    std::vector<std::unique_ptr<store::postgres::PgStore>> stores(3);
    std::vector<std::thread> starts;
    for (auto& s : stores)
      starts.emplace_back([&] {
        s = std::make_unique<store::postgres::PgStore>(store::postgres::PgOptions{database.conninfo(), 1});
      });
    for (auto& t : starts) t.join();
    for (auto& s : stores) CPPUNIT_ASSERT(!s->created());
    CPPUNIT_ASSERT((query(database.conninfo(), "SELECT version FROM ordergate_schema ORDER BY version") ==
                    std::vector<std::vector<std::string>>{{"1"}, {std::to_string(store::postgres::kSchemaVersion)}}));
    auto& s = *stores.front();
    CPPUNIT_ASSERT(s.read_now([](store::ReadView& r) { return r.sellers().seller("acme").has_value(); }));
    model::StockTransmission t{"ST-1", "B1", model::StockVariant::B2C, "2026-12-07T09:00:00Z", "Complete", 0, "now"};
    s.write_now([&](store::UnitOfWork& u) {
      u.stock("acme").insert_transmission(t, {});
      u.sales("acme").insert_sale_transmission({"SA-1", "B1", "2026-12-07T09:00:00Z", 0, "now"}, {});
    });
    CPPUNIT_ASSERT(s.read_now([](store::ReadView& r) { return r.stock("acme").transmission("B1", "ST-1"); }) == t);
    CPPUNIT_ASSERT(s.read_now([](store::ReadView& r) { return r.sales("acme").sale_transmission("B1", "SA-1"); }));
    // The columns (with their default) and the index are back.
    auto count = [&](const std::string& sql) { return query(database.conninfo(), sql).at(0).at(0); };
    CPPUNIT_ASSERT_EQUAL(std::string("2"), count("SELECT count(*) FROM information_schema.columns WHERE "
                                                 "column_name = 'lease' AND is_nullable = 'NO' AND "
                                                 "column_default IS NOT NULL"));
    CPPUNIT_ASSERT_EQUAL(std::string("1"),
                         count("SELECT count(*) FROM pg_indexes WHERE indexname = 'hub_callbacks_due'"));
    auto claimed = s.write_now([](store::UnitOfWork& u) {
      return u.hub().claim_dispatches({"x/1", "2026-12-07T09:00:00Z", "2026-12-07T09:01:00Z"}, 10);
    });
    CPPUNIT_ASSERT(claimed.empty());
  }

  void a_newer_schema_is_refused() {
    PostgresDatabase database;
    { store::postgres::PgStore s({database.conninfo()}); }
    postgres_exec(database.conninfo(), "INSERT INTO ordergate_schema (version) VALUES (99)");
    CPPUNIT_ASSERT_THROW(store::postgres::PgStore({database.conninfo()}), store::StoreError);
    store::postgres::PgOptions unreachable{"host=127.0.0.1 port=1 user=og dbname=postgres connect_timeout=2"};
    CPPUNIT_ASSERT_THROW(store::postgres::PgStore{unreachable}, store::StoreError);
  }

  void a_new_database_is_seeded_once_or_not_made() {
    PostgresDatabase database;
    store::postgres::PgOptions failing{database.conninfo()};
    failing.seed = [](store::UnitOfWork& u) {
      u.sellers().put_seller({"acme", "Acme"});
      throw std::runtime_error("the seed failed halfway");
    };
    CPPUNIT_ASSERT_THROW(store::postgres::PgStore{failing}, std::runtime_error);
    // Nothing of it: no schema, so the next start creates and seeds it.
    store::postgres::PgOptions seeding{database.conninfo()};
    int seeded = 0;
    seeding.seed = [&](store::UnitOfWork& u) {
      ++seeded;
      u.sellers().put_seller({"acme", "Acme"});
    };
    {
      store::postgres::PgStore s(seeding);
      CPPUNIT_ASSERT(s.created());
    }
    store::postgres::PgStore again(seeding);
    CPPUNIT_ASSERT(!again.created());
    CPPUNIT_ASSERT_EQUAL(1, seeded);
    CPPUNIT_ASSERT(again.read_now([](store::ReadView& r) { return r.sellers().seller("acme").has_value(); }));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(PgSchemaTest);

}  // namespace og::test
