// Lets the server hold an answer back until what it reports is safe: the
// store's group commit commits the units of many requests at once, after the
// faces have built their answers. The server asks the gate around every
// request it dispatches; the worker thread serves other connections while
// an answer waits.
#pragma once
#include <functional>

namespace og::http {

class AnswerGate {
 public:
  enum class Verdict {
    Send,        // the answer may go out now
    NotApplied,  // what the request did was lost: answer Endpoint::not_applied instead
    Wait,        // `later` will say which, once, from another thread
  };
  virtual ~AnswerGate() = default;
  // On the worker thread, right before a request is dispatched.
  virtual void open() = 0;
  // On the same thread, right after.
  virtual Verdict close(std::function<void(bool applied)> later) = 0;
  // When the event loops have stopped: every `later` still due has run
  // (the answers it posts are then dropped with the loops).
  virtual void drain() = 0;
};

}  // namespace og::http
