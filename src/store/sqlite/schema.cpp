#include "store/sqlite/schema.hpp"

namespace og::store::sqlite {

namespace {
// Append only: a migration that has shipped never changes.
constexpr const char* kMigrations[] = {
    // 1: buyers, catalog, transactions, orders.
    R"sql(
CREATE TABLE buyers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  password_salt BLOB NOT NULL,
  password_hash BLOB NOT NULL,
  password_iterations INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE items (
  id TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL,
  order_unit TEXT NOT NULL,
  base_unit TEXT NOT NULL,
  base_per_order_unit INTEGER NOT NULL,   -- micro-units
  step INTEGER NOT NULL,                  -- micro-units
  ean TEXT,
  manufacturer TEXT,
  manufacturer_item_id TEXT,
  price INTEGER NOT NULL,                 -- micro-units, net per order unit
  currency TEXT NOT NULL,
  recommended_retail_price INTEGER,
  stock INTEGER NOT NULL,                 -- micro-units of the order unit
  next_delivery TEXT
);

CREATE VIRTUAL TABLE item_text USING fts5(
  id, description, content='items', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER items_ai AFTER INSERT ON items BEGIN
  INSERT INTO item_text(rowid, id, description) VALUES (new.rowid, new.id, new.description);
END;
CREATE TRIGGER items_ad AFTER DELETE ON items BEGIN
  INSERT INTO item_text(item_text, rowid, id, description) VALUES ('delete', old.rowid, old.id, old.description);
END;
CREATE TRIGGER items_au AFTER UPDATE ON items BEGIN
  INSERT INTO item_text(item_text, rowid, id, description) VALUES ('delete', old.rowid, old.id, old.description);
  INSERT INTO item_text(rowid, id, description) VALUES (new.rowid, new.id, new.description);
END;

CREATE TABLE item_replacements (
  item_id TEXT NOT NULL,
  replacement_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (item_id, replacement_id)
) WITHOUT ROWID;

CREATE TABLE transactions (
  id TEXT PRIMARY KEY,
  buyer_id TEXT NOT NULL,
  kind INTEGER NOT NULL,
  state INTEGER NOT NULL,
  is_test INTEGER NOT NULL,
  search_string TEXT NOT NULL DEFAULT '',
  total_count INTEGER NOT NULL DEFAULT 0,
  order_id TEXT,
  issue_date TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX transactions_by_buyer_state ON transactions (buyer_id, state);

CREATE TABLE order_lines (
  transaction_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  quantity INTEGER NOT NULL,
  unit TEXT NOT NULL,
  unit_price INTEGER NOT NULL,
  currency TEXT NOT NULL,
  buyers_item_id TEXT,
  delivery_date TEXT,
  backlog INTEGER,
  PRIMARY KEY (transaction_id, item_id)
) WITHOUT ROWID;

CREATE TABLE orders (
  number INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  transaction_id TEXT NOT NULL UNIQUE,
  buyer_id TEXT NOT NULL,
  issue_date TEXT NOT NULL,
  total INTEGER NOT NULL,
  currency TEXT NOT NULL,
  created_at TEXT NOT NULL
);
)sql",
    // 2: SAP SRM shopping carts, their master data, users and answered messages.
    R"sql(
CREATE TABLE srm_users (
  id TEXT PRIMARY KEY,
  password_salt BLOB NOT NULL,
  password_hash BLOB NOT NULL,
  password_iterations INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE srm_categories (
  id TEXT PRIMARY KEY,
  product_type TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE srm_products (
  id TEXT PRIMARY KEY,
  description TEXT NOT NULL,
  type_code TEXT NOT NULL,
  category_id TEXT NOT NULL,
  unit TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE srm_carts (
  number INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  ordered INTEGER NOT NULL,
  change_state_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- NULL means "not submitted": the product-definition rules tell it from "".
CREATE TABLE srm_cart_items (
  cart_id TEXT NOT NULL REFERENCES srm_carts (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  item_id TEXT NOT NULL,
  parent_id TEXT,
  limit_indicator INTEGER,
  has_category INTEGER NOT NULL,
  category TEXT,
  category_scheme_id TEXT,
  category_agency_id TEXT,
  note TEXT,
  type_code TEXT,
  has_internal_id INTEGER NOT NULL,
  internal_id TEXT,
  internal_scheme_id TEXT,
  internal_agency_id TEXT,
  quantity TEXT,
  quantity_unit TEXT,
  price_amount TEXT,
  price_currency TEXT,
  has_price_base INTEGER NOT NULL,
  price_base_quantity TEXT,
  price_base_unit TEXT,
  limit_amount TEXT,
  limit_currency TEXT,
  has_catalogue INTEGER NOT NULL,
  catalogue_id TEXT,
  catalogue_item_id TEXT,
  PRIMARY KEY (cart_id, position)
) WITHOUT ROWID;

CREATE TABLE srm_cart_accounts (
  cart_id TEXT NOT NULL REFERENCES srm_carts (id) ON DELETE CASCADE,
  item_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  percent TEXT,
  has_quantity INTEGER NOT NULL,
  quantity TEXT,
  quantity_unit TEXT,
  cost_centre_id TEXT,
  PRIMARY KEY (cart_id, item_position, position)
) WITHOUT ROWID;

CREATE TABLE srm_messages (
  uuid TEXT PRIMARY KEY,
  operation TEXT NOT NULL,
  answer TEXT NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
)sql",
    // 3: answered SRM messages keep the decision, not rendered XML: the face
    // renders it again (rows of 0.1 keep their `answer` and are sent as they are).
    R"sql(
ALTER TABLE srm_messages ADD COLUMN success INTEGER NOT NULL DEFAULT 0;
ALTER TABLE srm_messages ADD COLUMN cart_id TEXT NOT NULL DEFAULT '';
ALTER TABLE srm_messages ADD COLUMN change_state_id TEXT NOT NULL DEFAULT '';
ALTER TABLE srm_messages ADD COLUMN reference_id TEXT NOT NULL DEFAULT '';
ALTER TABLE srm_messages ADD COLUMN answer_id TEXT NOT NULL DEFAULT '';
ALTER TABLE srm_messages ADD COLUMN answered_at INTEGER NOT NULL DEFAULT 0;
CREATE INDEX srm_messages_by_age ON srm_messages (created_at);
-- The janitor finds idle and ended instances by state and age.
CREATE INDEX transactions_by_state_age ON transactions (state, updated_at);

CREATE TABLE srm_message_log (
  uuid TEXT NOT NULL REFERENCES srm_messages (uuid) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  number INTEGER NOT NULL,
  note TEXT NOT NULL,
  field INTEGER NOT NULL,
  element TEXT NOT NULL,
  item_id TEXT NOT NULL,
  PRIMARY KEY (uuid, position)
) WITHOUT ROWID;
)sql",
    // 4: many sellers on one server. Catalogues, buyers, transactions and
    // orders belong to a seller; "" is the default seller at /veloconnect (its
    // SellersID is the --seller-id flag), which holds everything from before.
    // SQLite cannot change a key in place: buyers, items and replacements are
    // copied into tables keyed by seller (items keep their rowids, which the
    // text index refers to). The update trigger now fires only when the text
    // changes, so stock and price updates never touch the index.
    R"sql(
CREATE TABLE sellers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO sellers (id, name) VALUES ('', '');

CREATE TABLE buyers_v4 (
  seller_id TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  password_salt BLOB NOT NULL,
  password_hash BLOB NOT NULL,
  password_iterations INTEGER NOT NULL,
  PRIMARY KEY (seller_id, id)
) WITHOUT ROWID;
INSERT INTO buyers_v4 SELECT '', id, name, password_salt, password_hash, password_iterations FROM buyers;
DROP TABLE buyers;
ALTER TABLE buyers_v4 RENAME TO buyers;

DROP TRIGGER items_ai;
DROP TRIGGER items_ad;
DROP TRIGGER items_au;
DROP TABLE item_text;
CREATE TABLE items_v4 (
  seller_id TEXT NOT NULL,
  id TEXT NOT NULL,
  description TEXT NOT NULL,
  order_unit TEXT NOT NULL,
  base_unit TEXT NOT NULL,
  base_per_order_unit INTEGER NOT NULL,
  step INTEGER NOT NULL,
  ean TEXT,
  manufacturer TEXT,
  manufacturer_item_id TEXT,
  price INTEGER NOT NULL,
  currency TEXT NOT NULL,
  recommended_retail_price INTEGER,
  stock INTEGER NOT NULL,
  next_delivery TEXT,
  UNIQUE (seller_id, id)
);
INSERT INTO items_v4 (rowid, seller_id, id, description, order_unit, base_unit, base_per_order_unit, step, ean,
                      manufacturer, manufacturer_item_id, price, currency, recommended_retail_price, stock,
                      next_delivery)
  SELECT rowid, '', id, description, order_unit, base_unit, base_per_order_unit, step, ean, manufacturer,
         manufacturer_item_id, price, currency, recommended_retail_price, stock, next_delivery FROM items;
DROP TABLE items;
ALTER TABLE items_v4 RENAME TO items;
CREATE INDEX items_by_ean ON items (ean) WHERE ean IS NOT NULL;
CREATE VIRTUAL TABLE item_text USING fts5(
  id, description, content='items', content_rowid='rowid', tokenize='trigram');
INSERT INTO item_text(item_text) VALUES ('rebuild');
CREATE TRIGGER items_ai AFTER INSERT ON items BEGIN
  INSERT INTO item_text(rowid, id, description) VALUES (new.rowid, new.id, new.description);
END;
CREATE TRIGGER items_ad AFTER DELETE ON items BEGIN
  INSERT INTO item_text(item_text, rowid, id, description) VALUES ('delete', old.rowid, old.id, old.description);
END;
CREATE TRIGGER items_au AFTER UPDATE OF id, description ON items BEGIN
  INSERT INTO item_text(item_text, rowid, id, description) VALUES ('delete', old.rowid, old.id, old.description);
  INSERT INTO item_text(rowid, id, description) VALUES (new.rowid, new.id, new.description);
END;

CREATE TABLE item_replacements_v4 (
  seller_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  replacement_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (seller_id, item_id, replacement_id)
) WITHOUT ROWID;
INSERT INTO item_replacements_v4 SELECT '', item_id, replacement_id, position FROM item_replacements;
DROP TABLE item_replacements;
ALTER TABLE item_replacements_v4 RENAME TO item_replacements;

ALTER TABLE transactions ADD COLUMN seller_id TEXT NOT NULL DEFAULT '';
DROP INDEX transactions_by_buyer_state;
CREATE INDEX transactions_by_buyer_state ON transactions (seller_id, buyer_id, state);
ALTER TABLE orders ADD COLUMN seller_id TEXT NOT NULL DEFAULT '';
CREATE INDEX orders_by_seller_time ON orders (seller_id, created_at);
)sql",
    // 5: the e-procurement hub: clients, providers, orders with an outcome per
    // line, and the outboxes (a dispatch per provider per order, a callback per
    // settled order) that a restart resumes. Sets of names are kept as text,
    // one name per space: they are read whole and never searched.
    R"sql(
CREATE TABLE hub_clients (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  password_salt BLOB NOT NULL,
  password_hash BLOB NOT NULL,
  password_iterations INTEGER NOT NULL,
  providers TEXT NOT NULL,
  callback_url TEXT NOT NULL,
  callback_secret TEXT NOT NULL,
  callback_binding TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE hub_providers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  protocol TEXT NOT NULL,
  url TEXT NOT NULL,
  buyer_id TEXT NOT NULL,
  password TEXT NOT NULL,
  sellers_id TEXT NOT NULL,
  understands TEXT NOT NULL,
  timeout_ms INTEGER NOT NULL,
  max_concurrent INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE hub_orders (
  number INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  client_id TEXT NOT NULL,
  client_reference TEXT NOT NULL,
  body_key TEXT NOT NULL,
  status INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX hub_orders_by_client_reference ON hub_orders (client_id, client_reference)
  WHERE client_reference <> '';

CREATE TABLE hub_order_lines (
  reference TEXT NOT NULL,
  idx INTEGER NOT NULL,
  provider TEXT NOT NULL,
  kind TEXT NOT NULL,
  brand TEXT NOT NULL,
  ref TEXT NOT NULL,
  ean TEXT NOT NULL,
  quantity TEXT NOT NULL,
  status TEXT NOT NULL,
  provider_item TEXT NOT NULL,
  confirmed_quantity TEXT NOT NULL,
  unit_price TEXT NOT NULL,
  currency TEXT NOT NULL,
  delivery_date TEXT NOT NULL,
  raw_status TEXT NOT NULL,
  message TEXT NOT NULL,
  PRIMARY KEY (reference, idx)
) WITHOUT ROWID;

CREATE TABLE hub_dispatches (
  reference TEXT NOT NULL,
  provider TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at TEXT NOT NULL,
  deadline TEXT NOT NULL,
  provider_transaction TEXT NOT NULL,
  last_error TEXT NOT NULL,
  PRIMARY KEY (reference, provider)
) WITHOUT ROWID;
CREATE INDEX hub_dispatches_due ON hub_dispatches (state, next_attempt_at);

CREATE TABLE hub_callbacks (
  reference TEXT NOT NULL,
  status INTEGER NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at TEXT NOT NULL,
  delivered_at TEXT NOT NULL,
  last_error TEXT NOT NULL,
  PRIMARY KEY (reference, status)
) WITHOUT ROWID;
CREATE INDEX hub_callbacks_due ON hub_callbacks (delivered_at, next_attempt_at);
)sql",
    // 6: the text index also holds the EAN, the manufacturer and its article
    // number: dealers (and the hub's resolver) search by those. The index is
    // rebuilt from items; the update trigger fires when any indexed text changes.
    R"sql(
DROP TRIGGER items_ai;
DROP TRIGGER items_ad;
DROP TRIGGER items_au;
DROP TABLE item_text;
CREATE VIRTUAL TABLE item_text USING fts5(
  id, description, ean, manufacturer, manufacturer_item_id, content='items', content_rowid='rowid',
  tokenize='trigram');
INSERT INTO item_text(item_text) VALUES ('rebuild');
CREATE TRIGGER items_ai AFTER INSERT ON items BEGIN
  INSERT INTO item_text(rowid, id, description, ean, manufacturer, manufacturer_item_id)
    VALUES (new.rowid, new.id, new.description, new.ean, new.manufacturer, new.manufacturer_item_id);
END;
CREATE TRIGGER items_ad AFTER DELETE ON items BEGIN
  INSERT INTO item_text(item_text, rowid, id, description, ean, manufacturer, manufacturer_item_id)
    VALUES ('delete', old.rowid, old.id, old.description, old.ean, old.manufacturer, old.manufacturer_item_id);
END;
CREATE TRIGGER items_au AFTER UPDATE OF id, description, ean, manufacturer, manufacturer_item_id ON items BEGIN
  INSERT INTO item_text(item_text, rowid, id, description, ean, manufacturer, manufacturer_item_id)
    VALUES ('delete', old.rowid, old.id, old.description, old.ean, old.manufacturer, old.manufacturer_item_id);
  INSERT INTO item_text(rowid, id, description, ean, manufacturer, manufacturer_item_id)
    VALUES (new.rowid, new.id, new.description, new.ean, new.manufacturer, new.manufacturer_item_id);
END;
)sql",
    // 7: due dispatches in the order they are due, from an index holding only
    // the open ones: with (state, next_attempt_at) the two states of the IN
    // were read whole and sorted on every look, so a backlog of thousands of
    // orders made each look cost thousands of rows.
    R"sql(
DROP INDEX hub_dispatches_due;
CREATE INDEX hub_dispatches_open ON hub_dispatches (next_attempt_at) WHERE state IN ('pending', 'started');
)sql",
    // 8: each seller's classification schemes (GetClassificationScheme): the
    // groups of a scheme, a tree through parent_id, in the order the seller
    // gave them (position).
    R"sql(
CREATE TABLE classification_groups (
  seller_id TEXT NOT NULL,
  scheme_id TEXT NOT NULL,
  id TEXT NOT NULL,
  parent_id TEXT,
  description TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (seller_id, scheme_id, id)
) WITHOUT ROWID;
)sql",
    // 9: bulk catalogue writes index their new rows in one statement at the
    // end of their transaction (about four times cheaper than the insert
    // trigger row by row). While a writer's transaction holds the row of
    // text_index_deferred, rows above its watermark are not in the index yet:
    // the insert trigger leaves them alone and the update trigger must not
    // "delete" them from the index. The row lives only inside that
    // transaction, so a crash cannot leave the index behind. The update
    // trigger also skips rows whose indexed text did not change, so a
    // nightly re-import of an unchanged catalogue no longer rewrites the index.
    R"sql(
CREATE TABLE text_index_deferred (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  watermark INTEGER NOT NULL
);
DROP TRIGGER items_ai;
DROP TRIGGER items_au;
CREATE TRIGGER items_ai AFTER INSERT ON items
WHEN NOT EXISTS (SELECT 1 FROM text_index_deferred) BEGIN
  INSERT INTO item_text(rowid, id, description, ean, manufacturer, manufacturer_item_id)
    VALUES (new.rowid, new.id, new.description, new.ean, new.manufacturer, new.manufacturer_item_id);
END;
CREATE TRIGGER items_au AFTER UPDATE OF id, description, ean, manufacturer, manufacturer_item_id ON items
WHEN (old.id IS NOT new.id OR old.description IS NOT new.description OR old.ean IS NOT new.ean
      OR old.manufacturer IS NOT new.manufacturer OR old.manufacturer_item_id IS NOT new.manufacturer_item_id)
  AND NOT EXISTS (SELECT 1 FROM text_index_deferred WHERE old.rowid > watermark) BEGIN
  INSERT INTO item_text(item_text, rowid, id, description, ean, manufacturer, manufacturer_item_id)
    VALUES ('delete', old.rowid, old.id, old.description, old.ean, old.manufacturer, old.manufacturer_item_id);
  INSERT INTO item_text(rowid, id, description, ean, manufacturer, manufacturer_item_id)
    VALUES (new.rowid, new.id, new.description, new.ean, new.manufacturer, new.manufacturer_item_id);
END;
)sql",
    // 10: an item's groups in the seller's classification schemes (its
    // ClassificationGroupMember elements), read with the item: "scheme" US
    // "group" pairs separated by RS (see rows.cpp), NULL for none.
    R"sql(
ALTER TABLE items ADD COLUMN classification TEXT;
)sql",
    // 11: the OrderInOnlineShop transaction and dealers' stock transmissions.
    // The permanent OrderInOnlineShop instance finishes one order after
    // another under the same TransactionID, so an order's TransactionID is no
    // longer unique and its lines are kept under a key of their own
    // (lines_key; the TransactionID for every other order).
    R"sql(
CREATE TABLE orders_v11 (
  number INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  transaction_id TEXT NOT NULL,
  buyer_id TEXT NOT NULL,
  issue_date TEXT NOT NULL,
  total INTEGER NOT NULL,
  currency TEXT NOT NULL,
  created_at TEXT NOT NULL,
  seller_id TEXT NOT NULL DEFAULT '',
  lines_key TEXT NOT NULL
);
INSERT INTO orders_v11 (number, id, transaction_id, buyer_id, issue_date, total, currency, created_at, seller_id,
                       lines_key)
  SELECT number, id, transaction_id, buyer_id, issue_date, total, currency, created_at, seller_id, transaction_id
  FROM orders;
DROP TABLE orders;
ALTER TABLE orders_v11 RENAME TO orders;
CREATE INDEX orders_by_seller_time ON orders (seller_id, created_at);
CREATE INDEX orders_by_transaction ON orders (transaction_id);

-- Dealers' stock transmissions (stock-B2B/B2C-1.4): the transmission under
-- its TransactionID (the instance is in transactions), one row per line.
-- variant 1 = B2B, 2 = B2C; amounts in micro-units like everywhere.
CREATE TABLE stock_transmissions (
  transaction_id TEXT PRIMARY KEY,
  seller_id TEXT NOT NULL,
  buyer_id TEXT NOT NULL,
  variant INTEGER NOT NULL,
  create_date TEXT NOT NULL,
  frequence TEXT NOT NULL,
  line_count INTEGER NOT NULL,
  received_at TEXT NOT NULL
) WITHOUT ROWID;
-- B2C lines name items by manufacturer number.
CREATE INDEX items_by_manufacturer_item ON items (seller_id, manufacturer_item_id)
  WHERE manufacturer_item_id IS NOT NULL;
CREATE INDEX stock_transmissions_by_buyer ON stock_transmissions (seller_id, buyer_id, received_at);
CREATE TABLE stock_lines (
  transaction_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  sellers_item_id TEXT,
  buyers_item_id TEXT,
  ean TEXT,
  manufacturer_item_id TEXT,
  manufacturer_name TEXT,
  marketplace_item_id TEXT,
  quantity INTEGER,
  unit TEXT,
  availability TEXT,
  price INTEGER,
  price_currency TEXT,
  special_price INTEGER,
  special_price_currency TEXT,
  orderable INTEGER,
  delivery_min_days INTEGER,
  delivery_max_days INTEGER,
  condition TEXT,
  carried INTEGER NOT NULL,
  PRIMARY KEY (transaction_id, position)
) WITHOUT ROWID;
)sql",
    // 12: dealers' sale transmissions (sale-B2B-1.6): the transmission under
    // its TransactionID (the instance is in transactions, kind 5), one row
    // per line, one per serial number of a line. Amounts in micro-units.
    R"sql(
CREATE TABLE sale_transmissions (
  transaction_id TEXT PRIMARY KEY,
  seller_id TEXT NOT NULL,
  buyer_id TEXT NOT NULL,
  create_date TEXT NOT NULL,
  line_count INTEGER NOT NULL,
  received_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sale_transmissions_by_buyer ON sale_transmissions (seller_id, buyer_id, received_at);
CREATE TABLE sale_lines (
  transaction_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  line_id TEXT NOT NULL,
  sellers_item_id TEXT NOT NULL,
  buyers_item_id TEXT,
  quantity INTEGER NOT NULL,
  quantity_text TEXT NOT NULL,
  sale_date TEXT NOT NULL,
  document_number TEXT,
  price_gross INTEGER,
  price_gross_currency TEXT,
  price_net INTEGER,
  price_net_currency TEXT,
  postal_code TEXT,
  sales_channel TEXT,
  PRIMARY KEY (transaction_id, position)
) WITHOUT ROWID;
CREATE TABLE sale_serial_numbers (
  transaction_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  number INTEGER NOT NULL,
  serial_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  description TEXT,
  PRIMARY KEY (transaction_id, position, number)
) WITHOUT ROWID;
)sql",
    // 13: receipts (Veloconnect receipt-1.3): the delivery notes and invoices a
    // seller's ERP loads, each of one buyer, with their lines and (invoices)
    // VAT amounts; a document is replaced whole when loaded again. Queries
    // read one buyer's documents of one kind by issue date, newest first.
    // Order confirmations are the orders themselves: read the same way.
    R"sql(
CREATE TABLE receipts (
  seller_id TEXT NOT NULL,
  kind INTEGER NOT NULL,               -- 1 delivery note, 2 invoice
  id TEXT NOT NULL,
  buyer_id TEXT NOT NULL,
  issue_date TEXT NOT NULL,            -- YYYY-MM-DD
  description TEXT,
  tracking_urls TEXT NOT NULL,         -- one per line
  url TEXT,
  currency TEXT NOT NULL,
  gross_sum INTEGER NOT NULL,          -- micro-units
  net_sum INTEGER NOT NULL,
  loaded_at TEXT NOT NULL,
  PRIMARY KEY (seller_id, kind, id)
) WITHOUT ROWID;
CREATE INDEX receipts_by_buyer_date ON receipts (seller_id, kind, buyer_id, issue_date, id);

CREATE TABLE receipt_lines (
  seller_id TEXT NOT NULL,
  kind INTEGER NOT NULL,
  receipt_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  line_id TEXT NOT NULL,
  order_id TEXT,
  order_line_id TEXT,
  confirmation_id TEXT,
  confirmation_line_id TEXT,
  delivery_note_id TEXT,
  delivery_note_line_id TEXT,
  delivery_date TEXT,
  quantity INTEGER NOT NULL,
  unit TEXT NOT NULL,
  item_id TEXT NOT NULL,
  description TEXT,
  buyers_item_id TEXT,
  unit_price INTEGER NOT NULL,
  line_price INTEGER NOT NULL,
  currency TEXT NOT NULL,
  PRIMARY KEY (seller_id, kind, receipt_id, position)
) WITHOUT ROWID;

CREATE TABLE receipt_vat (
  seller_id TEXT NOT NULL,
  kind INTEGER NOT NULL,
  receipt_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  rate INTEGER NOT NULL,
  taxable INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  PRIMARY KEY (seller_id, kind, receipt_id, position)
) WITHOUT ROWID;

CREATE INDEX orders_by_buyer_date ON orders (seller_id, buyer_id, issue_date, id);
)sql",
    // 14: dealers' sale transmissions to a third party (sale-B2X-1.6): the
    // header in sale_transmissions as B2B's (the instance is in transactions,
    // kind 6), one row per line, one per quantity of a line (at most two).
    // Amounts and quantities in micro-units, quantities also as sent; each
    // classification code with its code list's listID and listAgencyID.
    R"sql(
CREATE TABLE sale_b2x_lines (
  transaction_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  line_id TEXT NOT NULL,
  standard_item_id TEXT,
  nature_code TEXT,
  nature_code_list_id TEXT,
  nature_code_list_agency_id TEXT,
  cargo_type_code TEXT,
  cargo_type_code_list_id TEXT,
  cargo_type_code_list_agency_id TEXT,
  commodity_code TEXT,
  commodity_code_list_id TEXT,
  commodity_code_list_agency_id TEXT,
  item_classification_code TEXT,
  item_classification_code_list_id TEXT,
  item_classification_code_list_agency_id TEXT,
  manufacturers_item_id TEXT,
  manufacturer_name TEXT,
  buyers_item_id TEXT,
  description TEXT,
  description_language TEXT,
  bidex_group_key TEXT,
  sale_date TEXT NOT NULL,
  document_number TEXT,
  price_gross INTEGER,
  price_gross_currency TEXT,
  price_net INTEGER,
  price_net_currency TEXT,
  recommended_retail_price INTEGER,
  recommended_retail_price_currency TEXT,
  postal_code TEXT,
  sales_channel TEXT,
  PRIMARY KEY (transaction_id, position)
) WITHOUT ROWID;
CREATE TABLE sale_b2x_quantities (
  transaction_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  number INTEGER NOT NULL,
  quantity INTEGER NOT NULL,
  quantity_text TEXT NOT NULL,
  unit TEXT,
  PRIMARY KEY (transaction_id, position, number)
) WITHOUT ROWID;
)sql",
    // 15: the text index merges its segments sixteen at a time (FTS5's default
    // is four): a big catalogue import wrote each posting about five times
    // over in merges, and those merges were most of its cost (a million
    // items: about 17 s of CPU for the index alone, under 10 s now). A search
    // reads a few more segments in return (still milliseconds). The pending
    // terms of one transaction stay in memory up to 16 MB (FTS5: 1 MB) so that
    // an import slice becomes one segment instead of several.
    R"sql(
