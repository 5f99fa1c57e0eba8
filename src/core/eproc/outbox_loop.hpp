// The loop both outboxes (provider dispatch, client callbacks) run: claim due
// work in the store (a lease: no other instance on the same database takes
// it until the lease ends), work at most `max_in_flight` jobs at once as
// coroutines on one strand, sleep until the next poll or until woken. The
// jobs live in the store; this remembers the ones it holds, so that a
// stopping process can hand back what it did not finish.
#pragma once
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include "async/task.hpp"

namespace og::core::eproc {

template <class Job>
class OutboxLoop : public std::enable_shared_from_this<OutboxLoop<Job>> {
 public:
  using Fetch = std::function<Task<std::vector<Job>>(std::size_t limit)>;
  using Key = std::function<std::string(const Job&)>;
  using Work = std::function<Task<void>(Job)>;

  OutboxLoop(Executor executor, std::chrono::milliseconds poll, std::size_t max_in_flight, Fetch fetch, Key key,
             Work work)
      : strand_(boost::asio::make_strand(executor)),
        timer_(strand_),
        poll_(poll),
        max_in_flight_(max_in_flight == 0 ? 1 : max_in_flight),
        refill_(std::max<std::size_t>(1, max_in_flight_ / 8)),
        fetch_(std::move(fetch)),
        key_(std::move(key)),
        work_(std::move(work)) {}

  void start() {
    auto self = this->shared_from_this();
    boost::asio::co_spawn(strand_, run(self), boost::asio::detached);
  }
  void wake() {
    auto self = this->shared_from_this();
    boost::asio::post(strand_, [self] {
      self->woken_ = true;
      self->timer_.cancel();
    });
  }
  void stop() {
    auto self = this->shared_from_this();
    boost::asio::post(strand_, [self] {
      self->stopped_ = true;
      self->timer_.cancel();
    });
  }
  // Read on the strand's own thread or for statistics only.
  std::size_t in_flight() const { return in_flight_.size(); }
  std::uint64_t started() const { return started_; }
  // The jobs claimed and not finished, once the executor has stopped (no
  // coroutine of this loop runs any more).
  std::vector<Job> unfinished() const {
    std::vector<Job> out;
    for (const auto& [key, job] : in_flight_) out.push_back(job);
    return out;
  }

 private:
  static Task<void> run(std::shared_ptr<OutboxLoop> self) {
    while (!self->stopped_) {
      self->woken_ = false;
      if (self->worth_a_look()) {
        try {
          co_await self->pick(self);
        } catch (...) {
          // The store failed: try again at the next poll.
        }
      }
      if (self->woken_ || self->stopped_) continue;
      self->timer_.expires_after(self->poll_);
      boost::system::error_code ec;
      co_await self->timer_.async_wait(boost::asio::redirect_error(boost::asio::use_awaitable, ec));
    }
  }

  // Under load, claiming each time one slot frees up costs more store work
  // than the jobs themselves: wait for a few free slots.
  bool worth_a_look() const {
    std::size_t free = max_in_flight_ - in_flight_.size();
    return free > 0 && (free >= refill_ || in_flight_.empty());
  }

  Task<void> pick(std::shared_ptr<OutboxLoop> self) {
    // Claim only what there are slots for: a claimed job waits for nobody else.
    auto jobs = co_await fetch_(max_in_flight_ - in_flight_.size());
    for (auto& job : jobs) {
      std::string key = key_(job);
      // Still worked here under an older claim that ran out (an attempt
      // longer than the lease): that attempt's writes are refused now, and
      // the new claim's lease ends before the job comes due again.
      if (!in_flight_.emplace(key, job).second) continue;
      // Claimed while stopping: held, never started, handed back.
      if (stopped_) continue;
      ++started_;
      boost::asio::co_spawn(strand_, work_(std::move(job)), [self, key](std::exception_ptr) {
        self->in_flight_.erase(key);
        // A slot is free: more due work may be waiting.
        self->woken_ = true;
        self->timer_.cancel();
      });
    }
  }

  boost::asio::strand<Executor> strand_;
  boost::asio::steady_timer timer_;
  std::chrono::milliseconds poll_;
  std::size_t max_in_flight_;
  std::size_t refill_;
  Fetch fetch_;
  Key key_;
  Work work_;
  std::map<std::string, Job> in_flight_;
  bool woken_ = false;
  bool stopped_ = false;
  std::uint64_t started_ = 0;
};

}  // namespace og::core::eproc
