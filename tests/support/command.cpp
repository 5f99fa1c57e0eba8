#include "support/command.hpp"

#include <cstdio>

namespace og::test {

CommandRun ordergate(const std::string& args, const std::string& input) {
  std::string cmd = std::string(OG_BINARY) + " " + args + " 2>&1";
  if (!input.empty()) cmd = "printf '%s\\n' '" + input + "' | " + cmd;
  CommandRun r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  while (std::size_t n = fread(buf, 1, sizeof buf, p)) r.out.append(buf, n);
  r.status = pclose(p);
  return r;
}

}  // namespace og::test
