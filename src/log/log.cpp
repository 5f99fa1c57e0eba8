#include "log/log.hpp"

#include <atomic>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <stdexcept>

namespace og::log {

namespace {

std::atomic<int> threshold{static_cast<int>(Level::info)};

struct Sink {
  std::mutex mutex;
  std::FILE* out = stderr;
  std::string path = "-";
};

Sink& sink() {
  static Sink s;
  return s;
}

}  // namespace

std::optional<Level> parse_level(std::string_view name) {
  for (Level l : {Level::error, Level::warning, Level::info, Level::debug})
    if (name == name_of(l)) return l;
  return std::nullopt;
}

const char* name_of(Level level) {
  switch (level) {
    case Level::error: return "error";
    case Level::warning: return "warning";
    case Level::info: return "info";
    case Level::debug: return "debug";
  }
  return "?";
}

void set_level(Level level) {
  threshold.store(static_cast<int>(level), std::memory_order_relaxed);
}

bool enabled(Level level) {
  return static_cast<int>(level) <= threshold.load(std::memory_order_relaxed);
}

void open(const std::string& path) {
  Sink& s = sink();
  std::FILE* f = path == "-" ? stderr : std::fopen(path.c_str(), "a");
  if (!f) throw std::runtime_error("cannot open log file " + path);
  std::lock_guard lock(s.mutex);
  if (s.out != stderr) std::fclose(s.out);
  s.out = f;
  s.path = path;
}

void reopen() {
  Sink& s = sink();
  std::string path;
  {
    std::lock_guard lock(s.mutex);
    path = s.path;
  }
  if (path == "-") return;
  try {
    open(path);
  } catch (const std::exception& e) {
    error(std::string("log: ") + e.what() + "; writing on to the old file");
  }
}

void write(Level level, std::string_view message) {
  if (!enabled(level)) return;
  std::string line;
  line.reserve(message.size() + 40);
  line += utc_now();
  line += ' ';
  line += name_of(level);
  line += ' ';
  line += message;
  line += '\n';
  Sink& s = sink();
  std::lock_guard lock(s.mutex);
  std::fwrite(line.data(), 1, line.size(), s.out);
  std::fflush(s.out);
}

const char* utc_now() {
  thread_local std::time_t last = 0;
  thread_local char buf[32];
  std::time_t now = std::time(nullptr);
  if (now != last) {
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    last = now;
  }
  return buf;
}

}  // namespace og::log
