// Version negotiation decides which namespace a client is answered in; a wrong
// answer here makes every reply unreadable for that client.
#include <cppunit/extensions/HelperMacros.h>

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "rules/veloconnect/version.hpp"

namespace og::test {

namespace {
using og::rules::veloconnect::catalog_namespace_for;
using og::rules::veloconnect::CatalogNs;
using og::rules::veloconnect::get_status_namespace_for;
using og::rules::veloconnect::kDefaultVersion;
using og::rules::veloconnect::kNewestVersion;
using og::rules::veloconnect::kOldestVersion;
using og::rules::veloconnect::negotiate_version;
using og::rules::veloconnect::Obsolete;
using og::rules::veloconnect::profile_namespace_for;
using og::rules::veloconnect::ProfileNs;
using og::rules::veloconnect::TransactionNs;
using og::rules::veloconnect::Version;
using og::rules::veloconnect::version_in_namespace;

std::string text(Version v) {
  return std::to_string(v.major) + "." + std::to_string(v.minor);
}
std::string text(const std::optional<Version>& v) {
  return v ? text(*v) : "none";
}
std::string text(const std::variant<Version, Obsolete>& v) {
  return std::holds_alternative<Obsolete>(v) ? "obsolete" : text(std::get<Version>(v));
}

std::string negotiated(std::optional<std::string_view> requested) {
  return text(negotiate_version(requested));
}

std::string name(ProfileNs ns) {
  switch (ns) {
    case ProfileNs::V1_1: return "profile-1.1";
    case ProfileNs::V1_4: return "profile-1.4";
    case ProfileNs::V1_5: return "profile-1.5";
    case ProfileNs::V1_6: return "profile-1.6";
  }
  return "?";
}

std::string name(CatalogNs ns) {
  switch (ns) {
    case CatalogNs::V1_5: return "catalog-1.5";
  }
  return "?";
}

std::string name(TransactionNs ns) {
  switch (ns) {
    case TransactionNs::V1_0: return "transaction-1.0";
    case TransactionNs::V1_4: return "transaction-1.4";
    case TransactionNs::V1_6: return "transaction-1.6";
  }
  return "?";
}
}  // namespace

class VersionTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(VersionTest);
  CPPUNIT_TEST(constants_and_ordering);
  CPPUNIT_TEST(absent_version_is_default);
  CPPUNIT_TEST(supported_versions_are_kept);
  CPPUNIT_TEST(newer_versions_are_capped);
  CPPUNIT_TEST(older_than_oldest_is_obsolete);
  CPPUNIT_TEST(invalid_text_is_ignored);
  CPPUNIT_TEST(version_from_namespace);
  CPPUNIT_TEST(no_version_in_namespace);
  CPPUNIT_TEST(profile_namespace_per_version);
  CPPUNIT_TEST(catalog_namespace_per_version);
  CPPUNIT_TEST(get_status_namespace_per_version);
  CPPUNIT_TEST(every_negotiated_version_has_a_namespace);
  CPPUNIT_TEST_SUITE_END();

 public:
  void constants_and_ordering() {
    CPPUNIT_ASSERT_EQUAL(std::string("1.1"), text(kDefaultVersion));
    CPPUNIT_ASSERT_EQUAL(std::string("1.0"), text(kOldestVersion));
    CPPUNIT_ASSERT_EQUAL(std::string("1.6"), text(kNewestVersion));
    CPPUNIT_ASSERT_EQUAL(std::string("1.1"), text(Version{}));
    // Minor versions compare as numbers, not as decimal fractions.
    CPPUNIT_ASSERT((Version{1, 4} < Version{1, 10}));
    CPPUNIT_ASSERT((Version{1, 9} < Version{2, 0}));
    CPPUNIT_ASSERT((Version{1, 4} == Version{1, 4}));
    CPPUNIT_ASSERT(kOldestVersion <= kDefaultVersion && kDefaultVersion <= kNewestVersion);
  }

  void absent_version_is_default() { CPPUNIT_ASSERT_EQUAL(std::string("1.1"), negotiated(std::nullopt)); }

  void supported_versions_are_kept() {
    for (const char* v : {"1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6"})
      CPPUNIT_ASSERT_EQUAL(std::string(v), negotiated(v));
    // Leading zeros are still the same number.
    CPPUNIT_ASSERT_EQUAL(std::string("1.4"), negotiated("01.04"));
    CPPUNIT_ASSERT_EQUAL(std::string("1.4"), negotiated("1.04"));
  }

  void newer_versions_are_capped() {
    for (const char* v : {"1.7", "1.10", "1.99", "2.0", "2.5", "10.0", "99999.999"})
      CPPUNIT_ASSERT_EQUAL_MESSAGE(v, std::string("1.6"), negotiated(v));
  }

  void older_than_oldest_is_obsolete() {
    for (const char* v : {"0.9", "0.0", "0.99", "00.1"})
      CPPUNIT_ASSERT_EQUAL_MESSAGE(v, std::string("obsolete"), negotiated(v));
  }

