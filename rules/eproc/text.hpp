// Small text helpers shared by the e-procurement rules (not part of their API).
#pragma once
#include <string>
#include <string_view>

namespace og::rules::eproc::text {

constexpr bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}
constexpr bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
constexpr bool is_control(char c) {
  return (static_cast<unsigned char>(c) < 0x20) || c == 0x7f;
}

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Client text echoed in a fault's human text: quoted, and cut (marked) so a
// fault never carries more than a line's worth of what was sent.
inline std::string quoted(std::string_view s) {
  constexpr std::size_t kMax = 64;
  std::string out = "\"";
  out += s.substr(0, kMax);
  if (s.size() > kMax) out += "...";
  out += '"';
  return out;
}

}  // namespace og::rules::eproc::text
