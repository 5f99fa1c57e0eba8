#include "core/clock.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace og::core {

rules::Date SystemClock::today() const {
  std::time_t t = std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  std::chrono::year_month_day ymd{std::chrono::year(local.tm_year + 1900),
                                  std::chrono::month(static_cast<unsigned>(local.tm_mon + 1)),
                                  std::chrono::day(static_cast<unsigned>(local.tm_mday))};
  return rules::Date(std::chrono::sys_days(ymd));
}

std::string SystemClock::now_utc() const {
  // Microseconds: the audit columns also order a buyer's instances (GetStatus).
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count() % 1000000;
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buf[40];
  std::size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &utc);
  std::snprintf(buf + n, sizeof buf - n, ".%06lldZ", static_cast<long long>(micros));
  return buf;
}

std::chrono::sys_seconds SystemClock::now() const {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace og::core
