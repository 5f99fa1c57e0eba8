// One line per request (face, operation, outcome, duration), buffered and
// written by a background thread so a busy server never waits on its log.
#pragma once
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>

namespace og::http {

class AccessLog {
 public:
  // `path`: "-" for stderr, "off" for none, else a file to append to.
  explicit AccessLog(const std::string& path);
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  bool enabled() const { return out_ != nullptr; }
  void write(std::string line);

 private:
  void run();
  std::FILE* out_ = nullptr;
  bool owned_ = false;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::string pending_;
  bool stopping_ = false;
  std::thread writer_;
};

}  // namespace og::http