  void invalid_text_is_ignored() {
    for (const char* v : {"",     "1",    "16",   "1.",  ".1",   ".",    "a.b",  "1.a",  "x1.4",       "1.4.1", "1..4",
                          " 1.4", "1.4 ", "v1.4", "1,4", "-1.4", "+1.4", "-0.9", "1.-4", "1234567.89", "latest"})
      CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string("'") + v + "'", std::string("1.1"), negotiated(v));
  }

  void version_from_namespace() {
    CPPUNIT_ASSERT_EQUAL(std::string("1.4"), text(version_in_namespace("urn:veloconnect:profile-1.4")));
    CPPUNIT_ASSERT_EQUAL(std::string("1.1"), text(version_in_namespace("urn:veloconnect:order-1.1")));
    CPPUNIT_ASSERT_EQUAL(std::string("1.5"), text(version_in_namespace("urn:veloconnect:catalog-1.5")));
    CPPUNIT_ASSERT_EQUAL(std::string("1.0"), text(version_in_namespace("urn:veloconnect:transaction-1.0")));
    CPPUNIT_ASSERT_EQUAL(std::string("1.6"), text(version_in_namespace("urn:veloconnect:profile-1.6")));
    // Not capped and not judged: that is negotiate_version's job.
    CPPUNIT_ASSERT_EQUAL(std::string("2.0"), text(version_in_namespace("urn:veloconnect:profile-2.0")));
    CPPUNIT_ASSERT_EQUAL(std::string("0.9"), text(version_in_namespace("urn:veloconnect:profile-0.9")));
    // Only the part after the last dash counts.
    CPPUNIT_ASSERT_EQUAL(std::string("1.5"), text(version_in_namespace("urn:velo-connect:text-search-1.5")));
    CPPUNIT_ASSERT_EQUAL(std::string("1.4"), text(version_in_namespace("-1.4")));
  }

  void no_version_in_namespace() {
    for (const char* ns :
         {"", "urn:veloconnect", "urn:veloconnect:profile", "urn:veloconnect:profile-", "urn:veloconnect:profile-1",
          "urn:veloconnect:profile-1.4.1", "urn:veloconnect:profile-1.4/", "urn:x-y:profile",
          "urn:veloconnect:profile-latest", "http://www.w3.org/2001/XMLSchema-instance"})
      CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string("'") + ns + "'", std::string("none"), text(version_in_namespace(ns)));
  }

  void profile_namespace_per_version() {
    CPPUNIT_ASSERT_EQUAL(std::string("profile-1.1"), name(profile_namespace_for(Version{1, 0})));
    CPPUNIT_ASSERT_EQUAL(std::string("profile-1.1"), name(profile_namespace_for(Version{1, 1})));
    CPPUNIT_ASSERT_EQUAL(std::string("profile-1.1"), name(profile_namespace_for(Version{1, 2})));
    CPPUNIT_ASSERT_EQUAL(std::string("profile-1.1"), name(profile_namespace_for(Version{1, 3})));
    CPPUNIT_ASSERT_EQUAL(std::string("profile-1.4"), name(profile_namespace_for(Version{1, 4})));
    CPPUNIT_ASSERT_EQUAL(std::string("profile-1.5"), name(profile_namespace_for(Version{1, 5})));
    CPPUNIT_ASSERT_EQUAL(std::string("profile-1.6"), name(profile_namespace_for(Version{1, 6})));
    CPPUNIT_ASSERT_EQUAL(std::string("profile-1.6"), name(profile_namespace_for(Version{2, 0})));
    CPPUNIT_ASSERT_EQUAL(std::string("profile-1.1"), name(profile_namespace_for(Version{0, 9})));
  }

  // The official set declares catalog-1.5 only: older versions (catalog-1.1,
  // the URL binding's default 1.1) get the oldest declared one.
  void catalog_namespace_per_version() {
    for (int major = 0; major <= 2; ++major)
      for (int minor = 0; minor <= 12; ++minor)
        CPPUNIT_ASSERT_EQUAL(std::string("catalog-1.5"), name(catalog_namespace_for(Version{major, minor})));
  }

  // Newest declared (1.0, 1.4, 1.6) not newer than asked, else 1.0.
  void get_status_namespace_per_version() {
    struct Case {
      Version v;
      const char* ns;
    };
    for (const auto& c :
         {Case{{0, 9}, "transaction-1.0"}, Case{{1, 0}, "transaction-1.0"}, Case{{1, 1}, "transaction-1.0"},
          Case{{1, 2}, "transaction-1.0"}, Case{{1, 3}, "transaction-1.0"}, Case{{1, 4}, "transaction-1.4"},
          Case{{1, 5}, "transaction-1.4"}, Case{{1, 6}, "transaction-1.6"}, Case{{1, 7}, "transaction-1.6"},
          Case{{1, 10}, "transaction-1.6"}, Case{{2, 0}, "transaction-1.6"}})
      CPPUNIT_ASSERT_EQUAL_MESSAGE(text(c.v), std::string(c.ns), name(get_status_namespace_for(c.v)));
  }

  // From the URL parameter to the namespaces answered in, for each request.
  void every_negotiated_version_has_a_namespace() {
    struct Case {
      std::optional<std::string_view> requested;
      const char* profile;
      const char* catalog;
    };
    for (const auto& c : {Case{std::nullopt, "profile-1.1", "catalog-1.5"}, Case{"1.0", "profile-1.1", "catalog-1.5"},
                          Case{"1.3", "profile-1.1", "catalog-1.5"}, Case{"1.4", "profile-1.4", "catalog-1.5"},
                          Case{"1.5", "profile-1.5", "catalog-1.5"}, Case{"1.6", "profile-1.6", "catalog-1.5"},
                          Case{"3.1", "profile-1.6", "catalog-1.5"}, Case{"junk", "profile-1.1", "catalog-1.5"}}) {
      auto negotiated_version = negotiate_version(c.requested);
      std::string label(c.requested.value_or("absent"));
      CPPUNIT_ASSERT_MESSAGE(label, std::holds_alternative<Version>(negotiated_version));
      Version v = std::get<Version>(negotiated_version);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(label, std::string(c.profile), name(profile_namespace_for(v)));
      CPPUNIT_ASSERT_EQUAL_MESSAGE(label, std::string(c.catalog), name(catalog_namespace_for(v)));
    }
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(VersionTest);

}  // namespace og::test
