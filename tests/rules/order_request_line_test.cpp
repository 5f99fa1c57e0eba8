// The OrderRequestLine rule decides what a buyer actually orders: removal,
// replacement, unit conversion and rounding to full packs.
#include <cppunit/extensions/HelperMacros.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "rules/veloconnect/order_request_line.hpp"

namespace og::test {

namespace {
using og::rules::Decimal;
using og::rules::veloconnect::AcceptLine;
using og::rules::veloconnect::decide_line;
using og::rules::veloconnect::ItemUnits;
using og::rules::veloconnect::LineDecision;
using og::rules::veloconnect::LineRequest;
using og::rules::veloconnect::RejectLine;
using og::rules::veloconnect::RemoveLine;
using og::rules::veloconnect::ReplaceItem;
using og::rules::veloconnect::same_unit;
using og::rules::veloconnect::to_order_unit;
using og::rules::veloconnect::UnknownItem;

Decimal dec(std::string_view text) {
  auto d = Decimal::parse(text);
  CPPUNIT_ASSERT_MESSAGE("bad test literal " + std::string(text), d.has_value());
  return *d;
}

// A pack of 100 single pieces, sold by the pack.
ItemUnits pack_of_100(std::string_view step = "1") {
  return ItemUnits{"PK", "EA", dec("100"), dec(step)};
}
// A single piece, not packed.
ItemUnits single(std::string_view step = "1") {
  return ItemUnits{"EA", "EA", dec("1"), dec(step)};
}

LineRequest request(std::string_view quantity, std::optional<std::string> unit = std::nullopt) {
  return LineRequest{dec(quantity), std::move(unit)};
}

const std::vector<std::string> kNoReplacements;

std::string kind(const LineDecision& d) {
  switch (d.index()) {
    case 0: return "AcceptLine";
    case 1: return "RemoveLine";
    case 2: return "ReplaceItem";
    case 3: return "UnknownItem";
    case 4: return "RejectLine(" + std::get<RejectLine>(d).reason + ")";
  }
  return "?";
}

AcceptLine accepted(const LineDecision& d) {
  CPPUNIT_ASSERT_MESSAGE("expected AcceptLine, got " + kind(d), std::holds_alternative<AcceptLine>(d));
  return std::get<AcceptLine>(d);
}

std::string rejected(const LineDecision& d) {
  CPPUNIT_ASSERT_MESSAGE("expected RejectLine, got " + kind(d), std::holds_alternative<RejectLine>(d));
  std::string reason = std::get<RejectLine>(d).reason;
  CPPUNIT_ASSERT_MESSAGE("a rejection must say why", !reason.empty());
  return reason;
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

std::int64_t ceil_div(std::int64_t a, std::int64_t b) {
  return a / b + (a % b != 0 ? 1 : 0);
}
}  // namespace

class OrderRequestLineTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(OrderRequestLineTest);
  CPPUNIT_TEST(zero_quantity_removes_known_item);
  CPPUNIT_TEST(zero_quantity_removes_unknown_item);
  CPPUNIT_TEST(zero_quantity_removes_even_with_foreign_unit);
  CPPUNIT_TEST(unknown_item_with_replacements_is_replaced);
  CPPUNIT_TEST(unknown_item_without_replacements_is_unknown);
  CPPUNIT_TEST(unknown_item_is_decided_before_quantity_sign);
  CPPUNIT_TEST(replacements_do_not_matter_for_known_item);
  CPPUNIT_TEST(order_unit_keeps_quantity);
  CPPUNIT_TEST(base_unit_converts_to_full_packs);
  CPPUNIT_TEST(base_unit_conversion_is_case_insensitive);
  CPPUNIT_TEST(base_unit_conversion_respects_step);
  CPPUNIT_TEST(unpacked_item_in_its_own_unit);
  CPPUNIT_TEST(fractional_quantity_rounds_up_to_step);
  CPPUNIT_TEST(negative_quantity_is_rejected);
  CPPUNIT_TEST(foreign_unit_is_rejected_naming_both_units);
  CPPUNIT_TEST(adjusted_exactly_when_converted_or_rounded);
  CPPUNIT_TEST(to_order_unit_matches_decide_line);
  CPPUNIT_TEST(to_order_unit_rejections);
  CPPUNIT_TEST(same_unit_ignores_case_only);
  CPPUNIT_TEST(quantity_beyond_range_is_rejected_not_wrapped);
  CPPUNIT_TEST_SUITE_END();

