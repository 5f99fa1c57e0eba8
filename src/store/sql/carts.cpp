#include "store/sql/carts.hpp"

#include <charconv>
#include <ctime>

#include "store/sql/purge.hpp"

namespace og::store::sql {

namespace {

using rules::srm::AccountAssignment;
using rules::srm::Item;
using rules::srm::SchemedID;

std::optional<std::string> opt(const Statement& s, int column) {
  return s.optional_text(column);
}

// Cart IDs are SC-<number>; the number orders them and finds the next one.
std::optional<std::int64_t> cart_number(std::string_view id) {
  if (!id.starts_with("SC-")) return std::nullopt;
  std::int64_t n = 0;
  auto digits = id.substr(3);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return n;
}

// When the message was answered, as the log's age index orders it (UTC,
// ISO-8601 to the second): written here because the engines share no
// date function.
std::string created_at(std::int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

constexpr const char* kItemColumns =
    "SELECT position, item_id, parent_id, limit_indicator, has_category, category, category_scheme_id, "
    "category_agency_id, note, type_code, has_internal_id, internal_id, internal_scheme_id, internal_agency_id, "
    "quantity, quantity_unit, price_amount, price_currency, has_price_base, price_base_quantity, price_base_unit, "
    "limit_amount, limit_currency, has_catalogue, catalogue_id, catalogue_item_id FROM srm_cart_items "
    "WHERE cart_id = ? ORDER BY position";

Item read_item(const Statement& s) {
  Item i;
  i.id = s.text(1);
  i.parent_id = opt(s, 2);
  if (!s.is_null(3)) i.limit_indicator = s.integer(3) != 0;
  if (s.integer(4)) i.category = SchemedID{s.text(5), opt(s, 6), opt(s, 7)};
  i.note = opt(s, 8);
  i.type_code = opt(s, 9);
  if (s.integer(10)) i.internal_id = SchemedID{s.text(11), opt(s, 12), opt(s, 13)};
  if (!s.is_null(14)) i.quantity = rules::srm::Quantity{s.text(14), opt(s, 15)};
  if (!s.is_null(16)) {
    rules::srm::Price p{{s.text(16), s.text(17)}, std::nullopt};
    if (s.integer(18)) p.base_quantity = rules::srm::Quantity{s.text(19), opt(s, 20)};
    i.net_unit_price = p;
  }
  if (!s.is_null(21)) i.cost_upper_limit = rules::srm::Amount{s.text(21), s.text(22)};
  if (s.integer(23)) i.catalogue = rules::srm::CatalogueReference{opt(s, 24), opt(s, 25)};
  return i;
}

}  // namespace

std::optional<model::Cart> SqlCarts::cart(std::string_view id) {
  model::Cart c;
  {
    auto s = db_.prepare("SELECT id, ordered, change_state_id, created_at, updated_at FROM srm_carts WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    c = model::Cart{s.text(0), s.integer(1) != 0, s.text(2), {}, s.text(3), s.text(4)};
  }
  std::vector<std::int64_t> positions;
  {
    auto s = db_.prepare(kItemColumns);
    s.bind(1, id);
    while (s.step()) {
      positions.push_back(s.integer(0));
      c.items.push_back(read_item(s));
    }
  }
  auto s = db_.prepare(
      "SELECT item_position, percent, has_quantity, quantity, quantity_unit, cost_centre_id FROM srm_cart_accounts "
      "WHERE cart_id = ? ORDER BY item_position, position");
  s.bind(1, id);
  while (s.step()) {
    AccountAssignment a;
    a.percent = opt(s, 1);
    if (s.integer(2)) a.quantity = rules::srm::Quantity{s.text(3), opt(s, 4)};
    a.cost_centre_id = opt(s, 5);
    for (std::size_t i = 0; i < positions.size(); ++i)
      if (positions[i] == s.integer(0)) c.items[i].accounting.push_back(std::move(a));
  }
  return c;
}

std::optional<rules::srm::ProductCategory> SqlCarts::srm_category(std::string_view id) {
  auto s = db_.prepare("SELECT id, product_type FROM srm_categories WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return rules::srm::ProductCategory{s.text(0), s.text(1)};
}

std::optional<rules::srm::Product> SqlCarts::srm_product(std::string_view id) {
  auto s = db_.prepare("SELECT id, description, type_code, category_id, unit FROM srm_products WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return rules::srm::Product{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4)};
}

std::optional<model::SrmUser> SqlCarts::srm_user(std::string_view id) {
  auto s = db_.prepare("SELECT id, password_salt, password_hash, password_iterations FROM srm_users WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return model::SrmUser{s.text(0), s.blob(1), s.blob(2), static_cast<int>(s.integer(3))};
}

std::optional<model::SrmAnswer> SqlCarts::srm_answer(std::string_view uuid) {
  model::SrmAnswer a;
  {
    auto s = db_.prepare(
        "SELECT uuid, operation, answer, success, cart_id, change_state_id, reference_id, answer_id, answered_at "
        "FROM srm_messages WHERE uuid = ?");
    s.bind(1, uuid);
    if (!s.step()) return std::nullopt;
    a.uuid = s.text(0);
    a.operation = s.text(1);
    if (std::string body = s.text(2); !body.empty()) a.legacy_body = std::move(body);
    a.success = s.integer(3) != 0;
    a.cart_id = s.text(4);
    a.change_state_id = s.text(5);
    a.reference_id = s.text(6);
    a.answer_id = s.text(7);
    a.answered_at = s.integer(8);
  }
  auto s =
      db_.prepare("SELECT number, note, field, element, item_id FROM srm_message_log WHERE uuid = ? ORDER BY position");
  s.bind(1, uuid);
  while (s.step())
    a.messages.push_back({static_cast<rules::srm::MessageNumber>(s.integer(0)), s.text(1),
                          static_cast<model::CartField>(s.integer(2)), s.text(3), s.text(4)});
  return a;
}

std::string SqlCarts::next_cart_id() {
  auto s = db_.prepare("SELECT COALESCE(MAX(number), 1000) + 1 FROM srm_carts");
  std::int64_t n = s.step() ? s.integer(0) : 1001;
  return "SC-" + std::to_string(n);
}

void SqlCarts::put_cart(const model::Cart& c) {
  delete_cart(c.id);
  {
    // A cart whose ID is not SC-<number> is numbered after the highest, as
    // SQLite numbered a NULL key (PostgreSQL's keys are never NULL).
    auto s = db_.prepare(
        "INSERT INTO srm_carts (number, id, ordered, change_state_id, created_at, updated_at) "
        "VALUES (COALESCE(?, (SELECT COALESCE(MAX(number), 0) + 1 FROM srm_carts)),?,?,?,?,?)");
    auto number = cart_number(c.id);
    if (number)
      s.bind(1, *number);
    else
      s.bind_null(1);
    s.bind(2, c.id).bind(3, std::int64_t{c.ordered}).bind(4, c.change_state_id).bind(5, c.created_at);
    s.bind(6, c.updated_at);
    s.run();
  }
  std::int64_t position = 0;
  for (const Item& i : c.items) {
    ++position;
    auto s = db_.prepare(
        "INSERT INTO srm_cart_items (cart_id, position, item_id, parent_id, limit_indicator, has_category, category, "
        "category_scheme_id, category_agency_id, note, type_code, has_internal_id, internal_id, internal_scheme_id, "
        "internal_agency_id, quantity, quantity_unit, price_amount, price_currency, has_price_base, "
        "price_base_quantity, price_base_unit, limit_amount, limit_currency, has_catalogue, catalogue_id, "
        "catalogue_item_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, c.id).bind(2, position).bind(3, i.id).bind(4, i.parent_id);
    if (i.limit_indicator)
      s.bind(5, std::int64_t{*i.limit_indicator});
    else
      s.bind_null(5);
    s.bind(6, std::int64_t{i.category.has_value()});
    if (i.category) s.bind(7, i.category->value).bind(8, i.category->scheme_id).bind(9, i.category->scheme_agency_id);
    s.bind(10, i.note).bind(11, i.type_code).bind(12, std::int64_t{i.internal_id.has_value()});
    if (i.internal_id)
      s.bind(13, i.internal_id->value).bind(14, i.internal_id->scheme_id).bind(15, i.internal_id->scheme_agency_id);
    if (i.quantity) s.bind(16, i.quantity->amount).bind(17, i.quantity->unit_code);
    if (i.net_unit_price) {
      s.bind(18, i.net_unit_price->amount.value).bind(19, i.net_unit_price->amount.currency_code);
      const auto& base = i.net_unit_price->base_quantity;
      s.bind(20, std::int64_t{base.has_value()});
      if (base) s.bind(21, base->amount).bind(22, base->unit_code);
    } else {
      s.bind(20, std::int64_t{0});
    }
    if (i.cost_upper_limit) s.bind(23, i.cost_upper_limit->value).bind(24, i.cost_upper_limit->currency_code);
    s.bind(25, std::int64_t{i.catalogue.has_value()});
    if (i.catalogue) s.bind(26, i.catalogue->catalogue_id).bind(27, i.catalogue->item_id);
    s.run();
    std::int64_t account = 0;
    for (const AccountAssignment& a : i.accounting) {
      auto t = db_.prepare(
          "INSERT INTO srm_cart_accounts (cart_id, item_position, position, percent, has_quantity, quantity, "
          "quantity_unit, cost_centre_id) VALUES (?,?,?,?,?,?,?,?)");
      t.bind(1, c.id).bind(2, position).bind(3, ++account).bind(4, a.percent);
      t.bind(5, std::int64_t{a.quantity.has_value()});
      if (a.quantity) t.bind(6, a.quantity->amount).bind(7, a.quantity->unit_code);
      t.bind(8, a.cost_centre_id);
      t.run();
    }
  }
}

void SqlCarts::delete_cart(std::string_view id) {
  // Children first: the store does not rely on foreign-key cascades being on.
  for (const char* sql : {"DELETE FROM srm_cart_accounts WHERE cart_id = ?",
                          "DELETE FROM srm_cart_items WHERE cart_id = ?", "DELETE FROM srm_carts WHERE id = ?"}) {
    auto s = db_.prepare(sql);
    s.bind(1, id);
    s.run();
  }
}

void SqlCarts::put_srm_answer(const model::SrmAnswer& a) {
  {
    auto s = db_.prepare(
        "INSERT INTO srm_messages (uuid, operation, answer, created_at, success, cart_id, change_state_id, "
        "reference_id, answer_id, answered_at) VALUES (?,?,'',?,?,?,?,?,?,?)");
    s.bind(1, a.uuid)
        .bind(2, a.operation)
        .bind(3, created_at(a.answered_at))
        .bind(4, std::int64_t{a.success})
        .bind(5, a.cart_id);
    s.bind(6, a.change_state_id).bind(7, a.reference_id).bind(8, a.answer_id).bind(9, a.answered_at);
    s.run();
  }
  std::int64_t position = 0;
  for (const auto& m : a.messages) {
    auto s = db_.prepare(
        "INSERT INTO srm_message_log (uuid, position, number, note, field, element, item_id) VALUES (?,?,?,?,?,?,?)");
    s.bind(1, a.uuid).bind(2, ++position).bind(3, static_cast<std::int64_t>(m.number)).bind(4, m.note);
    s.bind(5, static_cast<std::int64_t>(m.field)).bind(6, m.element).bind(7, m.item_id);
    s.run();
  }
}

std::int64_t SqlCarts::purge_srm_answers(std::string_view before, std::int64_t limit) {
  static constexpr Purge kAnswered{
      "WITH gone AS (SELECT uuid FROM srm_messages WHERE created_at < ? LIMIT ?), "
      "log AS (DELETE FROM srm_message_log WHERE uuid IN (SELECT uuid FROM gone)) "
      "DELETE FROM srm_messages WHERE uuid IN (SELECT uuid FROM gone)",
      "CREATE TEMP TABLE IF NOT EXISTS purge_uuids (uuid TEXT PRIMARY KEY) WITHOUT ROWID",
      "DELETE FROM purge_uuids",
      "INSERT INTO purge_uuids SELECT uuid FROM srm_messages WHERE created_at < ? LIMIT ?",
      "DELETE FROM srm_message_log WHERE uuid IN (SELECT uuid FROM purge_uuids)",
      "DELETE FROM srm_messages WHERE uuid IN (SELECT uuid FROM purge_uuids)"};
  return purge(db_, kAnswered, before, limit);
}

void SqlCarts::put_srm_category(const rules::srm::ProductCategory& c) {
  auto s = db_.prepare(
      "INSERT INTO srm_categories (id, product_type) VALUES (?,?) "
      "ON CONFLICT (id) DO UPDATE SET product_type = excluded.product_type");
  s.bind(1, c.id).bind(2, c.product_type);
  s.run();
}

void SqlCarts::put_srm_product(const rules::srm::Product& p) {
  auto s = db_.prepare(
      "INSERT INTO srm_products (id, description, type_code, category_id, unit) VALUES (?,?,?,?,?) "
      "ON CONFLICT (id) DO UPDATE SET description = excluded.description, type_code = excluded.type_code, "
      "category_id = excluded.category_id, unit = excluded.unit");
  s.bind(1, p.id).bind(2, p.description).bind(3, p.type_code).bind(4, p.category_id).bind(5, p.unit);
  s.run();
}

void SqlCarts::put_srm_user(const model::SrmUser& u) {
  auto s = db_.prepare(
      "INSERT INTO srm_users (id, password_salt, password_hash, password_iterations) VALUES (?,?,?,?) "
      "ON CONFLICT (id) DO UPDATE SET password_salt = excluded.password_salt, "
      "password_hash = excluded.password_hash, password_iterations = excluded.password_iterations");
  s.bind(1, u.id).bind_blob(2, u.password_salt).bind_blob(3, u.password_hash);
  s.bind(4, std::int64_t{u.password_iterations});
  s.run();
}

}  // namespace og::store::sql
