// The binary as a user runs it: first start creates the demo data, state
// survives a restart and a kill -9, and every answer is schema-valid.
#include <cppunit/extensions/HelperMacros.h>
#include <sys/wait.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <sstream>
#include <thread>

#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "support/xml_check.hpp"

namespace og::test {

namespace {
const char* kCreate =
    "/veloconnect?RequestName=CreateOrderRequest&BuyersID=B127645&Password=secret&Quantity.200600221=2";

std::string view_order(const std::string& tid) {
  return "<ViewOrderRequest xmlns=\"urn:veloconnect:order-1.1\" xmlns:vct=\"urn:veloconnect:transaction-1.0\">"
         "<vct:BuyersID>B127645</vct:BuyersID><vct:Credential><vct:Password>secret</vct:Password></vct:Credential>"
         "<vct:TransactionID>" +
         tid + "</vct:TransactionID></ViewOrderRequest>";
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The first line of `path` holding `text`, waiting for the log writer (it
// writes out every 200 ms); "" after 10 s.
std::string wait_for_line(const std::filesystem::path& path, const std::string& text) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  do {
    std::istringstream lines(read_file(path));
    for (std::string line; std::getline(lines, line);)
      if (line.find(text) != std::string::npos) return line;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  } while (std::chrono::steady_clock::now() < deadline);
  return "";
}

}  // namespace

class ServerLifecycleTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(ServerLifecycleTest);
  CPPUNIT_TEST(first_start_serves_demo_data);
  CPPUNIT_TEST(confirmed_order_survives_restart);
  CPPUNIT_TEST(confirmed_order_survives_kill_9);
  CPPUNIT_TEST(help_lists_every_flag);
  CPPUNIT_TEST(sigterm_stops_cleanly);
  CPPUNIT_TEST(logs_are_logfmt_and_reopened_on_sighup);
  CPPUNIT_TEST_SUITE_END();

 public:
  void first_start_serves_demo_data() {
    TempDir dir;
    ServerProcess server(dir.path() / "data");
    HttpClient client("127.0.0.1", server.port());
    auto reply = client.get(
        "/veloconnect?RequestName=GetItemDetailsRequest&BuyersID=B127645&Password=secret"
        "&SellersItemIdentification=52090311600");
    CPPUNIT_ASSERT_EQUAL(200, reply.status);
    CPPUNIT_ASSERT_EQUAL(std::string("200"), first_text(reply.body, "ResponseCode").value_or("?"));
    CPPUNIT_ASSERT_EQUAL(std::string("Brake cable 1.5 x 2000 mm"), first_text(reply.body, "Description").value_or(""));
    CPPUNIT_ASSERT_EQUAL(std::string(""), validate_against_project_xsd(reply.body));
    CPPUNIT_ASSERT(std::filesystem::exists(dir.path() / "data" / "ordergate.db"));
  }

  void confirmed_order_survives_restart() { survives(false); }
  void confirmed_order_survives_kill_9() { survives(true); }

  void help_lists_every_flag() {
    std::string out;
    FILE* p = popen((std::string(OG_BINARY) + " --help").c_str(), "r");
    char buf[4096];
    while (std::size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    CPPUNIT_ASSERT_EQUAL(0, pclose(p));
    for (const char* flag : {"--listen", "--data", "--tls-cert", "--tls-key", "--threads", "--durability",
                             "--access-log", "--max-open-transactions", "--commit-interval-us", "--demo-catalog-items",
                             "--demo-transactions", "--slow-commits-us", "--log-file", "--log-level"})
      CPPUNIT_ASSERT_MESSAGE(flag, out.find(flag) != std::string::npos);
  }

  // logrotate moves the files away and sends SIGHUP: the server writes on
  // into new files by the old names.
  void logs_are_logfmt_and_reopened_on_sighup() {
    TempDir dir;
    auto log_file = dir.path() / "ordergate.log";
    ServerProcess server(dir.path() / "data", {"--log-file", log_file.string(), "--log-level", "info"});
    std::filesystem::path access(server.log_path());
    HttpClient client("127.0.0.1", server.port());
    CPPUNIT_ASSERT_EQUAL(200, client.get("/healthz").status);
    auto first = wait_for_line(access, "path=/healthz");
    CPPUNIT_ASSERT_MESSAGE(first, first.starts_with("time=20"));
    for (const char* field : {" client=127.0.0.1 ", " method=GET ", " status=200 ", " face=health ", " us="})
      CPPUNIT_ASSERT_MESSAGE(first + " lacks" + field, first.find(field) != std::string::npos);

    std::filesystem::rename(access, access.string() + ".1");
    std::filesystem::rename(log_file, log_file.string() + ".1");
    server.signal(SIGHUP);
    CPPUNIT_ASSERT(wait_for_line(log_file, "info log files reopened").find("reopened") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(200, client.get("/readyz").status);
    CPPUNIT_ASSERT(wait_for_line(access, "path=/readyz").find("operation=ready") != std::string::npos);
    CPPUNIT_ASSERT_MESSAGE("a line went to the rotated file",
                           read_file(access.string() + ".1").find("path=/readyz") == std::string::npos);
    CPPUNIT_ASSERT_EQUAL(0, server.stop());
  }

  void sigterm_stops_cleanly() {
    TempDir dir;
    ServerProcess server(dir.path() / "data");
    HttpClient client("127.0.0.1", server.port());
    CPPUNIT_ASSERT_EQUAL(200, client.get("/health").status);
    int status = server.stop();
    CPPUNIT_ASSERT_MESSAGE("exited by itself", WIFEXITED(status));
    CPPUNIT_ASSERT_EQUAL(0, WEXITSTATUS(status));
  }

 private:
  void survives(bool hard) {
    TempDir dir;
    std::string tid;
    {
      ServerProcess server(dir.path() / "data");
      HttpClient client("127.0.0.1", server.port());
      auto created = client.get(kCreate);
      CPPUNIT_ASSERT_EQUAL(std::string("200"), first_text(created.body, "ResponseCode").value_or("?"));
      tid = first_text(created.body, "TransactionID").value_or("");
      CPPUNIT_ASSERT(!tid.empty());
      if (hard) server.kill_hard();
    }
    ServerProcess again(dir.path() / "data");
    HttpClient client("127.0.0.1", again.port());
    auto viewed = client.post("/veloconnect", view_order(tid), "application/xml");
    CPPUNIT_ASSERT_EQUAL(std::string("200"), first_text(viewed.body, "ResponseCode").value_or("?"));
    CPPUNIT_ASSERT_EQUAL(std::string("2"), first_text(viewed.body, "StatusCode").value_or("?"));
    CPPUNIT_ASSERT_EQUAL(1, count_elements(viewed.body, "OrderResponseLine"));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ServerLifecycleTest);

}  // namespace og::test
