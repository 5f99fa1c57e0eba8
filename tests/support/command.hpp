// The operator's commands (`ordergate seller|buyer|import|export|hub ...`) as
// a test runs them: the real binary, `input` on stdin (a password), stdout and
// stderr together.
#pragma once
#include <string>

namespace og::test {

struct CommandRun {
  int status = -1;  // as pclose() returns it: 0 is success
  std::string out;
};

CommandRun ordergate(const std::string& args, const std::string& input = "");

}  // namespace og::test
