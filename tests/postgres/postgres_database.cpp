#include "postgres/postgres_database.hpp"

#include <cppunit/extensions/HelperMacros.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <fstream>

namespace og::test {

std::string PostgresDatabase::server_conninfo() {
  std::ifstream in(std::string(OG_POSTGRES_STATE) + "/conninfo");
  std::string line;
  std::getline(in, line);
  CPPUNIT_ASSERT_MESSAGE(
      "no test PostgreSQL server: ctest starts it (fixture postgres_server); by hand: "
      "tests/postgres/postgres_server start " OG_POSTGRES_STATE,
      !line.empty());
  return line;
}

void postgres_exec(const std::string& conninfo, const std::string& sql) {
  PGconn* c = PQconnectdb(conninfo.c_str());
  std::string error;
  if (PQstatus(c) != CONNECTION_OK) {
    error = PQerrorMessage(c);
  } else {
    PQsetNoticeProcessor(
        c, [](void*, const char*) {}, nullptr);
    PGresult* r = PQexec(c, sql.c_str());
    if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) error = PQresultErrorMessage(r);
    PQclear(r);
  }
  PQfinish(c);
  CPPUNIT_ASSERT_MESSAGE(sql + ": " + error, error.empty());
}

PostgresDatabase::PostgresDatabase() {
  static std::atomic<int> counter{0};
  name_ = "og_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  auto server = server_conninfo();
  postgres_exec(server, "DROP DATABASE IF EXISTS " + name_);
  postgres_exec(server, "CREATE DATABASE " + name_ + " STRATEGY = FILE_COPY");
  conninfo_ = server + " dbname=" + name_;
}

PostgresDatabase::~PostgresDatabase() {
  try {
    postgres_exec(server_conninfo(), "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (...) {
  }
}

}  // namespace og::test
