// What the server has answered, for /metrics: requests by face, operation and
// outcome, their latency per face (a histogram), and the limits that cut
// connections or requests off. Counted on every event loop, read by the
// metrics endpoint; one short lock per request.
#pragma once
#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace og::http {

enum class Limit {
  ConnectionsEvicted,  // idle, closed for a newcomer at --max-connections
  ConnectionsRefused,  // --max-connections, nothing idle to close
  PerAddressRefused,   // --max-connections-per-address
  BodyTooLarge,        // --max-body (413)
  HeaderTooLarge,      // 431
  MalformedRequest,    // 400 from the HTTP layer (framing, syntax)
  BodyMemoryFull,      // --max-body-memory (503)
  AnsweredBeforeBody,  // --max-unauthenticated-body: refused by its head
  HandlerTimeout,      // --handler-timeout
  kCount
};
const char* name_of(Limit limit);

class RequestStats {
 public:
  // Upper bounds of the latency buckets, in seconds (the last is +Inf).
  static constexpr std::array<double, 12> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                   0.1,   0.25,   0.5,   1.0,  2.5,   10.0};

  void record(const std::string& face, const std::string& operation, const std::string& outcome, int status,
              std::int64_t micros);
  void hit(Limit limit) { limits_[static_cast<std::size_t>(limit)].fetch_add(1, std::memory_order_relaxed); }

  // Prometheus text exposition of everything above (HELP and TYPE lines included).
  std::string render() const;

 private:
  struct Latency {
    std::array<std::uint64_t, kBuckets.size()> buckets{};  // not cumulative; render() sums
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Latency> latency_;
  std::array<std::atomic<std::uint64_t>, static_cast<std::size_t>(Limit::kCount)> limits_{};
};

}  // namespace og::http
