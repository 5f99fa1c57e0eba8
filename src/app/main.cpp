// ordergate: wires the store, the core, the faces and the HTTP server.
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include "app/commands.hpp"
#include "app/config.hpp"
#include "app/debug_endpoint.hpp"
#include "app/health_endpoint.hpp"
#include "app/metrics_endpoint.hpp"
#include "app/store_choice.hpp"
#include "core/catalog/catalog.hpp"
#include "core/catalog/demo_data.hpp"
#include "core/catalog/sellers.hpp"
#include "core/catalog/synthetic_data.hpp"
#include "core/clock.hpp"
#include "core/context.hpp"
#include "core/eproc/callback_outbox.hpp"
#include "core/eproc/dispatcher.hpp"
#include "core/eproc/hub.hpp"
#include "core/eproc/hub_demo_data.hpp"
#include "core/srm/shopping_carts.hpp"
#include "core/srm/srm_demo_data.hpp"
#include "core/srm/srm_users.hpp"
#include "core/veloconnect/buyer_auth.hpp"
#include "core/veloconnect/lifecycle.hpp"
#include "core/veloconnect/order_transactions.hpp"
#include "core/veloconnect/sale_transmissions.hpp"
#include "core/veloconnect/stock_transmissions.hpp"
#include "core/veloconnect/text_search.hpp"
#include "eproc/endpoint.hpp"
#include "eproc/order_json.hpp"
#include "eproc/order_soap.hpp"
#include "http/server.hpp"
#include "log/log.hpp"
#include "message/schema_set.hpp"
#include "providers/callback_sender.hpp"
#include "providers/http_client.hpp"
#include "providers/veloconnect_provider.hpp"
#include "srm/endpoint.hpp"
#include "veloconnect/endpoint.hpp"

