// Decimal::parse against an independent reading of the xsd:decimal lexical
// space and the exact range, the canonical text round trip, and the
// arithmetic the rules use. Input: a decimal text, optionally followed by ';'
// and a second one for the arithmetic.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "property.hpp"
#include "rules/common/decimal.hpp"

namespace {

using og::rules::Decimal;
using Wide = __int128;
constexpr Wide kMax = std::numeric_limits<std::int64_t>::max();

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The units `text` stands for, or nullopt when it is not an xsd:decimal
// (surrounding whitespace collapsed) or cannot be held exactly.
std::optional<std::int64_t> reference_units(std::string_view text) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  bool negative = !text.empty() && text.front() == '-';
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  auto dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  for (char c : whole)
    if (!is_digit(c)) return std::nullopt;
  for (char c : fraction)
    if (!is_digit(c)) return std::nullopt;
  if (whole.empty() && fraction.empty()) return std::nullopt;
  while (!whole.empty() && whole.front() == '0') whole.remove_prefix(1);
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  if (fraction.size() > static_cast<std::size_t>(Decimal::kScaleDigits) || whole.size() > 13) return std::nullopt;
  // The units' digits: the whole part, then the fraction padded to the scale.
  std::string digits(whole);
  digits.append(fraction);
  digits.append(static_cast<std::size_t>(Decimal::kScaleDigits) - fraction.size(), '0');
  Wide units = 0;
  for (char c : digits) units = units * 10 + (c - '0');
  if (units > kMax) return std::nullopt;
  return static_cast<std::int64_t>(negative ? -units : units);
}

void check_text(std::string_view text) {
  auto parsed = Decimal::parse(text);
  auto expected = reference_units(text);
  FUZZ_PROPERTY(parsed.has_value() == expected.has_value());
  if (!parsed) return;
  FUZZ_PROPERTY(parsed->units() == *expected);
  for (int min_fraction = 0; min_fraction <= Decimal::kScaleDigits; ++min_fraction) {
    std::string canonical = parsed->to_string(min_fraction);
    auto again = Decimal::parse(canonical);
    FUZZ_PROPERTY(again && *again == *parsed);
    FUZZ_PROPERTY(again->to_string(min_fraction) == canonical);
  }
}

// Every result the arithmetic gives must print and parse back as itself.
void check_value(std::optional<Decimal> d) {
  if (!d) return;
  auto again = Decimal::parse(d->to_string());
  FUZZ_PROPERTY(again && *again == *d);
}

void check_arithmetic(Decimal a, Decimal b) {
  auto product = a.times(b);
  FUZZ_PROPERTY(product == b.times(a));
  check_value(product);
  if (b.units() > 0) {
    // Ceiling to a multiple of b: nullopt only when that is out of range.
    Wide steps = Wide(a.units()) / b.units();
    if (Wide(a.units()) % b.units() > 0) ++steps;
    Wide ceiling = steps * b.units();
    auto rounded = a.round_up_to(b);
    FUZZ_PROPERTY(rounded.has_value() == (ceiling <= kMax && ceiling >= -kMax));
    if (rounded) {
      FUZZ_PROPERTY(rounded->units() == ceiling);
      FUZZ_PROPERTY(*rounded >= a && Wide(rounded->units()) - a.units() < b.units());
    }
    check_value(rounded);
    // a / b rounded up to whole units and to steps of b: q * b >= a, and one
    // step less would not be.
    for (Decimal step : {Decimal::from_units(1), b}) {
      auto quotient = a.divide_round_up(b, step);
      check_value(quotient);
      if (!quotient) continue;
      Wide q = quotient->units();
      FUZZ_PROPERTY(q % step.units() == 0);
      FUZZ_PROPERTY(q * b.units() >= Wide(a.units()) * Decimal::kScale);
      FUZZ_PROPERTY((q - step.units()) * b.units() < Wide(a.units()) * Decimal::kScale);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto semicolon = input.find(';');
  std::string_view first = input.substr(0, semicolon);
  check_text(first);
  if (semicolon == std::string_view::npos) return 0;
  std::string_view second = input.substr(semicolon + 1);
  check_text(second);
  auto a = Decimal::parse(first), b = Decimal::parse(second);
  if (a && b) check_arithmetic(*a, *b);
  return 0;
}
