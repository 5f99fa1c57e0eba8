// Date::parse against an independent reading of xsd:date (YYYY-MM-DD with an
// optional, ignored time zone), and the round trip through to_string.
// Input: the date text.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "property.hpp"
#include "rules/common/date.hpp"

namespace {

using og::rules::Date;

std::optional<int> number(std::string_view s) {
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

bool leap(int year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

bool valid_zone(std::string_view zone) {
  if (zone.empty() || zone == "Z") return true;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return false;
  auto hours = number(zone.substr(1, 2)), minutes = number(zone.substr(4, 2));
  return hours && minutes && *minutes < 60 && (*hours < 14 || (*hours == 14 && *minutes == 0));
}

// The trimmed "YYYY-MM-DD" that `text` names, or nullopt.
std::optional<std::string_view> reference(std::string_view text) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  if (text.size() < 10 || text[4] != '-' || text[7] != '-' || !valid_zone(text.substr(10))) return std::nullopt;
  auto year = number(text.substr(0, 4)), month = number(text.substr(5, 2)), day = number(text.substr(8, 2));
  if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1) return std::nullopt;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int days = kDays[*month - 1] + (*month == 2 && leap(*year) ? 1 : 0);
  if (*day > days) return std::nullopt;
  return text.substr(0, 10);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = Date::parse(text);
  auto expected = reference(text);
  FUZZ_PROPERTY(parsed.has_value() == expected.has_value());
  if (!parsed) return 0;
  std::string canonical = parsed->to_string();
  FUZZ_PROPERTY(canonical == *expected);
  auto again = Date::parse(canonical);
  FUZZ_PROPERTY(again && *again == *parsed);
  // The next day prints as a later date (within the four-digit years).
  if (canonical != "9999-12-31") {
    auto next = Date::parse(parsed->plus_days(1).to_string());
    FUZZ_PROPERTY(next && *next > *parsed && next->plus_days(-1) == *parsed);
  }
  return 0;
}
