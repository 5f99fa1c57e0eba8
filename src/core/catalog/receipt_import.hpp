// `ordergate import delivery-notes|invoices FILE.csv`: the seller's ERP loads
// the documents Veloconnect's receipt module serves. One CSV row per line
// item; the document's own columns (ID, buyer, issue date, sums, ...) repeat
// on each of its rows and must agree. A document is checked as a whole and
// written whole or not at all: one bad row refuses its document (every bad
// row is reported with its row number). Loading a document again replaces it
// (same ID: its lines and sums are the new file's), so a repeated import
// changes nothing. Columns: README, "Receipts".
#pragma once
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog/catalog_admin.hpp"
#include "core/catalog/csv_table.hpp"
#include "model/receipt.hpp"

namespace og::store {
class Store;
}

namespace og::core::admin {

struct ReceiptImportReport {
  std::int64_t rows = 0;       // read
  std::int64_t documents = 0;  // written (new or replacing)
  std::int64_t replaced = 0;   // of those, documents that were there before
  std::int64_t refused = 0;    // documents not written
  std::vector<RowError> errors;
  std::optional<CsvProblem> file_problem;  // the file itself could not be read: nothing written
  double seconds = 0;
  bool ok() const { return errors.empty() && !file_problem; }
};

struct ReceiptImportOptions {
  model::ReceiptKind kind = model::ReceiptKind::DeliveryNote;
  std::string seller;  // "" the default seller
  char delimiter = ',';
  std::int64_t slice = 500;                                  // documents per unit of work
  std::function<void(const ReceiptImportReport&)> progress;  // after every slice
};

// The columns a file must have.
std::vector<std::string> receipt_required_columns(model::ReceiptKind kind);

ReceiptImportReport import_receipts(store::Store& store, std::istream& in, const ReceiptImportOptions& options);

}  // namespace og::core::admin