 public:
  void zero_quantity_removes_known_item() {
    CPPUNIT_ASSERT_EQUAL(std::string("RemoveLine"), kind(decide_line(pack_of_100(), kNoReplacements, request("0"))));
    CPPUNIT_ASSERT_EQUAL(std::string("RemoveLine"),
                         kind(decide_line(pack_of_100(), kNoReplacements, request("0.000", "EA"))));
    CPPUNIT_ASSERT_EQUAL(std::string("RemoveLine"), kind(decide_line(single(), kNoReplacements, request("-0"))));
  }

  // An item that has left the catalog must still be removable from an order.
  void zero_quantity_removes_unknown_item() {
    CPPUNIT_ASSERT_EQUAL(std::string("RemoveLine"), kind(decide_line(std::nullopt, kNoReplacements, request("0"))));
    CPPUNIT_ASSERT_EQUAL(std::string("RemoveLine"), kind(decide_line(std::nullopt, {"NEW-1"}, request("0", "PK"))));
  }

  void zero_quantity_removes_even_with_foreign_unit() {
    CPPUNIT_ASSERT_EQUAL(std::string("RemoveLine"),
                         kind(decide_line(pack_of_100(), kNoReplacements, request("0", "BOX"))));
  }

  void unknown_item_with_replacements_is_replaced() {
    std::vector<std::string> one = {"52090311700"};
    auto d = decide_line(std::nullopt, one, request("2"));
    CPPUNIT_ASSERT_EQUAL(std::string("ReplaceItem"), kind(d));
    CPPUNIT_ASSERT(std::get<ReplaceItem>(d).replacements == one);

    std::vector<std::string> several = {"B", "A", "C"};
    auto e = decide_line(std::nullopt, several, request("1.5", "BOX"));
    CPPUNIT_ASSERT_EQUAL(std::string("ReplaceItem"), kind(e));
    // Same IDs in the same order: the catalog's preference is kept.
    CPPUNIT_ASSERT(std::get<ReplaceItem>(e).replacements == several);
  }

  void unknown_item_without_replacements_is_unknown() {
    CPPUNIT_ASSERT_EQUAL(std::string("UnknownItem"), kind(decide_line(std::nullopt, kNoReplacements, request("1"))));
    CPPUNIT_ASSERT_EQUAL(std::string("UnknownItem"),
                         kind(decide_line(std::nullopt, kNoReplacements, request("3", "EA"))));
  }

  void unknown_item_is_decided_before_quantity_sign() {
    CPPUNIT_ASSERT_EQUAL(std::string("UnknownItem"), kind(decide_line(std::nullopt, kNoReplacements, request("-1"))));
    CPPUNIT_ASSERT_EQUAL(std::string("ReplaceItem"), kind(decide_line(std::nullopt, {"X"}, request("-1"))));
  }

  void replacements_do_not_matter_for_known_item() {
    auto line = accepted(decide_line(pack_of_100(), {"OTHER"}, request("3")));
    CPPUNIT_ASSERT_EQUAL(std::string("3"), line.quantity.to_string());
    CPPUNIT_ASSERT(!line.adjusted);
  }

  void order_unit_keeps_quantity() {
    for (std::optional<std::string> unit :
         {std::optional<std::string>(), std::optional<std::string>(""), std::optional<std::string>("PK"),
          std::optional<std::string>("pk"), std::optional<std::string>("Pk"), std::optional<std::string>("pK")}) {
      auto line = accepted(decide_line(pack_of_100(), kNoReplacements, LineRequest{dec("7"), unit}));
      std::string label = unit ? "'" + *unit + "'" : "absent";
      CPPUNIT_ASSERT_EQUAL_MESSAGE(label, std::string("7"), line.quantity.to_string());
      CPPUNIT_ASSERT_MESSAGE(label, !line.adjusted);
    }
  }

