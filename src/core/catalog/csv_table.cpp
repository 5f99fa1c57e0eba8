#include "core/catalog/csv_table.hpp"

#include <csv.h>

#include <algorithm>
#include <cctype>

namespace og::core {

namespace {

std::string lower_trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// What libcsv's callbacks fill in.
struct Reading {
  std::vector<std::string> fields;
  std::vector<std::string> header;
  bool have_header = false;
  std::int64_t line = 0;  // records seen, the header included
  const std::vector<std::string>* required = nullptr;
  std::optional<CsvProblem> problem;  // a required column is missing: no row is handled
  const std::function<void(const CsvRow&)>* on_row = nullptr;
};

void on_field(void* text, std::size_t size, void* data) {
  auto* r = static_cast<Reading*>(data);
  r->fields.emplace_back(text ? static_cast<const char*>(text) : "", text ? size : 0);
}

void on_record(int, void* data) {
  auto* r = static_cast<Reading*>(data);
  ++r->line;
  if (!r->have_header) {
    for (const auto& f : r->fields) r->header.push_back(lower_trimmed(f));
    // A UTF-8 byte order mark (Excel's exports) is not part of the first name.
    if (!r->header.empty() && r->header[0].rfind("\xef\xbb\xbf", 0) == 0) r->header[0].erase(0, 3);
    r->have_header = true;
    for (const auto& column : *r->required)
      if (std::find(r->header.begin(), r->header.end(), column) == r->header.end() && !r->problem)
        r->problem = CsvProblem{1, "the header row has no column " + column};
  } else if (!r->problem && !(r->fields.size() == 1 && r->fields[0].empty())) {
    (*r->on_row)(CsvRow(r->fields, r->header, r->line));
  }
  r->fields.clear();
}

struct Parser {
  csv_parser p{};
  bool ready = false;
  ~Parser() {
    if (ready) csv_free(&p);
  }
};

}  // namespace

std::optional<std::string> CsvRow::get(std::string_view column) const {
  for (std::size_t i = 0; i < header_.size() && i < fields_.size(); ++i) {
    if (header_[i] != column) continue;
    std::string_view v = fields_[i];
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.remove_suffix(1);
    if (v.empty()) return std::nullopt;
    return std::string(v);
  }
  return std::nullopt;
}

std::optional<CsvProblem> read_csv(std::istream& in, char delimiter, const std::vector<std::string>& required,
                                   const std::function<void(const CsvRow&)>& on_row) {
  Parser parser;
  if (csv_init(&parser.p, CSV_APPEND_NULL | CSV_EMPTY_IS_NULL) != 0) return CsvProblem{0, "out of memory"};
  parser.ready = true;
  csv_set_delim(&parser.p, static_cast<unsigned char>(delimiter));
  Reading reading;
  reading.required = &required;
  reading.on_row = &on_row;
  std::vector<char> buffer(1 << 16);
  while (in && !reading.problem) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    std::size_t n = static_cast<std::size_t>(in.gcount());
    if (n == 0) break;
    if (csv_parse(&parser.p, buffer.data(), n, on_field, on_record, &reading) != n)
      return CsvProblem{reading.line + 1, csv_strerror(csv_error(&parser.p))};
  }
  if (reading.problem) return reading.problem;
  if (csv_fini(&parser.p, on_field, on_record, &reading) != 0)
    return CsvProblem{reading.line + 1, csv_strerror(csv_error(&parser.p))};
  if (reading.problem) return reading.problem;
  if (!reading.have_header) return CsvProblem{1, "the file is empty: the first row must name the columns"};
  return std::nullopt;
}

}  // namespace og::core
