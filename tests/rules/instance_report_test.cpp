// Every answer of TransactionResponseType needs TransactionID and StatusCode,
// error answers included: every combination of what the server knows, what the
// request sent and whether the caller is authenticated.
#include <cppunit/extensions/HelperMacros.h>

#include <optional>
#include <string>

#include "rules/veloconnect/instance_report.hpp"

namespace og::test {

namespace {
using og::rules::veloconnect::InstanceReport;
using og::rules::veloconnect::KnownInstance;
using og::rules::veloconnect::kUnknownInstanceStatus;
using og::rules::veloconnect::report_instance;
}  // namespace

class InstanceReportTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(InstanceReportTest);
  CPPUNIT_TEST(unknown_instance_reports_the_start_state);
  CPPUNIT_TEST(every_combination);
  CPPUNIT_TEST_SUITE_END();

 public:
  void unknown_instance_reports_the_start_state() {
    CPPUNIT_ASSERT_EQUAL(1, kUnknownInstanceStatus);
    InstanceReport r = report_instance(std::nullopt, std::string("T-1"), true);
    CPPUNIT_ASSERT_EQUAL(std::string("T-1"), r.transaction_id);
    CPPUNIT_ASSERT_EQUAL(1, r.status_code);
  }

  void every_combination() {
    const std::optional<KnownInstance> knowns[] = {std::nullopt, KnownInstance{"OWN", 2}, KnownInstance{"OWN", 100},
                                                   KnownInstance{"OWN", 198}, KnownInstance{"OWN", 199}};
    const std::optional<std::string> sents[] = {std::nullopt, std::string(), std::string("SENT")};
    for (const auto& known : knowns)
      for (const auto& sent : sents)
        for (bool authenticated : {false, true}) {
          InstanceReport r = report_instance(known, sent, authenticated);
          std::string label = std::string(known ? known->id + "/" + std::to_string(known->state) : "none") + " " +
                              sent.value_or("(absent)") + (authenticated ? " auth" : " unauth");
          // The StatusCodeType range 1-199 always holds.
          CPPUNIT_ASSERT_MESSAGE(label, r.status_code >= 1 && r.status_code <= 199);
          if (!authenticated) {
            // 410/411: nothing of the request's instance is echoed.
            CPPUNIT_ASSERT_EQUAL_MESSAGE(label, std::string(), r.transaction_id);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(label, kUnknownInstanceStatus, r.status_code);
          } else if (known) {
            CPPUNIT_ASSERT_EQUAL_MESSAGE(label, known->id, r.transaction_id);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(label, known->state, r.status_code);
          } else {
            CPPUNIT_ASSERT_EQUAL_MESSAGE(label, sent.value_or(""), r.transaction_id);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(label, kUnknownInstanceStatus, r.status_code);
          }
        }
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(InstanceReportTest);

}  // namespace og::test
