#include "core/catalog/receipt_import.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <stdexcept>

#include "core/catalog/csv_cell.hpp"
#include "rules/veloconnect/receipts.hpp"
#include "store/store.hpp"

namespace og::core::admin {

namespace {

using rules::Decimal;

// An absolute URL without spaces (xsd:anyURI as clients can follow it).
bool url_ok(const std::string& url) {
  auto scheme = url.find("://");
  return scheme != std::string::npos && scheme > 0 && url.size() <= 2048 &&
         std::all_of(url.begin(), url.end(), [](unsigned char c) { return c > 0x20 && c != 0x7f; });
}

// A document's reference to a line of another: the document's ID, and the line's where given.
std::optional<model::LineReference> reference(const CsvCells& c, const char* id_column, const char* line_column) {
  auto id_value = c.id(id_column);
  auto line = c.id(line_column);
  if (line && !id_value) c.problems.push_back(std::string(line_column) + " without " + id_column);
  if (!id_value) return std::nullopt;
  return model::LineReference{*id_value, line};
}

// One row as read: the document's columns (as given) and the line item.
struct Row {
  std::int64_t line = 0;
  std::optional<std::string> buyer, issue_date, description, url, currency;
  std::vector<std::string> tracking;
  std::optional<Decimal> gross, net, vat_rate, vat_amount, vat_taxable;
  bool line_id_given = false;
  model::ReceiptLine item;
};

struct Pending {
  std::string id;
  std::vector<Row> rows;
  bool bad = false;  // a row was refused: the document is not written
};

const char* document_name(model::ReceiptKind kind) {
  return kind == model::ReceiptKind::Invoice ? "invoice" : "delivery note";
}

const char* id_column(model::ReceiptKind kind) {
  return kind == model::ReceiptKind::Invoice ? "invoice_id" : "delivery_note_id";
}

Row read_row(const CsvRow& csv, model::ReceiptKind kind, std::vector<std::string>& problems) {
  CsvCells c{csv, problems};
  Row r;
  r.line = csv.line();
  r.buyer = c.id("buyer_id");
  r.issue_date = c.date("issue_date", Presence::Optional, DateForm::Plain);
  r.description = c.text("description");
  r.currency = c.currency("currency");
  model::ReceiptLine& l = r.item;
  if (auto id = c.id("line_id")) {
    l.line_id = *id;
    r.line_id_given = true;
  }
  l.order = reference(c, "order_id", "order_line_id");
  l.confirmation = reference(c, "order_confirmation_id", "order_confirmation_line_id");
  l.delivery_date = c.date("delivery_date", Presence::Optional, DateForm::Plain);
  l.item_id = c.id("item_id", Presence::Required).value_or("");
  l.description = c.text("item_description");
  l.buyers_item_id = c.id("buyers_item_id");
  l.quantity = c.decimal("quantity", Presence::Required).value_or(Decimal());
  l.unit = c.unit("unit").value_or("EA");
  l.unit_price = c.decimal("unit_price", Presence::Required).value_or(Decimal());
  if (auto price = c.decimal("line_price")) {
    l.line_price = *price;
  } else if (auto product = l.quantity.times(l.unit_price)) {
    l.line_price = *product;
  } else {
    problems.push_back("quantity x unit_price is out of range");
  }
  if (kind == model::ReceiptKind::DeliveryNote) {
    if (auto urls = c.text("tracking_url")) {
      for (const auto& word : words(*urls)) {
        if (url_ok(word))
          r.tracking.push_back(word);
        else
          problems.push_back("tracking_url '" + word + "' is not an absolute URL");
      }
    }
  } else {
    l.delivery_note = reference(c, "delivery_note_id", "delivery_note_line_id");
    r.url = c.text("invoice_url");
    if (r.url && !url_ok(*r.url)) problems.push_back("invoice_url '" + *r.url + "' is not an absolute URL");
    r.gross = c.decimal("gross_sum");
    r.net = c.decimal("net_sum");
    r.vat_rate = c.decimal("vat_rate", Presence::Required);
    r.vat_amount = c.decimal("vat_amount");
    r.vat_taxable = c.decimal("vat_taxable");
  }
  return r;
}

// The document `p` stands for, or the problems that keep it from being written.
std::optional<model::ReceiptDocument> assemble(const Pending& p, model::ReceiptKind kind,
                                               std::vector<RowError>& errors) {
  model::ReceiptDocument d;
  d.kind = kind;
  d.id = p.id;
  std::size_t before = errors.size();
  std::string what = std::string(document_name(kind)) + " " + p.id;
  // A document column: the first value given; a different one later is an error.
  auto agree_in = [&](const std::vector<Row>& rows, auto member, const std::string& column, auto& out) {
    std::optional<std::int64_t> first_line;
    for (const auto& row : rows) {
      const auto& v = row.*member;
      if (!v) continue;
      if (!first_line) {
        out = *v;
        first_line = row.line;
      } else if (!(*v == out)) {
        errors.push_back({row.line, column + " differs from row " + std::to_string(*first_line) + " of " + what +
                                        " (a document's columns must agree on all its rows)"});
      }
    }
    return first_line.has_value();
  };
  auto agree = [&](auto member, const std::string& column, auto& out) { return agree_in(p.rows, member, column, out); };
  std::string buyer, issue_date, currency = "EUR";
  std::string description, url;
  if (!agree(&Row::buyer, "buyer_id", buyer)) errors.push_back({p.rows.front().line, "buyer_id is empty"});
  if (!agree(&Row::issue_date, "issue_date", issue_date))
    errors.push_back({p.rows.front().line, "issue_date is empty"});
  agree(&Row::currency, "currency", currency);
  if (agree(&Row::description, "description", description)) d.description = description;
  d.buyer_id = buyer;
  d.issue_date = issue_date;
  d.currency = currency;
  // Lines: LineID as given or the row's position in the document; unique.
  std::map<std::string, std::int64_t> line_ids;
  std::int64_t position = 0;
  for (const auto& row : p.rows) {
    model::ReceiptLine l = row.item;
    ++position;
    if (!row.line_id_given) l.line_id = std::to_string(position);
    l.currency = currency;
    auto [at, fresh] = line_ids.emplace(l.line_id, row.line);
    if (!fresh)
      errors.push_back({row.line, "line_id " + l.line_id + " is used twice in " + what + " (also row " +
                                      std::to_string(at->second) + ")"});
    for (const auto& u : row.tracking)
      if (std::find(d.tracking_urls.begin(), d.tracking_urls.end(), u) == d.tracking_urls.end())
        d.tracking_urls.push_back(u);
    d.lines.push_back(std::move(l));
  }
  if (kind == model::ReceiptKind::Invoice) {
    if (agree(&Row::url, "invoice_url", url)) d.url = url;
    Decimal gross, net;
    if (!agree(&Row::gross, "gross_sum", gross)) errors.push_back({p.rows.front().line, "gross_sum is empty"});
    if (!agree(&Row::net, "net_sum", net)) errors.push_back({p.rows.front().line, "net_sum is empty"});
    d.gross_sum = gross;
    d.net_sum = net;
    // One VAT amount per rate, in order of first appearance.
    Decimal lines_total, vat_total;
    for (const auto& l : d.lines) lines_total = lines_total + l.line_price;
    std::vector<Decimal> rates;
    for (const auto& row : p.rows)
      if (row.vat_rate && std::find(rates.begin(), rates.end(), *row.vat_rate) == rates.end())
        rates.push_back(*row.vat_rate);
    for (const auto& rate : rates) {
      Pending same{p.id, {}, false};
      Decimal taxable;
      for (const auto& row : p.rows)
        if (row.vat_rate == rate) {
          same.rows.push_back(row);
          taxable = taxable + row.item.line_price;
        }
      Decimal amount, given_taxable;
      std::string at_rate = "vat_amount at " + rate.to_string() + " %";
      if (!agree_in(same.rows, &Row::vat_amount, at_rate, amount))
        errors.push_back({same.rows.front().line, at_rate + " is empty on every row of " + what});
      if (agree_in(same.rows, &Row::vat_taxable, "vat_taxable", given_taxable)) taxable = given_taxable;
      d.vat.push_back({rate, taxable, amount});
      vat_total = vat_total + amount;
    }
    if (errors.size() == before) {
      if (!(lines_total == net))
        errors.push_back({p.rows.front().line, "net_sum " + net.to_string(2) + " of " + what +
                                                   " is not the sum of its line prices, " + lines_total.to_string(2)});
      if (!(net + vat_total == gross))
        errors.push_back({p.rows.front().line, "gross_sum " + gross.to_string(2) + " of " + what + " is not net_sum " +
                                                   net.to_string(2) + " + VAT " + vat_total.to_string(2)});
    }
  }
  if (errors.size() != before) return std::nullopt;
  return d;
}

}  // namespace

std::vector<std::string> receipt_required_columns(model::ReceiptKind kind) {
  std::vector<std::string> out{id_column(kind), "buyer_id", "issue_date", "item_id", "quantity", "unit_price"};
  if (kind == model::ReceiptKind::Invoice) {
    for (const char* c : {"gross_sum", "net_sum", "vat_rate", "vat_amount"}) out.emplace_back(c);
  }
  return out;
}

ReceiptImportReport import_receipts(store::Store& store, std::istream& in, const ReceiptImportOptions& options) {
  ReceiptImportReport report;
  auto started = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
  bool seller_known =
      store.read_now([&](store::ReadView& r) { return r.sellers().seller(options.seller).has_value(); });
  if (!seller_known) throw std::runtime_error("there is no seller '" + options.seller + "'");

  // Every document's rows, in order of first appearance (a document's rows
  // need not be next to each other).
  std::vector<Pending> documents;
  std::map<std::string, std::size_t> index;
  const char* id_col = id_column(options.kind);
  report.file_problem = read_csv(in, options.delimiter, receipt_required_columns(options.kind), [&](const CsvRow& csv) {
    ++report.rows;
    std::vector<std::string> problems;
    auto id = CsvCells{csv, problems}.id(id_col, Presence::Required);
    Row row = read_row(csv, options.kind, problems);
    Pending* doc = nullptr;
    if (id) {
      auto [at, fresh] = index.emplace(*id, documents.size());
      if (fresh) documents.push_back(Pending{*id, {}, false});
      doc = &documents[at->second];
    }
    if (!problems.empty()) {
      std::string message;
      for (const auto& m : problems) message += (message.empty() ? "" : "; ") + m;
      report.errors.push_back({csv.line(), std::move(message)});
      if (doc) doc->bad = true;
      return;
    }
    doc->rows.push_back(std::move(row));
  });
  if (report.file_problem) {
    report.seconds = elapsed();
    return report;
  }

  std::vector<model::ReceiptDocument> ready;
  std::vector<std::int64_t> first_rows;
  for (const auto& p : documents) {
    if (p.bad || p.rows.empty()) {
      ++report.refused;
      continue;
    }
    auto d = assemble(p, options.kind, report.errors);
    if (!d) {
      ++report.refused;
      continue;
    }
    ready.push_back(std::move(*d));
    first_rows.push_back(p.rows.front().line);
  }

  for (std::size_t start = 0; start < ready.size(); start += static_cast<std::size_t>(options.slice)) {
    std::size_t end = std::min(ready.size(), start + static_cast<std::size_t>(options.slice));
    struct Outcome {
      std::int64_t written = 0, replaced = 0;
      std::vector<RowError> errors;
    };
    auto outcome = store.write_now([&](store::UnitOfWork& uow) {
      Outcome o;
      auto& receipts = uow.receipts(options.seller);
      for (std::size_t i = start; i < end; ++i) {
        auto& d = ready[i];
        if (!uow.catalog(options.seller).buyer(d.buyer_id)) {
          o.errors.push_back({first_rows[i], "buyer " + d.buyer_id + " is not a buyer of this seller (" +
                                                 document_name(options.kind) + " " + d.id + " not loaded)"});
          continue;
        }
        // A line for an order ordergate took refers to its confirmation too.
        for (auto& l : d.lines)
          if (l.order && !l.confirmation && receipts.buyer_order(d.buyer_id, l.order->id))
            l.confirmation =
                model::LineReference{rules::veloconnect::confirmation_id_of(l.order->id), l.order->line_id};
        if (receipts.put_receipt(d)) ++o.replaced;
        ++o.written;
      }
      return o;
    });
    report.documents += outcome.written;
    report.replaced += outcome.replaced;
    report.refused += static_cast<std::int64_t>(outcome.errors.size());
    for (auto& e : outcome.errors) report.errors.push_back(std::move(e));
    report.seconds = elapsed();
    if (options.progress) options.progress(report);
  }
  std::stable_sort(report.errors.begin(), report.errors.end(),
                   [](const RowError& a, const RowError& b) { return a.row < b.row; });
  report.seconds = elapsed();
  return report;
}

}  // namespace og::core::admin
