// Reading the catalogue's and transactions' rows, shared by their tables in
// every store.
#pragma once
#include "model/catalog.hpp"
#include "model/veloconnect.hpp"
#include "store/sql/db.hpp"

namespace og::store::sql {

inline constexpr const char* kItemColumns =
    "id, description, order_unit, base_unit, base_per_order_unit, step, ean, manufacturer, manufacturer_item_id, "
    "price, currency, recommended_retail_price, stock, next_delivery, classification";

// Decimals are stored as integer micro-units.
rules::Decimal decimal_column(const Statement& s, int column);
model::Item read_item(const Statement& s);
// items.classification (migration 10): "scheme" US "group", pairs separated
// by RS; NULL for none. Control characters never occur in the ids (the
// importers refuse them), so no escaping is needed.
std::optional<std::string> encode_groups(const std::vector<model::ItemGroup>& groups);
std::vector<model::ItemGroup> decode_groups(const std::optional<std::string>& column);
model::Transaction read_transaction(const Statement& s);

// Stored kinds: 1 order, 2 text search (migration 1).
std::int64_t kind_code(model::TransactionKind kind);

#define OG_TXN_COLUMNS \
  "id, buyer_id, kind, state, is_test, search_string, total_count, order_id, issue_date, created_at, updated_at"

}  // namespace og::store::sql
