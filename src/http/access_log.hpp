// One line per request (face, operation, outcome, duration) in logfmt
// (key=value, quoted where needed), buffered and written by a background
// thread so a busy server never waits on its log. reopen() (SIGHUP) opens the
// file again by its name, for log rotation.
#pragma once
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace og::http {

class AccessLog {
 public:
  // `path`: "-" for stderr, "off" for none, else a file to append to.
  explicit AccessLog(const std::string& path);
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  bool enabled() const { return enabled_; }
  void write(std::string line);
  // Takes effect at the next write-out, on the writer thread.
  void reopen();

 private:
  void run();
  bool enabled_ = false;      // set once, before the writer starts
  std::FILE* out_ = nullptr;  // the writer thread's after the constructor
  bool owned_ = false;
  std::string path_;
  bool reopen_ = false;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::string pending_;
  bool stopping_ = false;
  std::thread writer_;
};

// time=2026-12-07T00:55:18Z client=127.0.0.1 method=GET path=/veloconnect status=200
// face=veloconnect operation=GetItemDetails outcome=200 us=22283 ("-" for an empty field)
std::string access_line(std::string_view time, std::string_view client, std::string_view method, std::string_view path,
                        int status, std::string_view face, std::string_view operation, std::string_view outcome,
                        long long micros);

}  // namespace og::http
