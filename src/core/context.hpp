// What core knows about the request it works for: which commit its answer
// depends on (raised by every store read and write it makes) and whether it
// was cancelled. A face makes one per request and, before it answers, asks
// durable(): the answer is a promise only once that is true. The state lives
// in this value, not in a thread, so a request may resume anywhere.
#pragma once
#include <cstdint>
#include <string>

#include "async/cancel.hpp"
#include "async/commit.hpp"
#include "async/task.hpp"

namespace og::store {
class Store;
}

namespace og::core {

class Context {
 public:
  Context(store::Store& store, CancelToken cancel, std::string client_address = {})
      : store_(&store), cancel_(std::move(cancel)), client_address_(std::move(client_address)) {}

  // True once everything this request read or wrote is committed; false if a
  // commit it depends on failed (nothing of what it wrote was kept).
  Task<bool> durable() const;
  bool cancelled() const { return cancel_.cancelled(); }
  const CancelToken& cancel_token() const { return cancel_; }
  // The client's network address ("" when not from the network).
  const std::string& client_address() const { return client_address_; }

  // For core's own use: the store and the commit to raise.
  store::Store& store() const { return *store_; }
  Commit& commit() { return commit_; }

 private:
  store::Store* store_;
  Commit commit_;
  CancelToken cancel_;
  std::string client_address_;
};

// Faces hold one of these to make a Context per request (they never see the store).
class ContextFactory {
 public:
  explicit ContextFactory(store::Store& store) : store_(store) {}
  Context make(CancelToken cancel = {}, std::string client_address = {}) const {
    return Context(store_, std::move(cancel), std::move(client_address));
  }

 private:
  store::Store& store_;
};

}  // namespace og::core
