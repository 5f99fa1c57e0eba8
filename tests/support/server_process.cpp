#include "support/server_process.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/cluster_target.hpp"
#include "support/http_client.hpp"

namespace og::test {
namespace {

// fork + exec with stdout to `out_fd` and stderr appended to `stderr_path`.
pid_t spawn(std::vector<std::string> args, int out_fd, const std::string& stderr_path) {
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    dup2(out_fd, STDOUT_FILENO);
    int err = open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (err >= 0) dup2(err, STDERR_FILENO);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

void end_now(pid_t pid) {
  ::kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
}

struct Launched {
  pid_t pid;
  unsigned short port;
};

// The server prints "ordergate listening on http://127.0.0.1:<port>/..." once bound.
Launched launch_ordergate(const std::vector<std::string>& args, const std::string& stderr_path) {
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe failed");
  pid_t pid = spawn(args, out[1], stderr_path);
  close(out[1]);
  std::string line;
  char c;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    ssize_t n = read(out[0], &c, 1);
    if (n <= 0 || c == '\n') break;
    line += c;
  }
  close(out[0]);
  auto at = line.find("127.0.0.1:");
  if (at == std::string::npos) {
    end_now(pid);
    throw std::runtime_error("ordergate did not start: '" + line + "' (see " + stderr_path + ")");
  }
  return {pid, static_cast<unsigned short>(std::stoi(line.substr(at + std::strlen("127.0.0.1:"))))};
}

unsigned short free_port() {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  if (s < 0 || bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) != 0)
    throw std::runtime_error("no free port");
  close(s);
  return ntohs(a.sin_port);
}

// haproxy's config as tests/cluster/local_cluster writes it for its own
// cluster (one text, so the two cannot drift apart), into `path`.
void write_haproxy_config(const std::string& path, const std::string& listen,
                          const std::vector<unsigned short>& instances) {
  std::vector<std::string> args{OG_SOURCE_DIR "/tests/cluster/local_cluster", "config", listen};
  for (auto port : instances) args.push_back(std::to_string(port));
  int out = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (out < 0) throw std::runtime_error("cannot write " + path);
  pid_t pid = spawn(args, out, path + ".stderr");
  close(out);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("local_cluster config failed (see " + path + ".stderr)");
}

bool ready(unsigned short port) {
  try {
    return HttpClient("127.0.0.1", port).get("/readyz").status == 200;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

ServerProcess::ServerProcess(std::filesystem::path data_dir, std::vector<std::string> extra_args) {
  log_ = (data_dir.parent_path() / (data_dir.filename().string() + ".server.log")).string();
  // The demo data, which the tests are written against (a test that wants an
  // empty database passes --no-demo).
  bool demo = std::find(extra_args.begin(), extra_args.end(), "--no-demo") == extra_args.end();
  std::erase(extra_args, "--no-demo");
  if (on_cluster())
    start_cluster(data_dir, std::move(extra_args), demo);
  else
    start_single(data_dir, std::move(extra_args), demo);
}

void ServerProcess::start_single(const std::filesystem::path& data_dir, std::vector<std::string> extra_args,
                                 bool demo) {
  // A test that restarts a server on the same port passes its own --listen.
  bool listen = std::find(extra_args.begin(), extra_args.end(), "--listen") != extra_args.end();
  std::vector<std::string> args = {OG_BINARY, "--data", data_dir.string(), "--access-log", log_};
  if (!listen) args.insert(args.end(), {"--listen", "127.0.0.1:0"});
  if (demo) args.push_back("--demo");
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  auto launched = launch_ordergate(args, stderr_path());
  children_.push_back({launched.pid, stderr_path()});
  port_ = launched.port;
}

void ServerProcess::start_cluster(const std::filesystem::path& data_dir, std::vector<std::string> extra_args,
                                  bool demo) {
  // haproxy takes the test's --listen (a restart comes back on its port);
  // the instances listen on free ports behind it.
  std::string listen;
  if (auto at = std::find(extra_args.begin(), extra_args.end(), "--listen"); at != extra_args.end()) {
    if (at + 1 == extra_args.end()) throw std::runtime_error("--listen without an address");
    listen = *(at + 1);
    extra_args.erase(at, at + 2);
  } else {
    listen = "127.0.0.1:" + std::to_string(free_port());
  }
  std::string store = cluster_store(data_dir);
  // What an operator gives every instance of a cluster: the address clients
  // reach (the WSDL names it) and one key for the hub's bearer tokens.
  auto given = [&](const char* flag) {
    return std::find(extra_args.begin(), extra_args.end(), flag) != extra_args.end();
  };
  if (!given("--public-url")) extra_args.insert(extra_args.end(), {"--public-url", "http://" + listen});
  if (!given("--eproc-token-key-file")) {
    std::string key = log_ + ".token-key";
    std::ofstream(key) << "e2e-cluster-token-key-" << std::hash<std::string>{}(log_) << "-0123456789abcdef";
    extra_args.insert(extra_args.end(), {"--eproc-token-key-file", key});
  }
  std::vector<unsigned short> ports;
  try {
    // The first creates the schema and the demo data; the others find them.
    for (int n = 1; n <= 3; ++n) {
      std::string suffix = n == 1 ? "" : "." + std::to_string(n);
      std::vector<std::string> args = {OG_BINARY,
                                       "--store",
                                       store,
                                       "--data",
                                       (data_dir / ("instance-" + std::to_string(n))).string(),
                                       "--access-log",
                                       log_ + suffix,
                                       "--listen",
                                       "127.0.0.1:0",
                                       "--instance-name",
                                       "e2e-" + std::to_string(n)};
      if (demo) args.push_back("--demo");
      args.insert(args.end(), extra_args.begin(), extra_args.end());
      std::string err = log_ + suffix + ".stderr";
      auto launched = launch_ordergate(args, err);
      children_.push_back({launched.pid, err});
      ports.push_back(launched.port);
    }
    std::string config = log_ + ".haproxy.cfg";
    write_haproxy_config(config, listen, ports);
    int out = open((log_ + ".haproxy").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    pid_t haproxy = spawn({"/usr/sbin/haproxy", "-db", "-f", config}, out, log_ + ".haproxy");
    close(out);
    children_.push_back({haproxy, ""});
    port_ = static_cast<unsigned short>(std::stoi(listen.substr(listen.rfind(':') + 1)));
    for (int i = 0; i < 200 && !ready(port_); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (!ready(port_)) throw std::runtime_error("haproxy does not answer on " + listen + " (see " + log_ + ".haproxy)");
  } catch (...) {
    for (auto& child : children_) end_now(child.pid);
    children_.clear();
    throw;
  }
}

std::vector<std::string>& server_problems() {
  static std::vector<std::string> problems;
  return problems;
}

ServerProcess::~ServerProcess() {
  if (!children_.empty()) stop();
}

// A sanitizer's report is a failure whatever the exit status said.
void ServerProcess::check_exit(const Child& child, int status, bool expected_kill) {
  if (child.stderr_path.empty()) return;
  std::ifstream in(child.stderr_path);
  std::stringstream text;
  text << in.rdbuf();
  std::string err = text.str();
  for (const char* marker :
       {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:", "WARNING: ThreadSanitizer"}) {
    if (err.find(marker) != std::string::npos) {
      server_problems().push_back("the server's stderr (" + child.stderr_path +
                                  ") holds a report: " + err.substr(err.find(marker), 2000));
      return;
    }
  }
  if (expected_kill && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) return;
  if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
    std::string how = WIFEXITED(status)     ? "exit status " + std::to_string(WEXITSTATUS(status))
                      : WIFSIGNALED(status) ? "signal " + std::to_string(WTERMSIG(status))
                                            : "status " + std::to_string(status);
    server_problems().push_back("the server ended with " + how + " (stderr: " + child.stderr_path +
                                "): " + err.substr(err.size() > 2000 ? err.size() - 2000 : 0));
  }
}

std::string ServerProcess::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

void ServerProcess::signal(int number) {
  for (const auto& child : children_)
    if (!child.stderr_path.empty()) ::kill(child.pid, number);
}

void ServerProcess::kill_hard() {
  for (const auto& child : children_) ::kill(child.pid, SIGKILL);
  for (const auto& child : children_) {
    int status = 0;
    waitpid(child.pid, &status, 0);
    check_exit(child, status, true);
  }
  children_.clear();
}

// Every instance drains at once (as an operator's stop would); haproxy goes
// last, after the requests it passed on were answered. The status is the
// first instance's unless another's went wrong.
int ServerProcess::stop() {
  if (children_.empty()) return -1;
  for (const auto& child : children_)
    if (!child.stderr_path.empty()) ::kill(child.pid, SIGTERM);
  // 0 when every instance ended well; else the first bad status, or -1 when
  // one did not end at all.
  int result = 0;
  bool hung = false;
  for (const auto& child : children_) {
    if (child.stderr_path.empty()) ::kill(child.pid, SIGTERM);
    int status = 0;
    bool ended = false;
    for (int i = 0; i < 300 && !ended; ++i) {
      ended = waitpid(child.pid, &status, WNOHANG) == child.pid;
      if (!ended) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (!ended) {
      server_problems().push_back("the server did not stop within 15 s of SIGTERM");
      end_now(child.pid);
      hung = true;
      continue;
    }
    check_exit(child, status, false);
    if (!child.stderr_path.empty() && result == 0) result = status;
  }
  children_.clear();
  return hung ? -1 : result;
}

}  // namespace og::test
