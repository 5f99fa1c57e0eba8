// The embedded default store: one SQLite file in WAL mode, one connection per
// thread, writers serialized in-process so no thread ever sleeps in SQLite's
// busy handler.
#pragma once
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

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
};

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(SqliteOptions options);
  ~SqliteStore() override;

  Reader& reader() override;
  void write(const std::function<void(UnitOfWork&)>& work) override;
  bool created() const override { return created_; }

 private:
  struct ThreadState;
  ThreadState& thread_state();
  std::unique_ptr<Connection> open_connection() const;

  SqliteOptions options_;
  bool created_ = false;
  std::uint64_t id_;
  std::mutex write_mutex_;
  std::mutex registry_mutex_;
  std::vector<std::unique_ptr<ThreadState>> states_;
};

}  // namespace og::store::sqlite
