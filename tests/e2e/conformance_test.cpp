// `ordergate conformance` run for real: the binary judges a real ordergate in
// every binding (against ordergate's own XSDs and the official set), and a
// server that is not conformant is told so with exit code 1 and the check
// that failed.
#include <cppunit/extensions/HelperMacros.h>
#include <sys/wait.h>

#include <utility>  // before Boost: asio 1.74's headers use std::exchange without it

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <thread>

#include "support/command.hpp"
#include "support/official_schema.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

namespace fs = std::filesystem;

namespace {

// The checks the standard makes mandatory for a server that lists Order,
// TextSearch, GetItemDetailsList and Rollback, as ordergate does, and the
// optional GetClassificationScheme, which ordergate's demo seller lists.
const char* kMandatory[] = {"GetProfile",
                            "TextSearch create",
                            "TextSearch page 1",
                            "TextSearch page 2",
                            "TextSearch ends",
                            "TextSearch ended -> 430",
                            "auth unknown buyer -> 410",
                            "auth wrong password -> 411",
                            "unknown SellersID -> 415",
                            "GetItemDetails",
                            "GetItemDetailsList",
                            "GetClassificationScheme",
                            "OrderInOnlineShop",
                            "Order create",
                            "Order update",
                            "Order view",
                            "GetStatus of the open order",
                            "Order finish (test)",
                            "Order finish again -> 430",
                            "Order view finished",
                            "Order test/non-test mix -> 435",
                            "Rollback open order",
                            "Rollback then view: ended",
                            "unknown TransactionID -> 420",
                            "answer elements"};

int exit_code(const CommandRun& r) {
  return WIFEXITED(r.status) ? WEXITSTATUS(r.status) : -1;
}

// The RESULT column of the report row that names `check`.
std::string verdict(const std::string& out, const std::string& check) {
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with(check + "  ")) continue;
    std::istringstream rest(line.substr(check.size()));
    std::string word;
    rest >> word;
    return word;
  }
  return "(no row)";
}

// An HTTP server that is no Veloconnect server: every request gets a plain
// text greeting. One connection at a time, as the kit sends them.
class NonsenseServer {
 public:
  NonsenseServer() {
    accept();
    thread_ = std::thread([this] { io_.run(); });
  }
  ~NonsenseServer() {
    io_.stop();
    thread_.join();
  }
  std::string url() const {
    return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()) + "/veloconnect";
  }

 private:
  void accept() {
    acceptor_.async_accept([this](boost::system::error_code ec, boost::asio::ip::tcp::socket socket) {
      if (ec) return;
      namespace http = boost::beast::http;
      boost::beast::flat_buffer buffer;
      http::request<http::string_body> request;
      http::read(socket, buffer, request, ec);
      http::response<http::string_body> response(http::status::ok, 11);
      response.set(http::field::content_type, "text/plain");
      response.body() = "hello, this is not Veloconnect\n";
      response.prepare_payload();
      http::write(socket, response, ec);
      socket.shutdown(boost::asio::ip::tcp::socket::shutdown_both, ec);
      accept();
    });
  }

  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_{io_, {boost::asio::ip::make_address("127.0.0.1"), 0}};
  std::thread thread_;
};

void assert_conformant(const CommandRun& run) {
  CPPUNIT_ASSERT_EQUAL_MESSAGE(run.out, 0, exit_code(run));
  for (const char* check : kMandatory)
    CPPUNIT_ASSERT_EQUAL_MESSAGE(run.out, std::string("PASS"), verdict(run.out, check));
  CPPUNIT_ASSERT_MESSAGE(run.out, run.out.find("  FAIL  ") == std::string::npos);
  CPPUNIT_ASSERT_MESSAGE(run.out, run.out.find(" 0 FAIL,") != std::string::npos);
}

}  // namespace

class ConformanceTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(ConformanceTest);
  CPPUNIT_TEST(ordergate_passes_over_xml_post_finding_an_item_by_text_search);
  CPPUNIT_TEST(ordergate_passes_over_the_url_binding);
  CPPUNIT_TEST(ordergate_passes_over_soap11);
  CPPUNIT_TEST(ordergate_passes_over_soap12);
  CPPUNIT_TEST(ordergate_passes_against_the_official_xsds_in_every_binding);
  CPPUNIT_TEST(a_hosted_seller_passes_through_its_sellers_id);
  CPPUNIT_TEST(a_server_whose_orders_fail_is_reported_with_exit_code_1);
  CPPUNIT_TEST(a_server_that_answers_nonsense_is_reported_with_exit_code_1);
  CPPUNIT_TEST(an_unreachable_server_and_bad_usage_are_exit_code_2);
  CPPUNIT_TEST_SUITE_END();

 public:
  void ordergate_passes_over_xml_post_finding_an_item_by_text_search() {
    TempDir dir;
    ServerProcess server(dir.path() / "data");
    auto run = ordergate("conformance " + server.url() + " --buyer B127645 --password secret --binding xml");
    assert_conformant(run);
    // Leniency ordergate promises is a PASS, not merely a WARN; the envelope
    // in another order is not taken yet (issue 10, point 3), which the kit
    // reports as a WARN.
    for (const char* probe : {"lenient: unqualified elements", "lenient: UTF-8 byte order mark"})
      CPPUNIT_ASSERT_EQUAL_MESSAGE(run.out, std::string("PASS"), verdict(run.out, probe));
    auto reordered = verdict(run.out, "lenient: envelope out of order");
    CPPUNIT_ASSERT_MESSAGE(run.out, reordered == "PASS" || reordered == "WARN");
    // Every order was a test order: nothing reached the orders the ERP exports.
    auto exported = ordergate("export orders --data " + (dir.path() / "data").string());
    CPPUNIT_ASSERT_MESSAGE(exported.out, exported.out.find("exported 0 orders") != std::string::npos);
  }

  void ordergate_passes_over_the_url_binding() { passes_over("url"); }
  void ordergate_passes_over_soap11() { passes_over("soap11"); }
  void ordergate_passes_over_soap12() { passes_over("soap12"); }

  void ordergate_passes_against_the_official_xsds_in_every_binding() {
    auto official = official_dir();
    if (!official) {
      // As the other official-XSD tests: the reference copy is not part of the
      // repository (its licence), so a checkout without it says so loudly.
      std::cerr << "\n  official Veloconnect XSDs not found (set OG_OFFICIAL_XSD_DIR): not checked\n";
      return;
    }
    TempDir dir;
    ServerProcess server(dir.path() / "data");
    for (const char* binding : {"xml", "url", "soap11", "soap12"}) {
      auto run = ordergate("conformance " + server.url() + " --buyer B127645 --password secret --item 52090311600" +
                           " --binding " + binding + " --xsd-dir " + official->string());
      CPPUNIT_ASSERT_MESSAGE(run.out, run.out.find("official XSDs in") != std::string::npos);
      assert_conformant(run);
    }
  }

  void a_hosted_seller_passes_through_its_sellers_id() {
    TempDir dir;
    auto data = dir.path() / "data";
    ServerProcess server(data);
    std::string d = " --data " + data.string();
    CPPUNIT_ASSERT_EQUAL(0, exit_code(ordergate("seller add acme --name ACME" + d)));
    CPPUNIT_ASSERT_EQUAL(0, exit_code(ordergate("buyer add D1 --seller acme" + d, "d1-pass")));
    auto csv = dir.path() / "items.csv";
    std::ofstream(csv) << "item_id,description,unit,price,stock\nA-1,Rotor,EA,12.50,7\nA-2,Pads,PK,8.00,3\n"
                          "A-3,Lever,EA,20.00,0\n";
    CPPUNIT_ASSERT_EQUAL(0, exit_code(ordergate("import catalog " + csv.string() + " --seller acme" + d)));
    auto groups = dir.path() / "groups.csv";
    std::ofstream(groups) << "scheme_id,group_id,parent_id,description\nacme,B,,Brakes\nacme,B1,B,Rotors\n";
    CPPUNIT_ASSERT_EQUAL(0, exit_code(ordergate("import classification " + groups.string() + " --seller acme" + d)));
    for (const char* binding : {"xml", "url"}) {
      auto run = ordergate("conformance " + server.url() + " --buyer D1 --password d1-pass --sellers-id acme" +
                           " --binding " + binding);
      assert_conformant(run);
      CPPUNIT_ASSERT_MESSAGE(run.out, run.out.find("TotalCount 3") != std::string::npos);
    }
  }

  void a_server_whose_orders_fail_is_reported_with_exit_code_1() {
    TempDir dir;
    ServerProcess server(dir.path() / "data", {"--fail-commits"});
    auto run = ordergate("conformance " + server.url() +
                         " --buyer B127645 --password secret --item 52090311600 --binding xml");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(run.out, 1, exit_code(run));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(run.out, std::string("FAIL"), verdict(run.out, "Order create"));
    CPPUNIT_ASSERT_MESSAGE(run.out, run.out.find("ResponseCode 500") != std::string::npos);
    // What does not write still passes.
    CPPUNIT_ASSERT_EQUAL_MESSAGE(run.out, std::string("PASS"), verdict(run.out, "GetItemDetails"));
  }

  void a_server_that_answers_nonsense_is_reported_with_exit_code_1() {
    NonsenseServer server;
    auto run = ordergate("conformance " + server.url() + " --buyer B127645 --password secret --binding soap12");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(run.out, 1, exit_code(run));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(run.out, std::string("FAIL"), verdict(run.out, "GetProfile"));
    CPPUNIT_ASSERT_MESSAGE(run.out, run.out.find("not well-formed XML") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(run.out, std::string("FAIL"), verdict(run.out, "auth wrong password -> 411"));
  }

  void an_unreachable_server_and_bad_usage_are_exit_code_2() {
    auto refused = ordergate("conformance http://127.0.0.1:1/veloconnect --buyer B --password P");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(refused.out, 2, exit_code(refused));
    CPPUNIT_ASSERT_MESSAGE(refused.out, refused.out.find("unreachable") != std::string::npos);
    auto no_buyer = ordergate("conformance http://127.0.0.1:1/veloconnect --password P");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(no_buyer.out, 2, exit_code(no_buyer));
    auto bad_binding = ordergate("conformance http://127.0.0.1:1/veloconnect --buyer B --password P --binding rest");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(bad_binding.out, 2, exit_code(bad_binding));
    auto no_xsd = ordergate("conformance http://127.0.0.1:1/veloconnect --buyer B --password P --xsd-dir /nonexistent");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(no_xsd.out, 2, exit_code(no_xsd));
  }

 private:
  static void passes_over(const std::string& binding) {
    TempDir dir;
    ServerProcess server(dir.path() / "data");
    auto run = ordergate("conformance " + server.url() + " --buyer B127645 --password secret --item 52090311600" +
                         " --binding " + binding);
    assert_conformant(run);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ConformanceTest);

}  // namespace og::test
