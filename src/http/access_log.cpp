#include "http/access_log.hpp"

#include <chrono>
#include <stdexcept>

namespace og::http {

AccessLog::AccessLog(const std::string& path) {
  if (path == "off") return;
  if (path == "-") {
    out_ = stderr;
  } else {
    out_ = std::fopen(path.c_str(), "a");
    if (!out_) throw std::runtime_error("cannot open access log " + path);
    owned_ = true;
  }
  writer_ = std::thread([this] { run(); });
}

AccessLog::~AccessLog() {
  if (!out_) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  writer_.join();
  if (owned_) std::fclose(out_);
}

void AccessLog::write(std::string line) {
  if (!out_) return;
  std::lock_guard lock(mutex_);
  // Under a flood the log drops lines rather than memory growing without bound.
  if (pending_.size() > (8u << 20)) return;
  pending_ += line;
  pending_ += '\n';
}

void AccessLog::run() {
  std::string batch;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, std::chrono::milliseconds(200), [this] { return stopping_; });
      batch.swap(pending_);
      if (stopping_ && batch.empty()) return;
    }
    if (!batch.empty()) {
      std::fwrite(batch.data(), 1, batch.size(), out_);
      std::fflush(out_);
      batch.clear();
    }
  }
}

}  // namespace og::http
