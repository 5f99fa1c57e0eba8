// Cooperative cancellation: the HTTP server cancels a request whose deadline
// passed; whoever works on it checks the token before starting anything
// expensive, and outbound calls subscribe to end early. Boost 1.74 has no
// per-operation cancellation slots, hence this small shared flag.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>

namespace og {

// A cancellation flag shared by every copy: hand one copy to send(), keep another, cancel() from any thread.
// A default-constructed token is a fresh flag (one small allocation).
class CancelToken {
 public:
  CancelToken();
  void cancel() const;
  bool cancelled() const;

  // Runs `callback` once when cancel() is first called (at once, here, if it already was), on the cancelling
  // thread: it must be short and must not block (post to an executor). The subscription ends it.
  class Subscription {
   public:
    Subscription() = default;
    Subscription(Subscription&& other) noexcept;
    Subscription& operator=(Subscription&& other) noexcept;
    ~Subscription();
    void reset();

   private:
    friend class CancelToken;
    struct State;
    std::shared_ptr<State> state_;
    std::uint64_t id_ = 0;
  };
  Subscription on_cancel(std::function<void()> callback) const;

 private:
  std::shared_ptr<Subscription::State> state_;
};

}  // namespace og
