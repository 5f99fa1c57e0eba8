#include "http/access_log.hpp"

#include <chrono>
#include <stdexcept>

#include "log/log.hpp"

namespace og::http {

AccessLog::AccessLog(const std::string& path) {
  if (path == "off") return;
  if (path == "-") {
    out_ = stderr;
  } else {
    out_ = std::fopen(path.c_str(), "a");
    if (!out_) throw std::runtime_error("cannot open access log " + path);
    owned_ = true;
    path_ = path;
  }
  enabled_ = true;
  writer_ = std::thread([this] { run(); });
}

AccessLog::~AccessLog() {
  if (!enabled_) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  writer_.join();
  if (owned_) std::fclose(out_);
}

void AccessLog::write(std::string line) {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  // Under a flood the log drops lines rather than memory growing without bound.
  if (pending_.size() > (8u << 20)) return;
  pending_ += line;
  pending_ += '\n';
}

void AccessLog::reopen() {
  if (!owned_) return;
  std::lock_guard lock(mutex_);
  reopen_ = true;
}

void AccessLog::run() {
  std::string batch;
  for (;;) {
    bool reopen = false;
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, std::chrono::milliseconds(200), [this] { return stopping_; });
      batch.swap(pending_);
      std::swap(reopen, reopen_);
      if (stopping_ && batch.empty()) return;
    }
    if (reopen) {
      if (std::FILE* f = std::fopen(path_.c_str(), "a")) {
        std::fclose(out_);
        out_ = f;
      } else {
        log::error("cannot reopen the access log " + path_ + "; writing on to the old file");
      }
    }
    if (!batch.empty()) {
      std::fwrite(batch.data(), 1, batch.size(), out_);
      std::fflush(out_);
      batch.clear();
    }
  }
}

namespace {

// logfmt: bare when the value has no space, quote, '=' or control byte.
void field(std::string& line, std::string_view key, std::string_view value) {
  if (!line.empty()) line += ' ';
  line += key;
  line += '=';
  if (value.empty()) {
    line += '-';
    return;
  }
  bool bare = true;
  for (unsigned char c : value)
    if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c >= 0x7f) bare = false;
  if (bare) {
    line += value;
    return;
  }
  line += '"';
  for (unsigned char c : value) {
    if (c == '"' || c == '\\') {
      line += '\\';
      line += static_cast<char>(c);
    } else if (c < ' ' || c == 0x7f) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", c);
      line += hex;
    } else {
      line += static_cast<char>(c);
    }
  }
  line += '"';
}

}  // namespace

std::string access_line(std::string_view time, std::string_view client, std::string_view method, std::string_view path,
                        int status, std::string_view face, std::string_view operation, std::string_view outcome,
                        long long micros) {
  std::string line;
  line.reserve(160 + path.size());
  field(line, "time", time);
  field(line, "client", client);
  field(line, "method", method);
  field(line, "path", path);
  field(line, "status", std::to_string(status));
  field(line, "face", face);
  field(line, "operation", operation);
  field(line, "outcome", outcome);
  field(line, "us", std::to_string(micros));
  return line;
}

}  // namespace og::http
