#include "async/cancel.hpp"

#include <atomic>
#include <mutex>
#include <utility>
#include <vector>

namespace og {

struct CancelToken::Subscription::State {
  std::atomic<bool> cancelled{false};
  std::mutex mutex;
  std::uint64_t next_id = 1;
  std::vector<std::pair<std::uint64_t, std::function<void()>>> callbacks;
};

CancelToken::CancelToken() : state_(std::make_shared<Subscription::State>()) {}

void CancelToken::cancel() const {
  std::vector<std::pair<std::uint64_t, std::function<void()>>> run;
  {
    std::lock_guard lock(state_->mutex);
    if (state_->cancelled.exchange(true)) return;
    run.swap(state_->callbacks);
  }
  // Outside the lock: a callback may well subscribe or unsubscribe itself.
  for (auto& [id, callback] : run) callback();
}

bool CancelToken::cancelled() const {
  return state_->cancelled.load();
}

CancelToken::Subscription CancelToken::on_cancel(std::function<void()> callback) const {
  {
    std::lock_guard lock(state_->mutex);
    if (!state_->cancelled.load()) {
      Subscription s;
      s.state_ = state_;
      s.id_ = state_->next_id++;
      state_->callbacks.emplace_back(s.id_, std::move(callback));
      return s;
    }
  }
  callback();
  return {};
}

CancelToken::Subscription::Subscription(Subscription&& other) noexcept
    : state_(std::move(other.state_)), id_(std::exchange(other.id_, 0)) {}

CancelToken::Subscription& CancelToken::Subscription::operator=(Subscription&& other) noexcept {
  if (this != &other) {
    reset();
    state_ = std::move(other.state_);
    id_ = std::exchange(other.id_, 0);
  }
  return *this;
}

CancelToken::Subscription::~Subscription() {
  reset();
}

void CancelToken::Subscription::reset() {
  if (!state_) return;
  {
    std::lock_guard lock(state_->mutex);
    auto& cbs = state_->callbacks;
    cbs.erase(std::remove_if(cbs.begin(), cbs.end(), [this](auto& c) { return c.first == id_; }), cbs.end());
  }
  state_.reset();
  id_ = 0;
}

}  // namespace og
