#include "store/sql/receipts.hpp"

#include <chrono>
#include <ctime>

#include "store/sql/rows.hpp"

namespace og::store::sql {

namespace {

std::int64_t code(model::ReceiptKind kind) {
  return static_cast<std::int64_t>(kind);
}

// Lists kept as one text: IDs joined by the unit separator (group_concat),
// tracking URLs by newlines (neither occurs in what they join).
std::vector<std::string> split(const std::optional<std::string>& joined, char separator) {
  std::vector<std::string> out;
  if (!joined || joined->empty()) return out;
  std::string part;
  for (char c : *joined) {
    if (c == separator) {
      out.push_back(std::move(part));
      part.clear();
    } else {
      part += c;
    }
  }
  out.push_back(std::move(part));
  return out;
}

std::string join(const std::vector<std::string>& parts, char separator) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

std::optional<model::LineReference> reference(const Statement& s, int id_column) {
  auto id = s.optional_text(id_column);
  if (!id) return std::nullopt;
  return model::LineReference{*id, s.optional_text(id_column + 1)};
}

void bind_reference(Statement& s, int index, const std::optional<model::LineReference>& r) {
  if (r) {
    s.bind(index, r->id).bind(index + 1, r->line_id);
  } else {
    s.bind_null(index).bind_null(index + 1);
  }
}

model::Order read_order(const Statement& s) {
  return {s.integer(0),         s.text(1), s.text(2), s.text(3), s.text(4),
          decimal_column(s, 5), s.text(6), s.text(7), s.text(8)};
}

constexpr char kUnitSeparator = '\x1f';

// The IDs a receipt's lines refer to in one column, in order of first
// appearance, joined by the unit separator: SQLite's group_concat has no
// ORDER BY before 3.44 (Debian 12 has 3.40), PostgreSQL's string_agg has.
#define OG_RECEIPT_REFS(column)                                                                             \
  "(SELECT string_agg(x, chr(31) ORDER BY first) FROM (SELECT " column                                      \
  " AS x, min(position) AS first FROM "                                                                     \
  "receipt_lines l WHERE l.seller_id = r.seller_id AND l.kind = r.kind AND l.receipt_id = r.id AND " column \
  " IS NOT NULL GROUP BY " column ") refs)"

// When a document was loaded, in the store's time format.
std::string utc_now() {
  auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

}  // namespace

std::vector<model::ReceiptHeader> SqlReceipts::receipt_headers(
    model::ReceiptKind kind, std::string_view buyer_id, std::string_view from, std::string_view thru,
    const std::function<bool(const model::ReceiptHeader&)>& accept, std::size_t limit) {
  std::vector<model::ReceiptHeader> out;
  if (limit == 0) return out;
  // The IDs each document's lines refer to, in order of first appearance.
  auto s = db_.dialect() == Dialect::Postgres ? db_.prepare(
      "SELECT r.id, r.issue_date, r.description, "
      OG_RECEIPT_REFS("order_id") ", " OG_RECEIPT_REFS("confirmation_id") ", " OG_RECEIPT_REFS("delivery_note_id")
      " FROM receipts r WHERE r.seller_id = ? AND r.kind = ? AND r.buyer_id = ? AND r.issue_date >= ? AND "
      "r.issue_date <= ? ORDER BY r.issue_date DESC, r.id DESC")
                                               : db_.prepare(
      "SELECT r.id, r.issue_date, r.description, "
      "(SELECT group_concat(x, char(31)) FROM (SELECT order_id AS x FROM receipt_lines l WHERE l.seller_id = "
      "r.seller_id AND l.kind = r.kind AND l.receipt_id = r.id AND x IS NOT NULL GROUP BY x ORDER BY min(position))), "
      "(SELECT group_concat(x, char(31)) FROM (SELECT confirmation_id AS x FROM receipt_lines l WHERE l.seller_id = "
      "r.seller_id AND l.kind = r.kind AND l.receipt_id = r.id AND x IS NOT NULL GROUP BY x ORDER BY min(position))), "
      "(SELECT group_concat(x, char(31)) FROM (SELECT delivery_note_id AS x FROM receipt_lines l WHERE l.seller_id = "
      "r.seller_id AND l.kind = r.kind AND l.receipt_id = r.id AND x IS NOT NULL GROUP BY x ORDER BY min(position))) "
      "FROM receipts r WHERE r.seller_id = ? AND r.kind = ? AND r.buyer_id = ? AND r.issue_date >= ? AND "
      "r.issue_date <= ? ORDER BY r.issue_date DESC, r.id DESC");
  s.bind(1, seller_).bind(2, code(kind)).bind(3, buyer_id).bind(4, from).bind(5, thru);
  while (s.step()) {
    model::ReceiptHeader h;
    h.id = s.text(0);
    h.issue_date = s.text(1);
    h.description = s.optional_text(2);
    h.order_ids = split(s.optional_text(3), kUnitSeparator);
    h.confirmation_ids = split(s.optional_text(4), kUnitSeparator);
    h.delivery_note_ids = split(s.optional_text(5), kUnitSeparator);
    if (!accept(h)) continue;
    out.push_back(std::move(h));
    if (out.size() >= limit) break;
  }
  return out;
}

std::optional<model::ReceiptDocument> SqlReceipts::receipt(model::ReceiptKind kind, std::string_view buyer_id,
                                                           std::string_view id) {
  model::ReceiptDocument d;
  {
    auto s = db_.prepare(
        "SELECT id, buyer_id, issue_date, description, tracking_urls, url, currency, gross_sum, net_sum FROM receipts "
        "WHERE seller_id = ? AND kind = ? AND id = ? AND buyer_id = ?");
    s.bind(1, seller_).bind(2, code(kind)).bind(3, id).bind(4, buyer_id);
    if (!s.step()) return std::nullopt;
    d.kind = kind;
    d.id = s.text(0);
    d.buyer_id = s.text(1);
    d.issue_date = s.text(2);
    d.description = s.optional_text(3);
    d.tracking_urls = split(s.optional_text(4), '\n');
    d.url = s.optional_text(5);
    d.currency = s.text(6);
    d.gross_sum = decimal_column(s, 7);
    d.net_sum = decimal_column(s, 8);
  }
  {
    auto s = db_.prepare(
        "SELECT line_id, order_id, order_line_id, confirmation_id, confirmation_line_id, delivery_note_id, "
        "delivery_note_line_id, delivery_date, quantity, unit, item_id, description, buyers_item_id, unit_price, "
        "line_price, currency FROM receipt_lines WHERE seller_id = ? AND kind = ? AND receipt_id = ? ORDER BY "
        "position");
    s.bind(1, seller_).bind(2, code(kind)).bind(3, id);
    while (s.step()) {
      model::ReceiptLine l;
      l.line_id = s.text(0);
      l.order = reference(s, 1);
      l.confirmation = reference(s, 3);
      l.delivery_note = reference(s, 5);
      l.delivery_date = s.optional_text(7);
      l.quantity = decimal_column(s, 8);
      l.unit = s.text(9);
      l.item_id = s.text(10);
      l.description = s.optional_text(11);
      l.buyers_item_id = s.optional_text(12);
      l.unit_price = decimal_column(s, 13);
      l.line_price = decimal_column(s, 14);
      l.currency = s.text(15);
      d.lines.push_back(std::move(l));
    }
  }
  {
    auto s = db_.prepare(
        "SELECT rate, taxable, amount FROM receipt_vat WHERE seller_id = ? AND kind = ? AND receipt_id = ? ORDER BY "
        "position");
    s.bind(1, seller_).bind(2, code(kind)).bind(3, id);
    while (s.step()) d.vat.push_back({decimal_column(s, 0), decimal_column(s, 1), decimal_column(s, 2)});
  }
  return d;
}

std::vector<model::Order> SqlReceipts::buyer_orders(std::string_view buyer_id, std::string_view from,
                                                    std::string_view thru,
                                                    const std::function<bool(const model::Order&)>& accept,
                                                    std::size_t limit) {
  std::vector<model::Order> out;
  if (limit == 0) return out;
  auto s = db_.prepare(
      "SELECT number, id, transaction_id, buyer_id, issue_date, total, currency, created_at, lines_key FROM orders "
      "WHERE seller_id = ? AND buyer_id = ? AND issue_date >= ? AND issue_date <= ? "
      "ORDER BY issue_date DESC, id DESC");
  s.bind(1, seller_).bind(2, buyer_id).bind(3, from).bind(4, thru);
  while (s.step()) {
    auto o = read_order(s);
    if (!accept(o)) continue;
    out.push_back(std::move(o));
    if (out.size() >= limit) break;
  }
  return out;
}

std::optional<model::Order> SqlReceipts::buyer_order(std::string_view buyer_id, std::string_view order_id) {
  auto s = db_.prepare(
      "SELECT number, id, transaction_id, buyer_id, issue_date, total, currency, created_at, lines_key FROM orders "
      "WHERE id = ? AND seller_id = ? AND buyer_id = ?");
  s.bind(1, order_id).bind(2, seller_).bind(3, buyer_id);
  if (!s.step()) return std::nullopt;
  return read_order(s);
}

std::int64_t SqlReceipts::count_receipts(model::ReceiptKind kind) {
  auto s = db_.prepare("SELECT count(*) FROM receipts WHERE seller_id = ? AND kind = ?");
  s.bind(1, seller_).bind(2, code(kind));
  return s.step() ? s.integer(0) : 0;
}

bool SqlReceipts::put_receipt(const model::ReceiptDocument& d) {
  bool replaced = false;
  {
    auto s = db_.prepare("DELETE FROM receipts WHERE seller_id = ? AND kind = ? AND id = ?");
    s.bind(1, seller_).bind(2, code(d.kind)).bind(3, d.id);
    s.run();
    replaced = db_.changes() > 0;
  }
  {
    auto s = db_.prepare("DELETE FROM receipt_lines WHERE seller_id = ? AND kind = ? AND receipt_id = ?");
    s.bind(1, seller_).bind(2, code(d.kind)).bind(3, d.id);
    s.run();
  }
  {
    auto s = db_.prepare("DELETE FROM receipt_vat WHERE seller_id = ? AND kind = ? AND receipt_id = ?");
    s.bind(1, seller_).bind(2, code(d.kind)).bind(3, d.id);
    s.run();
  }
  {
    auto s = db_.prepare(
        "INSERT INTO receipts (seller_id, kind, id, buyer_id, issue_date, description, tracking_urls, url, currency, "
        "gross_sum, net_sum, loaded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, seller_).bind(2, code(d.kind)).bind(3, d.id).bind(4, d.buyer_id).bind(5, d.issue_date);
    s.bind(6, d.description).bind(7, join(d.tracking_urls, '\n')).bind(8, d.url).bind(9, d.currency);
    s.bind(10, d.gross_sum.units()).bind(11, d.net_sum.units()).bind(12, utc_now());
    s.run();
  }
  std::int64_t position = 0;
  for (const auto& l : d.lines) {
    auto s = db_.prepare(
        "INSERT INTO receipt_lines (seller_id, kind, receipt_id, position, line_id, order_id, order_line_id, "
        "confirmation_id, confirmation_line_id, delivery_note_id, delivery_note_line_id, delivery_date, quantity, "
        "unit, item_id, description, buyers_item_id, unit_price, line_price, currency) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, seller_).bind(2, code(d.kind)).bind(3, d.id).bind(4, ++position).bind(5, l.line_id);
    bind_reference(s, 6, l.order);
    bind_reference(s, 8, l.confirmation);
    bind_reference(s, 10, l.delivery_note);
    s.bind(12, l.delivery_date).bind(13, l.quantity.units()).bind(14, l.unit).bind(15, l.item_id);
    s.bind(16, l.description).bind(17, l.buyers_item_id).bind(18, l.unit_price.units());
    s.bind(19, l.line_price.units()).bind(20, l.currency);
    s.run();
  }
  position = 0;
  for (const auto& v : d.vat) {
    auto s = db_.prepare(
        "INSERT INTO receipt_vat (seller_id, kind, receipt_id, position, rate, taxable, amount) VALUES "
        "(?,?,?,?,?,?,?)");
    s.bind(1, seller_).bind(2, code(d.kind)).bind(3, d.id).bind(4, ++position).bind(5, v.rate.units());
    s.bind(6, v.taxable.units()).bind(7, v.amount.units());
    s.run();
  }
  return replaced;
}

}  // namespace og::store::sql
