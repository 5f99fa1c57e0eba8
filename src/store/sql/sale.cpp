#include "store/sql/sale.hpp"

#include "store/sql/db.hpp"
#include "store/sql/rows.hpp"
#include "store/sql/transmission_rows.hpp"

namespace og::store::sql {

namespace {

#define OG_SALE_LINE_COLUMNS                                                                                  \
  "position, line_id, sellers_item_id, buyers_item_id, quantity, quantity_text, sale_date, document_number, " \
  "price_gross, price_gross_currency, price_net, price_net_currency, postal_code, sales_channel"

}  // namespace

std::optional<model::SaleTransmission> SqlSales::sale_transmission(std::string_view buyer_id,
                                                                   std::string_view transaction_id) {
  auto s = db_.prepare(
      "SELECT transaction_id, buyer_id, create_date, line_count, received_at "
      "FROM sale_transmissions WHERE transaction_id = ? AND seller_id = ? AND buyer_id = ?");
  s.bind(1, transaction_id).bind(2, seller_).bind(3, buyer_id);
  if (!s.step()) return std::nullopt;
  return model::SaleTransmission{s.text(0), s.text(1), s.text(2), s.integer(3), s.text(4)};
}

std::vector<model::SaleLine> SqlSales::sale_lines(std::string_view transaction_id, std::int64_t offset,
                                                  std::int64_t limit) {
  auto out = lines_page<model::SaleLine>(db_, OG_LINES_PAGE_SQL(OG_SALE_LINE_COLUMNS, "sale_lines"), transaction_id,
                                         offset, limit, [](const Statement& s) {
                                           model::SaleLine l;
                                           l.position = s.integer(0);
                                           l.id = s.text(1);
                                           l.sellers_item_id = s.text(2);
                                           l.buyers_item_id = s.optional_text(3);
                                           l.quantity = decimal_column(s, 4);
                                           l.quantity_text = s.text(5);
                                           l.sale_date = s.text(6);
                                           l.document_number = s.optional_text(7);
                                           l.price_gross = amount_column(s, 8);
                                           l.price_net = amount_column(s, 10);
                                           l.postal_code = s.optional_text(12);
                                           l.sales_channel = s.optional_text(13);
                                           return l;
                                         });
  line_children(db_, OG_LINE_CHILDREN_SQL("serial_id, kind, description", "sale_serial_numbers"), transaction_id, out,
                [](model::SaleLine& line, const Statement& s) {
                  line.serial_numbers.push_back({s.text(1), s.text(2), s.optional_text(3)});
                });
  return out;
}

// B2B and B2X transmissions share the header table: the instance's kind says
// which lines table holds the lines.
void SqlSales::insert_header(const model::SaleTransmission& t) {
  auto s = db_.prepare(
      "INSERT INTO sale_transmissions (transaction_id, seller_id, buyer_id, create_date, line_count, received_at) "
      "VALUES (?,?,?,?,?,?)");
  s.bind(1, t.transaction_id).bind(2, seller_).bind(3, t.buyer_id).bind(4, t.create_date);
  s.bind(5, t.line_count).bind(6, t.received_at);
  s.run();
}

void SqlSales::insert_sale_transmission(const model::SaleTransmission& t, const std::vector<model::SaleLine>& lines) {
  insert_header(t);
  for (const auto& l : lines) {
    auto s = db_.prepare("INSERT INTO sale_lines (transaction_id, " OG_SALE_LINE_COLUMNS
                         ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, t.transaction_id).bind(2, l.position).bind(3, l.id).bind(4, l.sellers_item_id);
    s.bind(5, l.buyers_item_id).bind(6, l.quantity.units()).bind(7, l.quantity_text).bind(8, l.sale_date);
    s.bind(9, l.document_number);
    bind_amount(s, 10, l.price_gross);
    bind_amount(s, 12, l.price_net);
    s.bind(14, l.postal_code).bind(15, l.sales_channel);
    s.run();
    insert_children(db_,
                    "INSERT INTO sale_serial_numbers (transaction_id, position, number, serial_id, kind, "
                    "description) VALUES (?,?,?,?,?,?)",
                    t.transaction_id, l.position, l.serial_numbers,
                    [](Statement& n, const model::SerialNumber& serial) {
                      n.bind(4, serial.id).bind(5, serial.kind).bind(6, serial.description);
                    });
  }
}

}  // namespace og::store::sql
