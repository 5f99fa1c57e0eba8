// What the cluster script (tests/cluster/local_cluster) left in its state
// folder, and what the cluster's parts say: for tests that run against it.
#pragma once
#include <cstddef>
#include <map>
#include <set>
#include <string>

#include "support/http_client.hpp"

namespace og::test::cluster {

// The state folder ctest's fixture ordergate_cluster starts the cluster with.
inline const std::string kState = OG_CLUSTER_STATE;

// The first line of a file in the state folder; fails the test when missing.
std::string state(const std::string& name);
unsigned short port_of(const std::string& url);

// The ERP export (`ordergate export orders --store ...`) of the shared database.
struct Export {
  std::map<std::string, std::set<std::string>> orders_of;  // transaction -> order IDs
  std::map<std::string, std::set<std::string>> items_of;   // order ID -> item IDs
};
Export exported_orders(const std::string& store);

// Requests the instance is working on, besides the one that asks (its /metrics).
int others_in_flight(HttpClient& instance);

// What haproxy's log says: requests it sent to another instance after a
// refused connection, requests the victim left unanswered (502), and
// /debug/sleep requests tried again after they had reached an instance.
struct HaproxyLog {
  std::size_t redispatched = 0, cut = 0, sleeps_retried = 0;
};
HaproxyLog read_haproxy_log(int victim);

}  // namespace og::test::cluster
