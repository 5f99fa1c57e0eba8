#include "support/command.hpp"

#include <chrono>
#include <cstdio>
#include <regex>
#include <thread>

#include "support/cluster_target.hpp"

namespace og::test {

CommandRun ordergate(const std::string& args, const std::string& input) {
  std::string words = args;
  // On a cluster the command works on the database that stands for its data
  // folder, where the test's instances are.
  std::smatch data;
  if (on_cluster() && std::regex_search(args, data, std::regex("--data[ =]([^ ]+)")))
    words += " --store " + cluster_store(data[1].str());
  std::string cmd = std::string(OG_BINARY) + " " + words + " 2>&1";
  if (!input.empty()) cmd = "printf '%s\\n' '" + input + "' | " + cmd;
  CommandRun r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  while (std::size_t n = fread(buf, 1, sizeof buf, p)) r.out.append(buf, n);
  r.status = pclose(p);
  // A running server sees another process's commit within 10 ms: its reads
  // share a snapshot for up to 10 ms while work keeps coming (README, "Shared
  // locking, one snapshot for a run of reads"). A test's next request must
  // not fall inside that window (ReceiptModuleTest once read a replaced
  // delivery note's old lines).
  std::this_thread::sleep_for(std::chrono::milliseconds(15));
  return r;
}

}  // namespace og::test
