// What an operator does to a seller's data from the command line
// (`ordergate seller|buyer|import|export ...`), against the database file,
// whether or not a server runs on it: sellers and buyers, a catalogue, stock
// and prices from CSV, orders out for the ERP. Imports go in slices of 10,000
// rows (ImportOptions::slice), each one unit of work, so a running server's
// writes wait tens of milliseconds at most behind one.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog/csv_table.hpp"
#include "core/clock.hpp"
#include "model/catalog.hpp"

namespace og::store {
class Store;
}

namespace og::core::admin {

struct RowError {
  std::int64_t row = 0;  // of the file, the header being row 1
  std::string message;
};

struct ImportReport {
  std::int64_t rows = 0;     // read
  std::int64_t written = 0;  // stored (new or changed)
  std::int64_t unknown = 0;  // stock/price rows for items the seller does not have
  std::vector<RowError> errors;
  std::optional<CsvProblem> file_problem;  // the file itself could not be read
  double seconds = 0;
  bool ok() const { return errors.empty() && !file_problem; }
};

using Progress = std::function<void(const ImportReport&)>;

enum class ImportKind {
  Catalog,         // items (new or replacing), replacements of obsolete items
  Stock,           // stock and next delivery of known items
  Prices,          // net price (and recommended retail price) of known items
  Classification,  // groups of the seller's classification schemes (GetClassificationScheme)
};

struct ImportOptions {
  ImportKind kind = ImportKind::Catalog;
  std::string seller;  // "" the default seller
  char delimiter = ',';
  std::int64_t slice = 10000;  // rows per unit of work
  Progress progress;           // after every slice
};

// The columns each kind reads (README, "Operating a catalogue").
std::vector<std::string> required_columns(ImportKind kind);

ImportReport import_csv(store::Store& store, std::istream& in, const ImportOptions& options, const Clock& clock);

// Sellers and buyers. Throw std::runtime_error with a message for the operator.
void put_seller(store::Store& store, const model::Seller& seller);
std::vector<model::Seller> list_sellers(store::Store& store);
void put_buyer(store::Store& store, const std::string& seller, const std::string& id, const std::string& name,
               const std::string& password);
bool remove_buyer(store::Store& store, const std::string& seller, const std::string& id);

enum class ExportFormat { Csv, Json };

struct ExportReport {
  std::int64_t orders = 0;
  std::int64_t lines = 0;
};

// The seller's finished orders taken at or after `since` (UTC, ISO-8601), one
// row per order line (CSV) or one object per order (JSON lines), oldest first.
ExportReport export_orders(store::Store& store, const std::string& seller, const std::string& since,
                           ExportFormat format, std::ostream& out);

}  // namespace og::core::admin
