#include "core/catalog/csv_cell.hpp"

#include <algorithm>
#include <cctype>

#include "rules/common/date.hpp"

namespace og::core {

using rules::Decimal;

std::optional<std::string> CsvCells::present(const char* column, Presence presence) const {
  auto v = row.get(column);
  if (!v && presence == Presence::Required) problems.push_back(std::string(column) + " is empty");
  return v;
}

void CsvCells::refuse(const char* column, const std::string& value, const char* what) const {
  problems.push_back(std::string(column) + " '" + value + "' " + what);
}

std::string CsvCells::required(const char* column) const {
  return present(column, Presence::Required).value_or("");
}

std::optional<std::string> CsvCells::id(const char* column, Presence presence) const {
  auto v = present(column, presence);
  if (v && !identifier_ok(*v)) {
    refuse(column, *v, "is not an identifier (1 to 64 characters)");
    return std::nullopt;
  }
  return v;
}

std::optional<Decimal> CsvCells::decimal(const char* column, Presence presence, Sign sign) const {
  auto v = present(column, presence);
  if (!v) return std::nullopt;
  std::string text = *v;
  // Spreadsheets in German write 4,95.
  if (text.find(',') != std::string::npos && text.find('.') == std::string::npos)
    std::replace(text.begin(), text.end(), ',', '.');
  auto d = Decimal::parse(text);
  if (!d) {
    refuse(column, *v, "is not a decimal number");
    return std::nullopt;
  }
  bool above = sign == Sign::AboveZero;
  if (d->is_negative() || (above && d->is_zero())) {
    refuse(column, *v, above ? "must be above 0" : "must be 0 or more");
    return std::nullopt;
  }
  return d;
}

std::optional<std::string> CsvCells::date(const char* column, Presence presence, DateForm form) const {
  auto v = present(column, presence);
  if (!v) return std::nullopt;
  auto d = rules::Date::parse(*v);
  if (!d || (form == DateForm::Plain && v->size() != 10)) {
    refuse(column, *v, "is not a date (YYYY-MM-DD)");
    return std::nullopt;
  }
  return d->to_string();
}

std::optional<std::string> CsvCells::unit(const char* column) const {
  auto v = row.get(column);
  if (!v) return std::nullopt;
  bool ok = v->size() <= 3 && std::all_of(v->begin(), v->end(), [](unsigned char c) { return std::isalnum(c); });
  if (!ok) {
    refuse(column, *v, "is not a UN/ECE Rec. 20 unit code (EA, PK, MTR, ...)");
    return std::nullopt;
  }
  return v;
}

std::optional<std::string> CsvCells::currency(const char* column) const {
  auto v = row.get(column);
  if (!v) return std::nullopt;
  if (v->size() != 3 || !std::all_of(v->begin(), v->end(), [](unsigned char c) { return std::isupper(c); })) {
    refuse(column, *v, "is not an ISO 4217 code (EUR, CHF, ...)");
    return std::nullopt;
  }
  return v;
}

bool identifier_ok(const std::string& id) {
  return !id.empty() && id.size() <= 64 &&
         std::none_of(id.begin(), id.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  for (char ch : text + " ") {
    if (ch == ' ' || ch == '|') {
      if (!word.empty()) out.push_back(word);
      word.clear();
    } else {
      word += ch;
    }
  }
  return out;
}

}  // namespace og::core
