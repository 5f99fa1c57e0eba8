// The server's own log (not the access log): one line per event, with a
// level, written to stderr or a file that SIGHUP reopens (for logrotate).
// Any thread may write; a line is written whole or not at all.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace og::log {

enum class Level { error, warning, info, debug };

std::optional<Level> parse_level(std::string_view name);  // "error", "warning", "info", "debug"
const char* name_of(Level level);

// Lines less severe than `level` are dropped (default: info).
void set_level(Level level);
bool enabled(Level level);

// "-" is stderr (the default); anything else a file to append to. Throws
// std::runtime_error when the file cannot be opened.
void open(const std::string& path);
// Opens the file again by its name (after a rotation moved it away); on
// failure the old one is kept and the failure is logged to it.
void reopen();

// `2026-12-07T00:55:18Z error store: commit 7 failed ...`
void write(Level level, std::string_view message);

inline void error(std::string_view message) {
  write(Level::error, message);
}
inline void warning(std::string_view message) {
  write(Level::warning, message);
}
inline void info(std::string_view message) {
  write(Level::info, message);
}
inline void debug(std::string_view message) {
  write(Level::debug, message);
}

// The UTC second for log lines: "2026-12-07T00:55:18Z" (cached per thread).
const char* utc_now();

}  // namespace og::log
