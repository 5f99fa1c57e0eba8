// The embedded default store: one SQLite file in WAL mode, held by this
// process alone (exclusive locking) through one connection that the worker
// threads take turns on. Exclusive locking keeps the WAL index in memory, so a
// read is a B-tree lookup with no system call; a shared file would cost two
// fcntl() and an fstat() per read, more than the lookup itself. The price: no
// other process may open the database while ordergate runs (stop it, or use
// the sqlite3 .backup of a copy, for maintenance).
//
// Units of work commit in groups: the connection keeps one transaction (the
// open batch) in which each unit runs in its own SAVEPOINT, so a unit that
// fails is rolled back alone; a committer thread commits the batch (one WAL
// append for all its units), writes the appended frames to the file after it
// let go of the connection (wal_buffer.hpp), and then releases the answers
// that waited on it.
#pragma once
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/group_commit.hpp"
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
  // Testing aid: every commit fails as if the disk were gone (the units of
  // work were applied; their batch is lost).
  bool fail_commits = false;
  // Under load, the open batch is committed at most this often: units that
  // arrive meanwhile share the commit. A lone unit commits at once.
  std::chrono::microseconds commit_interval{1000};
  // Testing aid: a committed batch reaches the file this much later (its
  // answers wait for it), so that an answer sent too early would be lost by
  // a kill -9.
  std::chrono::microseconds slow_commits{0};
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
  void defer() override { commits_->defer(); }
  Settled settle(std::function<void(bool committed)> later) override { return commits_->settle(std::move(later)); }
  void flush() override { commits_->flush(); }
  bool created() const override { return created_; }
  // How many batches were committed (or lost): with units_written() this
  // tells how many units one commit carried.
  GroupCommit::Stats commit_stats() const { return commits_->stats(); }
  std::uint64_t units_written() const;

 private:
  struct Tables;
  std::unique_ptr<Connection> open_connection() const;
  // The batch a reader or writer depends on now: the open one if it holds
  // changes, else the last one committed (which may not be written out yet).
  // Called with mutex_ held.
  GroupCommit::Batch seen() const { return batch_dirty_ ? batch_ : last_committed_; }
  void usable() const;
  void take_back_unit();
  bool prepare_checkpoint();
  GroupCommit::Batch end_batch();
  void commit_batch();

  SqliteOptions options_;
  bool created_ = false;
  mutable std::mutex mutex_;  // the connection and the batch state below
  std::unique_ptr<Tables> tables_;
  GroupCommit::Batch batch_ = 1;           // the open batch (or the next one)
  bool batch_open_ = false;                // BEGIN issued
  bool batch_dirty_ = false;               // a unit changed something in it
  GroupCommit::Batch last_committed_ = 0;  // in SQLite's view; durable once ended
  std::vector<GroupCommit::Batch> lost_;   // rolled back by SQLite itself, to report
  int wal_frames_ = 0;                     // in the WAL after the last commit
  std::atomic<bool> broken_ = false;       // a commit could not be written out
  std::uint64_t units_ = 0;
  std::unique_ptr<GroupCommit> commits_;
};

}  // namespace og::store::sqlite
