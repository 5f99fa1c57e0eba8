// The real ordergate binary, started on a free loopback port with its own data
// folder; stopped (SIGTERM, or SIGKILL on request) when the object goes away.
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
  // SIGTERM and wait; returns the exit status.
  int stop();
  const std::string& log_path() const { return log_; }

 private:
  pid_t pid_ = -1;
  unsigned short port_ = 0;
  std::string log_;
};

}  // namespace og::test
