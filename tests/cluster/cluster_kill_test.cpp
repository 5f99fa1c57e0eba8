// kill -9 of one of the cluster's three instances (tests/cluster/local_cluster,
// started by ctest's fixture ordergate_cluster) while concurrent clients run
// order flows through haproxy: Veloconnect orders (create, a second line,
// finish) and SRM carts (create, release), each step on whichever instance
// round-robin picks. The clients go on with the two instances left. Then
// every step a client was told succeeded must be found, through haproxy and
// in the ERP export of the shared database, and none twice.
#include <cppunit/extensions/HelperMacros.h>

#include <signal.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "cluster/cluster_state.hpp"
#include "support/http_client.hpp"
#include "support/srm_acknowledged.hpp"
#include "support/srm_messages.hpp"
#include "support/xml_check.hpp"

namespace og::test {

using namespace cluster;

namespace {

const std::string kBuyer = "/veloconnect?BuyersID=B127645&Password=secret&RequestName=";

std::string text(const std::string& xml, const char* local) {
  return first_text(xml, local).value_or("");
}

// Each step's answer, and which instance gave it (haproxy names it).
struct Step {
  bool ok = false;
  std::string body, instance;
};

// What the clients were told, and how the requests fared.
struct Acknowledged {
  std::mutex mutex;
  std::set<std::string> created;                // Veloconnect transactions
  std::set<std::string> two_lines;              // ... whose second line was acknowledged
  std::map<std::string, std::string> finished;  // transaction -> OrderID
  std::size_t crossed = 0;                      // finished on another instance than created on
  srm::Acknowledged srm;                        // SRM carts and releases
  std::map<std::string, std::size_t> failures;  // "HTTP 502", "no connection", ...
  std::size_t after_kill = 0;                   // acknowledged finishes and releases after the kill

  void fail(const std::string& what) {
    std::lock_guard lock(mutex);
    ++failures[what];
  }
};

std::atomic<bool> killed{false}, stopping{false}, paused{false};

template <class Send>
Step send(Acknowledged& ack, Send&& request) {
  try {
    HttpReply reply = request();
    if (reply.status != 200) {
      ack.fail("HTTP " + std::to_string(reply.status));
      return {};
    }
    return {true, reply.body, reply.headers["x-ordergate-instance"]};
  } catch (const std::exception&) {
    ack.fail("no answer");
    return {};
  }
}

void veloconnect_client(unsigned short port, Acknowledged& ack) {
  HttpClient client("127.0.0.1", port);
  while (!stopping) {
    while (paused) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    Step created = send(ack, [&] { return client.get(kBuyer + "CreateOrderRequest&Quantity.200600221=1"); });
    std::string tid = text(created.body, "TransactionID");
    if (!created.ok || text(created.body, "ResponseCode") != "200" || tid.empty()) continue;
    {
      std::lock_guard lock(ack.mutex);
      ack.created.insert(tid);
    }
    Step updated = send(ack, [&] {
      return client.get(kBuyer + "UpdateOrderRequest&TransactionID=" + tid + "&Quantity.52090311600=3");
    });
    if (!updated.ok || text(updated.body, "ResponseCode") != "200") continue;
    {
      std::lock_guard lock(ack.mutex);
      ack.two_lines.insert(tid);
    }
    Step finished = send(ack, [&] { return client.get(kBuyer + "FinishOrderRequest&TransactionID=" + tid); });
    if (!finished.ok || text(finished.body, "ResponseCode") != "200") continue;
    std::lock_guard lock(ack.mutex);
    ack.finished[tid] = text(finished.body, "OrderID");
    if (finished.instance != created.instance) ++ack.crossed;
    if (killed) ++ack.after_kill;
  }
}

void srm_client(unsigned short port, const std::string& run, int id, Acknowledged& ack) {
  HttpClient client("127.0.0.1", port);
  // A message UUID of our own (SRM's idempotency key), new in every run.
  auto uuid = [&](int n) {
    char tail[16];
    std::snprintf(tail, sizeof tail, "%012x", static_cast<unsigned>(n));
    return run + "-" + std::to_string(1000 + id) + "-4000-8000-" + tail;
  };
  for (int n = 0; !stopping; ++n) {
    while (paused) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    Step created = send(ack, [&] { return srm::post(client, srm::create_request(uuid(2 * n))); });
    std::string cart = srm::cart_id(created.body);
    std::string state = text(created.body, "ChangeStateID");
    if (!created.ok || cart.empty() || state.empty()) continue;
    {
      std::lock_guard lock(ack.mutex);
      ack.srm.carts[cart] = state;
    }
    std::string release_uuid = uuid(2 * n + 1);
    Step released = send(ack, [&] { return srm::post(client, srm::release_request(cart, state, release_uuid)); });
    if (!released.ok || text(released.body, "BusinessDocumentProcessingResultCode") != "3") continue;
    std::lock_guard lock(ack.mutex);
    ack.srm.releases.push_back({cart, release_uuid, text(released.body, "ChangeStateID"), released.body});
    if (killed) ++ack.after_kill;
  }
}

// A request that an instance works on for 5 s, through haproxy; `status`
// gets its HTTP status (0: no answer).
std::thread start_sleeper(unsigned short port, int& status) {
  return std::thread([port, &status] {
    try {
      HttpClient client("127.0.0.1", port);
      status = client.get("/debug/sleep?ms=5000").status;
    } catch (const std::exception&) {
      status = 0;
    }
  });
}

}  // namespace

class ClusterKillTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(ClusterKillTest);
  CPPUNIT_TEST(kill_9_of_one_instance_loses_and_duplicates_nothing);
  CPPUNIT_TEST_SUITE_END();

