// What a conformance run found, one row per check, and how it is printed.
// WARN is a finding that the standard does not make a failure (leniency a
// real client relies on, an answer the schema set cannot judge): it is shown
// but never changes the exit code.
#pragma once
#include <string>
#include <vector>

namespace og::app::conformance {

enum class Verdict { Pass, Fail, Skip, Warn };

struct Finding {
  std::string check;
  Verdict verdict = Verdict::Pass;
  std::string detail;
};

const char* verdict_name(Verdict v);

class Report {
 public:
  void add(std::string check, Verdict verdict, std::string detail);
  const std::vector<Finding>& findings() const { return findings_; }
  int count(Verdict v) const;
  // 0 when nothing failed, 1 when a check failed.
  int exit_code() const;
  // The table (check, result, detail) and a summary line.
  std::string format() const;

 private:
  std::vector<Finding> findings_;
};

}  // namespace og::app::conformance
