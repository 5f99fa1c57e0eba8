// The hub on the cluster: garages place orders through haproxy, every
// instance's outbox claims dispatches from the shared database, and one
// instance is killed with -9 while they are worked. The orders it held come
// due to the others when its lease ends (the fixture runs the instances with
// --eproc-lease 3): every order settles, and each reaches its provider once.
#include <cppunit/extensions/HelperMacros.h>

#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "cluster/cluster_state.hpp"
#include "support/basic_auth.hpp"
#include "support/http_client.hpp"

namespace og::test {

using namespace cluster;
using nlohmann::json;

namespace {

std::size_t order_count(const Export& e) {
  std::set<std::string> ids;
  for (const auto& [transaction, orders] : e.orders_of) ids.insert(orders.begin(), orders.end());
  return ids.size();
}

}  // namespace

class ClusterHubTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(ClusterHubTest);
  CPPUNIT_TEST(hub_orders_survive_kill_9_of_one_instance_each_ordered_once);
  CPPUNIT_TEST_SUITE_END();

 public:
  void hub_orders_survive_kill_9_of_one_instance_each_ordered_once() {
    constexpr int kGarages = 4, kOrdersEach = 15;
    const unsigned short port = port_of(state("url"));
    const std::string store = state("store");
    std::random_device seed_source;
    const unsigned seed = seed_source();
    std::mt19937 random(seed);
    const int victim = std::uniform_int_distribution<int>(1, 3)(random);
    const int victim_pid = std::stoi(state("instance-" + std::to_string(victim) + ".pid"));
    const std::string run = std::to_string(seed);
    // The demo's prov-b is a seller on the same database: its ERP export.
    const std::string provider_store = store + " --seller prov-b";
    const std::size_t orders_before = order_count(exported_orders(provider_store));

    // Orders go in from four garages at once; the kill lands while the
    // outboxes work them.
    std::mutex mutex;
    std::vector<std::string> references;
    std::atomic<int> refused{0};
    std::vector<std::thread> garages;
    for (int g = 0; g < kGarages; ++g)
      garages.emplace_back([&, g] {
        auto http = std::make_unique<HttpClient>("127.0.0.1", port);
        const std::string auth = basic_authorization("garage-01:garage-01-pass");
        for (int i = 0; i < kOrdersEach; ++i) {
          json order = {
              {"clientReference", "K-" + run + "-" + std::to_string(g) + "-" + std::to_string(i)},
              {"items",
               {{{"provider", "prov-b"}, {"brand", "MANN"}, {"manufacturerReference", "W712/95"}, {"quantity", 1}}}}};
          try {
            auto r = http->post("/eprocurement/orders", order.dump(), "application/json", {{"Authorization", auth}});
            auto body = json::parse(r.body, nullptr, false);
            if (r.status != 201 || body.is_discarded()) {
              ++refused;
              continue;
            }
            std::lock_guard lock(mutex);
            references.push_back(body.at("reference").get<std::string>());
          } catch (const std::exception&) {
            ++refused;  // cut off by the kill: never acknowledged
            http = std::make_unique<HttpClient>("127.0.0.1", port);
          }
        }
      });
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(150, 400)(random)));
    CPPUNIT_ASSERT_EQUAL_MESSAGE("kill -9 of instance " + std::to_string(victim), 0, ::kill(victim_pid, SIGKILL));
    const auto killed_at = std::chrono::steady_clock::now();
    for (auto& t : garages) t.join();

    // Every acknowledged order settles, through whichever instance answers.
    HttpClient http("127.0.0.1", port);
    const std::string auth = basic_authorization("garage-01:garage-01-pass");
    std::size_t confirmed = 0, unsettled = 0;
    std::string example;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    for (const auto& reference : references) {
      for (;;) {
        auto r = http.get("/eprocurement/orders/" + reference, {{"Authorization", auth}});
        auto body = json::parse(r.body, nullptr, false);
        int status = r.status == 200 && !body.is_discarded() ? body.at("status").get<int>() : 0;
        if (status == 3) {
          ++confirmed;
          break;
        }
        if ((status != 2 && status != 0) || std::chrono::steady_clock::now() > until) {
          ++unsettled;
          if (example.empty()) example = reference + ": " + r.body;
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    }
    const auto settled_after =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - killed_at);
    // Each hub order is one order at the provider: none lost, none twice.
    const std::size_t provider_orders = order_count(exported_orders(provider_store)) - orders_before;
    std::cerr << "\n  hub on the cluster, kill -9 of instance " << victim << " (seed " << seed
              << "): " << references.size() << " orders acknowledged (" << refused.load()
              << " requests cut off or refused), " << confirmed << " confirmed, " << unsettled
              << " not, the last settled " << settled_after.count() << " ms after the kill; " << provider_orders
              << " orders at the provider\n";

    int restarted = std::system((std::string(OG_SOURCE_DIR) + "/tests/cluster/local_cluster restart-instance " +
                                 kState + " " + std::to_string(victim))
                                    .c_str());
    CPPUNIT_ASSERT_EQUAL_MESSAGE("restart of instance " + std::to_string(victim), 0, restarted);

    CPPUNIT_ASSERT_MESSAGE("no order was acknowledged: the test proved nothing", !references.empty());
    CPPUNIT_ASSERT_MESSAGE("seed " + std::to_string(seed) + ": " + example, unsettled == 0);
    CPPUNIT_ASSERT_EQUAL(references.size(), confirmed);
    CPPUNIT_ASSERT_EQUAL_MESSAGE("seed " + std::to_string(seed), references.size(), provider_orders);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ClusterHubTest);

}  // namespace og::test
