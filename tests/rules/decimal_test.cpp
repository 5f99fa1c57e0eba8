// Decimal is the only arithmetic quantities and money go through, so its
// lexical rules and rounding directions are pinned down value by value.
#include <cppunit/extensions/HelperMacros.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "rules/common/decimal.hpp"

namespace og::test {

namespace {
using og::rules::Decimal;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

std::string quoted(std::string_view text) {
  return "'" + std::string(text) + "'";
}

// Units of a text the test expects to be valid; fails the test otherwise.
std::int64_t units_of(std::string_view text) {
  auto d = Decimal::parse(text);
  CPPUNIT_ASSERT_MESSAGE("should parse: " + quoted(text), d.has_value());
  return d->units();
}

Decimal dec(std::string_view text) {
  return Decimal::from_units(units_of(text));
}

void assert_rejected(std::string_view text) {
  auto d = Decimal::parse(text);
  CPPUNIT_ASSERT_MESSAGE("should be rejected: " + quoted(text) + " gave units " + (d ? std::to_string(d->units()) : ""),
                         !d.has_value());
}
}  // namespace

class DecimalTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(DecimalTest);
  CPPUNIT_TEST(factories_and_predicates);
  CPPUNIT_TEST(parse_integers);
  CPPUNIT_TEST(parse_signs);
  CPPUNIT_TEST(parse_leading_and_trailing_dot);
  CPPUNIT_TEST(parse_rejects_lone_dot_and_sign);
  CPPUNIT_TEST(parse_strips_surrounding_whitespace);
  CPPUNIT_TEST(parse_rejects_inner_whitespace_and_empty);
  CPPUNIT_TEST(parse_rejects_exponent);
  CPPUNIT_TEST(parse_rejects_garbage);
  CPPUNIT_TEST(parse_up_to_six_fraction_digits);
  CPPUNIT_TEST(parse_accepts_extra_zero_fraction_digits);
  CPPUNIT_TEST(parse_rejects_extra_nonzero_fraction_digits);
  CPPUNIT_TEST(parse_leading_zeros);
  CPPUNIT_TEST(parse_largest_values);
  CPPUNIT_TEST(parse_rejects_overflowing_whole_part);
  CPPUNIT_TEST(to_string_canonical);
  CPPUNIT_TEST(to_string_min_fraction);
  CPPUNIT_TEST(to_string_negative);
  CPPUNIT_TEST(to_string_round_trips_through_parse);
  CPPUNIT_TEST(round_up_to_whole_steps);
  CPPUNIT_TEST(round_up_to_fractional_steps);
  CPPUNIT_TEST(round_up_to_without_positive_step_is_identity);
  CPPUNIT_TEST(divide_round_up_whole_results);
  CPPUNIT_TEST(divide_round_up_fractional_results);
  CPPUNIT_TEST(times_exact_products);
  CPPUNIT_TEST(times_rounds_half_away_from_zero);
  CPPUNIT_TEST(times_overflow_is_nullopt);
  CPPUNIT_TEST(comparisons);
  CPPUNIT_TEST(addition_and_subtraction);
  CPPUNIT_TEST(parse_rejects_values_beyond_the_range_in_either_sign);
  CPPUNIT_TEST(rounding_reports_what_cannot_be_represented);
  CPPUNIT_TEST(rounding_up_negative_values_is_a_ceiling);
  CPPUNIT_TEST(to_string_clamps_min_fraction);
  CPPUNIT_TEST(products_stay_in_the_range_parse_gives);
  CPPUNIT_TEST(to_string_of_the_lowest_units);
  CPPUNIT_TEST_SUITE_END();

