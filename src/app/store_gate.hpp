// The HTTP server's answer gate over the store's deferred durability: an
// answer goes out once everything its request read or wrote is committed.
#pragma once
#include "http/answer_gate.hpp"
#include "store/store.hpp"

namespace og::app {

class StoreGate final : public http::AnswerGate {
 public:
  explicit StoreGate(store::Store& store) : store_(store) {}

  void open() override { store_.defer(); }
  Verdict close(std::function<void(bool applied)> later) override {
    switch (store_.settle(std::move(later))) {
      case store::Settled::Committed: return Verdict::Send;
      case store::Settled::Lost: return Verdict::NotApplied;
      case store::Settled::Pending: break;
    }
    return Verdict::Wait;
  }
  void drain() override { store_.flush(); }

 private:
  store::Store& store_;
};

}  // namespace og::app
