// Exact fixed-point decimal for quantities and money (six fraction digits).
// Protocol decimals are strings on the wire; floating point would round them.
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace og::rules {

class Decimal {
 public:
  static constexpr int kScaleDigits = 6;
  static constexpr std::int64_t kScale = 1'000'000;

  constexpr Decimal() = default;
  static constexpr Decimal from_units(std::int64_t units) { return Decimal(units); }
  static constexpr Decimal from_int(std::int64_t value) { return Decimal(value * kScale); }

  // xsd:decimal lexical form (optional sign, digits, optional fraction; no
  // exponent). Digits beyond the sixth fraction digit must be zero.
  static std::optional<Decimal> parse(std::string_view text);

  constexpr std::int64_t units() const { return units_; }
  constexpr bool is_zero() const { return units_ == 0; }
  constexpr bool is_negative() const { return units_ < 0; }
  constexpr bool is_integer() const { return units_ % kScale == 0; }

  // Canonical text with at least `min_fraction` (0..6) fraction digits, no
  // trailing zeros beyond that ("5", "49.00", "2.5").
  std::string to_string(int min_fraction = 0) const;

  // Smallest multiple of `step` (> 0) that is >= *this; nullopt when that
  // is not representable.
  std::optional<Decimal> round_up_to(Decimal step) const;
  // *this / divisor (> 0) rounded up to a multiple of `step` (> 0); nullopt
  // when not representable.
  std::optional<Decimal> divide_round_up(Decimal divisor, Decimal step) const;
  // Product rounded half away from zero to the scale; nullopt beyond the range
  // parse() gives (INT64_MAX units in either sign).
  std::optional<Decimal> times(Decimal other) const;

  friend constexpr Decimal operator+(Decimal a, Decimal b) { return Decimal(a.units_ + b.units_); }
  friend constexpr Decimal operator-(Decimal a, Decimal b) { return Decimal(a.units_ - b.units_); }
  friend constexpr auto operator<=>(Decimal a, Decimal b) = default;

 private:
  constexpr explicit Decimal(std::int64_t units) : units_(units) {}
  std::int64_t units_ = 0;
};

}  // namespace og::rules
