// A request line's quantity: a positive decimal within the operator's limits,
// judged from the text the client sent.
#include <cppunit/extensions/HelperMacros.h>

#include <string>

#include "eproc_demo.hpp"
#include "rules/eproc/quantity.hpp"

namespace og::test {

namespace {
using namespace og::test::eproc;

std::string outcome(const std::variant<Decimal, Problem>& q) {
  if (auto* p = std::get_if<Problem>(&q)) return std::string(to_string_view(p->reason));
  return "ok " + std::get<Decimal>(q).to_string();
}
}  // namespace

class EprocQuantityTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(EprocQuantityTest);
  CPPUNIT_TEST(table);
  CPPUNIT_TEST(decimals_every_limit_and_precision);
  CPPUNIT_TEST(max_decimals_beyond_six_is_six);
  CPPUNIT_TEST(the_largest_quantity_is_accepted);
  CPPUNIT_TEST(problems_quote_what_was_sent);
  CPPUNIT_TEST_SUITE_END();

 public:
  void table() {
    struct Row {
      const char* text;
      const char* expected;  // "ok <canonical>" or a fault code
    };
    const Row rows[] = {
        {"5", "ok 5"},
        {"+5", "ok 5"},
        {" 5 ", "ok 5"},
        {"\t2.5\n", "ok 2.5"},
        {"2.500", "ok 2.5"},
        {".5", "ok 0.5"},
        {"5.", "ok 5"},
        {"007", "ok 7"},
        {"0.001", "ok 0.001"},
        {"10000", "ok 10000"},
        {"10000.000", "ok 10000"},
        {"", "quantity-missing"},
        {"   ", "quantity-missing"},
        {"abc", "quantity-not-a-number"},
        {"1e3", "quantity-not-a-number"},
        {"1,5", "quantity-not-a-number"},
        {"1 000", "quantity-not-a-number"},
        {"1.2.3", "quantity-not-a-number"},
        {"+", "quantity-not-a-number"},
        {"-", "quantity-not-a-number"},
        {".", "quantity-not-a-number"},
        {"--1", "quantity-not-a-number"},
        {"+-1", "quantity-not-a-number"},
        {"0x10", "quantity-not-a-number"},
        {"-abc", "quantity-not-a-number"},
        {"NaN", "quantity-not-a-number"},
        {"Infinity", "quantity-not-a-number"},
        {"\xd9\xa5", "quantity-not-a-number"},  // ARABIC-INDIC DIGIT FIVE
        {"0", "quantity-not-positive"},
        {"0.000", "quantity-not-positive"},
        {".0", "quantity-not-positive"},
        {"-0", "quantity-not-positive"},
        {"+0", "quantity-not-positive"},
        {"-1", "quantity-not-positive"},
        {"-0.5", "quantity-not-positive"},
        {"-0.00001", "quantity-not-positive"},  // not positive comes before too many decimals
        {"0.0001", "quantity-too-many-decimals"},
        {"1.0000001", "quantity-too-many-decimals"},
        {"10000.001", "quantity-too-large"},
        {"10001", "quantity-too-large"},
        {"99999999999999999999999", "quantity-too-large"},  // beyond Decimal's range: still too large
        {"99999999999999999999999.0001", "quantity-too-many-decimals"},
    };
    const Limits limits;  // max 10000, 3 decimals
    for (const Row& row : rows)
      CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string("\"") + row.text + "\"", std::string(row.expected),
                                   outcome(check_quantity(row.text, limits)));
  }

  // "1.0...01" with k fraction digits (k = 1..7) against every max_decimals
  // 0..6, and the same with trailing zeros that do not count.
  void decimals_every_limit_and_precision() {
    for (int max = 0; max <= 6; ++max) {
      Limits limits;
      limits.max_decimals = max;
      for (int k = 1; k <= 7; ++k) {
        std::string text = "1." + std::string(static_cast<std::size_t>(k - 1), '0') + "1";
        std::string label = text + " max " + std::to_string(max);
        auto q = check_quantity(text, limits);
        if (k <= max) {
          CPPUNIT_ASSERT_MESSAGE(label, std::holds_alternative<Decimal>(q));
          CPPUNIT_ASSERT_MESSAGE(label, std::get<Decimal>(q) == *Decimal::parse(text));
        } else {
          CPPUNIT_ASSERT_EQUAL_MESSAGE(label, std::string("quantity-too-many-decimals"), outcome(q));
        }
        std::string padded = "2." + std::string(static_cast<std::size_t>(k), '0');
        CPPUNIT_ASSERT_EQUAL_MESSAGE(padded, std::string("ok 2"), outcome(check_quantity(padded, limits)));
      }
    }
  }

  void max_decimals_beyond_six_is_six() {
    Limits limits;
    limits.max_decimals = 10;
    CPPUNIT_ASSERT_EQUAL(std::string("ok 1.000001"), outcome(check_quantity("1.000001", limits)));
    CPPUNIT_ASSERT_EQUAL(std::string("quantity-too-many-decimals"), outcome(check_quantity("1.0000001", limits)));
    limits.max_decimals = -1;
    CPPUNIT_ASSERT_EQUAL(std::string("ok 1"), outcome(check_quantity("1", limits)));
    CPPUNIT_ASSERT_EQUAL(std::string("quantity-too-many-decimals"), outcome(check_quantity("1.5", limits)));
  }

  void the_largest_quantity_is_accepted() {
    Limits limits;
    limits.max_quantity = dec("2.5");
    limits.max_decimals = 6;
    CPPUNIT_ASSERT_EQUAL(std::string("ok 2.5"), outcome(check_quantity("2.5", limits)));
    CPPUNIT_ASSERT_EQUAL(std::string("ok 2.499999"), outcome(check_quantity("2.499999", limits)));
    CPPUNIT_ASSERT_EQUAL(std::string("quantity-too-large"), outcome(check_quantity("2.500001", limits)));
  }

  void problems_quote_what_was_sent() {
    auto q = check_quantity("1,5", Limits{});
    CPPUNIT_ASSERT(std::holds_alternative<Problem>(q));
    CPPUNIT_ASSERT(std::get<Problem>(q).text.find("\"1,5\"") != std::string::npos);
    auto big = check_quantity(std::string(500, '9'), Limits{});
    CPPUNIT_ASSERT(std::holds_alternative<Problem>(big));
    CPPUNIT_ASSERT_MESSAGE("client text is cut in a fault", std::get<Problem>(big).text.size() < 200);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(EprocQuantityTest);

}  // namespace og::test
