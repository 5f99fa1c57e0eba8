#include "http/request_stats.hpp"

#include <cstdio>

namespace og::http {

const char* name_of(Limit limit) {
  switch (limit) {
    case Limit::ConnectionsEvicted: return "connections_evicted";
    case Limit::ConnectionsRefused: return "connections_refused";
    case Limit::PerAddressRefused: return "per_address_refused";
    case Limit::BodyTooLarge: return "body_too_large";
    case Limit::HeaderTooLarge: return "header_too_large";
    case Limit::MalformedRequest: return "malformed_request";
    case Limit::BodyMemoryFull: return "body_memory_full";
    case Limit::AnsweredBeforeBody: return "answered_before_body";
    case Limit::HandlerTimeout: return "handler_timeout";
    case Limit::kCount: break;
  }
  return "unknown";
}

namespace {

// Label values come from the faces' own names, never from a client; quoting
// keeps the format valid whatever they hold.
std::string quoted(const std::string& value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string label(const std::string& value) {
  return quoted(value.empty() ? "-" : value);
}

}  // namespace

void RequestStats::record(const std::string& face, const std::string& operation, const std::string& outcome, int status,
                          std::int64_t micros) {
  const double seconds = static_cast<double>(micros) / 1e6;
  std::size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  std::lock_guard lock(mutex_);
  ++requests_[{face, operation, outcome, status}];
  auto& l = latency_[face];
  if (bucket < kBuckets.size()) ++l.buckets[bucket];
  ++l.count;
  l.sum += seconds;
}

std::string RequestStats::render() const {
  std::string out;
  char line[512];
  out += "# HELP ordergate_requests_total Requests answered, by face, operation, outcome and HTTP status.\n";
  out += "# TYPE ordergate_requests_total counter\n";
  std::lock_guard lock(mutex_);
  for (const auto& [key, count] : requests_) {
    const auto& [face, operation, outcome, status] = key;
    out += "ordergate_requests_total{face=" + label(face) + ",operation=" + label(operation) +
           ",outcome=" + label(outcome) + ",status=\"" + std::to_string(status) + "\"} " + std::to_string(count) + "\n";
  }
  out += "# HELP ordergate_request_duration_seconds Time from a request's header to its answer, by face.\n";
  out += "# TYPE ordergate_request_duration_seconds histogram\n";
  for (const auto& [face, l] : latency_) {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += l.buckets[i];
      std::snprintf(line, sizeof line, "ordergate_request_duration_seconds_bucket{face=%s,le=\"%g\"} %llu\n",
                    label(face).c_str(), kBuckets[i], static_cast<unsigned long long>(cumulative));
      out += line;
    }
    std::snprintf(line, sizeof line,
                  "ordergate_request_duration_seconds_bucket{face=%s,le=\"+Inf\"} %llu\n"
                  "ordergate_request_duration_seconds_sum{face=%s} %.6f\n"
                  "ordergate_request_duration_seconds_count{face=%s} %llu\n",
                  label(face).c_str(), static_cast<unsigned long long>(l.count), label(face).c_str(), l.sum,
                  label(face).c_str(), static_cast<unsigned long long>(l.count));
    out += line;
  }
  out += "# HELP ordergate_limit_hits_total Connections or requests cut off by a limit of this server.\n";
  out += "# TYPE ordergate_limit_hits_total counter\n";
  for (std::size_t i = 0; i < limits_.size(); ++i)
    out += std::string("ordergate_limit_hits_total{limit=\"") + name_of(static_cast<Limit>(i)) + "\"} " +
           std::to_string(limits_[i].load(std::memory_order_relaxed)) + "\n";
  return out;
}

}  // namespace og::http
