// The embedded default store: one SQLite file in WAL mode, served by one
// store thread that owns the connection (an operator's command may open the
// same file meanwhile: SQLite's locks keep them apart). Requests hand their work to that thread (Store::read/write) and
// go on serving I/O meanwhile; the thread runs the work in the order it
// arrived, with no lock around the connection at all.
//
// Group commit: the thread keeps one transaction open (the batch) in which
// each unit of work runs in its own SAVEPOINT, so a unit that fails is rolled
// back alone. When no more work is waiting, or when the batch has been open
// for `commit_interval` while work kept arriving, it commits the batch: one
// WAL append for all its units. A commit is on disk (to the configured
// durability) when COMMIT returns; only then does the thread tell the answers
// that waited on it (Store::durable).
//
// A commit that fails (full disk, I/O error) takes back its batch; the units
// in it are answered "not applied" and the store goes on: reads keep working,
// the next commit tries again, and health() says what happened until a commit
// succeeds again. A database on a disk that refuses writes at start (full,
// most often) is opened read-only: reads are served, writes refused, and the
// store tries to write again every few seconds until the disk takes it.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/sqlite/wal_buffer.hpp"
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
  // While work keeps arriving, a batch stays open at most this long: units
  // that arrive meanwhile share its commit. A unit with nobody behind it
  // commits at once.
  std::chrono::microseconds commit_interval{1000};
  // Testing aid: every commit waits this long before it is written (its
  // answers wait for it), so that an answer sent too early would be lost by a
  // kill -9.
  std::chrono::microseconds slow_commits{0};
  // A commit's WAL frames are written after SQLite's COMMIT returned (see
  // wal_buffer.hpp): by then the WAL index in shared memory already names
  // them, so another process reading in between, or left running after this
  // one is killed there, reads frames the file does not hold (SQLITE_IOERR
  // until every connection closes). The server gathers them; an operator's
  // command, which may run next to a server, writes them as SQLite does.
  bool gather_wal_writes = true;
  // Testing aid: fails chosen WAL write-outs (a short write, then an error code).
  WalFaultHook wal_fault;
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

  Health health() const override;
  void stop() override;
  bool created() const override { return created_; }

 protected:
  void submit(bool write, Job job, JobDone done) override;
  void when_durable(Commit seen, std::function<void(bool committed)> done) override;
  std::optional<bool> settled(Commit seen) const override;

 private:
  struct Tables;
  struct Pending {
    bool write;
    Job job;
    JobDone done;
  };

  void run();
  void run_job(Pending& pending);
  void begin_batch();
  void begin_read();
  void end_read();
  void commit_batch();
  // After a failed write-out the connection believes in frames the file does
  // not hold: close it and open it again, which recovers the WAL from the file.
  void reopen();
  void watch_wal();
  // Opens the connection and brings the schema up to date (creating and
  // seeding a new database); throws with last_error_ set.
  void open_writable();
  // Serves reads of an up-to-date database on a disk that refuses writes.
  void open_read_only(const std::string& why);
  void try_writable();
  // The open batch is over: `committed` or lost. Tells whoever waits for it.
  void end_batch(bool committed, const std::string& problem = {});
  std::uint64_t seen() const { return batch_dirty_ ? batch_ : 0; }

  SqliteOptions options_;
  bool created_ = false;

  // The store thread's own state: no lock, nobody else touches it.
  std::unique_ptr<Tables> tables_;
  std::uint64_t batch_ = 1;  // the open batch (or the next one)
  bool batch_open_ = false;  // BEGIN IMMEDIATE issued
  bool read_open_ = false;   // a read transaction (BEGIN) shared by reads
  std::chrono::steady_clock::time_point read_started_;
  bool batch_dirty_ = false;  // a unit changed something in it
  std::chrono::steady_clock::time_point batch_started_;
  int wal_frames_ = 0;      // in the WAL since the last checkpoint
  bool read_only_ = false;  // the disk refused writes at start; writes are refused until it takes them
  std::chrono::steady_clock::time_point last_recovery_try_;
  int last_error_ = 0;  // SQLite's code for open_writable()'s failure

  // Work handed to the thread.
  std::mutex queue_mutex_;
  std::condition_variable queue_wake_;
  std::vector<Pending> queue_;
  bool stopping_ = false;

  // Which batches ended and who waits for them (any thread).
  mutable std::mutex ended_mutex_;
  std::atomic<std::uint64_t> ended_{0};
  std::atomic<bool> any_lost_{false};
  std::set<std::uint64_t> lost_;
  // Keyed by the last commit each waits for.
  std::multimap<std::uint64_t, std::pair<Commit, std::function<void(bool)>>> waiters_;
  bool lost_between(const Commit& seen) const;  // with ended_mutex_ held
  Health health_;

  std::thread thread_;
};

}  // namespace og::store::sqlite
