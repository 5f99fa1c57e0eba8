// An event loop run by its own threads, as a face runs one: tests start
// coroutines on it (spawn), learn their results through a future, and can
// wait until everything already handed to the loop has run (drain). With one
// thread, coroutines spawned one after another reach their first co_await in
// that order before drain() returns: a test can queue store work in a known
// order. The destructor waits for every coroutine on the loop to finish.
//
// The io_context itself is kept until the test program exits: a store thread
// that posted the loop's last handler may still be inside post()'s wake-up
// when the loop's threads have ended, and destroying the loop under it is a
// real race (ThreadSanitizer reports it). A server's loops outlive its store.
#pragma once
#include "async/task.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <algorithm>
#include <exception>
#include <future>
#include <latch>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

namespace og::test {

class LoopThreads {
 public:
  explicit LoopThreads(int threads = 1)
      : owned_(std::make_unique<boost::asio::io_context>()),
        context_(*owned_),
        guard_(boost::asio::make_work_guard(context_)) {
    std::latch started(threads);
    for (int i = 0; i < threads; ++i) {
      threads_.emplace_back([this, &started] {
        {
          std::lock_guard lock(mutex_);
          ids_.push_back(std::this_thread::get_id());
        }
        started.count_down();
        context_.run();
      });
    }
    started.wait();
  }
  ~LoopThreads() {
    join();
    static std::mutex retired_mutex;
    static std::vector<std::unique_ptr<boost::asio::io_context>> retired;
    std::lock_guard lock(retired_mutex);
    retired.push_back(std::move(owned_));
  }
  LoopThreads(const LoopThreads&) = delete;
  LoopThreads& operator=(const LoopThreads&) = delete;

  boost::asio::io_context& context() { return context_; }
  Executor executor() { return context_.get_executor(); }

  // The threads that run the loop.
  std::vector<std::thread::id> ids() const {
    std::lock_guard lock(mutex_);
    return ids_;
  }
  bool is_loop_thread(std::thread::id id) const {
    auto all = ids();
    return std::find(all.begin(), all.end(), id) != all.end();
  }

  // Starts `task` on the loop; the future gives its result or its exception.
  template <class T>
  std::future<T> spawn(Task<T> task) {
    auto done = std::make_shared<std::promise<T>>();
    auto result = done->get_future();
    if constexpr (std::is_void_v<T>) {
      boost::asio::co_spawn(context_, std::move(task), [done](std::exception_ptr e) {
        if (e)
          done->set_exception(e);
        else
          done->set_value();
      });
    } else {
      boost::asio::co_spawn(context_, std::move(task), [done](std::exception_ptr e, T value) {
        if (e)
          done->set_exception(e);
        else
          done->set_value(std::move(value));
      });
    }
    return result;
  }

  // Returns once the loop has run every handler posted before this call
  // (with one thread: every coroutine spawned before has reached its first
  // suspension).
  void drain() {
    std::promise<void> ran;
    auto f = ran.get_future();
    boost::asio::post(context_, [&] { ran.set_value(); });
    f.get();
  }

  // Lets the threads end once every coroutine on the loop has finished, and waits for that.
  void join() {
    guard_.reset();
    for (auto& t : threads_)
      if (t.joinable()) t.join();
  }

 private:
  std::unique_ptr<boost::asio::io_context> owned_;
  boost::asio::io_context& context_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> guard_;
  std::vector<std::thread> threads_;
  mutable std::mutex mutex_;
  std::vector<std::thread::id> ids_;
};

}  // namespace og::test