INSERT INTO item_text(item_text, rank) VALUES ('automerge', 16);
INSERT INTO item_text(item_text, rank) VALUES ('crisismerge', 32);
INSERT INTO item_text(item_text, rank) VALUES ('hashsize', 16777216);
)sql",
    // 16: the hub's outbox entries carry the claim (lease) under which an
    // instance works them: with several instances on one database, a claim
    // moves next_attempt_at to the lease's end, so nobody else takes the
    // entry until then, and a write of the entry applies only under the claim
    // it was read with, so an instance whose lease ran out (and was taken
    // over) cannot overwrite the newer work.
    R"sql(
ALTER TABLE hub_dispatches ADD COLUMN lease TEXT NOT NULL DEFAULT '';
ALTER TABLE hub_callbacks ADD COLUMN lease TEXT NOT NULL DEFAULT '';
)sql",
    // 17: the text index keeps which items hold a trigram, not where
    // (detail=none) nor how long each column is (columnsize=0): a search
    // checks the rows the index leaves with og_has_text anyway (text_match),
    // so positions bought nothing but their cost. A million catalogue items
    // indexed in about half the CPU time, in half the space. Leaf pages of
    // 16,000 bytes (FTS5: about 4,000) make fewer, longer doclist pages.
    // The index is built again from items; the triggers name it and stay.
    R"sql(
DROP TABLE item_text;
CREATE VIRTUAL TABLE item_text USING fts5(
  id, description, ean, manufacturer, manufacturer_item_id, content='items', content_rowid='rowid',
  tokenize='trigram', detail=none, columnsize=0);
INSERT INTO item_text(item_text, rank) VALUES ('automerge', 16);
INSERT INTO item_text(item_text, rank) VALUES ('crisismerge', 32);
INSERT INTO item_text(item_text, rank) VALUES ('hashsize', 16777216);
INSERT INTO item_text(item_text, rank) VALUES ('pgsz', 16000);
INSERT INTO item_text(item_text) VALUES ('rebuild');
)sql",
};
}  // namespace

std::span<const char* const> migrations() {
  return kMigrations;
}

}  // namespace og::store::sqlite
