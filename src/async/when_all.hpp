// Runs several tasks at once and resumes when every one has ended (Boost
// 1.74 has no awaitable operators): the hub's fan-out to its providers. Each
// task runs on `executor` (their I/O interleaves there); the caller resumes on
// its own executor with the results in the order of the tasks. A task that
// throws gives an empty optional; the others are unaffected.
#pragma once
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "async/task.hpp"

namespace og {

template <class T>
Task<std::vector<std::optional<T>>> when_all(Executor executor, std::vector<Task<T>> tasks) {
  struct State {
    std::mutex mutex;
    std::vector<std::optional<T>> results;
    std::size_t left = 0;
    std::function<void()> done;
  };
  auto state = std::make_shared<State>();
  state->results.resize(tasks.size());
  state->left = tasks.size();
  if (tasks.empty()) co_return std::move(state->results);
  // Named, not temporaries of the co_await expression (GCC 12 destroys those twice).
  auto initiate = [state, executor, &tasks](auto handler) mutable {
    // Once the last task has ended, the caller may resume on another thread and end this frame, the
    // initiation's own frame (this lambda's captures) with it, while the loop below still runs: the loop
    // uses only what it owns.
    auto own_state = state;
    auto own_executor = executor;
    auto pending = std::move(tasks);
    auto resume = std::make_shared<decltype(handler)>(std::move(handler));
    own_state->done = [resume] {
      auto ex = boost::asio::get_associated_executor(*resume);
      boost::asio::post(ex, [resume] { std::move (*resume)(); });
    };
    for (std::size_t i = 0; i < pending.size(); ++i) {
      boost::asio::co_spawn(own_executor, std::move(pending[i]), [state = own_state, i](std::exception_ptr e, T value) {
        bool last = false;
        {
          std::lock_guard lock(state->mutex);
          if (!e) state->results[i].emplace(std::move(value));
          last = --state->left == 0;
        }
        if (last) state->done();
      });
    }
  };
  auto all =
      boost::asio::async_initiate<const boost::asio::use_awaitable_t<>&, void()>(initiate, boost::asio::use_awaitable);
  co_await std::move(all);
  co_return std::move(state->results);
}

}  // namespace og
