// ordergate: wires the store, the core, the faces and the HTTP server.
#include <sys/resource.h>

#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

#include "app/config.hpp"
#include "app/store_gate.hpp"
#include "core/buyer_auth.hpp"
#include "core/catalog.hpp"
#include "core/clock.hpp"
#include "core/demo_data.hpp"
#include "core/order_transactions.hpp"
#include "core/shopping_carts.hpp"
#include "core/srm_demo_data.hpp"
#include "core/srm_users.hpp"
#include "core/synthetic_data.hpp"
#include "core/text_search.hpp"
#include "http/server.hpp"
#include "message/schema_set.hpp"
#include "srm/endpoint.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "veloconnect/endpoint.hpp"

namespace {

// Thousands of keep-alive clients need thousands of descriptors.
void raise_file_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

int run(const og::app::Config& config) {
  using namespace og;
  // Signals are taken by one thread; no other thread (workers, the log
  // writer) may see them, so they are blocked before any thread starts.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  message::init_xml();
  std::filesystem::create_directories(config.data_dir);
  core::SystemClock clock;

  store::sqlite::SqliteOptions store_options;
  store_options.path = (std::filesystem::path(config.data_dir) / "ordergate.db").string();
  store_options.durability =
      config.durability == "power" ? store::sqlite::Durability::Power : store::sqlite::Durability::Process;
  store_options.fail_commits = config.fail_commits;
  store_options.commit_interval = std::chrono::microseconds(config.commit_interval_us);
  store_options.slow_commits = std::chrono::microseconds(config.slow_commits_us);
  store_options.seed = [&clock, &config](store::UnitOfWork& uow) {
    core::load_demo_data(uow, clock);
    core::load_srm_demo_data(uow, clock);
    core::load_synthetic_catalog(uow, config.demo_catalog_items, clock);
    core::load_order_history(uow, config.demo_transactions, config.demo_catalog_items, clock);
  };
  // A demo database from before the SRM face gets the SRM demo data too.
  store_options.migrated = [&clock](store::UnitOfWork& uow, int from_version) {
    if (from_version < 2 && uow.buyer("B127645")) core::load_srm_demo_data(uow, clock);
  };
  store::sqlite::SqliteStore store(store_options);

  core::BuyerAuth auth(store);
  core::Catalog catalog(store, clock);
  core::TransactionLimits limits{config.max_open_transactions};
  core::OrderTransactions orders(store, auth, catalog, clock, limits);
  core::TextSearches searches(store, auth, catalog, clock, limits, core::SearchLimits{config.max_search_page});

  message::SchemaSet velo_schema(veloconnect::schema_roots());
  veloconnect::Service velo_service(catalog, orders, searches, auth, config.veloconnect);
  veloconnect::Endpoint velo_endpoint(velo_service, velo_schema);

  message::SchemaSet srm_schema(srm::schema_roots());
  core::ShoppingCarts carts(store, clock, config.srm_logical_system);
  core::SrmUsers srm_users(store);
  srm::Endpoint srm_endpoint(carts, srm_users, clock, srm_schema);

  http::Router router;
  router.add("/veloconnect", velo_endpoint);
  router.add("/srm/InternalRequest", srm_endpoint);
  http::AccessLog log(config.access_log);

  app::StoreGate gate(store);
  http::Server server(config.server, router, log, &gate);
  raise_file_limit();
  std::cout << "ordergate listening on " << (server.tls() ? "https" : "http") << "://" << config.server.host << ":"
            << server.port() << "/veloconnect (data: " << store_options.path
            << (store.created() ? ", created with demo data" : "") << ")" << std::endl;

  std::thread signal_waiter([&] {
    int received = 0;
    sigwait(&signals, &received);
    if (received != 0) server.stop();
  });
  server.run();
  // Wake the waiter if the server stopped for another reason.
  pthread_kill(signal_waiter.native_handle(), SIGTERM);
  signal_waiter.join();
  // How many units one commit carried, for the benchmarks (server.run()
  // committed what was pending).
  std::cout << "ordergate stopped (" << store.units_written() << " units of work in " << store.commit_stats().commits
            << " commits)" << std::endl;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  int exit_code = 0;
  auto config = og::app::parse_config(argc, argv, exit_code);
  if (!config) return exit_code;
  try {
    return run(*config);
  } catch (const std::exception& e) {
    std::cerr << "ordergate: " << e.what() << std::endl;
    return 1;
  }
}
