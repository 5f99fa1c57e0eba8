// Which store commits a request depends on. Commits are numbered in the order
// they end; a request may see several (a read of uncommitted work, then a
// write in a later batch), and its answer is durable only if none of them
// was lost, so it keeps the first and the last it saw: a lost commit in
// between is found by the store (Store::durable).
#pragma once
#include <cstdint>
#include <ostream>

namespace og {

class Commit {
 public:
  Commit() = default;
  Commit(std::uint64_t number) : first_(number), last_(number) {}  // NOLINT(google-explicit-constructor)

  // Adds commit `number` (0: none) to what the request depends on.
  void include(std::uint64_t number) {
    if (number == 0) return;
    if (first_ == 0 || number < first_) first_ = number;
    if (number > last_) last_ = number;
  }
  void include(const Commit& other) {
    include(other.first_);
    include(other.last_);
  }
  std::uint64_t first() const { return first_; }
  std::uint64_t last() const { return last_; }
  // The last commit seen (0: none): what an answer has to wait for.
  operator std::uint64_t() const { return last_; }  // NOLINT(google-explicit-constructor)
  friend bool operator==(const Commit& a, const Commit& b) { return a.first_ == b.first_ && a.last_ == b.last_; }

 private:
  std::uint64_t first_ = 0;
  std::uint64_t last_ = 0;
};

inline std::ostream& operator<<(std::ostream& out, const Commit& c) {
  return out << c.first() << ".." << c.last();
}

}  // namespace og
