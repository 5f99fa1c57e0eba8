// What core knows about the request it works for: which commit its answer
// depends on (raised by every store read and write it makes) and whether it
// was cancelled. A face makes one per request and, before it answers, asks
// durable(): the answer is a promise only once that is true. The state lives
// in this value, not in a thread, so a request may resume anywhere.
#pragma once
#include <cstdint>

#include "async/cancel.hpp"
#include "async/commit.hpp"
#include "async/task.hpp"

namespace og::store {
class Store;
}

namespace og::core {

class Context {
 public:
  Context(store::Store& store, CancelToken cancel) : store_(&store), cancel_(std::move(cancel)) {}

  // True once everything this request read or wrote is committed; false if a
  // commit it depends on failed (nothing of what it wrote was kept).
  Task<bool> durable() const;
  bool cancelled() const { return cancel_.cancelled(); }
  const CancelToken& cancel_token() const { return cancel_; }

  // For core's own use: the store and the commit to raise.
  store::Store& store() const { return *store_; }
  Commit& commit() { return commit_; }

 private:
  store::Store* store_;
  Commit commit_;
  CancelToken cancel_;
};

// Faces hold one of these to make a Context per request (they never see the store).
class ContextFactory {
 public:
  explicit ContextFactory(store::Store& store) : store_(store) {}
  Context make(CancelToken cancel = {}) const { return Context(store_, std::move(cancel)); }

 private:
  store::Store& store_;
};

}  // namespace og::core
