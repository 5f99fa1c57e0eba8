#include "app/metrics_endpoint.hpp"

namespace og::app {

namespace {

void family(std::string& out, const char* name, const char* type, const char* help) {
  out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
}

}  // namespace

Task<http::Response> MetricsEndpoint::handle(const http::Request& request) {
  if (request.method != "GET") {
    auto r = http::plain_text(405, "GET /metrics\n");
    r.headers.emplace_back("Allow", "GET");
    r.face = "metrics";
    co_return r;
  }
  std::string out = server_ ? server_() : std::string();
  store::Health h = store_.health();
  family(out, "ordergate_store_commits_total", "counter", "Store commits (group commits), by result.");
  out += "ordergate_store_commits_total{result=\"ok\"} " + std::to_string(h.commits - h.failed_commits) + "\n";
  out += "ordergate_store_commits_total{result=\"failed\"} " + std::to_string(h.failed_commits) + "\n";
  family(out, "ordergate_store_writable", "gauge", "1 while the store's last commit reached the disk.");
  out += std::string("ordergate_store_writable ") + (h.writable ? "1" : "0") + "\n";
  family(out, "ordergate_store_units_run_alone_total", "counter",
         "Units of work that lost to concurrent ones too often and then ran alone on the database "
         "(PostgreSQL; always 0 on SQLite). A steady rise means instances contend for the same rows.");
  out += "ordergate_store_units_run_alone_total " + std::to_string(h.units_run_alone) + "\n";
  family(out, "ordergate_password_checks_total", "counter",
         "Passwords checked (a PBKDF2 run each; remembered ones are not counted), by face and result.");
  std::string refused;
  for (const auto& [face, stats] : faces_) {
    core::PasswordStats s = stats();
    out += "ordergate_password_checks_total{face=\"" + face + "\",result=\"valid\"} " +
           std::to_string(s.checked - s.failed) + "\n";
    out +=
        "ordergate_password_checks_total{face=\"" + face + "\",result=\"failed\"} " + std::to_string(s.failed) + "\n";
    refused +=
        "ordergate_password_guesses_refused_total{face=\"" + face + "\"} " + std::to_string(s.refused_unchecked) + "\n";
  }
  family(out, "ordergate_password_guesses_refused_total", "counter",
         "Password checks refused unchecked by the guess pacing (--password-*), by face.");
  out += refused;
  http::Response r;
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  r.body = std::move(out);
  r.face = "metrics";
  r.operation = "metrics";
  r.outcome = "200";
  co_return r;
}

}  // namespace og::app
