// Time is an input: services ask a Clock, tests give them a fixed one.
#pragma once
#include <chrono>
#include <string>

#include "rules/common/date.hpp"

namespace og::core {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual rules::Date today() const = 0;    // the server's local calendar date
  virtual std::string now_utc() const = 0;  // ISO-8601, for audit columns
  virtual std::chrono::sys_seconds now() const = 0;
};

class SystemClock final : public Clock {
 public:
  rules::Date today() const override;
  std::string now_utc() const override;
  std::chrono::sys_seconds now() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(rules::Date today) : today_(today) {}
  rules::Date today() const override { return today_; }
  std::string now_utc() const override { return today_.to_string() + "T12:00:00Z"; }
  std::chrono::sys_seconds now() const override { return today_.days() + std::chrono::hours(12); }

 private:
  rules::Date today_;
};

}  // namespace og::core
