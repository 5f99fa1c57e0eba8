// The cell parser every CSV import shares: what a spreadsheet's cell reads as,
// and the exact problem text the imports report as "row N: ...".
#include <cppunit/extensions/HelperMacros.h>

#include <initializer_list>

#include "core/catalog/csv_cell.hpp"

namespace og::test {

namespace {

// One row with a single column `column` holding `value`.
struct OneCell {
  std::vector<std::string> header;
  std::vector<std::string> fields;
  core::CsvRow row;
  std::vector<std::string> problems;
  OneCell(const std::string& column, const std::string& value)
      : header{column}, fields{value}, row(fields, header, 2) {}
  core::CsvCells cells() { return core::CsvCells{row, problems}; }
  // The cell was refused with this one problem.
  void refused(const std::string& problem) const {
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, problems.size());
    CPPUNIT_ASSERT_EQUAL(problem, problems[0]);
  }
};

// Each of `texts` in `column` reads as nothing, with "<column> '<text>' <what>".
template <class Read>
void all_refused(const char* column, std::initializer_list<const char*> texts, Read read, const std::string& what) {
  for (const char* text : texts) {
    OneCell c(column, text);
    CPPUNIT_ASSERT(!read(c.cells(), column));
    c.refused(std::string(column) + " '" + text + "' " + what);
  }
}

}  // namespace

class CsvCellTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(CsvCellTest);
  CPPUNIT_TEST(a_decimal_comma_reads_as_a_point);
  CPPUNIT_TEST(thousands_separators_are_not_a_decimal_number);
  CPPUNIT_TEST(an_empty_cell_is_a_problem_only_when_required);
  CPPUNIT_TEST(a_negative_decimal_is_refused);
  CPPUNIT_TEST(above_zero_refuses_zero);
  CPPUNIT_TEST(a_bad_date_is_refused);
  CPPUNIT_TEST(a_plain_date_has_no_time_zone);
  CPPUNIT_TEST(a_bad_unit_code_is_refused);
  CPPUNIT_TEST(a_currency_is_three_capitals);
  CPPUNIT_TEST(an_identifier_is_1_to_64_characters);
  CPPUNIT_TEST(words_split_at_spaces_and_bars);
  CPPUNIT_TEST_SUITE_END();

 public:
  void a_decimal_comma_reads_as_a_point() {
    OneCell c("price", "4,95");
    auto d = c.cells().decimal("price");
    CPPUNIT_ASSERT(d);
    CPPUNIT_ASSERT_EQUAL(std::string("4.95"), d->to_string());
    OneCell point("price", " 4.95 ");
    CPPUNIT_ASSERT_EQUAL(std::string("4.95"), point.cells().decimal("price")->to_string());
    CPPUNIT_ASSERT(c.problems.empty() && point.problems.empty());
  }

  void thousands_separators_are_not_a_decimal_number() {
    all_refused(
        "stock", {"1.234,56", "1,234.56", "1,234,567"},
        [](const core::CsvCells& c, const char* column) { return c.decimal(column); }, "is not a decimal number");
  }

  void an_empty_cell_is_a_problem_only_when_required() {
    OneCell c("quantity", "  ");
    CPPUNIT_ASSERT(!c.cells().decimal("quantity"));
    CPPUNIT_ASSERT(!c.cells().date("quantity"));
    CPPUNIT_ASSERT(!c.cells().id("quantity"));
    CPPUNIT_ASSERT(!c.cells().unit("quantity"));
    CPPUNIT_ASSERT(c.problems.empty());
    CPPUNIT_ASSERT(!c.cells().decimal("quantity", core::Presence::Required));
    CPPUNIT_ASSERT_EQUAL(std::string(""), c.cells().required("quantity"));
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, c.problems.size());
    CPPUNIT_ASSERT_EQUAL(std::string("quantity is empty"), c.problems[0]);
    CPPUNIT_ASSERT_EQUAL(std::string("quantity is empty"), c.problems[1]);
  }

  void a_negative_decimal_is_refused() {
    OneCell c("rrp", "-1,5");
    CPPUNIT_ASSERT(!c.cells().decimal("rrp"));
    c.refused("rrp '-1,5' must be 0 or more");
    OneCell zero("rrp", "0");
    CPPUNIT_ASSERT(zero.cells().decimal("rrp"));
    CPPUNIT_ASSERT(zero.problems.empty());
  }

  void above_zero_refuses_zero() {
    OneCell c("step", "0,0");
    CPPUNIT_ASSERT(!c.cells().decimal("step", core::Presence::Optional, core::Sign::AboveZero));
    c.refused("step '0,0' must be above 0");
  }

  void a_bad_date_is_refused() {
    all_refused(
        "next_delivery", {"2026-02-30", "07.12.2026", "2026-1-5"},
        [](const core::CsvCells& c, const char* column) { return c.date(column); }, "is not a date (YYYY-MM-DD)");
    OneCell good("next_delivery", "2026-12-07");
    CPPUNIT_ASSERT_EQUAL(std::string("2026-12-07"), *good.cells().date("next_delivery"));
  }

  // The catalogue takes what xsd:date takes; receipts' dates are plain.
  void a_plain_date_has_no_time_zone() {
    OneCell c("issue_date", "2026-12-07Z");
    CPPUNIT_ASSERT_EQUAL(std::string("2026-12-07"), *c.cells().date("issue_date"));
    CPPUNIT_ASSERT(c.problems.empty());
    CPPUNIT_ASSERT(!c.cells().date("issue_date", core::Presence::Optional, core::DateForm::Plain));
    c.refused("issue_date '2026-12-07Z' is not a date (YYYY-MM-DD)");
  }

  void a_bad_unit_code_is_refused() {
    all_refused(
        "unit", {"PACK", "M-2"}, [](const core::CsvCells& c, const char* column) { return c.unit(column); },
        "is not a UN/ECE Rec. 20 unit code (EA, PK, MTR, ...)");
    OneCell good("unit", "MTR");
    CPPUNIT_ASSERT_EQUAL(std::string("MTR"), *good.cells().unit("unit"));
  }

  void a_currency_is_three_capitals() {
    OneCell c("currency", "eur");
    CPPUNIT_ASSERT(!c.cells().currency("currency"));
    CPPUNIT_ASSERT_EQUAL(std::string("currency 'eur' is not an ISO 4217 code (EUR, CHF, ...)"), c.problems.at(0));
    OneCell good("currency", "CHF");
    CPPUNIT_ASSERT_EQUAL(std::string("CHF"), *good.cells().currency("currency"));
  }

  void an_identifier_is_1_to_64_characters() {
    OneCell c("item_id", std::string(65, 'x'));
    CPPUNIT_ASSERT(!c.cells().id("item_id"));
    CPPUNIT_ASSERT_EQUAL("item_id '" + std::string(65, 'x') + "' is not an identifier (1 to 64 characters)",
                         c.problems.at(0));
    CPPUNIT_ASSERT(core::identifier_ok(std::string(64, 'x')));
    CPPUNIT_ASSERT(!core::identifier_ok("a\tb"));
    CPPUNIT_ASSERT(!core::identifier_ok(""));
  }

  void words_split_at_spaces_and_bars() {
    std::vector<std::string> expected{"A1", "B2", "C3"};
    CPPUNIT_ASSERT(core::words(" A1 |B2||  C3 ") == expected);
    CPPUNIT_ASSERT(core::words("").empty());
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(CsvCellTest);

}  // namespace og::test