 public:
  void kill_9_of_one_instance_loses_and_duplicates_nothing() {
    constexpr int kVeloClients = 4, kSrmClients = 2;
    const unsigned short port = port_of(state("url"));
    const std::string store = state("store");
    std::random_device seed_source;
    unsigned seed = seed_source();
    std::mt19937 random(seed);
    const int victim = std::uniform_int_distribution<int>(1, 3)(random);
    const int victim_pid = std::stoi(state("instance-" + std::to_string(victim) + ".pid"));
    char run[9];
    std::snprintf(run, sizeof run, "%08x", seed);

    Acknowledged ack;
    killed = stopping = false;
    std::vector<std::thread> clients;
    for (int c = 0; c < kVeloClients; ++c) clients.emplace_back(veloconnect_client, port, std::ref(ack));
    for (int c = 0; c < kSrmClients; ++c) clients.emplace_back(srm_client, port, std::string(run), c, std::ref(ack));
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(1000, 2000)(random)));
    // Mid-flight: the clients' requests are short, a kill rarely finds one
    // inside the victim; a sleeping request is surely there.
    paused = true;
    // The clients' requests under way end (milliseconds; more under sanitizers).
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    // With the clients paused, round-robin puts one of the first three on
    // the victim; a few more in case other requests came between. One is
    // there when a request stays in flight on it: the clients' requests and
    // haproxy's checks take milliseconds.
    std::array<int, 6> sleep_statuses;
    sleep_statuses.fill(-1);
    std::vector<std::thread> sleepers;
    HttpClient victim_client("127.0.0.1", port_of(state("instance-" + std::to_string(victim) + ".port")));
    auto sleeper_on_victim = [&] {
      for (int tries = 0; tries < 50; ++tries) {
        if (others_in_flight(victim_client) > 0) {
          std::this_thread::sleep_for(std::chrono::milliseconds(200));
          if (others_in_flight(victim_client) > 0) return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
      return false;
    };
    bool caught = false;
    while (!caught && sleepers.size() < sleep_statuses.size()) {
      sleepers.push_back(start_sleeper(port, sleep_statuses[sleepers.size()]));
      caught = sleeper_on_victim();
    }
    paused = false;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CPPUNIT_ASSERT_EQUAL_MESSAGE("kill -9 of instance " + std::to_string(victim), 0, ::kill(victim_pid, SIGKILL));
    killed = true;
    // On with two: haproxy's checks take the dead one out within a few seconds.
    std::this_thread::sleep_for(std::chrono::seconds(4));
    stopping = true;
    for (auto& t : clients) t.join();
    for (auto& t : sleepers) t.join();

    HttpClient client("127.0.0.1", port);
    std::size_t lost = 0, duplicated = 0;
    std::ostringstream report;
    auto lose = [&](const std::string& what) {
      if (++lost <= 5) report << "  lost: " << what << "\n";
    };
    for (const auto& tid : ack.created) {
      auto v = client.get(kBuyer + "ViewOrderRequest&TransactionID=" + tid);
      if (text(v.body, "ResponseCode") != "200") lose("created transaction " + tid);
    }
    for (const auto& [tid, order_id] : ack.finished) {
      auto v = client.get(kBuyer + "ViewOrderRequest&TransactionID=" + tid);
      if (text(v.body, "ResponseCode") != "200" || text(v.body, "StatusCode") != "100")
        lose("finished transaction " + tid);
    }
    // Exactly one order, the one the client was told, per finished
    // transaction, with both its lines.
    Export exported = exported_orders(store);
    for (const auto& [tid, order_id] : ack.finished) {
      const auto& ids = exported.orders_of[tid];
      if (!ids.contains(order_id))
        lose("exported order " + order_id);
      else if (exported.items_of[order_id] != std::set<std::string>{"200600221", "52090311600"})
        lose("the lines of order " + order_id);
    }
    for (const auto& [tid, ids] : exported.orders_of) duplicated += ids.size() - 1;

    duplicated += srm::check_after_kill(client, ack.srm, lose);

    HaproxyLog haproxy = read_haproxy_log(victim);
    std::ostringstream failures;
    for (const auto& [what, count] : ack.failures) failures << " " << what << ": " << count;
    std::cerr << "\n  kill -9 of instance " << victim
              << (caught ? " with a request in flight on it" : " (no request in flight found on it)") << " (seed "
              << seed << "): acknowledged " << ack.created.size() << " Veloconnect transactions ("
              << ack.finished.size() << " finished orders, " << ack.crossed
              << " finished on another instance than created), " << ack.srm.carts.size() << " SRM carts ("
              << ack.srm.releases.size() << " released); " << ack.after_kill << " finished or released after the kill;"
              << " failed requests:" << (failures.str().empty() ? " none" : failures.str()) << "; lost " << lost
              << ", duplicated " << duplicated << "; haproxy redispatched " << haproxy.redispatched
              << " request(s) after a refused connection, " << haproxy.cut
              << " cut off by the kill (502); the sleeping requests got";
    for (std::size_t i = 0; i < sleepers.size(); ++i) std::cerr << " " << sleep_statuses[i];
    std::cerr << "\n";

    // Back to three, so that the fixture ends a whole cluster.
    int restarted = std::system((std::string(OG_SOURCE_DIR) + "/tests/cluster/local_cluster restart-instance " +
                                 kState + " " + std::to_string(victim))
                                    .c_str());
    CPPUNIT_ASSERT_EQUAL_MESSAGE("restart of instance " + std::to_string(victim), 0, restarted);
    HttpClient instance("127.0.0.1", port_of(state("instance-" + std::to_string(victim) + ".port")));
    CPPUNIT_ASSERT_EQUAL(200, instance.get("/readyz").status);

    CPPUNIT_ASSERT_MESSAGE("nothing was acknowledged: the test proved nothing",
                           !ack.finished.empty() && !ack.srm.releases.empty());
    CPPUNIT_ASSERT_MESSAGE("no flow was acknowledged after the kill: the two others did not take over",
                           ack.after_kill > 0);
    CPPUNIT_ASSERT_MESSAGE("no order was finished on another instance than created", ack.crossed > 0);
    // The request the victim was working on is lost to its client (502), never sent again.
    auto sent = sleep_statuses.begin() + static_cast<long>(sleepers.size());
    auto cut = std::count(sleep_statuses.begin(), sent, 502);
    CPPUNIT_ASSERT_MESSAGE("no sleeping request was cut off by the kill", caught && cut >= 1);
    CPPUNIT_ASSERT_EQUAL_MESSAGE("sleeping requests answered 200 or 502", static_cast<long>(sleepers.size()),
                                 cut + std::count(sleep_statuses.begin(), sent, 200));
    CPPUNIT_ASSERT_EQUAL_MESSAGE("requests retried after they reached an instance", std::size_t{0},
                                 haproxy.sleeps_retried);
    CPPUNIT_ASSERT_MESSAGE("seed " + std::to_string(seed) + "\n" + report.str(), lost == 0);
    CPPUNIT_ASSERT_EQUAL_MESSAGE("seed " + std::to_string(seed), std::size_t{0}, duplicated);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ClusterKillTest);

}  // namespace og::test
