// The embedded default store: one SQLite file in WAL mode, held by this
// process alone (exclusive locking) through one connection that the worker
// threads take turns on. Exclusive locking keeps the WAL index in memory, so a
// read is a B-tree lookup with no system call; a shared file would cost two
// fcntl() and an fstat() per read, more than the lookup itself. The price: no
// other process may open the database while ordergate runs (stop it, or use
// the sqlite3 .backup of a copy, for maintenance).
#pragma once
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "store/store.hpp"

namespace og::store::sqlite {

class Connection;

enum class Durability {
  // A commit is in the WAL before the answer: survives a crash or kill -9 of
  // the process. The OS may still lose it on power failure.
  Process,
  // fsync on every commit: survives power failure too.
  Power,
};

struct SqliteOptions {
  std::string path;
  Durability durability = Durability::Process;
  // Testing aid: every commit fails as if the disk were gone.
  bool fail_commits = false;
  // Runs in the same transaction as the schema's creation: a new database has
  // its initial data or does not exist at all.
  std::function<void(UnitOfWork&)> seed;
  // Runs in the same transaction when an existing database was migrated from
  // `from_version` (so data that a new migration's tables need can come along).
  std::function<void(UnitOfWork&, int from_version)> migrated;
};

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(SqliteOptions options);
  ~SqliteStore() override;

  void read(const std::function<void(Reader&)>& work) override;
  void write(const std::function<void(UnitOfWork&)>& work) override;
  bool created() const override { return created_; }

 private:
  struct Tables;
  std::unique_ptr<Connection> open_connection() const;

  SqliteOptions options_;
  bool created_ = false;
  std::mutex mutex_;
  std::unique_ptr<Tables> tables_;
};

}  // namespace og::store::sqlite
