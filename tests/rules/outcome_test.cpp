// describe() is the fallback ResponseMessage: a client must be able to tell
// every outcome apart from the text alone.
#include <cppunit/extensions/HelperMacros.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rules/veloconnect/outcome.hpp"

namespace og::test {

namespace {
using og::rules::veloconnect::describe;
using og::rules::veloconnect::Outcome;

const std::vector<Outcome> kAll = {Outcome::Ok,
                                   Outcome::GeneralError,
                                   Outcome::NotSupported,
                                   Outcome::NotSchemaValid,
                                   Outcome::ObsoleteVersion,
                                   Outcome::UnknownBuyer,
                                   Outcome::AuthenticationFailed,
                                   Outcome::UnknownSeller,
                                   Outcome::UnknownTransaction,
                                   Outcome::NoInstanceAvailable,
                                   Outcome::WrongState,
                                   Outcome::TestMix,
                                   Outcome::InternalError};
}  // namespace

class OutcomeTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(OutcomeTest);
  CPPUNIT_TEST(every_outcome_is_listed);
  CPPUNIT_TEST(every_outcome_has_text);
  CPPUNIT_TEST(texts_are_distinct);
  CPPUNIT_TEST(texts_follow_the_standard);
  CPPUNIT_TEST(unknown_value_falls_back_to_internal_error);
  CPPUNIT_TEST_SUITE_END();

 public:
  // The enum is dense from Ok to InternalError; if someone adds a value after
  // InternalError this list (and describe()) must grow with it.
  void every_outcome_is_listed() {
    CPPUNIT_ASSERT_EQUAL(std::size_t{13}, kAll.size());
    for (std::size_t i = 0; i < kAll.size(); ++i) CPPUNIT_ASSERT_EQUAL(static_cast<int>(i), static_cast<int>(kAll[i]));
  }

  void every_outcome_has_text() {
    for (auto o : kAll) {
      std::string_view text = describe(o);
      CPPUNIT_ASSERT_MESSAGE("outcome " + std::to_string(static_cast<int>(o)), !text.empty());
      // A message line, not a paragraph: no line breaks, no padding.
      CPPUNIT_ASSERT(text.find('\n') == std::string_view::npos);
      CPPUNIT_ASSERT(text.front() != ' ' && text.back() != ' ');
    }
  }

  void texts_are_distinct() {
    std::set<std::string_view> texts;
    for (auto o : kAll)
      CPPUNIT_ASSERT_MESSAGE("duplicate text: " + std::string(describe(o)), texts.insert(describe(o)).second);
    CPPUNIT_ASSERT_EQUAL(kAll.size(), texts.size());
  }

  void texts_follow_the_standard() {
    CPPUNIT_ASSERT_EQUAL(std::string("OK"), std::string(describe(Outcome::Ok)));
    CPPUNIT_ASSERT_EQUAL(std::string("Unknown BuyersID"), std::string(describe(Outcome::UnknownBuyer)));
    CPPUNIT_ASSERT_EQUAL(std::string("Authentication failed"), std::string(describe(Outcome::AuthenticationFailed)));
    CPPUNIT_ASSERT_EQUAL(std::string("Unknown TransactionID"), std::string(describe(Outcome::UnknownTransaction)));
    CPPUNIT_ASSERT_EQUAL(std::string("Internal server error"), std::string(describe(Outcome::InternalError)));
    CPPUNIT_ASSERT(describe(Outcome::TestMix).find("test") != std::string_view::npos);
    CPPUNIT_ASSERT(describe(Outcome::WrongState).find("state") != std::string_view::npos);
    CPPUNIT_ASSERT(describe(Outcome::NotSchemaValid).find("schema") != std::string_view::npos);
  }

  // A value outside the enumerators (e.g. from a corrupted store) still gets a
  // sensible text rather than garbage.
  void unknown_value_falls_back_to_internal_error() {
    CPPUNIT_ASSERT_EQUAL(std::string(describe(Outcome::InternalError)),
                         std::string(describe(static_cast<Outcome>(1000))));
    CPPUNIT_ASSERT_EQUAL(std::string(describe(Outcome::InternalError)),
                         std::string(describe(static_cast<Outcome>(-1))));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(OutcomeTest);

}  // namespace og::test
