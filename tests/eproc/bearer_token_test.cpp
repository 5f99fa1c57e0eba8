// Bearer tokens (src/eproc/bearer_token) and reading the Authorization
// header (src/eproc/credentials).
#include <cppunit/extensions/HelperMacros.h>

#include <chrono>
#include <string>
#include <vector>

#include "eproc/bearer_token.hpp"
#include "eproc/credentials.hpp"

namespace og::test {

using eproc::TokenIssuer;
using namespace std::chrono_literals;

namespace {

const TokenIssuer::Clock::time_point kNow = TokenIssuer::Clock::time_point(std::chrono::seconds(1'800'000'000));

std::string flip(std::string s, std::size_t at) {
  s[at] = s[at] == 'A' ? 'B' : 'A';
  return s;
}

}  // namespace

class BearerTokenTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(BearerTokenTest);
  CPPUNIT_TEST(an_issued_token_names_its_client);
  CPPUNIT_TEST(a_token_expires_after_its_lifetime);
  CPPUNIT_TEST(another_key_does_not_accept_it);
  CPPUNIT_TEST(every_changed_character_is_refused);
  CPPUNIT_TEST(a_forged_payload_is_refused);
  CPPUNIT_TEST(garbage_is_malformed);
  CPPUNIT_TEST(random_keys_differ_per_issuer);
  CPPUNIT_TEST(base64url_round_trips_and_is_canonical);
  CPPUNIT_TEST(authorization_headers);
  CPPUNIT_TEST_SUITE_END();

 public:
  void an_issued_token_names_its_client() {
    TokenIssuer issuer("k", 15min);
    for (std::string id :
         std::vector<std::string>{"garage-01", "with:colon", "", "ünïcode", std::string("nul\0byte", 8)}) {
      auto token = issuer.issue(id, kNow);
      CPPUNIT_ASSERT(token.starts_with("ogt1."));
      auto v = issuer.verify(token, kNow);
      CPPUNIT_ASSERT(v.verdict == TokenIssuer::Verdict::Valid);
      CPPUNIT_ASSERT_EQUAL(id, v.client_id);
    }
    CPPUNIT_ASSERT_EQUAL(std::chrono::seconds(900), issuer.lifetime());
  }

  void a_token_expires_after_its_lifetime() {
    TokenIssuer issuer("k", 60s);
    auto token = issuer.issue("garage-01", kNow);
    CPPUNIT_ASSERT(issuer.verify(token, kNow + 59s).verdict == TokenIssuer::Verdict::Valid);
    CPPUNIT_ASSERT(issuer.verify(token, kNow + 60s).verdict == TokenIssuer::Verdict::Expired);
    CPPUNIT_ASSERT(issuer.verify(token, kNow + 24h).verdict == TokenIssuer::Verdict::Expired);
    CPPUNIT_ASSERT(issuer.verify(token, kNow + 24h).client_id.empty());
  }

  void another_key_does_not_accept_it() {
    TokenIssuer a("key-a", 15min);
    TokenIssuer b("key-b", 15min);
    CPPUNIT_ASSERT(b.verify(a.issue("garage-01", kNow), kNow).verdict == TokenIssuer::Verdict::BadSignature);
  }

  void every_changed_character_is_refused() {
    TokenIssuer issuer("k", 15min);
    auto token = issuer.issue("garage-01", kNow);
    for (std::size_t i = 0; i < token.size(); ++i) {
      if (token[i] == '.') continue;
      auto v = issuer.verify(flip(token, i), kNow);
      CPPUNIT_ASSERT_MESSAGE(std::to_string(i), v.verdict != TokenIssuer::Verdict::Valid);
      CPPUNIT_ASSERT(v.client_id.empty());
    }
    CPPUNIT_ASSERT(issuer.verify(token + "A", kNow).verdict != TokenIssuer::Verdict::Valid);
    CPPUNIT_ASSERT(issuer.verify(token.substr(0, token.size() - 1), kNow).verdict != TokenIssuer::Verdict::Valid);
  }

  void a_forged_payload_is_refused() {
    // Another client, or a later expiry, under the original signature.
    TokenIssuer issuer("k", 15min);
    auto token = issuer.issue("garage-01", kNow);
    auto mac = token.substr(token.rfind('.'));
    auto expiry = std::chrono::duration_cast<std::chrono::seconds>((kNow + 15min).time_since_epoch()).count();
    for (std::string payload : {std::to_string(expiry) + ":garage-02", std::to_string(expiry + 86400) + ":garage-01"}) {
      auto forged = "ogt1." + eproc::base64url(payload) + mac;
      CPPUNIT_ASSERT(issuer.verify(forged, kNow).verdict == TokenIssuer::Verdict::BadSignature);
    }
  }

  void garbage_is_malformed() {
    TokenIssuer issuer("k", 15min);
    for (std::string t : std::vector<std::string>{"", "ogt1.", "ogt1..", "abc", "ogt2.e30.AAAA", "ogt1.***.AAAA",
                                                  "ogt1.e30", std::string(5000, 'A')})
      CPPUNIT_ASSERT_MESSAGE(t, issuer.verify(t, kNow).verdict == TokenIssuer::Verdict::Malformed);
  }

  void random_keys_differ_per_issuer() {
    TokenIssuer a(15min);
    TokenIssuer b(15min);
    auto token = a.issue("garage-01", kNow);
    CPPUNIT_ASSERT(a.verify(token, kNow).verdict == TokenIssuer::Verdict::Valid);
    CPPUNIT_ASSERT(b.verify(token, kNow).verdict == TokenIssuer::Verdict::BadSignature);
  }

  void base64url_round_trips_and_is_canonical() {
    for (std::string s : {"", "f", "fo", "foo", "foob", "fooba", "foobar", "\xff\xfe\xfd?>"}) {
      std::string back;
      auto encoded = eproc::base64url(s);
      CPPUNIT_ASSERT(encoded.find_first_of("+/=") == std::string::npos);
      CPPUNIT_ASSERT(eproc::from_base64url(encoded, back));
      CPPUNIT_ASSERT_EQUAL(s, back);
    }
    CPPUNIT_ASSERT_EQUAL(std::string("Zm9vYmFy"), eproc::base64url("foobar"));
    std::string out;
    CPPUNIT_ASSERT(!eproc::from_base64url("Zh", out));  // "Zg" is the one spelling of "f"
    CPPUNIT_ASSERT(!eproc::from_base64url("Z", out));
    CPPUNIT_ASSERT(!eproc::from_base64url("Zg==", out));
    CPPUNIT_ASSERT(!eproc::from_base64url("Z+8", out));
  }

  void authorization_headers() {
    using eproc::BasicCredentials;
    using eproc::BearerCredentials;
    auto basic = eproc::read_credentials("Basic Z2FyYWdlLTAxOmdhcmFnZS0wMS1wYXNz");
    CPPUNIT_ASSERT_EQUAL(std::string("garage-01"), std::get<BasicCredentials>(basic).user);
    CPPUNIT_ASSERT_EQUAL(std::string("garage-01-pass"), std::get<BasicCredentials>(basic).password);
    auto lower = eproc::read_credentials("  basic   Z2FyYWdlLTAxOmE6Yg==  ");
    CPPUNIT_ASSERT_EQUAL(std::string("a:b"), std::get<BasicCredentials>(lower).password);
    auto bearer = eproc::read_credentials("Bearer ogt1.abc.def");
    CPPUNIT_ASSERT_EQUAL(std::string("ogt1.abc.def"), std::get<BearerCredentials>(bearer).token);
    CPPUNIT_ASSERT_EQUAL(std::string("x"), std::get<BearerCredentials>(eproc::read_credentials("bearer x")).token);
    for (std::string h : std::vector<std::string>{"", "Basic", "Basic ", "Basic ====", "Basic Zm9v", "Basic Zm=9v",
                                                  "Digest abc", "Bearer ", "Basic " + std::string(2000, 'A')})
      CPPUNIT_ASSERT_MESSAGE(h, std::holds_alternative<eproc::NoCredentials>(eproc::read_credentials(h)));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(BearerTokenTest);

}  // namespace og::test
