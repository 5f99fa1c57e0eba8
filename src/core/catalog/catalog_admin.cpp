#include "core/catalog/catalog_admin.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <future>
#include <ostream>
#include <stdexcept>

#include "core/auth/password.hpp"
#include "core/catalog/csv_cell.hpp"
#include "store/store.hpp"

namespace og::core::admin {

namespace {

using rules::Decimal;

// "scheme:group" entries: the item's groups, the first its primary one.
std::vector<model::ItemGroup> item_groups(const CsvCells& c) {
  std::vector<model::ItemGroup> out;
  auto text = c.text("classification");
  if (!text) return out;
  for (const auto& w : words(*text)) {
    auto colon = w.find(':');
    model::ItemGroup g;
    if (colon != std::string::npos) g = {w.substr(0, colon), w.substr(colon + 1)};
    if (g.scheme_id.empty() || g.group_id.empty() || !identifier_ok(g.scheme_id) || !identifier_ok(g.group_id)) {
      c.problems.push_back("classification '" + w + "' is not scheme:group");
      continue;
    }
    out.push_back(std::move(g));
  }
  return out;
}

struct CatalogRow {
  std::optional<model::Item> item;
  std::vector<std::string> replaced_by;  // an obsolete item's replacements
};

CatalogRow catalog_row(const CsvCells& c) {
  CatalogRow out;
  std::string id = c.required("item_id");
  if (!id.empty() && !identifier_ok(id)) c.problems.push_back("item_id '" + id + "' is not a valid item number");
  if (auto replaced = c.text("replaced_by")) {
    out.replaced_by = words(*replaced);
    // An obsolete item: its replacements are what is sold.
    if (!c.text("price")) {
      out.item = model::Item{};
      out.item->id = id;
      return out;
    }
  }
  model::Item i;
  i.id = id;
  i.description = c.required("description");
  i.order_unit = c.unit("unit").value_or("EA");
  i.base_unit = c.unit("base_unit").value_or(i.order_unit);
  i.base_per_order_unit =
      c.decimal("base_per_order_unit", Presence::Optional, Sign::AboveZero).value_or(Decimal::from_int(1));
  i.step = c.decimal("step", Presence::Optional, Sign::AboveZero).value_or(Decimal::from_int(1));
  i.ean = c.text("ean");
  if (i.ean && (i.ean->size() < 8 || i.ean->size() > 14 ||
                !std::all_of(i.ean->begin(), i.ean->end(), [](unsigned char ch) { return std::isdigit(ch); })))
    c.problems.push_back("ean '" + *i.ean + "' is not 8 to 14 digits");
  i.manufacturer = c.text("manufacturer");
  i.manufacturer_item_id = c.text("manufacturer_item_id");
  if (!c.text("price"))
    c.problems.push_back("price is empty");
  else
    i.price = c.decimal("price").value_or(Decimal());
  i.currency = c.text("currency").value_or("EUR");
  if (i.currency.size() != 3) c.problems.push_back("currency '" + i.currency + "' is not an ISO 4217 code");
  i.recommended_retail_price = c.decimal("rrp");
  i.stock = c.decimal("stock").value_or(Decimal());
  i.next_delivery = c.date("next_delivery");
  i.groups = item_groups(c);
  out.item = std::move(i);
  return out;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::vector<std::string> required_columns(ImportKind kind) {
  switch (kind) {
    case ImportKind::Catalog: return {"item_id"};
    case ImportKind::Stock: return {"item_id", "stock"};
    case ImportKind::Prices: return {"item_id", "price"};
    case ImportKind::Classification: return {"scheme_id", "group_id", "description"};
  }
  return {};
}

namespace {

struct Pending {
  std::int64_t row;
  CatalogRow catalog;
  std::string item_id;
  std::optional<Decimal> stock, price, rrp;
  std::optional<std::string> next_delivery;
  model::ClassificationGroup group;
};

// Rows written and rows naming an item the seller does not have.
std::pair<std::int64_t, std::int64_t> write_slice(store::UnitOfWork& uow, const ImportOptions& options,
                                                  std::vector<Pending>& slice) {
  std::int64_t written = 0, unknown = 0;
  auto& catalog = uow.catalog(options.seller);
  if (options.kind == ImportKind::Catalog) {
    std::size_t next = 0;
    catalog.put_items([&](model::Item& item) {
      for (; next < slice.size(); ++next) {
        auto& p = slice[next];
        ++written;
        if (!p.catalog.replaced_by.empty()) {
          int position = 0;
          for (const auto& r : p.catalog.replaced_by) catalog.put_replacement(p.catalog.item->id, r, ++position);
        }
        if (p.catalog.item->description.empty()) continue;
        item = std::move(*p.catalog.item);
        ++next;
        return true;
      }
      return false;
    });
    return {written, unknown};
  }
  if (options.kind == ImportKind::Stock) {
    std::vector<store::StockChange> changes;
    changes.reserve(slice.size());
    for (auto& p : slice) changes.push_back({std::move(p.item_id), *p.stock, std::move(p.next_delivery)});
    written = catalog.update_stocks(changes);
    return {written, static_cast<std::int64_t>(changes.size()) - written};
  }
  if (options.kind == ImportKind::Prices) {
    std::vector<store::PriceChange> changes;
    changes.reserve(slice.size());
    for (auto& p : slice) changes.push_back({std::move(p.item_id), *p.price, p.rrp});
    written = catalog.update_prices(changes);
    return {written, static_cast<std::int64_t>(changes.size()) - written};
  }
  for (auto& p : slice) {
    catalog.put_classification_group(p.group);
    ++written;
  }
  return {written, unknown};
}

}  // namespace

ImportReport import_csv(store::Store& store, std::istream& in, const ImportOptions& options, const Clock& clock) {
  (void)clock;
  ImportReport report;
  auto started = std::chrono::steady_clock::now();
  std::vector<Pending> slice;
  slice.reserve(static_cast<std::size_t>(options.slice));

  // The store writes one slice while this thread reads and checks the next:
  // the two cost about the same, so two cores take half the time. One slice
  // at most is in flight, and slices are written in the file's order.
  std::future<std::pair<std::int64_t, std::int64_t>> writing;
  auto settle = [&] {
    if (!writing.valid()) return;
    auto result = writing.get();
    report.written += result.first;
    report.unknown += result.second;
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (options.progress) options.progress(report);
  };
  auto flush = [&] {
    if (slice.empty()) return;
    settle();
    writing = std::async(std::launch::async, [&store, &options, batch = std::move(slice)]() mutable {
      return store.write_now([&](store::UnitOfWork& uow) { return write_slice(uow, options, batch); });
    });
    slice = {};
    slice.reserve(static_cast<std::size_t>(options.slice));
  };

  report.file_problem = read_csv(in, options.delimiter, required_columns(options.kind), [&](const CsvRow& row) {
    ++report.rows;
    std::vector<std::string> problems;
    CsvCells c{row, problems};
    Pending p{row.line(), {}, {}, {}, {}, {}, {}, {}};
    switch (options.kind) {
      case ImportKind::Catalog: p.catalog = catalog_row(c); break;
      case ImportKind::Stock:
        p.item_id = c.required("item_id");
        p.stock = c.decimal("stock");
        if (!p.stock && problems.empty()) problems.push_back("stock is empty");
        p.next_delivery = c.date("next_delivery");
        break;
      case ImportKind::Prices:
        p.item_id = c.required("item_id");
        p.price = c.decimal("price");
        if (!p.price && problems.empty()) problems.push_back("price is empty");
        p.rrp = c.decimal("rrp");
        break;
      case ImportKind::Classification:
        p.group.scheme_id = c.required("scheme_id");
        p.group.id = c.required("group_id");
        p.group.parent_id = c.text("parent_id");
        p.group.description = c.required("description");
        for (const auto* id : {&p.group.scheme_id, &p.group.id})
          if (!id->empty() && !identifier_ok(*id)) problems.push_back("'" + *id + "' is not a valid identifier");
        if (p.group.parent_id && !identifier_ok(*p.group.parent_id))
          problems.push_back("parent_id '" + *p.group.parent_id + "' is not a valid identifier");
        break;
    }
    if (!problems.empty()) {
      std::string message;
      for (const auto& m : problems) message += (message.empty() ? "" : "; ") + m;
      report.errors.push_back({row.line(), std::move(message)});
      return;
    }
    slice.push_back(std::move(p));
    if (static_cast<std::int64_t>(slice.size()) >= options.slice) flush();
  });
  if (!report.file_problem) flush();
  settle();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

void put_seller(store::Store& store, const model::Seller& seller) {
  bool ok = !seller.id.empty() && seller.id.size() <= 64 &&
            std::all_of(seller.id.begin(), seller.id.end(),
                        [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_' || c == '.'; });
  if (!ok) throw std::runtime_error("a seller id is 1 to 64 letters, digits, '-', '_' or '.' (it is part of the URL)");
  store.write_now([&](store::UnitOfWork& uow) { uow.sellers().put_seller(seller); });
}

std::vector<model::Seller> list_sellers(store::Store& store) {
  return store.read_now([](store::ReadView& r) { return r.sellers().sellers(); });
}

void put_buyer(store::Store& store, const std::string& seller, const std::string& id, const std::string& name,
               const std::string& password) {
  if (id.empty() || id.size() > 64) throw std::runtime_error("a buyer id is 1 to 64 characters");
  if (password.empty()) throw std::runtime_error("a buyer needs a password");
  model::Buyer b;
  b.id = id;
  b.name = name.empty() ? id : name;
  b.password_salt = random_bytes(16);
  b.password_iterations = kPasswordIterations;
  b.password_hash = hash_password(password, b.password_salt, b.password_iterations);
  store.write_now([&](store::UnitOfWork& uow) {
    if (!uow.sellers().seller(seller)) throw std::runtime_error("there is no seller '" + seller + "'");
    uow.catalog(seller).put_buyer(b);
  });
}

bool remove_buyer(store::Store& store, const std::string& seller, const std::string& id) {
  return store.write_now([&](store::UnitOfWork& uow) { return uow.catalog(seller).remove_buyer(id); });
}

ExportReport export_orders(store::Store& store, const std::string& seller, const std::string& since,
                           ExportFormat format, std::ostream& out) {
  ExportReport report;
  if (format == ExportFormat::Csv)
    out << "order_id,order_number,transaction_id,buyer_id,issue_date,created_at,position,item_id,quantity,unit,"
           "unit_price,currency,buyers_item_id,delivery_date,order_total\n";
  std::int64_t after = 0;
  for (;;) {
    struct Page {
      std::vector<model::Order> orders;
      std::vector<std::vector<model::Line>> lines;
    };
    Page page = store.read_now([&](store::ReadView& r) {
      Page p;
      p.orders = r.transactions(seller).orders_since(since, after, 500);
      for (const auto& o : p.orders)
        p.lines.push_back(r.transactions(seller).lines(o.lines_key.empty() ? o.transaction_id : o.lines_key));
      return p;
    });
    if (page.orders.empty()) break;
    for (std::size_t i = 0; i < page.orders.size(); ++i) {
      const auto& o = page.orders[i];
      after = o.number;
      ++report.orders;
      if (format == ExportFormat::Json) {
        nlohmann::json j = {{"order_id", o.id},
                            {"order_number", o.number},
                            {"transaction_id", o.transaction_id},
                            {"buyer_id", o.buyer_id},
                            {"issue_date", o.issue_date},
                            {"created_at", o.created_at},
                            {"total", o.total.to_string()},
                            {"currency", o.currency},
                            {"lines", nlohmann::json::array()}};
        for (const auto& l : page.lines[i]) {
          nlohmann::json line = {{"position", l.position},
                                 {"item_id", l.item_id},
                                 {"quantity", l.quantity.to_string()},
                                 {"unit", l.unit},
                                 {"unit_price", l.unit_price.to_string()},
                                 {"currency", l.currency}};
          if (l.buyers_item_id) line["buyers_item_id"] = *l.buyers_item_id;
          if (l.delivery_date) line["delivery_date"] = *l.delivery_date;
          j["lines"].push_back(std::move(line));
          ++report.lines;
        }
        out << j.dump() << "\n";
      } else {
        for (const auto& l : page.lines[i]) {
          out << csv_field(o.id) << ',' << o.number << ',' << o.transaction_id << ',' << csv_field(o.buyer_id) << ','
              << o.issue_date << ',' << o.created_at << ',' << l.position << ',' << csv_field(l.item_id) << ','
              << l.quantity.to_string() << ',' << l.unit << ',' << l.unit_price.to_string() << ',' << l.currency << ','
              << csv_field(l.buyers_item_id.value_or("")) << ',' << l.delivery_date.value_or("") << ','
              << o.total.to_string() << '\n';
          ++report.lines;
        }
      }
    }
  }
  return report;
}

}  // namespace og::core::admin
