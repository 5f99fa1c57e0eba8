// `ordergate conformance <URL> --buyer B --password P ...`: runs the checks
// against any Veloconnect server and prints the report.
#pragma once
#include <string>
#include <vector>

namespace og::app::conformance {

extern const char* const kUsage;

// Returns the exit status: 0 every check passed (WARN and SKIP allowed),
// 1 a check failed, 2 usage error or the server unreachable.
int conformance_command(const std::vector<std::string>& args);

}  // namespace og::app::conformance
