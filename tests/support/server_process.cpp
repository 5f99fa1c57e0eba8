#include "support/server_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace og::test {

ServerProcess::ServerProcess(std::filesystem::path data_dir, std::vector<std::string> extra_args) {
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe failed");
  log_ = (data_dir.parent_path() / (data_dir.filename().string() + ".server.log")).string();
  // The demo data, which the tests are written against (a test that wants an
  // empty database passes --no-demo).
  bool demo = std::find(extra_args.begin(), extra_args.end(), "--no-demo") == extra_args.end();
  std::erase(extra_args, "--no-demo");
  // A test that restarts a server on the same port passes its own --listen.
  bool listen = std::find(extra_args.begin(), extra_args.end(), "--listen") != extra_args.end();
  std::vector<std::string> args = {OG_BINARY, "--data", data_dir.string(), "--access-log", log_};
  if (!listen) args.insert(args.end(), {"--listen", "127.0.0.1:0"});
  if (demo) args.push_back("--demo");
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(out[1], STDOUT_FILENO);
    int err = open((log_ + ".stderr").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (err >= 0) dup2(err, STDERR_FILENO);
    close(out[0]);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  // The server prints "ordergate listening on http://127.0.0.1:<port>/..." once bound.
  std::string line;
  char c;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    ssize_t n = read(out[0], &c, 1);
    if (n <= 0) break;
    if (c == '\n') break;
    line += c;
  }
  close(out[0]);
  auto at = line.find("127.0.0.1:");
  if (at == std::string::npos) {
    kill_hard();
    throw std::runtime_error("ordergate did not start: '" + line + "' (see " + log_ + ".stderr)");
  }
  port_ = static_cast<unsigned short>(std::stoi(line.substr(at + std::strlen("127.0.0.1:"))));
}

std::vector<std::string>& server_problems() {
  static std::vector<std::string> problems;
  return problems;
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) stop();
}

// A sanitizer's report is a failure whatever the exit status said.
void ServerProcess::check_exit(int status, bool expected_kill) {
  std::ifstream in(stderr_path());
  std::stringstream text;
  text << in.rdbuf();
  std::string err = text.str();
  for (const char* marker :
       {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:", "WARNING: ThreadSanitizer"}) {
    if (err.find(marker) != std::string::npos) {
      server_problems().push_back("the server's stderr (" + stderr_path() +
                                  ") holds a report: " + err.substr(err.find(marker), 2000));
      return;
    }
  }
  if (expected_kill && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) return;
  if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
    std::string how = WIFEXITED(status)     ? "exit status " + std::to_string(WEXITSTATUS(status))
                      : WIFSIGNALED(status) ? "signal " + std::to_string(WTERMSIG(status))
                                            : "status " + std::to_string(status);
    server_problems().push_back("the server ended with " + how + " (stderr: " + stderr_path() +
                                "): " + err.substr(err.size() > 2000 ? err.size() - 2000 : 0));
  }
}

std::string ServerProcess::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

void ServerProcess::signal(int number) {
  if (pid_ > 0) ::kill(pid_, number);
}

void ServerProcess::kill_hard() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  check_exit(status, true);
}

int ServerProcess::stop() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  for (int i = 0; i < 300; ++i) {
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      check_exit(status, false);
      return status;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  server_problems().push_back("the server did not stop within 15 s of SIGTERM");
  kill_hard();
  return -1;
}

}  // namespace og::test
