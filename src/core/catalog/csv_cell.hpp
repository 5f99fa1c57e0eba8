// The cells of an operator's CSV row in their columns' types, shared by the
// importers (catalog, stock, prices, classification, receipts) so that a
// spreadsheet's value means the same in every file. A cell that is not of
// its type reads as nullopt and adds "<column> '<text>' is not ..." to the
// row's problems, which the import reports with the row number.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/catalog/csv_table.hpp"
#include "rules/common/decimal.hpp"

namespace og::core {

// Required: an empty cell is a problem ("<column> is empty").
enum class Presence { Optional, Required };
enum class Sign { ZeroOrMore, AboveZero };
// Xsd: what xsd:date allows (a time zone may follow); Plain: YYYY-MM-DD only.
enum class DateForm { Xsd, Plain };

struct CsvCells {
  const CsvRow& row;
  std::vector<std::string>& problems;

  std::optional<std::string> text(const char* column) const { return row.get(column); }
  // "" when the cell is empty.
  std::string required(const char* column) const;
  // 1 to 64 characters, no control characters.
  std::optional<std::string> id(const char* column, Presence presence = Presence::Optional) const;
  // 4.95, or 4,95 as spreadsheets in German write it.
  std::optional<rules::Decimal> decimal(const char* column, Presence presence = Presence::Optional,
                                        Sign sign = Sign::ZeroOrMore) const;
  // As YYYY-MM-DD.
  std::optional<std::string> date(const char* column, Presence presence = Presence::Optional,
                                  DateForm form = DateForm::Xsd) const;
  // UN/ECE Rec. 20: up to 3 letters or digits.
  std::optional<std::string> unit(const char* column) const;
  // ISO 4217: 3 capital letters.
  std::optional<std::string> currency(const char* column) const;

 private:
  std::optional<std::string> present(const char* column, Presence presence) const;
  void refuse(const char* column, const std::string& value, const char* what) const;
};

// An identifier as Veloconnect carries it: 1 to 64 characters, no control characters.
bool identifier_ok(const std::string& id);

// A cell's words, separated by spaces or '|' (replaced_by, classification, tracking_url).
std::vector<std::string> words(const std::string& text);

}  // namespace og::core