namespace {

// One SQLite file has one server: its name is always the same. Instances on
// one PostgreSQL database differ by port on one machine, by host across
// machines; the default stays the same when one is started again on its
// port, which is what lets it take up its own hub work at once after a crash.
std::string instance_name(const og::app::Config& config, unsigned short port) {
  if (!config.instance_name.empty()) return config.instance_name;
  if (config.store == "sqlite") return "sqlite";
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host[0] ? host : "localhost") + ":" + std::to_string(port);
}

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
  sigaddset(&signals, SIGHUP);  // reopen the log files (logrotate)
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  log::set_level(*log::parse_level(config.log_level));
  log::open(config.log_file);
  message::init_xml();
  std::filesystem::create_directories(config.data_dir);
  core::SystemClock clock;

  app::StoreChoice store_choice;
  store_choice.data_dir = config.data_dir;
  store_choice.store = config.store;
  store_choice.connections = config.store_connections;
  store_choice.power_durability = config.durability == "power";
  store_choice.fail_commits = config.fail_commits;
  store_choice.commit_interval_us = config.commit_interval_us;
  store_choice.slow_commits_us = config.slow_commits_us;
  // A production database starts empty (sellers, buyers and catalogues come
  // from the operator's commands); --demo is for trying ordergate out.
  store_choice.seed = [&clock, &config](store::UnitOfWork& uow) {
    if (!config.demo) return;
    core::load_demo_data(uow, clock);
    core::load_srm_demo_data(uow, clock);
    core::load_synthetic_catalog(uow, config.demo_catalog_items, clock);
    core::load_order_history(uow, config.demo_transactions, config.demo_catalog_items, clock);
    core::eproc::load_hub_demo_data(uow, clock);
  };
  // A demo database from before the SRM face gets the SRM demo data too.
  store_choice.migrated = [&clock](store::UnitOfWork& uow, int from_version) {
    if (from_version < 2 && uow.catalog().buyer("B127645")) core::load_srm_demo_data(uow, clock);
    // ... and the hub's demo providers and clients.
    if (from_version < 5 && uow.catalog().buyer("B127645") && !uow.sellers().seller("prov-a"))
      core::eproc::load_hub_demo_data(uow, clock);
    // ... and the demo buyer's receipts, when the receipt tables were just made
    // (whatever number their migration ends up with: they are empty then).
    if (uow.catalog().buyer("B127645") && uow.receipts("").count_receipts(model::ReceiptKind::DeliveryNote) == 0 &&
        uow.receipts("").count_receipts(model::ReceiptKind::Invoice) == 0)
      core::load_receipt_demo_data(uow, clock);
  };
  auto owned_store = app::open_store(store_choice);
  store::Store& store = *owned_store;
  // PBKDF2 runs here: never on an event loop, never on the store thread.
  boost::asio::thread_pool hashing(static_cast<std::size_t>(config.hash_threads));

  core::ContextFactory contexts(store);
  core::Catalog catalog(clock);
  core::GuessLimits guesses;
  guesses.per_user = {config.guesses_free, std::chrono::milliseconds(config.guesses_base_ms),
                      std::chrono::milliseconds(config.guesses_cap_ms),
                      std::chrono::milliseconds(config.guesses_max_wait_ms)};
  guesses.address_free_failures = config.guesses_address_free;
  core::veloconnect::BuyerAuth auth(hashing.get_executor(), std::chrono::seconds(config.password_memory_s), guesses);
  core::veloconnect::Lifecycle lifecycle{
      {std::chrono::seconds(config.order_lifetime_s), std::chrono::seconds(config.search_lifetime_s)},
      {config.max_open_orders, config.max_open_searches, config.max_open_transmissions},
      std::chrono::hours(24 * config.retention_days),
      &clock};
  core::veloconnect::OrderTransactions orders(catalog, clock, lifecycle);
  core::veloconnect::TextSearches searches(catalog, clock, lifecycle,
                                           core::veloconnect::SearchLimits{config.max_search_page});
  core::veloconnect::StockTransmissions stock(
      clock, lifecycle, core::veloconnect::StockLimits{config.max_stock_lines, config.max_stock_page});
  core::veloconnect::SaleTransmissions sales(
      clock, lifecycle, core::veloconnect::StockLimits{config.max_stock_lines, config.max_stock_page});
  core::veloconnect::Janitor janitor(lifecycle);

  message::SchemaSet velo_schema(veloconnect::schema_roots());
  core::SellerDirectory sellers;
  core::veloconnect::Receipts receipts(
      clock, rules::veloconnect::ReceiptLimits{static_cast<int>(config.receipt_window_days),
                                               static_cast<std::size_t>(config.max_receipt_headers),
                                               static_cast<std::size_t>(config.max_receipt_ids)});
  veloconnect::Service velo_service({contexts, sellers, auth, catalog, orders, searches, stock, sales, clock, receipts},
                                    config.veloconnect);
  veloconnect::Endpoint velo_endpoint(velo_service, velo_schema, {config.xml_limits, config.max_url_parameters});

  message::SchemaSet srm_schema(srm::schema_roots());
  core::srm::ShoppingCarts carts(clock, config.srm_logical_system);
  core::srm::SrmUsers srm_users(hashing.get_executor(), std::chrono::seconds(config.password_memory_s), guesses);
  srm::Endpoint srm_endpoint(contexts, carts, srm_users, srm_schema, config.xml_limits);

  http::Router router;
  router.add("/veloconnect", velo_endpoint);
  router.add_prefix("/veloconnect/", velo_endpoint);  // hosted sellers: /veloconnect/<seller>
  router.add("/srm/InternalRequest", srm_endpoint);
  http::AccessLog access_log(config.access_log);

  std::unique_ptr<http::Server> server_ptr;
  app::HealthEndpoint health(store, [&] { return server_ptr && server_ptr->draining(); });
  router.add("/healthz", health);
  router.add("/readyz", health);
  router.add("/health", health);

  server_ptr = std::make_unique<http::Server>(config.server, router, access_log);
  http::Server& server = *server_ptr;
  // Outbound calls run on the first loop (they are I/O, like everything a loop does).
  // Each provider's own bound (--max-concurrent of `hub provider add`) limits
  // calls; the pool per host only has to be large enough not to add a second,
  // hidden queue in front of it.
  providers::HttpClientOptions outbound_options;
  outbound_options.max_connections_per_host = 256;
  providers::HttpClient outbound(server.executor(), outbound_options);
  app::DebugEndpoint debug(outbound);

  // The e-procurement hub. Its demo providers are sellers of this very
  // server ("local:<seller>"), reached over loopback HTTP like any other.
  core::eproc::HubSettings hub_settings;
  hub_settings.limits.max_lines = static_cast<std::size_t>(config.eproc_max_lines);
  hub_settings.limits.verify_ean_check_digit =
      config.eproc_verify_ean == "on" || (config.eproc_verify_ean == "auto" && !config.demo);
  hub_settings.dispatch_deadline = std::chrono::seconds(config.eproc_dispatch_deadline_s);
  hub_settings.dispatch_retry = {std::chrono::milliseconds(config.eproc_retry_base_ms),
                                 std::chrono::seconds(config.eproc_retry_cap_s)};
  hub_settings.callback_retry = hub_settings.dispatch_retry;
  hub_settings.callback_deadline = std::chrono::seconds(config.eproc_callback_deadline_s);
  hub_settings.password_memory = std::chrono::seconds(config.password_memory_s);
  hub_settings.guesses = guesses;
  const std::string loopback = config.server.host == "0.0.0.0" || config.server.host == "::" ||
                                       config.server.host == "[::]" || config.server.host.empty()
                                   ? std::string("127.0.0.1")
                                   : config.server.host;
  const std::string local_base =
      std::string(server.tls() ? "https://" : "http://") + loopback + ":" + std::to_string(server.port());
  providers::VeloconnectProvider velo_provider(outbound, local_base);
  providers::HttpCallbackSender callback_sender(outbound, {eproc::order_json, eproc::order_soap});
  core::eproc::Hub hub(velo_provider, hashing.get_executor(), clock, hub_settings);
  core::eproc::OutboxOptions outbox{std::chrono::milliseconds(config.eproc_poll_ms),
                                    static_cast<std::size_t>(config.eproc_max_in_flight),
                                    std::chrono::seconds(config.eproc_lease_s), instance_name(config, server.port())};
  core::eproc::Dispatcher dispatcher(store, velo_provider, server.executor(), hub_settings, outbox);
  core::eproc::CallbackOutbox callbacks(store, callback_sender, server.executor(), hub_settings, outbox);
  hub.on_order_placed([&dispatcher] { dispatcher.wake(); });
  dispatcher.on_settled([&callbacks] { callbacks.wake(); });
  message::SchemaSet eproc_schema(eproc::schema_roots());
  eproc::EndpointOptions eproc_options;
  eproc_options.token_lifetime = std::chrono::seconds(config.eproc_token_lifetime_s);
  eproc_options.token_key = config.eproc_token_key;
  if (eproc_options.token_key.empty() && app::is_postgres(config.store))
    log::warning(
        "hub: bearer tokens are signed with this process's own key: a token from /eprocurement/token holds on "
        "this instance only; give every instance the same --eproc-token-key-file");
  eproc_options.xml_limits = config.xml_limits;
  eproc::Endpoint eproc_endpoint(contexts, hub, eproc_schema, eproc_options);
  router.add("/eprocurement", eproc_endpoint);
  router.add_prefix("/eprocurement/", eproc_endpoint);
  app::MetricsEndpoint metrics(store, [&server] { return server.metrics(); },
                               {{"veloconnect", [&auth] { return auth.password_stats(); }},
                                {"srm", [&srm_users] { return srm_users.password_stats(); }},
                                {"eproc", [&hub] { return hub.password_stats(); }}});
  router.add("/metrics", metrics);
  try {
    core::eproc::hand_back_previous_claims(store, outbox.instance);
  } catch (const std::exception& e) {
    // A store that takes no writes now (read-only on a full disk) still
    // serves: the claims then end with their lease.
    log::warning(std::string("hub: this instance's earlier claims not taken back: ") + e.what());
  }
  dispatcher.start();
  callbacks.start();
  if (config.debug_endpoints) {
    router.add("/debug/sleep", debug);
    router.add("/debug/fetch", debug);
  }
  raise_file_limit();
  std::cout << "ordergate listening on " << (server.tls() ? "https" : "http") << "://" << config.server.host << ":"
            << server.port() << "/veloconnect (data: " << app::store_location(store_choice)
            << (store.created() ? (config.demo ? ", created with demo data" : ", created empty") : "") << ")"
            << std::endl;

  // The janitor: idle instances end, old ended ones go, on the first loop
  // (its work runs on the store thread; the loop only waits).
  boost::asio::co_spawn(
      server.executor(),
      [&]() -> Task<void> {
        boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor);
        for (;;) {
          timer.expires_after(std::chrono::seconds(config.janitor_s));
          co_await timer.async_wait(boost::asio::use_awaitable);
          try {
            core::Context ctx = contexts.make();
            auto report = co_await janitor.sweep(ctx);
            if (report.ended || report.purged)
              log::info("janitor ended " + std::to_string(report.ended) + " idle instance(s), purged " +
                        std::to_string(report.purged));
          } catch (const std::exception& e) {
            log::error(std::string("janitor: ") + e.what());
          }
        }
      },
      boost::asio::detached);

  std::thread signal_waiter([&] {
    int received = 0;
    while (sigwait(&signals, &received) == 0 && received == SIGHUP) {
      log::reopen();
      access_log.reopen();
      log::info("log files reopened (SIGHUP)");
    }
    // Finish what is in flight (answers say Connection: close), then stop;
    // the outboxes claim nothing new meanwhile.
    if (received != 0) {
      dispatcher.stop();
      callbacks.stop();
      server.drain(std::chrono::seconds(config.drain_seconds));
    }
  });
  server.run();
  dispatcher.stop();
  callbacks.stop();
  // Wake the waiter if the server stopped for another reason.
  pthread_kill(signal_waiter.native_handle(), SIGTERM);
  signal_waiter.join();
  // What is still pending is committed; nothing new can arrive.
  hashing.join();
  // The executor has stopped: what the outboxes claimed and did not finish
  // is due again at once, for another instance, not after the lease.
  try {
    dispatcher.hand_back();
    callbacks.hand_back();
  } catch (const std::exception& e) {
    log::warning(std::string("hub: claims not handed back (they end with their lease): ") + e.what());
  }
  store.stop();
  // How many units one commit carried, for the benchmarks.
  auto h = store.health();
  std::cout << "ordergate stopped (" << h.units << " units of work in " << h.commits << " commits)" << std::endl;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (og::app::is_command(argc, argv)) return og::app::run_command(argc, argv);
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
