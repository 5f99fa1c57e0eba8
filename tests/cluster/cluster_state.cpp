#include "cluster/cluster_state.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "support/command.hpp"

namespace og::test::cluster {

// A file the cluster script wrote into its state folder; fails the test when missing.
std::string state(const std::string& name) {
  std::ifstream in(kState + "/" + name);
  CPPUNIT_ASSERT_MESSAGE("no " + kState + "/" + name + ": is the cluster running (fixture ordergate_cluster)?",
                         in.good());
  std::string value;
  std::getline(in, value);
  return value;
}

unsigned short port_of(const std::string& url) {
  return static_cast<unsigned short>(std::stoi(url.substr(url.rfind(':') + 1)));
}

Export exported_orders(const std::string& store) {
  auto run = ordergate("export orders --format csv --store " + store);
  CPPUNIT_ASSERT_EQUAL_MESSAGE(run.out, 0, run.status);
  Export e;
  std::istringstream rows(run.out);
  for (std::string row; std::getline(rows, row);) {
    std::vector<std::string> cells;
    std::istringstream cols(row);
    for (std::string cell; std::getline(cols, cell, ',');) cells.push_back(cell);
    // order_id,order_number,transaction_id,buyer_id,issue_date,created_at,position,item_id,...
    if (cells.size() < 8 || cells[0] == "order_id") continue;
    e.orders_of[cells[2]].insert(cells[0]);
    e.items_of[cells[0]].insert(cells[7]);
  }
  return e;
}

int others_in_flight(HttpClient& instance) {
  const std::string name = "\nordergate_requests_in_flight ";
  std::string metrics = instance.get("/metrics").body;
  auto at = metrics.find(name);
  return at == std::string::npos ? 0 : std::stoi(metrics.substr(at + name.size())) - 1;
}

HaproxyLog read_haproxy_log(int victim) {
  std::ifstream log(kState + "/haproxy.log");
  HaproxyLog h;
  const std::string server = "ordergate/og" + std::to_string(victim) + " ";
  for (std::string line; std::getline(log, line);) {
    bool retried = line.find(" retries=0 ") == std::string::npos && line.find(" retries=") != std::string::npos;
    if (retried) ++h.redispatched;
    if (line.find(server) != std::string::npos && line.find(" SH-- ") != std::string::npos) ++h.cut;
    if (retried && line.find("/debug/sleep") != std::string::npos) ++h.sleeps_retried;
  }
  return h;
}

}  // namespace og::test::cluster
