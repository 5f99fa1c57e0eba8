// Which store a process opens: the embedded SQLite file in the data folder
// (the default), or a PostgreSQL database that several instances share
// (--store postgresql://...). The server and the operator's commands choose
// the same way.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "store/store.hpp"

namespace og::app {

struct StoreChoice {
  std::string data_dir = "./data";
  std::string store = "sqlite";  // or a postgresql:// (postgres://) URI
  int connections = 4;           // PostgreSQL: connections (and threads) per process
  // SQLite's own (the server's flags).
  bool power_durability = false;
  bool fail_commits = false;
  long commit_interval_us = 1000;
  long slow_commits_us = 0;
  // SQLite: the server gathers its WAL writes (sqlite/wal_buffer.hpp); an
  // operator's command, which a server may be reading meanwhile, must not.
  bool gather_wal_writes = true;
  // A new database's first data, in the transaction that creates it.
  std::function<void(store::UnitOfWork&)> seed;
  // SQLite: data an existing database needs after it was migrated from `from_version`.
  std::function<void(store::UnitOfWork&, int from_version)> migrated;
};

bool is_postgres(const std::string& store);
// "" when `store` names a store this build can open, else why not.
std::string store_problem(const std::string& store);

std::unique_ptr<store::Store> open_store(const StoreChoice& choice);

// Where the data is, for the log: the SQLite file, or the database without its password.
std::string store_location(const StoreChoice& choice);

}  // namespace og::app
