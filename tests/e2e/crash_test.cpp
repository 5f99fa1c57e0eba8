// kill -9 at random moments while concurrent clients run order flows:
// Veloconnect orders (create, finish) and SRM carts (create, release). After
// each kill the server restarts on the same data; every step a client was
// told succeeded must be found, and none twice: a finished transaction is one
// order in the ERP export, a release repeated with its message UUID gets its
// first answer and changes nothing.
#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "support/command.hpp"
#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/srm_acknowledged.hpp"
#include "support/srm_messages.hpp"
#include "support/temp_dir.hpp"
#include "support/xml_check.hpp"

namespace og::test {

namespace {

const char* kCreate =
    "/veloconnect?RequestName=CreateOrderRequest&BuyersID=B127645&Password=secret&Quantity.200600221=2";

std::string finish(const std::string& tid) {
  return "/veloconnect?RequestName=FinishOrderRequest&BuyersID=B127645&Password=secret&TransactionID=" + tid;
}
std::string view(const std::string& tid) {
  return "/veloconnect?RequestName=ViewOrderRequest&BuyersID=B127645&Password=secret&TransactionID=" + tid;
}
std::string text(const std::string& xml, const char* local) {
  return first_text(xml, local).value_or("");
}

// A message UUID of our own (SRM's idempotency key).
std::string uuid(int round, int client, int n) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x-0000-4000-8000-%012x", static_cast<unsigned>(round * 100 + client),
                static_cast<unsigned>(n));
  return buf;
}

// What the clients were told, over all rounds.
struct Acknowledged {
  std::mutex mutex;
  std::set<std::string> created;                // Veloconnect transactions, open
  std::map<std::string, std::string> finished;  // transaction -> OrderID
  srm::Acknowledged srm;                        // SRM carts and releases
};

void veloconnect_client(unsigned short port, Acknowledged& ack) {
  try {
    HttpClient client("127.0.0.1", port);
    for (;;) {
      auto created = client.get(kCreate);
      std::string tid = text(created.body, "TransactionID");
      if (text(created.body, "ResponseCode") != "200" || tid.empty()) continue;
      {
        std::lock_guard lock(ack.mutex);
        ack.created.insert(tid);
      }
      auto finished = client.get(finish(tid));
      if (text(finished.body, "ResponseCode") != "200") continue;
      std::lock_guard lock(ack.mutex);
      ack.finished[tid] = text(finished.body, "OrderID");
    }
  } catch (const std::exception&) {
    // The server is gone: what was acknowledged is recorded.
  }
}

void srm_client(unsigned short port, int round, int id, Acknowledged& ack) {
  try {
    HttpClient client("127.0.0.1", port);
    for (int n = 0;; ++n) {
      auto created = srm::post(client, srm::create_request(uuid(round, id, 2 * n)));
      std::string cart = srm::cart_id(created.body);
      std::string state = text(created.body, "ChangeStateID");
      if (cart.empty() || state.empty()) continue;
      {
        std::lock_guard lock(ack.mutex);
        ack.srm.carts[cart] = state;
      }
      std::string release_uuid = uuid(round, id, 2 * n + 1);
      auto released = srm::post(client, srm::release_request(cart, state, release_uuid));
      if (text(released.body, "BusinessDocumentProcessingResultCode") != "3") continue;
      std::lock_guard lock(ack.mutex);
      ack.srm.releases.push_back({cart, release_uuid, text(released.body, "ChangeStateID"), released.body});
    }
  } catch (const std::exception&) {
  }
}

}  // namespace

class CrashTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(CrashTest);
  CPPUNIT_TEST(kill_9_at_random_points_loses_and_duplicates_nothing);
  CPPUNIT_TEST_SUITE_END();

 public:
  void kill_9_at_random_points_loses_and_duplicates_nothing() {
    constexpr int kRounds = 8, kVeloClients = 3, kSrmClients = 2;
    TempDir dir;
    auto data = dir.path() / "data";
    std::random_device seed_source;
    unsigned seed = seed_source();
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> moment_ms(100, 700);
    Acknowledged ack;
    for (int round = 0; round < kRounds; ++round) {
      // Commits reach the file 5 ms late: kills land while answers wait on them.
      ServerProcess server(data, {"--slow-commits-us", "5000"});
      std::vector<std::thread> clients;
      for (int c = 0; c < kVeloClients; ++c) clients.emplace_back(veloconnect_client, server.port(), std::ref(ack));
      for (int c = 0; c < kSrmClients; ++c) clients.emplace_back(srm_client, server.port(), round, c, std::ref(ack));
      std::this_thread::sleep_for(std::chrono::milliseconds(moment_ms(random)));
      server.kill_hard();
      for (auto& t : clients) t.join();
    }

    ServerProcess server(data);
    HttpClient client("127.0.0.1", server.port());
    std::size_t lost = 0, duplicated = 0;
    std::ostringstream report;
    auto lose = [&](const std::string& what) {
      ++lost;
      if (lost <= 5) report << "  lost: " << what << "\n";
    };
    for (const auto& tid : ack.created) {
      auto v = client.get(view(tid));
      if (text(v.body, "ResponseCode") != "200") lose("created transaction " + tid);
    }
    for (const auto& [tid, order_id] : ack.finished) {
      auto v = client.get(view(tid));
      if (text(v.body, "ResponseCode") != "200" || text(v.body, "StatusCode") != "100")
        lose("finished transaction " + tid);
    }
    // The ERP export: exactly one order, the one the client was told, per
    // finished transaction (one line each here).
    auto exported = ordergate("export orders --format csv --data " + data.string());
    CPPUNIT_ASSERT_EQUAL_MESSAGE(exported.out, 0, exported.status);
    std::map<std::string, std::vector<std::string>> orders_of;  // transaction -> order IDs
    std::istringstream rows(exported.out);
    for (std::string row; std::getline(rows, row);) {
      auto first = row.find(',');
      auto second = row.find(',', first + 1);
      auto third = row.find(',', second + 1);
      if (third == std::string::npos || row.starts_with("order_id")) continue;
      orders_of[row.substr(second + 1, third - second - 1)].push_back(row.substr(0, first));
    }
    for (const auto& [tid, order_id] : ack.finished) {
      const auto& ids = orders_of[tid];
      if (std::find(ids.begin(), ids.end(), order_id) == ids.end()) lose("exported order " + order_id);
    }
    for (const auto& [tid, ids] : orders_of) duplicated += ids.size() - 1;

    duplicated += srm::check_after_kill(client, ack.srm, lose);

    std::cerr << "\n  " << kRounds << " kill -9s (seed " << seed << "): acknowledged " << ack.created.size()
              << " Veloconnect transactions (" << ack.finished.size() << " finished orders), " << ack.srm.carts.size()
              << " SRM carts (" << ack.srm.releases.size() << " released); lost " << lost << ", duplicated "
              << duplicated << "\n";
    CPPUNIT_ASSERT_MESSAGE("nothing was acknowledged: the test proved nothing",
                           !ack.finished.empty() && !ack.srm.releases.empty());
    CPPUNIT_ASSERT_MESSAGE("seed " + std::to_string(seed) + "\n" + report.str(), lost == 0);
    CPPUNIT_ASSERT_EQUAL_MESSAGE("seed " + std::to_string(seed), std::size_t{0}, duplicated);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(CrashTest);

}  // namespace og::test
