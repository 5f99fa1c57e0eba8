// Reading an operator's CSV file row by row (libcsv: RFC 4180 quoting,
// embedded newlines), with the header row naming the columns, so that files
// from any ERP export work whatever the column order, and a million rows
// never sit in memory at once.
#pragma once
#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace og::core {

class CsvRow {
 public:
  CsvRow(const std::vector<std::string>& fields, const std::vector<std::string>& header, std::int64_t line)
      : fields_(fields), header_(header), line_(line) {}
  // The named column's text, trimmed; nullopt when the file has no such
  // column or the cell is empty.
  std::optional<std::string> get(std::string_view column) const;
  std::int64_t line() const { return line_; }

 private:
  const std::vector<std::string>& fields_;
  const std::vector<std::string>& header_;
  std::int64_t line_;
};

struct CsvProblem {
  std::int64_t line = 0;
  std::string message;
};

// Reads `in`: the first row names the columns (case-insensitive), `on_row`
// gets every other non-empty row. `delimiter` ',' or ';' (many European
// exports). Returns a problem when the file itself cannot be read as CSV
// (an unterminated quote) or lacks a `required` column.
std::optional<CsvProblem> read_csv(std::istream& in, char delimiter, const std::vector<std::string>& required,
                                   const std::function<void(const CsvRow&)>& on_row);

}  // namespace og::core
