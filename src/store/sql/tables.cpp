#include "store/sql/tables.hpp"

namespace og::store::sql {

namespace {

constexpr auto Text = ColumnType::Text;
constexpr auto Integer = ColumnType::Integer;
constexpr auto Blob = ColumnType::Blob;
constexpr bool kWithoutRowid = true;

std::string joined(const std::vector<std::string_view>& names) {
  std::string out;
  for (auto n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

std::string_view postgres_type(ColumnType type) {
  switch (type) {
    // Bytewise, as SQLite compares and sorts (whatever the database's locale).
    case ColumnType::Text: return "TEXT COLLATE \"C\"";
    case ColumnType::Integer: return "BIGINT";
    case ColumnType::Blob: return "BYTEA";
  }
  return "TEXT";
}

}  // namespace

const std::vector<Table>& shared_tables() {
  static const std::vector<Table> tables = {
      // The sellers one ordergate serves (migration 4).
      // The default seller ("") is the one /veloconnect serves.
      {"sellers", {{"id", Text}, {"name", Text}}, {"id"}, {}, {}, {"('', '')"}, {}, kWithoutRowid},
      // Each seller's buyers (migration 4).
      {"buyers",
       {{"seller_id", Text},
        {"id", Text},
        {"name", Text},
        {"password_salt", Blob},
        {"password_hash", Blob},
        {"password_iterations", Integer}},
       {"seller_id", "id"},
       {},
       {},
       {},
       {},
       kWithoutRowid},
      // Each seller's items (migrations 1, 4, 10); decimals as micro-units.
      {"items",
       {{"seller_id", Text},
        {"id", Text},
        {"description", Text},
        {"order_unit", Text},
        {"base_unit", Text},
        {"base_per_order_unit", Integer},
        {"step", Integer},
        {"ean", Text, false},
        {"manufacturer", Text, false},
        {"manufacturer_item_id", Text, false},
        {"price", Integer},
        {"currency", Text},
        {"recommended_retail_price", Integer, false},
        {"stock", Integer},
        {"next_delivery", Text, false},
        {"classification", Text, false}},
       {},
       {{"items_by_ean", {"ean"}, false, "ean IS NOT NULL"},
        {"items_by_manufacturer_item",
         {"seller_id", "manufacturer_item_id"},
         false,
         "manufacturer_item_id IS NOT NULL"}},
       {"seller_id, id"}},
      {"item_replacements",
       {{"seller_id", Text}, {"item_id", Text}, {"replacement_id", Text}, {"position", Integer}},
       {"seller_id", "item_id", "replacement_id"},
       {},
       {},
       {},
       {},
       kWithoutRowid},
      // Each seller's classification schemes (migration 8).
      {"classification_groups",
       {{"seller_id", Text},
        {"scheme_id", Text},
        {"id", Text},
        {"parent_id", Text, false},
        {"description", Text},
        {"position", Integer}},
       {"seller_id", "scheme_id", "id"},
       {},
       {},
       {},
       {},
       kWithoutRowid},
      // Delivery notes and invoices an ERP loaded (migration 13); kind 1
      // delivery note, 2 invoice; decimals as micro-units.
      {"receipts",
       {{"seller_id", Text},
        {"kind", Integer},
        {"id", Text},
        {"buyer_id", Text},
        {"issue_date", Text},
        {"description", Text, false},
        {"tracking_urls", Text},
        {"url", Text, false},
        {"currency", Text},
        {"gross_sum", Integer},
        {"net_sum", Integer},
        {"loaded_at", Text}},
       {"seller_id", "kind", "id"},
       {{"receipts_by_buyer_date", {"seller_id", "kind", "buyer_id", "issue_date", "id"}}},
       {},
       {},
       {},
       kWithoutRowid},
      {"receipt_lines",
       {{"seller_id", Text},
        {"kind", Integer},
        {"receipt_id", Text},
        {"position", Integer},
        {"line_id", Text},
        {"order_id", Text, false},
        {"order_line_id", Text, false},
        {"confirmation_id", Text, false},
        {"confirmation_line_id", Text, false},
        {"delivery_note_id", Text, false},
        {"delivery_note_line_id", Text, false},
        {"delivery_date", Text, false},
        {"quantity", Integer},
        {"unit", Text},
        {"item_id", Text},
        {"description", Text, false},
        {"buyers_item_id", Text, false},
        {"unit_price", Integer},
        {"line_price", Integer},
        {"currency", Text}},
       {"seller_id", "kind", "receipt_id", "position"},
       {},
       {},
       {},
       {},
       kWithoutRowid},
      {"receipt_vat",
       {{"seller_id", Text},
        {"kind", Integer},
        {"receipt_id", Text},
        {"position", Integer},
        {"rate", Integer},
        {"taxable", Integer},
        {"amount", Integer}},
       {"seller_id", "kind", "receipt_id", "position"},
       {},
       {},
       {},
       {},
       kWithoutRowid},
      // Veloconnect transaction instances (migrations 1, 3, 4).
      {"transactions",
       {{"id", Text},
        {"buyer_id", Text},
        {"kind", Integer},
        {"state", Integer},
        {"is_test", Integer},
        {"search_string", Text, true, "''"},
        {"total_count", Integer, true, "0"},
        {"order_id", Text, false},
        {"issue_date", Text, false},
        {"created_at", Text},
        {"updated_at", Text},
        {"seller_id", Text, true, "''"}},
       {"id"},
       {{"transactions_by_state_age", {"state", "updated_at"}},
        {"transactions_by_buyer_state", {"seller_id", "buyer_id", "state"}}},
       {},
       {},
       {},
       kWithoutRowid},
      // The lines of an order transaction (migration 1).
      {"order_lines",
       {{"transaction_id", Text},
        {"item_id", Text},
        {"position", Integer},
        {"quantity", Integer},
        {"unit", Text},
        {"unit_price", Integer},
        {"currency", Text},
        {"buyers_item_id", Text, false},
        {"delivery_date", Text, false},
        {"backlog", Integer, false}},
       {"transaction_id", "item_id"},
       {},
       {},
       {},
       {},
       kWithoutRowid},
      // Finished orders (migration 11: lines_key, TransactionID no longer unique).
      {"orders",
       {{"number", Integer, false},
        {"id", Text},
        {"transaction_id", Text},
        {"buyer_id", Text},
        {"issue_date", Text},
        {"total", Integer},
        {"currency", Text},
        {"created_at", Text},
        {"seller_id", Text, true, "''"},
        {"lines_key", Text}},
       {"number"},
       {{"orders_by_seller_time", {"seller_id", "created_at"}},
        {"orders_by_transaction", {"transaction_id"}},
        {"orders_by_buyer_date", {"seller_id", "buyer_id", "issue_date", "id"}}},
       {"id"}},
      // SAP SRM: users, master data, carts with their items and account
      // assignments, answered messages (migrations 2 and 3). NULL in an item
      // means "not submitted": the product-definition rules tell it from "".
      {"srm_users",
       {{"id", Text}, {"password_salt", Blob}, {"password_hash", Blob}, {"password_iterations", Integer}},
       {"id"},
       {},
       {},
       {},
       {},
       kWithoutRowid},
      {"srm_categories", {{"id", Text}, {"product_type", Text}}, {"id"}, {}, {}, {}, {}, kWithoutRowid},
      {"srm_products",
       {{"id", Text}, {"description", Text}, {"type_code", Text}, {"category_id", Text}, {"unit", Text}},
       {"id"},
       {},
       {},
       {},
       {},
       kWithoutRowid},
      {"srm_carts",
       {{"number", Integer, false},
        {"id", Text},
        {"ordered", Integer},
        {"change_state_id", Text},
        {"created_at", Text},
        {"updated_at", Text}},
       {"number"},
       {},
       {"id"}},
      {"srm_cart_items",
       {{"cart_id", Text},
        {"position", Integer},
        {"item_id", Text},
        {"parent_id", Text, false},
        {"limit_indicator", Integer, false},
        {"has_category", Integer},
        {"category", Text, false},
        {"category_scheme_id", Text, false},
        {"category_agency_id", Text, false},
        {"note", Text, false},
        {"type_code", Text, false},
        {"has_internal_id", Integer},
        {"internal_id", Text, false},
        {"internal_scheme_id", Text, false},
        {"internal_agency_id", Text, false},
        {"quantity", Text, false},
        {"quantity_unit", Text, false},
        {"price_amount", Text, false},
        {"price_currency", Text, false},
        {"has_price_base", Integer},
        {"price_base_quantity", Text, false},
        {"price_base_unit", Text, false},
        {"limit_amount", Text, false},
        {"limit_currency", Text, false},
        {"has_catalogue", Integer},
        {"catalogue_id", Text, false},
        {"catalogue_item_id", Text, false}},
       {"cart_id", "position"},
       {},
       {},
       {},
       {{"cart_id", "srm_carts", "id"}},
       kWithoutRowid},
      {"srm_cart_accounts",
       {{"cart_id", Text},
        {"item_position", Integer},
        {"position", Integer},
        {"percent", Text, false},
        {"has_quantity", Integer},
        {"quantity", Text, false},
        {"quantity_unit", Text, false},
        {"cost_centre_id", Text, false}},
       {"cart_id", "item_position", "position"},
       {},
       {},
       {},
       {{"cart_id", "srm_carts", "id"}},
       kWithoutRowid},
      {"srm_messages",
       {{"uuid", Text},
        {"operation", Text},
        {"answer", Text},
        {"created_at", Text},
        {"success", Integer, true, "0"},
        {"cart_id", Text, true, "''"},
        {"change_state_id", Text, true, "''"},
        {"reference_id", Text, true, "''"},
        {"answer_id", Text, true, "''"},
        {"answered_at", Integer, true, "0"}},
       {"uuid"},
       {{"srm_messages_by_age", {"created_at"}}},
       {},
       {},
       {},
       kWithoutRowid},
      {"srm_message_log",
       {{"uuid", Text},
        {"position", Integer},
        {"number", Integer},
        {"note", Text},
        {"field", Integer},
        {"element", Text},
        {"item_id", Text}},
       {"uuid", "position"},
       {},
       {},
       {},
       {{"uuid", "srm_messages", "uuid"}},
       kWithoutRowid},
  };
  return tables;
}

std::vector<std::string> postgres_ddl(const Table& table) {
  std::string create = "CREATE TABLE " + std::string(table.name) + " (";
  for (const auto& c : table.columns) {
    create += std::string(c.name) + " " + std::string(postgres_type(c.type));
    if (c.not_null) create += " NOT NULL";
    if (!c.default_value.empty()) create += " DEFAULT " + std::string(c.default_value);
    create += ", ";
  }
  for (auto u : table.unique_columns) create += "UNIQUE (" + std::string(u) + "), ";
  for (const auto& f : table.foreign_keys)
    create += "FOREIGN KEY (" + std::string(f.column) + ") REFERENCES " + std::string(f.table) + " (" +
              std::string(f.table_column) + ") ON DELETE CASCADE, ";
  if (!table.primary_key.empty()) create += "PRIMARY KEY (" + joined(table.primary_key) + "), ";
  create.resize(create.size() - 2);
  create += ")";
  std::vector<std::string> out{create};
  for (const auto& i : table.indexes)
    out.push_back(std::string(i.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") + std::string(i.name) + " ON " +
                  std::string(table.name) + " (" + joined(i.columns) + ")" +
                  (i.where.empty() ? std::string() : " WHERE " + std::string(i.where)));
  for (auto row : table.initial_rows)
    out.push_back("INSERT INTO " + std::string(table.name) + " VALUES " + std::string(row));
  return out;
}

}  // namespace og::store::sql
