// Sale transmissions to a third party (sale-B2X-1.6, migration 14): the header
// in sale_transmissions like B2B's, the lines in sale_b2x_lines, a line's
// quantities (at most two) in sale_b2x_quantities.
#include "store/sqlite/connection.hpp"
#include "store/sqlite/rows.hpp"
#include "store/sqlite/sale.hpp"
#include "store/sqlite/transmission_rows.hpp"

namespace og::store::sqlite {

namespace {

#define OG_SALE_B2X_LINE_COLUMNS                                                                                  \
  "position, line_id, standard_item_id, nature_code, cargo_type_code, commodity_code, item_classification_code, " \
  "manufacturers_item_id, manufacturer_name, buyers_item_id, description, description_language, "                 \
  "bidex_group_key, sale_date, document_number, price_gross, price_gross_currency, price_net, "                   \
  "price_net_currency, recommended_retail_price, recommended_retail_price_currency, postal_code, sales_channel"

model::SaleB2XLine read_line(const Statement& s) {
  model::SaleB2XLine l;
  l.position = s.integer(0);
  l.id = s.text(1);
  l.standard_item_id = s.optional_text(2);
  model::CommodityClassification c{s.optional_text(3), s.optional_text(4), s.optional_text(5), s.optional_text(6)};
  if (c.nature_code || c.cargo_type_code || c.commodity_code || c.item_classification_code) l.classification = c;
  l.manufacturers_item_id = s.optional_text(7);
  l.manufacturer_name = s.optional_text(8);
  l.buyers_item_id = s.optional_text(9);
  l.description = s.optional_text(10);
  l.description_language = s.optional_text(11);
  l.bidex_group_key = s.optional_text(12);
  l.sale_date = s.text(13);
  l.document_number = s.optional_text(14);
  l.price_gross = amount_column(s, 15);
  l.price_net = amount_column(s, 17);
  l.recommended_retail_price = amount_column(s, 19);
  l.postal_code = s.optional_text(21);
  l.sales_channel = s.optional_text(22);
  return l;
}

}  // namespace

std::vector<model::SaleB2XLine> SqliteSales::sale_b2x_lines(std::string_view transaction_id, std::int64_t offset,
                                                            std::int64_t limit) {
  auto out = lines_page<model::SaleB2XLine>(db_, OG_LINES_PAGE_SQL(OG_SALE_B2X_LINE_COLUMNS, "sale_b2x_lines"),
                                            transaction_id, offset, limit, read_line);
  line_children(db_, OG_LINE_CHILDREN_SQL("quantity, quantity_text, unit", "sale_b2x_quantities"), transaction_id, out,
                [](model::SaleB2XLine& line, const Statement& s) {
                  line.quantities.push_back({decimal_column(s, 1), s.text(2), s.optional_text(3)});
                });
  return out;
}

void SqliteSales::insert_sale_b2x_transmission(const model::SaleTransmission& t,
                                               const std::vector<model::SaleB2XLine>& lines) {
  insert_header(t);
  for (const auto& l : lines) {
    auto s = db_.prepare("INSERT INTO sale_b2x_lines (transaction_id, " OG_SALE_B2X_LINE_COLUMNS
                         ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    const model::CommodityClassification none;
    const auto& c = l.classification ? *l.classification : none;
    s.bind(1, t.transaction_id).bind(2, l.position).bind(3, l.id).bind(4, l.standard_item_id);
    s.bind(5, c.nature_code).bind(6, c.cargo_type_code).bind(7, c.commodity_code).bind(8, c.item_classification_code);
    s.bind(9, l.manufacturers_item_id).bind(10, l.manufacturer_name).bind(11, l.buyers_item_id);
    s.bind(12, l.description).bind(13, l.description_language).bind(14, l.bidex_group_key).bind(15, l.sale_date);
    s.bind(16, l.document_number);
    bind_amount(s, 17, l.price_gross);
    bind_amount(s, 19, l.price_net);
    bind_amount(s, 21, l.recommended_retail_price);
    s.bind(23, l.postal_code).bind(24, l.sales_channel);
    s.run();
    insert_children(db_,
                    "INSERT INTO sale_b2x_quantities (transaction_id, position, number, quantity, quantity_text, "
                    "unit) VALUES (?,?,?,?,?,?)",
                    t.transaction_id, l.position, l.quantities, [](Statement& n, const model::SaleQuantity& q) {
                      n.bind(4, q.amount.units()).bind(5, q.text).bind(6, q.unit);
                    });
  }
}

}  // namespace og::store::sqlite
