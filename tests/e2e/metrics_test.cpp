// GET /metrics on the real binary: Prometheus text whose counters follow
// what was asked (requests by face, operation and outcome; latency; limits
// hit; password checks; store commits; connections).
#include <cppunit/extensions/HelperMacros.h>

#include <string>
#include <vector>

#include "support/basic_auth.hpp"
#include "support/server_fixture.hpp"
#include "support/srm_messages.hpp"

namespace og::test {

namespace {

const std::string kProfile = "/veloconnect?RequestName=GetProfileRequest&BuyersID=B127645&Password=";

// The value of the sample `series` (name and labels exactly), or -1 when absent.
long long sample(const std::string& text, const std::string& series) {
  auto at = text.find("\n" + series + " ");
  if (at == std::string::npos) return -1;
  return std::stoll(text.substr(at + series.size() + 2));
}

}  // namespace

class MetricsTest : public ServerFixture {
  CPPUNIT_TEST_SUITE(MetricsTest);
  CPPUNIT_TEST(counters_follow_what_was_asked);
  CPPUNIT_TEST_SUITE_END();

 protected:
  std::vector<std::string> server_args() const override { return {"--max-body", "100000"}; }

 public:
  void counters_follow_what_was_asked() {
    auto before = client_->get("/metrics");
    CPPUNIT_ASSERT_EQUAL(200, before.status);
    CPPUNIT_ASSERT(before.headers["content-type"].starts_with("text/plain; version=0.0.4"));
    CPPUNIT_ASSERT(before.body.find("# TYPE ordergate_requests_total counter") != std::string::npos);
    for (int i = 0; i < 3; ++i) client_->get(kProfile + "secret");
    client_->get(kProfile + "wrong");
    srm::post(*client_, srm::read_request("SC-1001"));  // SRM's user, checked once
    // An order opened: a commit.
    client_->get("/veloconnect?RequestName=CreateOrderRequest&BuyersID=B127645&Password=secret&Quantity.52090311600=1");
    client_->post("/eprocurement/orders", std::string(80000, ' '), "application/json");       // no credentials: 401
    client_->raw("POST /veloconnect HTTP/1.1\r\nHost: x\r\nContent-Length: 200000\r\n\r\n");  // over --max-body
    auto m = client_->get("/metrics").body;
    CPPUNIT_ASSERT_EQUAL(3LL, sample(m,
                                     "ordergate_requests_total{face=\"veloconnect\",operation=\"GetProfile\","
                                     "outcome=\"200\",status=\"200\"}"));
    CPPUNIT_ASSERT_EQUAL(1LL, sample(m,
                                     "ordergate_requests_total{face=\"veloconnect\",operation=\"GetProfile\","
                                     "outcome=\"411\",status=\"200\"}"));
    CPPUNIT_ASSERT_EQUAL(5LL, sample(m, "ordergate_request_duration_seconds_count{face=\"veloconnect\"}"));
    CPPUNIT_ASSERT_EQUAL(5LL, sample(m, "ordergate_request_duration_seconds_bucket{face=\"veloconnect\",le=\"+Inf\"}"));
    CPPUNIT_ASSERT_EQUAL(1LL, sample(m, "ordergate_limit_hits_total{limit=\"body_too_large\"}"));
    CPPUNIT_ASSERT_EQUAL(1LL, sample(m, "ordergate_limit_hits_total{limit=\"answered_before_body\"}"));
    CPPUNIT_ASSERT_EQUAL(0LL, sample(m, "ordergate_limit_hits_total{limit=\"connections_refused\"}"));
    // One PBKDF2 run for the right password (then remembered), one for the wrong one; SRM's user once.
    CPPUNIT_ASSERT_EQUAL(1LL, sample(m, "ordergate_password_checks_total{face=\"veloconnect\",result=\"valid\"}"));
    CPPUNIT_ASSERT_EQUAL(1LL, sample(m, "ordergate_password_checks_total{face=\"veloconnect\",result=\"failed\"}"));
    CPPUNIT_ASSERT_EQUAL(1LL, sample(m, "ordergate_password_checks_total{face=\"srm\",result=\"valid\"}"));
    CPPUNIT_ASSERT_EQUAL(0LL, sample(m, "ordergate_password_guesses_refused_total{face=\"eproc\"}"));
    CPPUNIT_ASSERT_EQUAL(1LL, sample(m, "ordergate_store_writable"));
    CPPUNIT_ASSERT(sample(m, "ordergate_store_commits_total{result=\"ok\"}") >= 1);  // the order
    CPPUNIT_ASSERT_EQUAL(0LL, sample(m, "ordergate_store_commits_total{result=\"failed\"}"));
    CPPUNIT_ASSERT_EQUAL(0LL, sample(m, "ordergate_store_units_run_alone_total"));  // SQLite: one writer
    CPPUNIT_ASSERT(sample(m, "ordergate_connections") >= 1);
    CPPUNIT_ASSERT_EQUAL(1LL, sample(m, "ordergate_requests_in_flight"));  // this very request
    CPPUNIT_ASSERT_EQUAL(405, client_->post("/metrics", "", "text/plain").status);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(MetricsTest);

}  // namespace og::test
