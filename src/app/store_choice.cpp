#include "app/store_choice.hpp"

#include <filesystem>

#include "store/postgres/pg_store.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace og::app {

bool is_postgres(const std::string& store) {
  return store.rfind("postgresql://", 0) == 0 || store.rfind("postgres://", 0) == 0;
}

std::string store_problem(const std::string& store) {
  if (store == "sqlite" || is_postgres(store)) return {};
  return "--store is sqlite or a postgresql:// URI, got '" + store + "'";
}

std::unique_ptr<store::Store> open_store(const StoreChoice& c) {
  if (is_postgres(c.store)) {
    store::postgres::PgOptions o;
    o.conninfo = c.store;
    o.connections = c.connections;
    o.seed = c.seed;
    return std::make_unique<store::postgres::PgStore>(std::move(o));
  }
  std::filesystem::create_directories(c.data_dir);
  store::sqlite::SqliteOptions o;
  o.path = (std::filesystem::path(c.data_dir) / "ordergate.db").string();
  o.durability = c.power_durability ? store::sqlite::Durability::Power : store::sqlite::Durability::Process;
  o.fail_commits = c.fail_commits;
  o.commit_interval = std::chrono::microseconds(c.commit_interval_us);
  o.slow_commits = std::chrono::microseconds(c.slow_commits_us);
  o.gather_wal_writes = c.gather_wal_writes;
  o.seed = c.seed;
  o.migrated = c.migrated;
  return std::make_unique<store::sqlite::SqliteStore>(std::move(o));
}

std::string store_location(const StoreChoice& c) {
  if (!is_postgres(c.store)) return (std::filesystem::path(c.data_dir) / "ordergate.db").string();
  // postgresql://user:password@host...: the password stays out of the log.
  auto text = c.store;
  auto scheme = text.find("://");
  auto at = text.find('@', scheme);
  auto colon = text.find(':', scheme + 3);
  if (at != std::string::npos && colon != std::string::npos && colon < at) text.replace(colon, at - colon, ":***");
  return text;
}

}  // namespace og::app
