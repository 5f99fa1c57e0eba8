// The project's one asynchronous style: Boost.Asio C++20 coroutines. A face's
// handler, a core service and an outbound call are each a Task that the
// caller co_awaits; work that must not run on an event loop (the store, PBKDF2)
// is handed to its own thread and the coroutine resumes on its own executor.
#pragma once
// Boost 1.74's awaitable.hpp uses std::exchange without including <utility>.
#include <utility>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace og {

template <class T = void>
using Task = boost::asio::awaitable<T>;

using Executor = boost::asio::any_io_executor;

}  // namespace og