  void base_unit_converts_to_full_packs() {
    struct Case {
      const char* each;
      const char* packs;
    };
    for (auto c :
         {Case{"500", "5"}, Case{"450", "5"}, Case{"1", "1"}, Case{"100", "1"}, Case{"101", "2"}, Case{"199", "2"},
          Case{"200", "2"}, Case{"0.5", "1"}, Case{"0.000001", "1"}, Case{"1000", "10"}, Case{"99.999999", "1"}}) {
      auto line = accepted(decide_line(pack_of_100(), kNoReplacements, request(c.each, "EA")));
      CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string(c.each) + " EA", std::string(c.packs), line.quantity.to_string());
      // A conversion is always reported, even when no rounding was needed.
      CPPUNIT_ASSERT_MESSAGE(std::string(c.each) + " EA", line.adjusted);
    }
  }

  void base_unit_conversion_is_case_insensitive() {
    for (const char* unit : {"ea", "Ea", "eA"}) {
      auto line = accepted(decide_line(pack_of_100(), kNoReplacements, request("450", unit)));
      CPPUNIT_ASSERT_EQUAL_MESSAGE(unit, std::string("5"), line.quantity.to_string());
      CPPUNIT_ASSERT_MESSAGE(unit, line.adjusted);
    }
  }

  void base_unit_conversion_respects_step() {
    // Half packs orderable: 450 EA is exactly 4.5 PK.
    CPPUNIT_ASSERT_EQUAL(
        std::string("4.5"),
        accepted(decide_line(pack_of_100("0.5"), kNoReplacements, request("450", "EA"))).quantity.to_string());
    CPPUNIT_ASSERT_EQUAL(
        std::string("0.5"),
        accepted(decide_line(pack_of_100("0.5"), kNoReplacements, request("1", "EA"))).quantity.to_string());
    // Only pairs of packs: 600 EA = 6 PK fits, 700 EA = 7 PK goes up to 8.
    CPPUNIT_ASSERT_EQUAL(
        std::string("6"),
        accepted(decide_line(pack_of_100("2"), kNoReplacements, request("600", "EA"))).quantity.to_string());
    CPPUNIT_ASSERT_EQUAL(
        std::string("8"),
        accepted(decide_line(pack_of_100("2"), kNoReplacements, request("700", "EA"))).quantity.to_string());
    // Kilograms sold in half-kilo steps, requested in grams.
    ItemUnits kilo{"KGM", "GRM", dec("1000"), dec("0.5")};
    auto line = accepted(decide_line(kilo, kNoReplacements, request("1200", "GRM")));
    CPPUNIT_ASSERT_EQUAL(std::string("1.5"), line.quantity.to_string());
    CPPUNIT_ASSERT(line.adjusted);
    // A three-pack asked for one piece: a third of a pack, rounded up to one pack.
    ItemUnits three{"PK", "EA", dec("3"), dec("1")};
    CPPUNIT_ASSERT_EQUAL(std::string("1"),
                         accepted(decide_line(three, kNoReplacements, request("1", "EA"))).quantity.to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("2"),
                         accepted(decide_line(three, kNoReplacements, request("4", "EA"))).quantity.to_string());
  }

  void unpacked_item_in_its_own_unit() {
    for (const char* unit : {"EA", "ea"}) {
      auto line = accepted(decide_line(single(), kNoReplacements, request("4", unit)));
      CPPUNIT_ASSERT_EQUAL(std::string("4"), line.quantity.to_string());
      CPPUNIT_ASSERT_MESSAGE(unit, !line.adjusted);
    }
  }

  void fractional_quantity_rounds_up_to_step() {
    auto whole = accepted(decide_line(single("1"), kNoReplacements, request("2.5")));
    CPPUNIT_ASSERT_EQUAL(std::string("3"), whole.quantity.to_string());
    CPPUNIT_ASSERT(whole.adjusted);

    auto half = accepted(decide_line(single("0.5"), kNoReplacements, request("2.5")));
    CPPUNIT_ASSERT_EQUAL(std::string("2.5"), half.quantity.to_string());
    CPPUNIT_ASSERT(!half.adjusted);

    auto up_to_half = accepted(decide_line(single("0.5"), kNoReplacements, request("2.6", "EA")));
    CPPUNIT_ASSERT_EQUAL(std::string("3"), up_to_half.quantity.to_string());
    CPPUNIT_ASSERT(up_to_half.adjusted);

    auto tiny = accepted(decide_line(single("1"), kNoReplacements, request("0.000001")));
    CPPUNIT_ASSERT_EQUAL(std::string("1"), tiny.quantity.to_string());
    CPPUNIT_ASSERT(tiny.adjusted);

    auto six_pack_steps = accepted(decide_line(single("6"), kNoReplacements, request("7")));
    CPPUNIT_ASSERT_EQUAL(std::string("12"), six_pack_steps.quantity.to_string());
    CPPUNIT_ASSERT(six_pack_steps.adjusted);

    // Trailing zeros in the request are not a change.
    auto same = accepted(decide_line(single("1"), kNoReplacements, request("3.000")));
    CPPUNIT_ASSERT_EQUAL(std::string("3"), same.quantity.to_string());
    CPPUNIT_ASSERT(!same.adjusted);
  }

