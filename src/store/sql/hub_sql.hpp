// The hub store's queries that run per request or per dispatch, named so
// that tests/store/sqlite_query_plan_test.cpp can check that SQLite answers
// each from an index (no table scan, no sort): a scan here grows with every
// order ever placed.
#pragma once

namespace og::store::sql::hub_sql {

#define OG_HUB_DUE_DISPATCHES                                                                                        \
  "SELECT reference, provider, state, attempts, next_attempt_at, deadline, provider_transaction, last_error, lease " \
  "FROM hub_dispatches WHERE state IN ('pending', 'started') AND next_attempt_at <= ? "                              \
  "ORDER BY next_attempt_at LIMIT ?"
#define OG_HUB_DUE_CALLBACKS                                                                                 \
  "SELECT reference, status, attempts, next_attempt_at, delivered_at, last_error, lease FROM hub_callbacks " \
  "WHERE delivered_at = '' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?"

inline constexpr const char* kDueDispatches = OG_HUB_DUE_DISPATCHES;
inline constexpr const char* kDueCallbacks = OG_HUB_DUE_CALLBACKS;
// PostgreSQL, claiming: the rows another instance is claiming right now are
// passed over rather than waited for (SQLite has one writer: nothing to skip).
inline constexpr const char* kDueDispatchesSkippingLocked = OG_HUB_DUE_DISPATCHES " FOR UPDATE SKIP LOCKED";
inline constexpr const char* kDueCallbacksSkippingLocked = OG_HUB_DUE_CALLBACKS " FOR UPDATE SKIP LOCKED";

inline constexpr const char* kOrderLines =
    "SELECT idx, provider, kind, brand, ref, ean, quantity, status, provider_item, confirmed_quantity, unit_price, "
    "currency, delivery_date, raw_status, message FROM hub_order_lines WHERE reference = ? ORDER BY idx";

inline constexpr const char* kOrderByReference =
    "SELECT reference, client_id, client_reference, body_key, status, created_at, updated_at FROM hub_orders "
    "WHERE reference = ?";

inline constexpr const char* kOrderByClientReference =
    "SELECT reference, client_id, client_reference, body_key, status, created_at, updated_at FROM hub_orders "
    // The "<> ''" lets SQLite use the partial unique index (it cannot know a
    // bound value is never ''); without it every order scanned the table.
    "WHERE client_id = ? AND client_reference = ? AND client_reference <> ''";

inline constexpr const char* kDispatchesOfOrder =
    "SELECT reference, provider, state, attempts, next_attempt_at, deadline, provider_transaction, last_error, lease "
    "FROM hub_dispatches WHERE reference = ? ORDER BY provider";

inline constexpr const char* kAll[] = {kDueDispatches,    kDueCallbacks,           kOrderLines,
                                       kOrderByReference, kOrderByClientReference, kDispatchesOfOrder};

}  // namespace og::store::sql::hub_sql
