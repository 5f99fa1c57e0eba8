// A database of the test's own on the tests' PostgreSQL server (started by
// ctest's fixture, tests/postgres/postgres_server), dropped at scope exit.
// Without that server the test fails: it never passes by skipping.
#pragma once
#include <string>

namespace og::test {

class PostgresDatabase {
 public:
  PostgresDatabase();
  ~PostgresDatabase();
  PostgresDatabase(const PostgresDatabase&) = delete;
  PostgresDatabase& operator=(const PostgresDatabase&) = delete;

  // libpq connection string of this database.
  const std::string& conninfo() const { return conninfo_; }
  // The server's own (dbname=postgres): for creating and dropping.
  static std::string server_conninfo();

 private:
  std::string name_;
  std::string conninfo_;
};

// Runs one statement on `conninfo`; fails the test when it fails.
void postgres_exec(const std::string& conninfo, const std::string& sql);

}  // namespace og::test
