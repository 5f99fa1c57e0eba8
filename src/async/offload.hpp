// Runs a blocking function on another executor (a thread pool for PBKDF2, say)
// and resumes the calling coroutine on its own executor with the result, or
// with the exception the function threw.
#pragma once
#include <exception>
#include <memory>
#include <optional>
#include <type_traits>

#include "async/task.hpp"

namespace og {

template <class F>
auto offload(Executor target, F work) -> Task<std::invoke_result_t<F&>> {
  using R = std::invoke_result_t<F&>;
  using Value = std::conditional_t<std::is_void_v<R>, bool, R>;
  auto result = std::make_shared<std::optional<Value>>();
  // A named initiation, not a temporary in the co_await expression: GCC 12
  // destroys such temporaries twice (a shared_ptr they hold then dies early).
  auto initiate = [target, result, work = std::move(work)](auto handler) mutable {
    auto resume = std::make_shared<decltype(handler)>(std::move(handler));
    boost::asio::post(target, [resume, result, work = std::move(work)]() mutable {
      std::exception_ptr e;
      try {
        if constexpr (std::is_void_v<R>) {
          work();
          result->emplace(true);
        } else {
          result->emplace(work());
        }
      } catch (...) {
        e = std::current_exception();
      }
      auto ex = boost::asio::get_associated_executor(*resume);
      boost::asio::post(ex, [resume, e] { std::move (*resume)(e); });
    });
  };
  // With void(std::exception_ptr), co_await rethrows what the work threw.
  auto done = boost::asio::async_initiate<const boost::asio::use_awaitable_t<>&, void(std::exception_ptr)>(
      std::move(initiate), boost::asio::use_awaitable);
  co_await std::move(done);
  if constexpr (!std::is_void_v<R>) co_return std::move(**result);
}

}  // namespace og
