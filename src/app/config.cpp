#include "app/config.hpp"

#include <boost/program_options.hpp>

#include <fstream>
#include <iostream>
#include <iterator>

#include "app/store_choice.hpp"
#include "log/log.hpp"

namespace og::app {

namespace po = boost::program_options;

namespace {
// "127.0.0.1:8080", "[::1]:8080", ":8080"
bool split_listen(const std::string& listen, std::string& host, unsigned short& port) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos) return false;
  host = listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host.empty()) host = "0.0.0.0";
  try {
    int p = std::stoi(listen.substr(colon + 1));
    if (p < 0 || p > 65535) return false;
    port = static_cast<unsigned short>(p);
  } catch (...) {
    return false;
  }
  return true;
}
}  // namespace

std::optional<Config> parse_config(int argc, char** argv, int& exit_code) {
  Config c;
  std::string listen;
  std::string config_file;
  long idle = 0, request = 0, handler = 0;
  long max_open_both = -1;
  po::options_description general("ordergate options");
  general.add_options()("help,h", "print this help and exit")("version", "print the version and exit")(
      "config", po::value(&config_file), "read further options from this file (key = value per line)")(
      "listen", po::value(&listen)->default_value("127.0.0.1:8080"),
      "address:port to serve on (port 0: any free port)")(
      "data", po::value(&c.data_dir)->default_value("./data"),
      "data folder; holds ordergate.db (created on first start: empty, or with --demo the demo data)")(
      "store", po::value(&c.store)->default_value("sqlite"),
      "sqlite: the embedded store, ordergate.db in --data; postgresql://user@host:port/database: a PostgreSQL "
      "database that several ordergate instances share (in progress: see README)")(
      "store-connections", po::value(&c.store_connections)->default_value(4),
      "PostgreSQL: connections (one thread each) this instance keeps: units of work it runs at once")(
      "demo", po::bool_switch(&c.demo),
      "a new database gets the demo data (buyer B127645/secret, SRM user srm-user/srm-pass, the demo catalogue and "
      "carts): for trying ordergate out, never for production")(
      "threads", po::value(&c.server.threads)->default_value(0), "worker threads (0: one per core)")(
      "tls-cert", po::value(&c.server.tls_certificate),
      "PEM certificate chain; with --tls-key every connection is TLS")("tls-key", po::value(&c.server.tls_key),
                                                                       "PEM private key")(
      "durability", po::value(&c.durability)->default_value("process"),
      "process: a confirmed transaction survives a crash or kill -9; power: also power loss (fsync per commit)")(
      "max-body", po::value(&c.server.max_body)->default_value(8u << 20), "largest request body in bytes (413 above)")(
      "max-unauthenticated-body", po::value(&c.server.max_unauthenticated_body)->default_value(64u << 10),
      "bytes of body read before a request is known to carry credentials (SRM, hub: 401 at once without them; "
      "a client awaiting 100 Continue is asked first too)")(
      "max-body-memory", po::value(&c.server.max_body_memory)->default_value(256u << 20),
      "bytes of request bodies held at once, by declared size (503 with Retry-After above)")(
      "public-url", po::value(&c.server.public_url),
      "base URL clients reach this server at, e.g. https://vc.example.com (behind a proxy): the address in the served "
      "WSDLs (and https lists the -S bindings in the Veloconnect profile); default the listen address, never the "
      "Host header")("max-xml-attributes", po::value(&c.xml_limits.max_attributes)->default_value(64),
                     "attributes per XML element, namespace declarations included (more: refused as malformed)")(
      "max-xml-elements", po::value(&c.xml_limits.max_elements)->default_value(100000),
      "elements per XML request (more: refused as malformed)")(
      "max-xml-text", po::value(&c.xml_limits.max_text)->default_value(1024 * 1024),
      "bytes per XML text node, attribute value or comment (more: refused as malformed)")(
      "max-xml-depth", po::value(&c.xml_limits.max_depth)->default_value(64),
      "nesting depth of XML elements, a SOAP envelope's included (deeper: refused as malformed)")(
      "max-url-parameters", po::value(&c.max_url_parameters)->default_value(2000),
      "parameters per Veloconnect URL-binding request (more: ResponseCode 400 before anything else is done)")(
      "max-connections", po::value(&c.server.max_connections)->default_value(20000),
      "concurrent connections; at the limit the one idle longest is closed for a newcomer")(
      "max-connections-per-address", po::value(&c.server.max_connections_per_address)->default_value(1024),
      "concurrent connections from one client address (0: no limit; raise it behind a load balancer)")(
      "idle-timeout", po::value(&idle)->default_value(60), "seconds a keep-alive connection may wait between requests")(
      "request-timeout", po::value(&request)->default_value(30), "seconds to receive a request or send an answer")(
      "handler-timeout", po::value(&handler)->default_value(60),
      "seconds a request may take to be answered once read (then a 503/500/fault, and the request is cancelled)")(
      "drain-seconds", po::value(&c.drain_seconds)->default_value(10),
      "on SIGTERM: seconds to finish the requests in flight before stopping")(
      "hash-threads", po::value(&c.hash_threads)->default_value(2), "threads that check passwords (PBKDF2)")(
      "password-memory", po::value(&c.password_memory_s)->default_value(300),
      "seconds a checked password is remembered (a removed buyer or a changed password takes effect within it)")(
      "password-free-failures", po::value(&c.guesses_free)->default_value(5),
      "wrong passwords per user before its further checks are spaced out")(
      "password-address-free-failures", po::value(&c.guesses_address_free)->default_value(50),
      "wrong passwords per client address before its checks are spaced out the same way (0: no limit per "
      "address; many users may share one, behind NAT or a load balancer)")(
      "password-backoff-ms", po::value(&c.guesses_base_ms)->default_value(250),
      "spacing of a user's or address's password checks after the free failures, doubling with each failure")(
      "password-backoff-cap-ms", po::value(&c.guesses_cap_ms)->default_value(8000),
      "largest spacing; a check that would wait more than --password-max-wait-ms is refused unchecked")(
      "password-max-wait-ms", po::value(&c.guesses_max_wait_ms)->default_value(10000),
      "longest a password check waits for its turn")(
      "debug-endpoints", po::bool_switch(&c.debug_endpoints),
      "testing aid: serve /debug/sleep?ms=N and /debug/fetch?url=U (a handler waiting on a timer or an outbound call)")(
      "access-log", po::value(&c.access_log)->default_value("-"),
      "one logfmt line per request: '-' stderr, 'off', or a file (reopened on SIGHUP)")(
      "log-file", po::value(&c.log_file)->default_value("-"),
      "the server's own log (failures, store state, janitor): '-' stderr or a file (reopened on SIGHUP)")(
      "log-level", po::value(&c.log_level)->default_value("info"), "error, warning, info or debug")(
      "seller-id", po::value(&c.veloconnect.seller_id)->default_value("ordergate"),
      "Veloconnect SellersID this server answers for (415 otherwise)")(
      "seller-name", po::value(&c.veloconnect.seller_name)->default_value("ordergate demo wholesaler"),
      "SellerName in GetProfile")("max-open-orders", po::value(&c.max_open_orders)->default_value(1000),
                                  "open Veloconnect orders per buyer (421 above)")(
      "max-open-searches", po::value(&c.max_open_searches)->default_value(1000),
      "open Veloconnect text searches per buyer (above it the least recently used search is ended)")(
      "max-open-transactions", po::value(&max_open_both),
      "sets --max-open-orders and --max-open-searches at once (the single limit of ordergate 0.1)")(
      "order-lifetime", po::value(&c.order_lifetime_s)->default_value(24 * 3600),
      "seconds an open order may sit unchanged before the server ends it (state 198)")(
      "search-lifetime", po::value(&c.search_lifetime_s)->default_value(3600),
      "seconds an open text search may sit unused before the server ends it (state 198)")(
      "retention-days", po::value(&c.retention_days)->default_value(30),
      "ended searches, rolled back or ended orders, test orders and answered SRM messages are deleted after this "
      "many days (finished orders are kept)")("janitor-seconds", po::value(&c.janitor_s)->default_value(60),
                                              "how often idle instances are ended and old ones purged")(
      "max-search-page", po::value(&c.max_search_page)->default_value(100),
      "largest SearchResult page (Count is clamped)")(
      "max-open-transmissions", po::value(&c.max_open_transmissions)->default_value(1000),
      "open Veloconnect stock transmissions per buyer, and as many sale B2B and as many sale B2X "
      "transmissions (above it the least recently used one is ended)")(
      "max-stock-lines", po::value(&c.max_stock_lines)->default_value(10000),
      "lines per Veloconnect stock or sale (B2B or B2X) transmission (400 above)")(
      "max-stock-page", po::value(&c.max_stock_page)->default_value(1000),
      "largest GetItemStatusStockTransmit / GetStatusSaleTransmit page (Count is clamped)")(
      "max-list-entries", po::value(&c.veloconnect.max_list_entries)->default_value(1000),
      "entries per GetItemDetailsList (400 above)")(
      "receipt-window-days", po::value(&c.receipt_window_days)->default_value(90),
      "receipt Queries without FromDate cover this many days up to ThruDate (default today)")(
      "max-receipt-headers", po::value(&c.max_receipt_headers)->default_value(200),
      "headers per receipt Query answer (newest first; older ones by asking again)")(
      "max-receipt-ids", po::value(&c.max_receipt_ids)->default_value(50),
      "IDs per receipt Details request (400 above)")(
      "commit-interval-us", po::value(&c.commit_interval_us)->default_value(1000),
      "group commit: under load, commit at most every this many microseconds (a lone write commits at once)")(
      "demo-catalog-items", po::value(&c.demo_catalog_items)->default_value(0),
      "benchmarks: a new database also gets this many synthetic items (IDs 7000000001, 7000000002, ...)")(
      "demo-transactions", po::value(&c.demo_transactions)->default_value(0),
      "benchmarks: a new database also gets this many finished orders of the demo buyers")(
      "fail-commits", po::bool_switch(&c.fail_commits), "testing aid: every store commit fails (answers 500)")(
      "slow-commits-us", po::value(&c.slow_commits_us)->default_value(0),
      "testing aid: every commit waits this many microseconds before it is written (answers wait for it)")(
      "srm-logical-system", po::value(&c.srm_logical_system)->default_value("SRMCLNT100"),
      "SAP logical system that SRM items name as schemeAgencyID (categories, products)")(
      "eproc-max-lines", po::value(&c.eproc_max_lines)->default_value(100),
      "hub: requests in one availability batch or lines in one order")(
      "eproc-verify-ean", po::value(&c.eproc_verify_ean)->default_value("auto"),
      "hub: refuse EANs with a wrong check digit: on, off, auto (on, but off with --demo)")(
      "eproc-dispatch-deadline", po::value(&c.eproc_dispatch_deadline_s)->default_value(900),
      "hub: seconds after an order was accepted when a provider's items still not ordered become not-ordered")(
      "eproc-retry-base-ms", po::value(&c.eproc_retry_base_ms)->default_value(1000),
      "hub: the wait after a provider's first failure (doubles per failure, jittered)")(
      "eproc-retry-cap", po::value(&c.eproc_retry_cap_s)->default_value(300),
      "hub: longest wait between two dispatch attempts, in seconds")(
      "eproc-callback-deadline", po::value(&c.eproc_callback_deadline_s)->default_value(24 * 3600),
      "hub: seconds after an order settled during which its callback is retried")(
      "eproc-poll-ms", po::value(&c.eproc_poll_ms)->default_value(1000),
      "hub: how often the outboxes look for due work when not woken")(
      "eproc-max-in-flight", po::value(&c.eproc_max_in_flight)->default_value(64),
      "hub: dispatches (and callbacks) worked at once")(
      "eproc-lease", po::value(&c.eproc_lease_s)->default_value(60),
      "hub: seconds a claimed dispatch or callback stays this instance's; after it another instance on the same "
      "database takes it over (keep it above an attempt's provider calls)")(
      "instance-name", po::value(&c.instance_name)->default_value(""),
      "this instance's name among those on one database (default: host name and port; on SQLite, which has one "
      "server, always the same): started again under it, it takes up at once the hub work it held when it stopped")(
      "eproc-token-lifetime", po::value(&c.eproc_token_lifetime_s)->default_value(900),
      "hub: seconds a bearer token from /eprocurement/token is valid")(
      "eproc-token-key-file", po::value(&c.eproc_token_key_file)->default_value(""),
      "hub: a file with the secret (32 bytes or more) that signs bearer tokens; every instance on one database "
      "needs the same one, so that a token one issued holds on all (default: a random key per process)");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, general), vm);
    if (vm.count("config")) {
      std::ifstream in(vm["config"].as<std::string>());
      if (!in) throw std::runtime_error("cannot read config file " + vm["config"].as<std::string>());
      po::store(po::parse_config_file(in, general), vm);
    }
    po::notify(vm);
  } catch (const std::exception& e) {
    std::cerr << "ordergate: " << e.what() << "\n" << general << "\n";
    exit_code = 2;
    return std::nullopt;
  }
  if (vm.count("help")) {
    std::cout
        << "ordergate: Veloconnect supplier server, SAP SRM internal request services and an e-procurement hub\n\n"
        << "usage: ordergate [options]\n\n"
        << general << "\n";
    exit_code = 0;
    return std::nullopt;
  }
  if (vm.count("version")) {
    std::cout << "ordergate " << OG_VERSION << "\n";
    exit_code = 0;
    return std::nullopt;
  }
  if (!split_listen(listen, c.server.host, c.server.port)) {
    std::cerr << "ordergate: --listen wants address:port, got '" << listen << "'\n";
    exit_code = 2;
    return std::nullopt;
  }
  if (auto problem = store_problem(c.store); !problem.empty()) {
    std::cerr << "ordergate: " << problem << "\n";
    exit_code = 2;
    return std::nullopt;
  }
  if (c.store_connections < 1 || c.store_connections > 64) {
    std::cerr << "ordergate: --store-connections is 1 to 64\n";
    exit_code = 2;
    return std::nullopt;
  }
  if (c.durability != "process" && c.durability != "power") {
    std::cerr << "ordergate: --durability is process or power\n";
    exit_code = 2;
    return std::nullopt;
  }
  if (c.commit_interval_us < 0 || c.commit_interval_us > 1000000 || c.slow_commits_us < 0 ||
      c.slow_commits_us > 10000000) {
    std::cerr << "ordergate: --commit-interval-us is 0 to 1000000, --slow-commits-us 0 to 10000000\n";
    exit_code = 2;
    return std::nullopt;
  }
  if (c.demo_catalog_items > 0 || c.demo_transactions > 0) c.demo = true;  // they extend the demo data
  if (c.demo_catalog_items < 0 || c.demo_catalog_items > 999999999 || c.demo_transactions < 0) {
    std::cerr << "ordergate: --demo-catalog-items is 0 to 999999999, --demo-transactions 0 or more\n";
    exit_code = 2;
    return std::nullopt;
  }
  c.server.idle_timeout = std::chrono::seconds(idle);
  c.server.request_timeout = std::chrono::seconds(request);
  if (max_open_both >= 0) c.max_open_orders = c.max_open_searches = max_open_both;
  if (c.max_open_orders < 0 || c.max_open_searches < 0 || c.max_open_transmissions < 0 || c.max_stock_lines < 1 ||
      c.max_stock_page < 1 || c.order_lifetime_s < 1 || c.search_lifetime_s < 1 || c.retention_days < 1 ||
      c.janitor_s < 1) {
    std::cerr << "ordergate: limits are 0 or more; lifetimes, --retention-days and --janitor-seconds 1 or more\n";
    exit_code = 2;
    return std::nullopt;
  }
  if (c.receipt_window_days < 1 || c.receipt_window_days > 100000 || c.max_receipt_headers < 1 ||
      c.max_receipt_headers > 100000 || c.max_receipt_ids < 1 || c.max_receipt_ids > 100000) {
    std::cerr << "ordergate: --receipt-window-days, --max-receipt-headers and --max-receipt-ids are 1 to 100000\n";
    exit_code = 2;
    return std::nullopt;
  }
  c.server.handler_timeout = std::chrono::seconds(handler);
  if (c.guesses_free < 0 || c.guesses_address_free < 0 || c.guesses_base_ms < 1 || c.guesses_cap_ms < 1 ||
      c.guesses_max_wait_ms < 0) {
    std::cerr << "ordergate: --password-free-failures and --password-address-free-failures are 0 or more, "
                 "--password-backoff-ms and "
                 "--password-backoff-cap-ms 1 or more, --password-max-wait-ms 0 or more\n";
    exit_code = 2;
    return std::nullopt;
  }
  if (handler < 1 || c.drain_seconds < 0 || c.hash_threads < 1 || c.hash_threads > 64) {
    std::cerr << "ordergate: --handler-timeout is 1 or more, --drain-seconds 0 or more, --hash-threads 1 to 64\n";
    exit_code = 2;
    return std::nullopt;
  }
  if (c.eproc_max_lines < 1 || c.eproc_max_lines > 10000 || c.eproc_dispatch_deadline_s < 1 ||
      c.eproc_retry_base_ms < 1 || c.eproc_retry_cap_s < 1 || c.eproc_callback_deadline_s < 1 || c.eproc_poll_ms < 10 ||
      c.eproc_max_in_flight < 1 || c.eproc_lease_s < 1 || c.eproc_token_lifetime_s < 1 ||
      (c.eproc_verify_ean != "on" && c.eproc_verify_ean != "off" && c.eproc_verify_ean != "auto")) {
    std::cerr << "ordergate: --eproc-max-lines is 1 to 10000, --eproc-poll-ms 10 or more, other --eproc-* durations "
                 "and limits 1 or more, --eproc-verify-ean on, off or auto\n";
    exit_code = 2;
    return std::nullopt;
  }
  // libxml2 refuses text beyond 10,000,000 bytes in its own way (and depth
  // beyond 256): the limits stay below, so the scan speaks first.
  if (c.xml_limits.max_attributes < 1 || c.xml_limits.max_elements < 1 || c.xml_limits.max_text < 1 ||
      c.xml_limits.max_text > 10000000 || c.xml_limits.max_depth < 2 || c.xml_limits.max_depth > 256 ||
      c.max_url_parameters < 1) {
    std::cerr << "ordergate: --max-xml-attributes, --max-xml-elements and --max-url-parameters are 1 or more, "
                 "--max-xml-text 1 to 10000000, --max-xml-depth 2 to 256\n";
    exit_code = 2;
    return std::nullopt;
  }
  if (!c.server.public_url.empty()) {
    std::string& url = c.server.public_url;
    while (url.ends_with('/')) url.pop_back();
    bool scheme = url.starts_with("http://") || url.starts_with("https://");
    bool clean = url.find_first_of(" \t\r\n\"'<>&?#") == std::string::npos;
    if (!scheme || !clean || url.size() <= std::string_view(url.starts_with("https") ? "https://" : "http://").size()) {
      std::cerr << "ordergate: --public-url is http:// or https:// with a host (and optionally a port and a path), "
                   "e.g. https://vc.example.com\n";
      exit_code = 2;
      return std::nullopt;
    }
  }
  if (!c.eproc_token_key_file.empty()) {
    std::ifstream in(c.eproc_token_key_file, std::ios::binary);
    std::string key((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // A key written with echo or an editor ends with a newline that a copy
    // on another machine may lack: it is not part of the key.
    while (!key.empty() && (key.back() == '\n' || key.back() == '\r')) key.pop_back();
    if (!in.good() && !in.eof()) key.clear();
    if (key.size() < 32) {
      std::cerr << "ordergate: --eproc-token-key-file " << c.eproc_token_key_file
                << " cannot be read or holds less than 32 bytes (e.g. openssl rand -hex 32 > FILE)\n";
      exit_code = 2;
      return std::nullopt;
    }
    c.eproc_token_key = std::move(key);
  }
  if (!log::parse_level(c.log_level)) {
    std::cerr << "ordergate: --log-level is error, warning, info or debug\n";
    exit_code = 2;
    return std::nullopt;
  }
  c.veloconnect.tls = !c.server.tls_certificate.empty() || c.server.public_url.starts_with("https://");
  return c;
}

}  // namespace og::app
