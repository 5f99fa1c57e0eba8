#include "http/connection_table.hpp"

#include <vector>

namespace og::http {

bool ConnectionTable::admit(const std::string& address) {
  std::lock_guard lock(mutex_);
  auto& count = per_address_[address];
  if (max_per_address_ > 0 && count >= max_per_address_) {
    if (count == 0) per_address_.erase(address);
    return false;
  }
  ++count;
  return true;
}

void ConnectionTable::release(const std::string& address) {
  std::lock_guard lock(mutex_);
  auto it = per_address_.find(address);
  if (it == per_address_.end()) return;
  if (--it->second == 0) per_address_.erase(it);
}

std::uint64_t ConnectionTable::idle(std::function<void()> evict) {
  std::lock_guard lock(mutex_);
  std::uint64_t ticket = ++next_ticket_;
  idle_.emplace(ticket, std::move(evict));
  return ticket;
}

void ConnectionTable::busy(std::uint64_t ticket) {
  if (ticket == 0) return;
  std::lock_guard lock(mutex_);
  idle_.erase(ticket);
}

std::size_t ConnectionTable::evict_oldest(std::size_t n) {
  std::vector<std::function<void()>> chosen;
  {
    std::lock_guard lock(mutex_);
    while (chosen.size() < n && !idle_.empty()) {
      auto oldest = idle_.begin();
      chosen.push_back(std::move(oldest->second));
      idle_.erase(oldest);
    }
  }
  for (auto& evict : chosen) evict();
  return chosen.size();
}

std::size_t ConnectionTable::idle_count() const {
  std::lock_guard lock(mutex_);
  return idle_.size();
}

}  // namespace og::http
