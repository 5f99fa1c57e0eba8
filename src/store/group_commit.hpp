// Group commit, independent of the database: units of work of concurrent
// requests land in one open batch (one database transaction); one committer
// thread commits it, then tells every request that read or wrote it. While
// other requests are being handled (their units may still join) a batch waits
// up to `interval` after the previous commit, so that under load one commit
// (and its WAL write) carries many units; when no request is being handled it
// commits at once, so a lone client pays no wait.
//
// Batches are numbered from 1 in the order they end. The store owns the open
// batch and its number (under its own lock); this class keeps which batches
// ended, how, and who waits for them.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "store/store.hpp"

namespace og::store {

class GroupCommit {
 public:
  using Batch = std::uint64_t;  // 0: no batch (nothing to wait for)

  // `commit` runs on the committer thread: it commits the store's open batch
  // (or loses it) and reports that through ended(), under the store's lock.
  GroupCommit(std::function<void()> commit, std::chrono::microseconds interval);
  ~GroupCommit();
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;

  // The open batch `b` holds changes: it has to be committed.
  void pending(Batch b);
  // Batch `b` ended: committed, or lost (nothing of it is in the database).
  // Batches must be reported in the order they ended.
  void ended(Batch b, bool committed);

  // The calling thread's request has seen batch `b`. Inside a deferral this
  // is noted for settle(); outside one it waits until `b` ended (committing
  // it without waiting for the interval) and throws StoreError if it was lost.
  void depend(Batch b);
  // Notes `b` inside a deferral; never waits (for a unit that failed anyway).
  void note(Batch b);

  // See Store::defer and Store::settle.
  void defer();
  Settled settle(std::function<void(bool committed)> later);

  // Returns when every batch pending now has ended and everyone waiting on
  // it was told.
  void flush();
  // flush(), then the committer thread ends. Only flush() and stats() may
  // follow (the store's destructor ends a batch left open without changes).
  void stop();

  struct Stats {
    std::uint64_t commits = 0;  // batches the committer ended
    std::uint64_t lost = 0;     // of them, or ended otherwise, not committed
  };
  Stats stats() const;

 private:
  void run();
  bool lost(Batch b) const { return failed_.count(b) != 0; }

  std::function<void()> commit_;
  std::chrono::microseconds interval_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;  // the committer: work, flush, stop
  std::condition_variable done_;  // waiters in depend() and flush()
  Batch pending_ = 0;             // highest batch known to hold changes
  Batch ended_ = 0;               // highest batch that ended
  // The same, readable without the lock: most requests depend on a batch
  // that ended long ago (or on none), and settle() should not queue for that.
  std::atomic<Batch> ended_fast_{0};
  std::atomic<Batch> pending_fast_{0};
  std::atomic<bool> any_lost_{false};
  std::atomic<int> handling_{0};  // threads inside a deferral right now
  Batch told_ = 0;                // waiters of batches up to here were told
  std::set<Batch> failed_;        // ended without committing (rare)
  std::map<Batch, std::vector<std::function<void(bool)>>> waiters_;
  std::vector<std::pair<bool, std::function<void(bool)>>> ready_;
  int hurry_ = 0;  // callers blocked until a commit: commit without gathering
  bool stopping_ = false;
  Stats stats_;
  std::thread thread_;
};

}  // namespace og::store