 public:
  void factories_and_predicates() {
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, Decimal().units());
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1'000'000}, Decimal::kScale);
    CPPUNIT_ASSERT_EQUAL(6, Decimal::kScaleDigits);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{7'000'000}, Decimal::from_int(7).units());
    CPPUNIT_ASSERT_EQUAL(std::int64_t{-7'000'000}, Decimal::from_int(-7).units());
    CPPUNIT_ASSERT_EQUAL(std::int64_t{7}, Decimal::from_units(7).units());

    CPPUNIT_ASSERT(Decimal().is_zero());
    CPPUNIT_ASSERT(!Decimal::from_units(1).is_zero());
    CPPUNIT_ASSERT(!Decimal::from_units(-1).is_zero());

    CPPUNIT_ASSERT(Decimal::from_units(-1).is_negative());
    CPPUNIT_ASSERT(!Decimal().is_negative());
    CPPUNIT_ASSERT(!Decimal::from_units(1).is_negative());

    CPPUNIT_ASSERT(Decimal().is_integer());
    CPPUNIT_ASSERT(Decimal::from_int(3).is_integer());
    CPPUNIT_ASSERT(Decimal::from_int(-3).is_integer());
    CPPUNIT_ASSERT(!Decimal::from_units(3'000'001).is_integer());
    CPPUNIT_ASSERT(!Decimal::from_units(-2'500'000).is_integer());
    CPPUNIT_ASSERT(!Decimal::from_units(1).is_integer());
  }

  void parse_integers() {
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, units_of("0"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{5'000'000}, units_of("5"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{123'000'000}, units_of("123"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1'000'000'000'000}, units_of("1000000"));
  }

  void parse_signs() {
    CPPUNIT_ASSERT_EQUAL(std::int64_t{5'000'000}, units_of("+5"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{-5'000'000}, units_of("-5"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{-1'250'000}, units_of("-1.25"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{500'000}, units_of("+0.5"));
    // Negative zero is plain zero: nothing downstream may treat it as negative.
    auto negative_zero = Decimal::parse("-0");
    CPPUNIT_ASSERT(negative_zero.has_value());
    CPPUNIT_ASSERT(negative_zero->is_zero());
    CPPUNIT_ASSERT(!negative_zero->is_negative());
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, units_of("-0.000"));
  }

  void parse_leading_and_trailing_dot() {
    CPPUNIT_ASSERT_EQUAL(std::int64_t{500'000}, units_of(".5"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{5'000'000}, units_of("5."));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{-500'000}, units_of("-.5"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{5'000'000}, units_of("+5."));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, units_of(".000001"));
  }

  void parse_rejects_lone_dot_and_sign() {
    for (auto text : {".", "+", "-", "+.", "-.", "..", "+-1", "-+1", "--1", "++1", "1.2.3", "1..2", "5-", "5+"})
      assert_rejected(text);
  }

  void parse_strips_surrounding_whitespace() {
    CPPUNIT_ASSERT_EQUAL(std::int64_t{5'000'000}, units_of(" 5"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{5'000'000}, units_of("5 "));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1'500'000}, units_of("\t\n 1.5 \r\n"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{-1'500'000}, units_of("  -1.5\t"));
  }

  void parse_rejects_inner_whitespace_and_empty() {
    for (auto text : {"", " ", "\t\r\n ", "1 5", "- 5", "1. 5", "1 .5", "+ .5"}) assert_rejected(text);
    // Only XML whitespace is collapsed; other control characters are not.
    for (std::string_view text : {std::string_view("\v5"), std::string_view("5\f"), std::string_view("5\0", 2)})
      assert_rejected(text);
  }

  void parse_rejects_exponent() {
    for (auto text : {"1e3", "1E3", "1.5e-2", "1e0", "2.E1", ".5e1"}) assert_rejected(text);
  }

  void parse_rejects_garbage() {
    for (auto text :
         {"abc", "1,5", "0x10", "1_000", "NaN", "INF", "-INF", "five", "5a", "a5", "1.5.", "\xc2\xbd", "\xef\xbc\x91"})
      assert_rejected(text);
  }

  void parse_up_to_six_fraction_digits() {
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, units_of("0.000001"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1'123'456}, units_of("1.123456"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1'100'000}, units_of("1.1"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1'120'000}, units_of("1.12"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1'123'450}, units_of("1.12345"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{999'999}, units_of("0.999999"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{-1}, units_of("-0.000001"));
  }

  void parse_accepts_extra_zero_fraction_digits() {
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1'500'000}, units_of("1.5000000000"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, units_of("0.0000000"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1'123'456}, units_of("1.1234560"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, units_of("0.00000100000000000000000000"));
  }

  void parse_rejects_extra_nonzero_fraction_digits() {
    for (auto text : {"0.0000001", "1.1234561", "1.0000000001", "-0.0000005", "0.9999999", "1.0000000000000000009"})
      assert_rejected(text);
  }

  void parse_leading_zeros() {
    CPPUNIT_ASSERT_EQUAL(std::int64_t{12'500'000}, units_of("000012.5"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1'000'000}, units_of("0000000000000000000000000000001"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, units_of("00.00"));
  }

  void parse_largest_values() {
    CPPUNIT_ASSERT_EQUAL(std::int64_t{9'223'372'036'854'000'000}, units_of("9223372036854"));
    CPPUNIT_ASSERT_EQUAL(kMax, units_of("9223372036854.775807"));
    CPPUNIT_ASSERT_EQUAL(-kMax, units_of("-9223372036854.775807"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{9'223'372'036'854'500'000}, units_of("9223372036854.5"));
  }

  void parse_rejects_overflowing_whole_part() {
    for (auto text : {"9223372036855", "-9223372036855", "10000000000000", "99999999999999999999",
                      "9223372036854775807", "18446744073709551616", "9223372036855.0"})
      assert_rejected(text);
  }

  void to_string_canonical() {
    CPPUNIT_ASSERT_EQUAL(std::string("0"), Decimal().to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("5"), Decimal::from_int(5).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("2.5"), dec("2.500").to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("0.000001"), Decimal::from_units(1).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("1.123456"), dec("1.123456").to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("10.01"), dec("10.010").to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("100"), dec("100.000000").to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("9223372036854.775807"), Decimal::from_units(kMax).to_string());
  }

  void to_string_min_fraction() {
    CPPUNIT_ASSERT_EQUAL(std::string("49.00"), Decimal::from_int(49).to_string(2));
    CPPUNIT_ASSERT_EQUAL(std::string("2.50"), dec("2.5").to_string(2));
    CPPUNIT_ASSERT_EQUAL(std::string("2.125"), dec("2.125").to_string(2));
    CPPUNIT_ASSERT_EQUAL(std::string("1.123456"), dec("1.123456").to_string(2));
    CPPUNIT_ASSERT_EQUAL(std::string("0.00"), Decimal().to_string(2));
    CPPUNIT_ASSERT_EQUAL(std::string("5.0"), Decimal::from_int(5).to_string(1));
    CPPUNIT_ASSERT_EQUAL(std::string("5.000000"), Decimal::from_int(5).to_string(6));
    CPPUNIT_ASSERT_EQUAL(std::string("0.1"), dec("0.1").to_string(0));
    CPPUNIT_ASSERT_EQUAL(std::string("-3.10"), dec("-3.1").to_string(2));
  }

  void to_string_negative() {
    CPPUNIT_ASSERT_EQUAL(std::string("-2.5"), dec("-2.5").to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("-0.000001"), Decimal::from_units(-1).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("-0.5"), dec("-0.5").to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("-7"), Decimal::from_int(-7).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("-9223372036854.775807"), Decimal::from_units(-kMax).to_string());
  }

  void to_string_round_trips_through_parse() {
    for (std::int64_t units :
         {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1}, std::int64_t{10}, std::int64_t{999'999},
          std::int64_t{1'000'000}, std::int64_t{1'000'001}, std::int64_t{-123'456'789}, kMax, -kMax}) {
      Decimal d = Decimal::from_units(units);
      for (int min_fraction = 0; min_fraction <= 6; ++min_fraction) {
        std::string text = d.to_string(min_fraction);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(text, units, units_of(text));
      }
    }
  }

  void round_up_to_whole_steps() {
    Decimal one = Decimal::from_int(1);
    CPPUNIT_ASSERT_EQUAL(std::string("3"), dec("2.5").round_up_to(one)->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("3"), dec("3").round_up_to(one)->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("0"), Decimal().round_up_to(one)->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("1"), Decimal::from_units(1).round_up_to(one)->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("3"), dec("2.000001").round_up_to(one)->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("10"), dec("7").round_up_to(Decimal::from_int(5))->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("10"), dec("10").round_up_to(Decimal::from_int(5))->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("15"), dec("10.1").round_up_to(Decimal::from_int(5))->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("12"), dec("1").round_up_to(Decimal::from_int(12))->to_string());
  }

  void round_up_to_fractional_steps() {
    Decimal half = dec("0.5");
    CPPUNIT_ASSERT_EQUAL(std::string("2.5"), dec("2.5").round_up_to(half)->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("3"), dec("2.6").round_up_to(half)->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("0.5"), dec("0.1").round_up_to(half)->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("1.25"), dec("1.01").round_up_to(dec("0.25"))->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("0.3"), dec("0.25").round_up_to(dec("0.1"))->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("1.234567"), dec("1.234567").round_up_to(Decimal::from_units(1))->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("0.9"), dec("0.7").round_up_to(dec("0.3"))->to_string());
  }

  void round_up_to_without_positive_step_is_identity() {
    CPPUNIT_ASSERT_EQUAL(std::string("2.5"), dec("2.5").round_up_to(Decimal())->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("2.5"), dec("2.5").round_up_to(Decimal::from_int(-1))->to_string());
  }

  void divide_round_up_whole_results() {
    Decimal hundred = Decimal::from_int(100);
    Decimal one = Decimal::from_int(1);
    CPPUNIT_ASSERT_EQUAL(std::string("5"), dec("500").divide_round_up(hundred, one)->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("5"), dec("450").divide_round_up(hundred, one)->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("1"), dec("1").divide_round_up(hundred, one)->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("6"), dec("501").divide_round_up(hundred, one)->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("0"), Decimal().divide_round_up(hundred, one)->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("3"), dec("10").divide_round_up(Decimal::from_int(4), one)->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("2"), dec("1").divide_round_up(dec("0.5"), one)->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("1"), dec("0.000001").divide_round_up(Decimal::from_int(1000), one)->to_string());
  }

  void divide_round_up_fractional_results() {
    Decimal unit = Decimal::from_units(1);
    CPPUNIT_ASSERT_EQUAL(std::string("0.01"), dec("1").divide_round_up(Decimal::from_int(100), unit)->to_string());
    // 1/3 = 0.333333..., the next unit up.
    CPPUNIT_ASSERT_EQUAL(std::string("0.333334"), dec("1").divide_round_up(Decimal::from_int(3), unit)->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("0.666667"), dec("2").divide_round_up(Decimal::from_int(3), unit)->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("2.5"), dec("10").divide_round_up(Decimal::from_int(4), dec("0.5"))->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("3"), dec("11").divide_round_up(Decimal::from_int(4), dec("0.5"))->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("0.5"), dec("1").divide_round_up(Decimal::from_int(3), dec("0.5"))->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("0.000001"),
                         Decimal::from_units(1).divide_round_up(Decimal::from_int(1000), unit)->to_string());
    // A large dividend must not overflow the intermediate product.
    CPPUNIT_ASSERT_EQUAL(std::string("922337203685.477581"),
                         Decimal::from_units(kMax).divide_round_up(Decimal::from_int(10), unit)->to_string());
  }

  void times_exact_products() {
    CPPUNIT_ASSERT_EQUAL(std::string("6"), product("2", "3"));
    CPPUNIT_ASSERT_EQUAL(std::string("2.25"), product("1.5", "1.5"));
    CPPUNIT_ASSERT_EQUAL(std::string("0.01"), product("0.1", "0.1"));
    CPPUNIT_ASSERT_EQUAL(std::string("-3"), product("-1.5", "2"));
    CPPUNIT_ASSERT_EQUAL(std::string("3"), product("-1.5", "-2"));
    CPPUNIT_ASSERT_EQUAL(std::string("0"), product("0", "123.45"));
    CPPUNIT_ASSERT_EQUAL(std::string("98.7"), product("4.935", "20"));
    CPPUNIT_ASSERT_EQUAL(std::string("0.000001"), product("0.001", "0.001"));
  }

  void times_rounds_half_away_from_zero() {
    // 0.0000005 exactly: half a unit goes up in magnitude.
    CPPUNIT_ASSERT_EQUAL(std::string("0.000001"), product("0.000001", "0.5"));
    CPPUNIT_ASSERT_EQUAL(std::string("-0.000001"), product("-0.000001", "0.5"));
    CPPUNIT_ASSERT_EQUAL(std::string("-0.000001"), product("0.000001", "-0.5"));
    CPPUNIT_ASSERT_EQUAL(std::string("0.000001"), product("-0.000001", "-0.5"));
    // Below half: towards zero, and a tiny negative product is zero, not "-0".
    CPPUNIT_ASSERT_EQUAL(std::string("0"), product("0.000001", "0.4"));
    CPPUNIT_ASSERT_EQUAL(std::string("0"), product("-0.000001", "0.4"));
    CPPUNIT_ASSERT_EQUAL(std::string("0"), product("0.000001", "0.499999"));
    // Above half.
    CPPUNIT_ASSERT_EQUAL(std::string("0.000001"), product("0.000001", "0.500001"));
    // 0.0000015 and 0.0000025: away from zero, not to even.
    CPPUNIT_ASSERT_EQUAL(std::string("0.000002"), product("0.000003", "0.5"));
    CPPUNIT_ASSERT_EQUAL(std::string("0.000003"), product("0.000005", "0.5"));
    CPPUNIT_ASSERT_EQUAL(std::string("-0.000003"), product("-0.000005", "0.5"));
    // 1/3 of a cent-ish price times 3.
    CPPUNIT_ASSERT_EQUAL(std::string("0.999999"), product("0.333333", "3"));
    CPPUNIT_ASSERT_EQUAL(std::string("0.111111"), product("0.333333", "0.333333"));
  }

  void times_overflow_is_nullopt() {
    Decimal max = Decimal::from_units(kMax);
    Decimal min = Decimal::from_units(kMin);
    CPPUNIT_ASSERT(!max.times(Decimal::from_int(2)).has_value());
    CPPUNIT_ASSERT(!max.times(Decimal::from_units(1'000'001)).has_value());
    CPPUNIT_ASSERT(!min.times(Decimal::from_int(-1)).has_value());
    CPPUNIT_ASSERT(!max.times(max).has_value());
    CPPUNIT_ASSERT(!min.times(min).has_value());
    CPPUNIT_ASSERT(!dec("4000000").times(dec("4000000")).has_value());

    auto same = max.times(Decimal::from_int(1));
    CPPUNIT_ASSERT(same.has_value());
    CPPUNIT_ASSERT_EQUAL(kMax, same->units());
    auto negated = max.times(Decimal::from_int(-1));
    CPPUNIT_ASSERT(negated.has_value());
    CPPUNIT_ASSERT_EQUAL(-kMax, negated->units());
    // INT64_MIN units are beyond the range parse() gives: no product is them.
    CPPUNIT_ASSERT(!min.times(Decimal::from_int(1)).has_value());
    auto halved = max.times(dec("0.5"));
    CPPUNIT_ASSERT(halved.has_value());
    CPPUNIT_ASSERT_EQUAL(kMax / 2 + 1, halved->units());
    // The largest square that still fits: 3037000 x 3037000 = 9223369000000.
    auto square = dec("3037000").times(dec("3037000"));
    CPPUNIT_ASSERT(square.has_value());
    CPPUNIT_ASSERT_EQUAL(std::string("9223369000000"), square->to_string());
  }

  void comparisons() {
    CPPUNIT_ASSERT(dec("1.5") == dec("1.50"));
    CPPUNIT_ASSERT(dec("1.5") != dec("1.500001"));
    CPPUNIT_ASSERT(dec("1.5") < dec("1.500001"));
    CPPUNIT_ASSERT(dec("2") > dec("1.999999"));
    CPPUNIT_ASSERT(dec("-1") < Decimal());
    CPPUNIT_ASSERT(dec("-2") < dec("-1"));
    CPPUNIT_ASSERT(dec("3") <= dec("3"));
    CPPUNIT_ASSERT(dec("3") >= dec("3"));
    CPPUNIT_ASSERT(!(dec("3") < dec("3")));
    CPPUNIT_ASSERT(!(dec("3.000001") <= dec("3")));
    CPPUNIT_ASSERT(Decimal::from_units(kMin) < Decimal::from_units(kMax));
    CPPUNIT_ASSERT(Decimal::from_int(1) == Decimal::from_units(1'000'000));
  }

  void addition_and_subtraction() {
    CPPUNIT_ASSERT_EQUAL(std::string("4"), (dec("1.5") + dec("2.5")).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("-1"), (dec("1.5") - dec("2.5")).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("0.000002"), (Decimal::from_units(1) + Decimal::from_units(1)).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("0"), (dec("7.25") - dec("7.25")).to_string());
  }

 private:
  static std::string product(std::string_view a, std::string_view b) {
    auto p = dec(a).times(dec(b));
    CPPUNIT_ASSERT_MESSAGE(std::string(a) + " x " + std::string(b) + " overflowed", p.has_value());
    return p->to_string();
  }

  void parse_rejects_values_beyond_the_range_in_either_sign() {
    CPPUNIT_ASSERT(!Decimal::parse("9223372036854.9"));
    CPPUNIT_ASSERT(!Decimal::parse("-9223372036854.9"));
    CPPUNIT_ASSERT(!Decimal::parse("9223372036854.775808"));
    CPPUNIT_ASSERT(!Decimal::parse("-9223372036854.775808"));
    CPPUNIT_ASSERT_EQUAL(std::string("9223372036854.775807"), Decimal::parse("9223372036854.775807")->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("-9223372036854.775807"), Decimal::parse("-9223372036854.775807")->to_string());
  }

  void rounding_reports_what_cannot_be_represented() {
    CPPUNIT_ASSERT(!dec("9223372036854.5").round_up_to(Decimal::from_int(1)));
    CPPUNIT_ASSERT(!dec("5000000000000").divide_round_up(dec("0.5"), Decimal::from_units(1)));
    CPPUNIT_ASSERT_EQUAL(std::string("9223372036854"),
                         dec("9223372036854").round_up_to(Decimal::from_int(1))->to_string());
  }

  void rounding_up_negative_values_is_a_ceiling() {
    CPPUNIT_ASSERT_EQUAL(std::string("-4"), dec("-5").round_up_to(Decimal::from_int(2))->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("-2"), dec("-2.5").round_up_to(Decimal::from_int(1))->to_string());
  }

  void to_string_clamps_min_fraction() {
    CPPUNIT_ASSERT_EQUAL(std::string("5"), Decimal::from_int(5).to_string(-1));
    CPPUNIT_ASSERT_EQUAL(std::string("5.000000"), Decimal::from_int(5).to_string(9));
  }

  // Found by fuzz_decimal (tests/fuzz/regressions/fuzz_decimal): a product of
  // exactly -2^63 units was returned, and printing it negated INT64_MIN.
  void products_stay_in_the_range_parse_gives() {
    CPPUNIT_ASSERT(!dec("-4611686018427.387904").times(Decimal::from_int(2)).has_value());
    CPPUNIT_ASSERT(!dec("4611686018427.387904").times(Decimal::from_int(-2)).has_value());
    CPPUNIT_ASSERT(!dec("-9223372036854.775807").times(dec("1.000001")).has_value());
    auto lowest = dec("-4611686018427.387903").times(Decimal::from_int(2));
    CPPUNIT_ASSERT(lowest.has_value());
    CPPUNIT_ASSERT_EQUAL(-kMax + 1, lowest->units());
    CPPUNIT_ASSERT_EQUAL(lowest->units(), units_of(lowest->to_string()));
    auto one_unit = dec("-9223372036854.775807").times(Decimal::from_int(1));
    CPPUNIT_ASSERT(one_unit.has_value());
    CPPUNIT_ASSERT_EQUAL(-kMax, one_unit->units());
  }

  void to_string_of_the_lowest_units() {
    CPPUNIT_ASSERT_EQUAL(std::string("-9223372036854.775808"), Decimal::from_units(kMin).to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("-9223372036854.775807"), Decimal::from_units(-kMax).to_string());
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(DecimalTest);

}  // namespace og::test