  void negative_quantity_is_rejected() {
    std::string reason = rejected(decide_line(pack_of_100(), kNoReplacements, request("-1")));
    CPPUNIT_ASSERT_MESSAGE(reason, contains(reason, "-1"));
    CPPUNIT_ASSERT_MESSAGE(reason, contains(reason, "negative"));

    std::string fractional = rejected(decide_line(single("0.5"), kNoReplacements, request("-0.25")));
    CPPUNIT_ASSERT_MESSAGE(fractional, contains(fractional, "-0.25"));
    CPPUNIT_ASSERT_MESSAGE(fractional, contains(fractional, "negative"));

    // The sign is checked before the unit: the reason names the real problem.
    for (const char* unit : {"EA", "PK", "BOX"}) {
      std::string r = rejected(decide_line(pack_of_100(), kNoReplacements, request("-500", unit)));
      CPPUNIT_ASSERT_MESSAGE(r, contains(r, "negative"));
      CPPUNIT_ASSERT_MESSAGE(r, contains(r, "-500"));
    }
    rejected(decide_line(pack_of_100(), kNoReplacements, request("-0.000001")));
  }

  void foreign_unit_is_rejected_naming_both_units() {
    std::string reason = rejected(decide_line(pack_of_100(), kNoReplacements, request("5", "BOX")));
    CPPUNIT_ASSERT_MESSAGE(reason, contains(reason, "BOX"));
    CPPUNIT_ASSERT_MESSAGE(reason, contains(reason, "PK"));

    // The unit is named as the client sent it.
    std::string lower = rejected(decide_line(single(), kNoReplacements, request("5", "mtr")));
    CPPUNIT_ASSERT_MESSAGE(lower, contains(lower, "mtr"));
    CPPUNIT_ASSERT_MESSAGE(lower, contains(lower, "EA"));

    // Near misses are still foreign.
    for (const char* unit : {"P", "PKK", "PC", "E", "EAS", "KPK"})
      rejected(decide_line(pack_of_100(), kNoReplacements, request("5", unit)));
  }

  // The whole grid of units x quantities x steps for a pack of 100, against
  // integer arithmetic on units done here.
  void adjusted_exactly_when_converted_or_rounded() {
    const std::vector<std::optional<std::string>> units = {std::nullopt, "", "PK", "pk", "EA", "ea"};
    const std::vector<std::string_view> quantities = {"0.000001", "0.5", "1",   "2.5", "3",        "99",
                                                      "100",      "101", "450", "500", "1234.5678"};
    const std::vector<std::string_view> steps = {"1", "0.5", "2", "0.001"};
    int conversions = 0, roundings = 0, unchanged = 0;
    for (const auto& unit : units)
      for (auto q : quantities)
        for (auto step : steps) {
          std::int64_t q_units = dec(q).units();
          std::int64_t step_units = dec(step).units();
          bool convert = unit == std::optional<std::string>("EA") || unit == std::optional<std::string>("ea");
          std::int64_t in_order_unit = convert ? ceil_div(q_units, 100) : q_units;
          std::int64_t expected = ceil_div(in_order_unit, step_units) * step_units;
          bool expected_adjusted = convert || expected != q_units;
          if (convert)
            ++conversions;
          else if (expected != q_units)
            ++roundings;
          else
            ++unchanged;

          std::string label =
              std::string(q) + " " + (unit ? "'" + *unit + "'" : "absent") + " step " + std::string(step);
          auto line = accepted(decide_line(pack_of_100(step), kNoReplacements, LineRequest{dec(q), unit}));
          CPPUNIT_ASSERT_EQUAL_MESSAGE(label, expected, line.quantity.units());
          CPPUNIT_ASSERT_EQUAL_MESSAGE(label, expected_adjusted, line.adjusted);
        }
    // The grid must exercise all three situations, or it proves little.
    CPPUNIT_ASSERT(conversions > 0);
    CPPUNIT_ASSERT(roundings > 0);
    CPPUNIT_ASSERT(unchanged > 0);
  }

