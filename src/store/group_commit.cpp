#include "store/group_commit.hpp"

namespace og::store {

namespace {

// What the request being handled on this thread has seen (see Store::defer).
struct Deferral {
  const GroupCommit* owner = nullptr;
  GroupCommit::Batch needs = 0;
};
thread_local Deferral t_deferral;

}  // namespace

GroupCommit::GroupCommit(std::function<void()> commit, std::chrono::microseconds interval)
    : commit_(std::move(commit)), interval_(interval), thread_([this] { run(); }) {}

GroupCommit::~GroupCommit() {
  stop();
}

void GroupCommit::pending(Batch b) {
  std::lock_guard lock(mutex_);
  if (b <= pending_) return;
  pending_ = b;
  pending_fast_ = b;
  wake_.notify_one();
}

void GroupCommit::ended(Batch b, bool committed) {
  std::lock_guard lock(mutex_);
  ended_ = b;
  if (!committed) {
    failed_.insert(b);
    ++stats_.lost;
    any_lost_ = true;
  }
  ended_fast_ = b;
  for (auto it = waiters_.begin(); it != waiters_.end() && it->first <= b; it = waiters_.erase(it))
    for (auto& w : it->second) ready_.emplace_back(!lost(it->first), std::move(w));
  // Outside the committer (a batch SQLite rolled back by itself) the
  // committer still has to tell the waiters.
  if (!ready_.empty()) wake_.notify_one();
  done_.notify_all();
}

void GroupCommit::depend(Batch b) {
  if (b == 0) return;
  if (t_deferral.owner == this) {
    t_deferral.needs = std::max(t_deferral.needs, b);
    return;
  }
  if (b <= ended_fast_ && !any_lost_) return;
  // Nobody else waits for this caller: no reason to gather.
  std::unique_lock lock(mutex_);
  ++hurry_;
  wake_.notify_one();
  done_.wait(lock, [&] { return ended_ >= b; });
  --hurry_;
  if (lost(b)) throw StoreError("commit failed: nothing of the unit of work was kept");
}

void GroupCommit::note(Batch b) {
  if (t_deferral.owner == this) t_deferral.needs = std::max(t_deferral.needs, b);
}

void GroupCommit::defer() {
  if (t_deferral.owner != this) ++handling_;
  t_deferral = {this, 0};
}

Settled GroupCommit::settle(std::function<void(bool committed)> later) {
  if (t_deferral.owner != this) return Settled::Committed;
  Batch needs = t_deferral.needs;
  t_deferral = {};
  // The last request being handled is done: nothing is about to join the
  // open batch, so the committer need not wait for the interval.
  bool idle = --handling_ == 0;
  if (needs == 0 || (needs <= ended_fast_ && !any_lost_)) {
    if (idle && pending_fast_ > ended_fast_) {
      std::lock_guard lock(mutex_);
      wake_.notify_one();
    }
    return Settled::Committed;
  }
  std::lock_guard lock(mutex_);
  if (needs <= ended_) return lost(needs) ? Settled::Lost : Settled::Committed;
  waiters_[needs].push_back(std::move(later));
  if (idle) wake_.notify_one();
  return Settled::Pending;
}

void GroupCommit::flush() {
  std::unique_lock lock(mutex_);
  Batch target = pending_;
  ++hurry_;
  wake_.notify_one();
  done_.wait(lock, [&] { return told_ >= target && ready_.empty(); });
  --hurry_;
}

void GroupCommit::stop() {
  {
    std::lock_guard lock(mutex_);
    if (!thread_.joinable()) return;
    stopping_ = true;
    wake_.notify_one();
  }
  thread_.join();
}

GroupCommit::Stats GroupCommit::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

void GroupCommit::run() {
  std::unique_lock lock(mutex_);
  std::chrono::steady_clock::time_point last{};
  for (;;) {
    wake_.wait(lock, [&] { return stopping_ || pending_ > ended_ || !ready_.empty(); });
    if (pending_ > ended_) {
      // While requests are being handled, gather: the units they add share
      // this commit (at most `interval_` after the last one).
      wake_.wait_until(lock, last + interval_, [&] { return stopping_ || hurry_ > 0 || handling_ == 0; });
      last = std::chrono::steady_clock::now();
      ++stats_.commits;  // counted first: whoever it wakes sees it counted
      lock.unlock();
      commit_();
      lock.lock();
    }
    while (!ready_.empty()) {
      auto batch = std::move(ready_);
      ready_.clear();
      lock.unlock();
      for (auto& [committed, tell] : batch) tell(committed);
      batch.clear();  // whatever the callbacks hold goes before the lock is taken again
      lock.lock();
    }
    told_ = ended_;
    done_.notify_all();
    if (stopping_ && pending_ <= ended_) return;
  }
}

}  // namespace og::store
