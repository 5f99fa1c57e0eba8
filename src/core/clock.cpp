#include "core/clock.hpp"

#include <chrono>
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
  std::time_t t = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

}  // namespace og::core