  void to_order_unit_matches_decide_line() {
    for (const char* unit : {"PK", "EA", "BOX"})
      for (const char* q : {"1", "2.5", "450", "-3"}) {
        auto direct = to_order_unit(pack_of_100(), request(q, unit));
        auto via = decide_line(pack_of_100(), kNoReplacements, request(q, unit));
        std::string label = std::string(q) + " " + unit;
        CPPUNIT_ASSERT_EQUAL_MESSAGE(label, direct.index() == 0, std::holds_alternative<AcceptLine>(via));
        if (auto* a = std::get_if<AcceptLine>(&direct)) {
          CPPUNIT_ASSERT_EQUAL_MESSAGE(label, a->quantity.units(), std::get<AcceptLine>(via).quantity.units());
          CPPUNIT_ASSERT_EQUAL_MESSAGE(label, a->adjusted, std::get<AcceptLine>(via).adjusted);
        } else {
          CPPUNIT_ASSERT_EQUAL_MESSAGE(label, std::get<RejectLine>(direct).reason, std::get<RejectLine>(via).reason);
        }
      }
    // Zero is not special here: converting nothing gives nothing.
    auto zero = to_order_unit(pack_of_100(), request("0", "EA"));
    CPPUNIT_ASSERT(std::holds_alternative<AcceptLine>(zero));
    CPPUNIT_ASSERT(std::get<AcceptLine>(zero).quantity.is_zero());
  }

  void to_order_unit_rejections() {
    auto negative = to_order_unit(single(), request("-2"));
    CPPUNIT_ASSERT(std::holds_alternative<RejectLine>(negative));
    CPPUNIT_ASSERT(contains(std::get<RejectLine>(negative).reason, "negative"));
    auto foreign = to_order_unit(single(), request("2", "KGM"));
    CPPUNIT_ASSERT(std::holds_alternative<RejectLine>(foreign));
    CPPUNIT_ASSERT(contains(std::get<RejectLine>(foreign).reason, "KGM"));
    CPPUNIT_ASSERT(contains(std::get<RejectLine>(foreign).reason, "EA"));
  }

  void same_unit_ignores_case_only() {
    CPPUNIT_ASSERT(same_unit("EA", "EA"));
    CPPUNIT_ASSERT(same_unit("EA", "ea"));
    CPPUNIT_ASSERT(same_unit("ea", "EA"));
    CPPUNIT_ASSERT(same_unit("kGm", "KgM"));
    CPPUNIT_ASSERT(same_unit("", ""));
    CPPUNIT_ASSERT(same_unit("X1", "x1"));
    CPPUNIT_ASSERT(!same_unit("EA", "E"));
    CPPUNIT_ASSERT(!same_unit("E", "EA"));
    CPPUNIT_ASSERT(!same_unit("EA", "EAX"));
    CPPUNIT_ASSERT(!same_unit("PK", "PC"));
    CPPUNIT_ASSERT(!same_unit("EA", ""));
    CPPUNIT_ASSERT(!same_unit("EA", "AE"));
    CPPUNIT_ASSERT(!same_unit("EA", " EA"));
    CPPUNIT_ASSERT(!same_unit("X1", "X2"));
  }

  void quantity_beyond_range_is_rejected_not_wrapped() {
    ItemUnits ea{"EA", "EA", Decimal::from_int(1), Decimal::from_int(1)};
    auto d = decide_line(ea, {}, LineRequest{*Decimal::parse("9223372036854.5"), std::nullopt});
    auto* reject = std::get_if<RejectLine>(&d);
    CPPUNIT_ASSERT(reject);
    CPPUNIT_ASSERT(reject->reason.find("out of range") != std::string::npos);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(OrderRequestLineTest);

}  // namespace og::test
