#include "app/conformance/report.hpp"

#include <algorithm>
#include <sstream>

namespace og::app::conformance {

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::Pass: return "PASS";
    case Verdict::Fail: return "FAIL";
    case Verdict::Skip: return "SKIP";
    case Verdict::Warn: return "WARN";
  }
  return "?";
}

void Report::add(std::string check, Verdict verdict, std::string detail) {
  findings_.push_back({std::move(check), verdict, std::move(detail)});
}

int Report::count(Verdict v) const {
  return static_cast<int>(
      std::count_if(findings_.begin(), findings_.end(), [v](const auto& f) { return f.verdict == v; }));
}

int Report::exit_code() const {
  return count(Verdict::Fail) > 0 ? 1 : 0;
}

std::string Report::format() const {
  std::size_t width = 5;
  for (const auto& f : findings_) width = std::max(width, f.check.size());
  std::ostringstream out;
  auto row = [&](const std::string& check, const std::string& result, const std::string& detail) {
    out << check << std::string(width - check.size() + 2, ' ') << result << std::string(8 - result.size(), ' ');
    // Details stay on one line: a supplier's message may carry newlines.
    for (char c : detail) out << (c == '\n' || c == '\r' ? ' ' : c);
    out << "\n";
  };
  row("CHECK", "RESULT", "DETAIL");
  for (const auto& f : findings_) row(f.check, verdict_name(f.verdict), f.detail);
  out << "\n"
      << findings_.size() << " checks: " << count(Verdict::Pass) << " PASS, " << count(Verdict::Fail) << " FAIL, "
      << count(Verdict::Skip) << " SKIP, " << count(Verdict::Warn)
      << " WARN (WARN: leniency or a judgement the standard does not require; never a failure)\n";
  return out.str();
}

}  // namespace og::app::conformance
