// Time is an input: services ask a Clock, tests give them a fixed one.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "rules/common/date.hpp"

namespace og::core {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual rules::Date today() const = 0;    // the server's local calendar date
  virtual std::string now_utc() const = 0;  // ISO-8601, for audit columns
  virtual std::chrono::sys_seconds now() const = 0;
};

// ISO-8601 UTC with microseconds, as now_utc() writes it: such stamps sort as text.
std::string iso_utc(std::chrono::sys_seconds t);
// The second an audit stamp names (either form above), or nullopt.
std::optional<std::chrono::sys_seconds> parse_iso_utc(std::string_view text);

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
