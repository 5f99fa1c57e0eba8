// The conformance kit's report: WARN and SKIP never fail a run, FAIL does,
// and the table stays one line per check whatever a server writes.
#include <cppunit/extensions/HelperMacros.h>

#include "app/conformance/report.hpp"

namespace og::test {

using namespace og::app::conformance;

class ConformanceReportTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(ConformanceReportTest);
  CPPUNIT_TEST(warn_and_skip_leave_the_exit_code_0);
  CPPUNIT_TEST(one_fail_makes_it_1);
  CPPUNIT_TEST(the_table_aligns_and_keeps_details_on_one_line);
  CPPUNIT_TEST_SUITE_END();

 public:
  void warn_and_skip_leave_the_exit_code_0() {
    Report r;
    r.add("GetProfile", Verdict::Pass, "lists Order");
    r.add("lenient: byte order mark", Verdict::Warn, "405");
    r.add("Rollback open order", Verdict::Skip, "not listed");
    CPPUNIT_ASSERT_EQUAL(0, r.exit_code());
    CPPUNIT_ASSERT_EQUAL(1, r.count(Verdict::Warn));
  }

  void one_fail_makes_it_1() {
    Report r;
    r.add("GetProfile", Verdict::Pass, "");
    r.add("Order create", Verdict::Fail, "expected ResponseCode 200, got ResponseCode 500");
    CPPUNIT_ASSERT_EQUAL(1, r.exit_code());
  }

  void the_table_aligns_and_keeps_details_on_one_line() {
    Report r;
    r.add("a", Verdict::Pass, "fine");
    r.add("a longer check", Verdict::Fail, "line one\nline two");
    std::string out = r.format();
    CPPUNIT_ASSERT_MESSAGE(out, out.find("CHECK           RESULT  DETAIL\n") == 0);
    CPPUNIT_ASSERT_MESSAGE(out, out.find("a               PASS    fine\n") != std::string::npos);
    CPPUNIT_ASSERT_MESSAGE(out, out.find("a longer check  FAIL    line one line two\n") != std::string::npos);
    CPPUNIT_ASSERT_MESSAGE(out, out.find("2 checks: 1 PASS, 1 FAIL, 0 SKIP, 0 WARN") != std::string::npos);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ConformanceReportTest);

}  // namespace og::test
