#include "rules/common/date.hpp"

#include <cstdio>

namespace og::rules {

namespace {
bool digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}
int number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}
bool valid_zone(std::string_view zone) {
  if (zone.empty() || zone == "Z") return true;
  // xsd:date zones run from -14:00 to +14:00.
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || !digits(zone.substr(1, 2)) || zone[3] != ':' ||
      !digits(zone.substr(4, 2)))
    return false;
  int hours = number(zone.substr(1, 2)), minutes = number(zone.substr(4, 2));
  return minutes < 60 && (hours < 14 || (hours == 14 && minutes == 0));
}
}  // namespace

std::optional<Date> Date::parse(std::string_view text) {
  // xsd:date collapses surrounding whitespace.
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' || text.front() == '\r'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r'))
    text.remove_suffix(1);
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  if (!digits(y) || !digits(m) || !digits(d) || !valid_zone(text.substr(10))) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year(number(y)), std::chrono::month(static_cast<unsigned>(number(m))),
                                  std::chrono::day(static_cast<unsigned>(number(d)))};
  if (!ymd.ok()) return std::nullopt;
  return Date(std::chrono::sys_days(ymd));
}

std::string Date::to_string() const {
  std::chrono::year_month_day ymd(days_);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace og::rules
