// The real ordergate binary, started on a free loopback port with its own data
// folder; stopped (SIGTERM, or SIGKILL on request) when the object goes away.
// Its stderr is kept beside the data folder; a server that did not exit with
// status 0 on SIGTERM, or whose stderr holds a sanitizer report, fails the
// test that ran it (see server_problems()).
//
// On a cluster (support/cluster_target.hpp) the same object is 3 instances on
// the folder's PostgreSQL database behind haproxy, which listens where the
// one server would: the test sees one server, its requests spread round-robin
// over the instances, and stop, kill and signals reach every instance.
#pragma once
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace og::test {

class ServerProcess {
 public:
  // `data_dir` persists across restarts when the caller keeps it.
  explicit ServerProcess(std::filesystem::path data_dir, std::vector<std::string> extra_args = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  unsigned short port() const { return port_; }
  std::string url(const std::string& path = "/veloconnect") const;
  // Ends the process the hard way: no shutdown code runs.
  void kill_hard();
  // Sends a signal (SIGHUP: reopen the logs) and leaves the process running.
  void signal(int number);
  // SIGTERM and wait; returns the exit status.
  int stop();
  const std::string& log_path() const { return log_; }
  std::string stderr_path() const { return log_ + ".stderr"; }

 private:
  struct Child {
    pid_t pid = -1;
    std::string stderr_path;  // empty: not an ordergate (haproxy), its exit is not checked
  };
  void start_single(const std::filesystem::path& data_dir, std::vector<std::string> extra_args, bool demo);
  void start_cluster(const std::filesystem::path& data_dir, std::vector<std::string> extra_args, bool demo);
  void check_exit(const Child& child, int status, bool expected_kill);

  std::vector<Child> children_;  // the ordergate instance(s), then haproxy
  unsigned short port_ = 0;
  std::string log_;
};

// What servers of the running test did wrong (bad exit, sanitizer report);
// the test runner turns each into a failure of that test and clears the list.
std::vector<std::string>& server_problems();

}  // namespace og::test
