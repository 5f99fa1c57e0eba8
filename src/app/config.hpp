// Command-line flags (and the same keys in an optional config file).
#pragma once
#include <optional>
#include <string>

#include "http/server.hpp"
#include "message/xml_limits.hpp"
#include "veloconnect/service.hpp"

namespace og::app {

struct Config {
  http::ServerOptions server;
  std::string data_dir = "./data";
  std::string durability = "process";  // process | power
  std::string store = "sqlite";        // sqlite | postgresql://...
  int store_connections = 4;
  std::string access_log = "-";
  std::string log_file = "-";
  std::string log_level = "info";
  long max_open_orders = 1000;
  long max_open_searches = 1000;
  long order_lifetime_s = 24 * 3600;
  long search_lifetime_s = 3600;
  long retention_days = 30;
  long janitor_s = 60;
  long max_search_page = 100;
  long max_open_transmissions = 1000;
  std::int64_t max_stock_lines = 10000;
  std::int64_t max_stock_page = 1000;
  // The receipt module: a Query's default window, headers per answer, IDs per Details.
  long receipt_window_days = 90;
  long max_receipt_headers = 200;
  long max_receipt_ids = 50;
  std::string srm_logical_system = "SRMCLNT100";
  veloconnect::ServiceConfig veloconnect;
  long commit_interval_us = 1000;
  long slow_commits_us = 0;
  bool demo = false;            // a new database gets the demo data
  long demo_catalog_items = 0;  // synthetic data for benchmarks, on first start
  long demo_transactions = 0;
  bool fail_commits = false;
  int hash_threads = 2;
  long password_memory_s = 300;
  int guesses_free = 5, guesses_address_free = 50;
  long guesses_base_ms = 250, guesses_cap_ms = 8000, guesses_max_wait_ms = 10000;
  bool debug_endpoints = false;
  long drain_seconds = 10;
  // The e-procurement hub.
  long eproc_max_lines = 100;
  std::string eproc_verify_ean = "auto";  // on | off | auto (off with --demo: the demo EAN fails its check)
  long eproc_dispatch_deadline_s = 900;
  long eproc_retry_base_ms = 1000;
  long eproc_retry_cap_s = 300;
  long eproc_callback_deadline_s = 24 * 3600;
  long eproc_poll_ms = 1000;
  long eproc_max_in_flight = 64;
  long eproc_lease_s = 60;
  std::string instance_name;  // "": host name and port
  long eproc_token_lifetime_s = 900;
  std::string eproc_token_key_file;
  std::string eproc_token_key;  // read from the file at start
  // What a request may hold (every face that reads XML; the URL binding).
  message::XmlLimits xml_limits;
  std::size_t max_url_parameters = 2000;
};

// Parses argv; prints help/version and returns nullopt when the process
// should exit (exit_code tells how).
std::optional<Config> parse_config(int argc, char** argv, int& exit_code);

}  // namespace og::app
