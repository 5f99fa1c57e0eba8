#include "rules/common/decimal.hpp"

#include <algorithm>
#include <limits>

namespace og::rules {

std::optional<Decimal> Decimal::parse(std::string_view text) {
  // xsd:decimal allows surrounding whitespace (collapse facet).
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' || text.front() == '\r'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r'))
    text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  bool negative = false;
  if (text.front() == '+' || text.front() == '-') {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  // Magnitudes up to INT64_MAX units (about 9.2 trillion) in both signs, so
  // negation never overflows.
  __int128 whole = 0;
  std::int64_t fraction = 0;
  int fraction_digits = 0;
  bool any_digit = false;
  bool in_fraction = false;
  for (char c : text) {
    if (c == '.') {
      if (in_fraction) return std::nullopt;
      in_fraction = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    any_digit = true;
    int digit = c - '0';
    if (!in_fraction) {
      whole = whole * 10 + digit;
      if (whole > kMax / kScale) return std::nullopt;
    } else if (fraction_digits < kScaleDigits) {
      fraction = fraction * 10 + digit;
      ++fraction_digits;
    } else if (digit != 0) {
      return std::nullopt;  // more precision than we can hold exactly
    }
  }
  if (!any_digit) return std::nullopt;
  for (int i = fraction_digits; i < kScaleDigits; ++i) fraction *= 10;
  __int128 units = whole * kScale + fraction;
  if (units > kMax) return std::nullopt;
  auto value = static_cast<std::int64_t>(units);
  return Decimal(negative ? -value : value);
}

std::string Decimal::to_string(int min_fraction) const {
  // Built in a fixed buffer: GCC 12 at -O3 warns falsely (-Wrestrict, bug
  // 105329) about the std::string insert this used to do.
  // Negated as unsigned: well-defined for every value from_units() accepts.
  std::uint64_t magnitude = units_ < 0 ? 0 - static_cast<std::uint64_t>(units_) : static_cast<std::uint64_t>(units_);
  char fraction[kScaleDigits];
  std::uint64_t f = magnitude % kScale;
  for (int i = kScaleDigits - 1; i >= 0; --i) {
    fraction[i] = static_cast<char>('0' + f % 10);
    f /= 10;
  }
  int keep = kScaleDigits;
  while (keep > 0 && fraction[keep - 1] == '0') --keep;
  keep = std::max(keep, std::clamp(min_fraction, 0, kScaleDigits));
  std::string out = units_ < 0 ? "-" : "";
  out += std::to_string(magnitude / kScale);
  if (keep > 0) {
    out += '.';
    out.append(fraction, static_cast<std::size_t>(keep));
  }
  return out;
}

namespace {
std::optional<Decimal> representable(__int128 units) {
  if (units > std::numeric_limits<std::int64_t>::max() || units < -std::numeric_limits<std::int64_t>::max())
    return std::nullopt;
  return Decimal::from_units(static_cast<std::int64_t>(units));
}

// Smallest multiple of `step` >= `units` (ceiling, also for negatives).
__int128 ceil_to(__int128 units, __int128 step) {
  __int128 steps = units / step;
  if (units % step > 0) ++steps;
  return steps * step;
}
}  // namespace

std::optional<Decimal> Decimal::round_up_to(Decimal step) const {
  if (step.units_ <= 0) return *this;
  return representable(ceil_to(units_, step.units_));
}

std::optional<Decimal> Decimal::divide_round_up(Decimal divisor, Decimal step) const {
  // this/divisor in units = units_ * kScale / divisor.units_, rounded up.
  __int128 numerator = static_cast<__int128>(units_) * kScale;
  __int128 quotient = numerator / divisor.units_;
  if (numerator % divisor.units_ > 0) ++quotient;
  return representable(step.units_ > 0 ? ceil_to(quotient, step.units_) : quotient);
}

std::optional<Decimal> Decimal::times(Decimal other) const {
  __int128 product = static_cast<__int128>(units_) * other.units_;
  __int128 half = kScale / 2;
  __int128 rounded = product >= 0 ? (product + half) / kScale : (product - half) / kScale;
  // The range parse() gives, in both signs: INT64_MIN units would not print
  // as a text parse() takes back.
  return representable(rounded);
}

}  // namespace og::rules
