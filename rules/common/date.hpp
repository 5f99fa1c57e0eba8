// Calendar dates (xsd:date without time zone) for rules that take "today" as input.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace og::rules {

class Date {
 public:
  constexpr Date() = default;
  constexpr explicit Date(std::chrono::sys_days days) : days_(days) {}
  // "YYYY-MM-DD", optionally followed by a time zone ("Z", "+01:00") that is ignored.
  static std::optional<Date> parse(std::string_view text);
  std::string to_string() const;
  Date plus_days(int days) const { return Date(days_ + std::chrono::days(days)); }
  constexpr std::chrono::sys_days days() const { return days_; }
  friend constexpr auto operator<=>(Date a, Date b) = default;

 private:
  std::chrono::sys_days days_{};
};

}  // namespace og::rules
