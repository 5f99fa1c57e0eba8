// Runs a coroutine to completion on the test run's event loop and returns its
// result (or rethrows its exception): core services are coroutines, and a
// unit test calls them as a face would.
#pragma once
#include <boost/asio/io_context.hpp>

#include <exception>
#include <optional>
#include <type_traits>

#include "async/task.hpp"

namespace og::test {

// One loop for the whole test run: a store thread may still be inside
// post()'s wake-up of the loop when run() has already returned, so the loop
// must outlive every call (destroying it there is a real race, which TSan sees).
inline boost::asio::io_context& test_loop() {
  static boost::asio::io_context loop;
  return loop;
}

template <class T>
T run_task(Task<T> task) {
  boost::asio::io_context& loop = test_loop();
  loop.restart();
  std::exception_ptr error;
  std::optional<std::conditional_t<std::is_void_v<T>, bool, T>> result;
  if constexpr (std::is_void_v<T>) {
    boost::asio::co_spawn(loop, std::move(task), [&](std::exception_ptr e) {
      error = e;
      result.emplace(true);
    });
  } else {
    boost::asio::co_spawn(loop, std::move(task), [&](std::exception_ptr e, T value) {
      error = e;
      if (!e) result.emplace(std::move(value));
    });
  }
  loop.run();
  if (error) std::rethrow_exception(error);
  if constexpr (!std::is_void_v<T>) return std::move(*result);
}

}  // namespace og::test
