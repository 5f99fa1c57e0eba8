// Cooperative cancellation: the HTTP server cancels a request whose client
// went away or whose deadline passed; whoever works on it checks the token
// before starting anything expensive and outbound calls end early. Boost 1.74
// has no per-operation cancellation slots, hence this small shared flag.
#pragma once
#include <atomic>
#include <memory>

namespace og {

class CancelToken {
 public:
  CancelToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
  void cancel() const { flag_->store(true, std::memory_order_relaxed); }
  bool cancelled() const { return flag_->load(std::memory_order_relaxed); }

 private:
  std::shared_ptr<std::atomic<bool>> flag_;
};

}  // namespace og
