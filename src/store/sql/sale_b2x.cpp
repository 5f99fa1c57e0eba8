// Sale transmissions to a third party (sale-B2X-1.6, SQLite migration 14): the header
// in sale_transmissions like B2B's, the lines in sale_b2x_lines, a line's
// quantities (at most two) in sale_b2x_quantities.
#include "store/sql/db.hpp"
#include "store/sql/rows.hpp"
#include "store/sql/sale.hpp"
#include "store/sql/transmission_rows.hpp"

namespace og::store::sql {

namespace {

#define OG_CODE_COLUMNS(code) code ", " code "_list_id, " code "_list_agency_id, "
#define OG_SALE_B2X_LINE_COLUMNS \
  "position, line_id, standard_item_id, " OG_CODE_COLUMNS("nature_code") OG_CODE_COLUMNS("cargo_type_code")      \
      OG_CODE_COLUMNS("commodity_code") OG_CODE_COLUMNS("item_classification_code")                              \
  "manufacturers_item_id, manufacturer_name, buyers_item_id, description, description_language, "                \
  "bidex_group_key, sale_date, document_number, price_gross, price_gross_currency, price_net, "                  \
  "price_net_currency, recommended_retail_price, recommended_retail_price_currency, postal_code, sales_channel"

// A classification code in three columns from `column` on.
void bind_code(Statement& s, int column, const std::optional<model::ClassificationCode>& c) {
  if (c)
    s.bind(column, c->value).bind(column + 1, c->list_id).bind(column + 2, c->list_agency_id);
  else
    s.bind_null(column).bind_null(column + 1).bind_null(column + 2);
}

std::optional<model::ClassificationCode> code_column(const Statement& s, int column) {
  if (s.is_null(column)) return std::nullopt;
  return model::ClassificationCode{s.text(column), s.optional_text(column + 1), s.optional_text(column + 2)};
}

model::SaleB2XLine read_line(const Statement& s) {
  model::SaleB2XLine l;
  l.position = s.integer(0);
  l.id = s.text(1);
  l.standard_item_id = s.optional_text(2);
  model::CommodityClassification c{code_column(s, 3), code_column(s, 6), code_column(s, 9), code_column(s, 12)};
  if (c.nature_code || c.cargo_type_code || c.commodity_code || c.item_classification_code) l.classification = c;
  l.manufacturers_item_id = s.optional_text(15);
  l.manufacturer_name = s.optional_text(16);
  l.buyers_item_id = s.optional_text(17);
  l.description = s.optional_text(18);
  l.description_language = s.optional_text(19);
  l.bidex_group_key = s.optional_text(20);
  l.sale_date = s.text(21);
  l.document_number = s.optional_text(22);
  l.price_gross = amount_column(s, 23);
  l.price_net = amount_column(s, 25);
  l.recommended_retail_price = amount_column(s, 27);
  l.postal_code = s.optional_text(29);
  l.sales_channel = s.optional_text(30);
  return l;
}

}  // namespace

std::vector<model::SaleB2XLine> SqlSales::sale_b2x_lines(std::string_view transaction_id, std::int64_t offset,
                                                         std::int64_t limit) {
  auto out = lines_page<model::SaleB2XLine>(db_, OG_LINES_PAGE_SQL(OG_SALE_B2X_LINE_COLUMNS, "sale_b2x_lines"),
                                            transaction_id, offset, limit, read_line);
  line_children(db_, OG_LINE_CHILDREN_SQL("quantity, quantity_text, unit", "sale_b2x_quantities"), transaction_id, out,
                [](model::SaleB2XLine& line, const Statement& s) {
                  line.quantities.push_back({decimal_column(s, 1), s.text(2), s.optional_text(3)});
                });
  return out;
}

void SqlSales::insert_sale_b2x_transmission(const model::SaleTransmission& t,
                                            const std::vector<model::SaleB2XLine>& lines) {
  insert_header(t);
  for (const auto& l : lines) {
    auto s = db_.prepare("INSERT INTO sale_b2x_lines (transaction_id, " OG_SALE_B2X_LINE_COLUMNS
                         ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    const model::CommodityClassification none;
    const auto& c = l.classification ? *l.classification : none;
    s.bind(1, t.transaction_id).bind(2, l.position).bind(3, l.id).bind(4, l.standard_item_id);
    bind_code(s, 5, c.nature_code);
    bind_code(s, 8, c.cargo_type_code);
    bind_code(s, 11, c.commodity_code);
    bind_code(s, 14, c.item_classification_code);
    s.bind(17, l.manufacturers_item_id).bind(18, l.manufacturer_name).bind(19, l.buyers_item_id);
    s.bind(20, l.description).bind(21, l.description_language).bind(22, l.bidex_group_key).bind(23, l.sale_date);
    s.bind(24, l.document_number);
    bind_amount(s, 25, l.price_gross);
    bind_amount(s, 27, l.price_net);
    bind_amount(s, 29, l.recommended_retail_price);
    s.bind(31, l.postal_code).bind(32, l.sales_channel);
    s.run();
    insert_children(db_,
                    "INSERT INTO sale_b2x_quantities (transaction_id, position, number, quantity, quantity_text, "
                    "unit) VALUES (?,?,?,?,?,?)",
                    t.transaction_id, l.position, l.quantities, [](Statement& n, const model::SaleQuantity& q) {
                      n.bind(4, q.amount.units()).bind(5, q.text).bind(6, q.unit);
                    });
  }
}

}  // namespace og::store::sql
