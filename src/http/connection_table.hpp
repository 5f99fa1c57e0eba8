// Who is connected: connections per client address (a limit per address),
// and the connections waiting for their next request, oldest first, so that
// a server at its connection limit closes one of those for a newcomer instead
// of refusing it (20,000 idle sockets must not lock every new client out).
// Shared by the acceptor and every event loop, hence the mutex; each call
// holds it for a map operation only.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>

namespace og::http {

class ConnectionTable {
 public:
  // 0: no limit per address.
  explicit ConnectionTable(std::size_t max_per_address) : max_per_address_(max_per_address) {}

  // A connection from `address` may start (and is counted), or not: the
  // address has its limit's worth already.
  bool admit(const std::string& address);
  void release(const std::string& address);

  // The connection waits for a request; `evict` closes it (called from any
  // thread, outside the lock: it must post to the connection's own loop).
  // Returns the ticket that busy() takes back.
  std::uint64_t idle(std::function<void()> evict);
  // A request began to arrive (or the connection closed): not evictable.
  void busy(std::uint64_t ticket);

  // Closes up to `n` of the connections that have waited longest; how many.
  std::size_t evict_oldest(std::size_t n);

  std::size_t idle_count() const;

 private:
  std::size_t max_per_address_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::size_t> per_address_;
  std::map<std::uint64_t, std::function<void()>> idle_;  // ticket order = age order
  std::uint64_t next_ticket_ = 0;
};

}  // namespace og::http
