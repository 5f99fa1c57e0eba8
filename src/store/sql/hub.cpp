#include "store/sql/hub.hpp"

#include <cstdio>

#include "store/sql/hub_sql.hpp"

namespace og::store::sql {

namespace {

std::string join(const std::set<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : " ") + n;
  return out;
}

std::set<std::string> split(const std::string& text) {
  std::set<std::string> out;
  std::string word;
  for (char c : text + " ") {
    if (c == ' ') {
      if (!word.empty()) out.insert(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return out;
}

model::Dispatch read_dispatch(const Statement& s) {
  return {s.text(0), s.text(1), s.text(2), static_cast<int>(s.integer(3)), s.text(4), s.text(5),
          s.text(6), s.text(7), s.text(8)};
}

model::CallbackJob read_callback(const Statement& s) {
  return {s.text(0), static_cast<int>(s.integer(1)), static_cast<int>(s.integer(2)), s.text(3), s.text(4), s.text(5),
          s.text(6)};
}

}  // namespace

std::optional<model::HubClient> SqlHub::hub_client(std::string_view id) {
  auto s = db_.prepare(
      "SELECT id, name, password_salt, password_hash, password_iterations, providers, callback_url, callback_secret, "
      "callback_binding FROM hub_clients WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return model::HubClient{s.text(0),        s.text(1), s.blob(2), s.blob(3), static_cast<int>(s.integer(4)),
                          split(s.text(5)), s.text(6), s.text(7), s.text(8)};
}

namespace {
model::HubProvider read_provider(const Statement& s) {
  return {s.text(0), s.text(1), s.text(2),        s.text(3),    s.text(4),
          s.text(5), s.text(6), split(s.text(7)), s.integer(8), s.integer(9)};
}
}  // namespace

std::optional<model::HubProvider> SqlHub::hub_provider(std::string_view id) {
  auto s = db_.prepare(
      "SELECT id, name, protocol, url, buyer_id, password, sellers_id, understands, timeout_ms, max_concurrent "
      "FROM hub_providers WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_provider(s);
}

std::vector<model::HubProvider> SqlHub::hub_providers() {
  auto s = db_.prepare(
      "SELECT id, name, protocol, url, buyer_id, password, sellers_id, understands, timeout_ms, max_concurrent "
      "FROM hub_providers ORDER BY id");
  std::vector<model::HubProvider> out;
  while (s.step()) out.push_back(read_provider(s));
  return out;
}

std::optional<model::HubOrder> SqlHub::order_where(const char* sql, std::string_view a, std::string_view b) {
  model::HubOrder o;
  {
    auto s = db_.prepare(sql);
    s.bind(1, a);
    if (!b.empty()) s.bind(2, b);
    if (!s.step()) return std::nullopt;
    o = {s.text(0), s.text(1), s.text(2), s.text(3), static_cast<int>(s.integer(4)), s.text(5), s.text(6), {}};
  }
  auto s = db_.prepare(hub_sql::kOrderLines);
  s.bind(1, o.reference);
  while (s.step())
    o.lines.push_back({s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7),
                       s.text(8), s.text(9), s.text(10), s.text(11), s.text(12), s.text(13), s.text(14)});
  return o;
}

std::optional<model::HubOrder> SqlHub::hub_order(std::string_view reference) {
  return order_where(hub_sql::kOrderByReference, reference, {});
}

std::optional<model::HubOrder> SqlHub::hub_order_by_client_reference(std::string_view client_id,
                                                                     std::string_view client_reference) {
  return order_where(hub_sql::kOrderByClientReference, client_id, client_reference);
}

std::vector<model::Dispatch> SqlHub::dispatches(std::string_view order_reference) {
  auto s = db_.prepare(hub_sql::kDispatchesOfOrder);
  s.bind(1, order_reference);
  std::vector<model::Dispatch> out;
  while (s.step()) out.push_back(read_dispatch(s));
  return out;
}

std::vector<model::Dispatch> SqlHub::due_dispatches(std::string_view now, std::int64_t limit) {
  auto s = db_.prepare(hub_sql::kDueDispatches);
  s.bind(1, now).bind(2, limit);
  std::vector<model::Dispatch> out;
  while (s.step()) out.push_back(read_dispatch(s));
  return out;
}

std::vector<model::CallbackJob> SqlHub::due_callbacks(std::string_view now, std::int64_t limit) {
  auto s = db_.prepare(hub_sql::kDueCallbacks);
  s.bind(1, now).bind(2, limit);
  std::vector<model::CallbackJob> out;
  while (s.step()) out.push_back(read_callback(s));
  return out;
}

std::vector<model::Dispatch> SqlHub::claim_dispatches(const Lease& lease, std::int64_t limit) {
  std::vector<model::Dispatch> out;
  {
    auto s = db_.prepare(db_.dialect() == Dialect::Postgres ? hub_sql::kDueDispatchesSkippingLocked
                                                            : hub_sql::kDueDispatches);
    s.bind(1, lease.now).bind(2, limit);
    while (s.step()) out.push_back(read_dispatch(s));
  }
  for (auto& d : out) {
    auto s =
        db_.prepare("UPDATE hub_dispatches SET next_attempt_at = ?, lease = ? WHERE reference = ? AND provider = ?");
    s.bind(1, lease.until).bind(2, lease.token).bind(3, d.order_reference).bind(4, d.provider);
    s.run();
    d.next_attempt_at = lease.until;
    d.lease = lease.token;
  }
  return out;
}

std::vector<model::CallbackJob> SqlHub::claim_callbacks(const Lease& lease, std::int64_t limit) {
  std::vector<model::CallbackJob> out;
  {
    auto s =
        db_.prepare(db_.dialect() == Dialect::Postgres ? hub_sql::kDueCallbacksSkippingLocked : hub_sql::kDueCallbacks);
    s.bind(1, lease.now).bind(2, limit);
    while (s.step()) out.push_back(read_callback(s));
  }
  for (auto& c : out) {
    auto s = db_.prepare("UPDATE hub_callbacks SET next_attempt_at = ?, lease = ? WHERE reference = ? AND status = ?");
    s.bind(1, lease.until).bind(2, lease.token).bind(3, c.order_reference).bind(4, std::int64_t{c.status});
    s.run();
    c.next_attempt_at = lease.until;
    c.lease = lease.token;
  }
  return out;
}

void SqlHub::hand_back_dispatch(const model::Dispatch& d, std::string_view now) {
  auto s = db_.prepare(
      "UPDATE hub_dispatches SET next_attempt_at = ?, lease = '' WHERE reference = ? AND provider = ? AND lease = ?");
  s.bind(1, now).bind(2, d.order_reference).bind(3, d.provider).bind(4, d.lease);
  s.run();
}

void SqlHub::hand_back_claims(std::string_view prefix, std::string_view now) {
  const auto length = static_cast<std::int64_t>(prefix.size());
  {
    auto s = db_.prepare(
        "UPDATE hub_dispatches SET next_attempt_at = ?, lease = '' "
        "WHERE state IN ('pending', 'started') AND lease <> '' AND substr(lease, 1, ?) = ?");
    s.bind(1, now).bind(2, length).bind(3, prefix);
    s.run();
  }
  auto s = db_.prepare(
      "UPDATE hub_callbacks SET next_attempt_at = ?, lease = '' "
      "WHERE delivered_at = '' AND lease <> '' AND substr(lease, 1, ?) = ?");
  s.bind(1, now).bind(2, length).bind(3, prefix);
  s.run();
}

void SqlHub::hand_back_callback(const model::CallbackJob& c, std::string_view now) {
  auto s = db_.prepare(
      "UPDATE hub_callbacks SET next_attempt_at = ?, lease = '' WHERE reference = ? AND status = ? AND lease = ?");
  s.bind(1, now).bind(2, c.order_reference).bind(3, std::int64_t{c.status}).bind(4, c.lease);
  s.run();
}

std::int64_t SqlHub::count_open_dispatches() {
  auto s = db_.prepare("SELECT count(*) FROM hub_dispatches WHERE state IN ('pending', 'started')");
  return s.step() ? s.integer(0) : 0;
}

void SqlHub::put_hub_client(const model::HubClient& c) {
  auto s = db_.prepare(
      "INSERT INTO hub_clients (id, name, password_salt, password_hash, password_iterations, providers, "
      "callback_url, callback_secret, callback_binding) VALUES (?,?,?,?,?,?,?,?,?) "
      "ON CONFLICT (id) DO UPDATE SET name = excluded.name, password_salt = excluded.password_salt, "
      "password_hash = excluded.password_hash, password_iterations = excluded.password_iterations, "
      "providers = excluded.providers, callback_url = excluded.callback_url, "
      "callback_secret = excluded.callback_secret, callback_binding = excluded.callback_binding");
  s.bind(1, c.id).bind(2, c.name).bind_blob(3, c.password_salt).bind_blob(4, c.password_hash);
  s.bind(5, std::int64_t{c.password_iterations}).bind(6, join(c.providers)).bind(7, c.callback_url);
  s.bind(8, c.callback_secret).bind(9, c.callback_binding);
  s.run();
}

void SqlHub::put_hub_provider(const model::HubProvider& p) {
  auto s = db_.prepare(
      "INSERT INTO hub_providers (id, name, protocol, url, buyer_id, password, sellers_id, understands, "
      "timeout_ms, max_concurrent) VALUES (?,?,?,?,?,?,?,?,?,?) "
      "ON CONFLICT (id) DO UPDATE SET name = excluded.name, protocol = excluded.protocol, url = excluded.url, "
      "buyer_id = excluded.buyer_id, password = excluded.password, sellers_id = excluded.sellers_id, "
      "understands = excluded.understands, timeout_ms = excluded.timeout_ms, "
      "max_concurrent = excluded.max_concurrent");
  s.bind(1, p.id).bind(2, p.name).bind(3, p.protocol).bind(4, p.url).bind(5, p.buyer_id).bind(6, p.password);
  s.bind(7, p.sellers_id).bind(8, join(p.understands)).bind(9, p.timeout_ms).bind(10, p.max_concurrent);
  s.run();
}

std::string SqlHub::insert_hub_order(const model::HubOrder& o) {
  std::int64_t number = 1;
  {
    auto s = db_.prepare("SELECT COALESCE(MAX(number), 0) + 1 FROM hub_orders");
    if (s.step()) number = s.integer(0);
  }
  char reference[32];
  std::snprintf(reference, sizeof reference, "EP-%08lld", static_cast<long long>(number));
  auto s = db_.prepare(
      "INSERT INTO hub_orders (number, reference, client_id, client_reference, body_key, status, created_at, "
      "updated_at) VALUES (?,?,?,?,?,?,?,?)");
  s.bind(1, number).bind(2, std::string_view(reference)).bind(3, o.client_id).bind(4, o.client_reference);
  s.bind(5, o.body_key).bind(6, std::int64_t{o.status}).bind(7, o.created_at).bind(8, o.updated_at);
  s.run();
  model::HubOrder stored = o;
  stored.reference = reference;
  put_lines(stored);
  return reference;
}

void SqlHub::put_lines(const model::HubOrder& o) {
  for (const auto& l : o.lines) {
    auto s = db_.prepare(
        "INSERT INTO hub_order_lines (reference, idx, provider, kind, brand, ref, ean, quantity, status, "
        "provider_item, confirmed_quantity, unit_price, currency, delivery_date, raw_status, message) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT (reference, idx) DO UPDATE SET provider = excluded.provider, kind = excluded.kind, "
        "brand = excluded.brand, ref = excluded.ref, ean = excluded.ean, quantity = excluded.quantity, "
        "status = excluded.status, provider_item = excluded.provider_item, "
        "confirmed_quantity = excluded.confirmed_quantity, unit_price = excluded.unit_price, "
        "currency = excluded.currency, delivery_date = excluded.delivery_date, raw_status = excluded.raw_status, "
        "message = excluded.message");
    s.bind(1, o.reference).bind(2, l.index).bind(3, l.provider).bind(4, l.kind).bind(5, l.brand).bind(6, l.reference);
    s.bind(7, l.ean).bind(8, l.quantity).bind(9, l.status).bind(10, l.provider_item).bind(11, l.confirmed_quantity);
    s.bind(12, l.unit_price).bind(13, l.currency).bind(14, l.delivery_date).bind(15, l.raw_status).bind(16, l.message);
    s.run();
  }
}

void SqlHub::update_hub_order(const model::HubOrder& o) {
  auto s = db_.prepare("UPDATE hub_orders SET status = ?, updated_at = ? WHERE reference = ?");
  s.bind(1, std::int64_t{o.status}).bind(2, o.updated_at).bind(3, o.reference);
  s.run();
  put_lines(o);
}

bool SqlHub::put_dispatch(const model::Dispatch& d, bool release) {
  auto s = db_.prepare(
      "INSERT INTO hub_dispatches (reference, provider, state, attempts, next_attempt_at, deadline, "
      "provider_transaction, last_error, lease) VALUES (?,?,?,?,?,?,?,?,?) "
      "ON CONFLICT (reference, provider) DO UPDATE SET state = excluded.state, attempts = excluded.attempts, "
      "next_attempt_at = excluded.next_attempt_at, deadline = excluded.deadline, "
      "provider_transaction = excluded.provider_transaction, last_error = excluded.last_error, "
      "lease = excluded.lease WHERE hub_dispatches.lease = ?");
  s.bind(1, d.order_reference).bind(2, d.provider).bind(3, d.state).bind(4, std::int64_t{d.attempts});
  s.bind(5, d.next_attempt_at).bind(6, d.deadline).bind(7, d.provider_transaction).bind(8, d.last_error);
  s.bind(9, release ? std::string_view("") : std::string_view(d.lease)).bind(10, d.lease);
  s.run();
  return db_.changes() > 0;
}

bool SqlHub::put_callback(const model::CallbackJob& c, bool release) {
  auto s = db_.prepare(
      "INSERT INTO hub_callbacks (reference, status, attempts, next_attempt_at, delivered_at, last_error, lease) "
      "VALUES (?,?,?,?,?,?,?) "
      "ON CONFLICT (reference, status) DO UPDATE SET attempts = excluded.attempts, "
      "next_attempt_at = excluded.next_attempt_at, delivered_at = excluded.delivered_at, "
      "last_error = excluded.last_error, lease = excluded.lease WHERE hub_callbacks.lease = ?");
  s.bind(1, c.order_reference).bind(2, std::int64_t{c.status}).bind(3, std::int64_t{c.attempts});
  s.bind(4, c.next_attempt_at).bind(5, c.delivered_at).bind(6, c.last_error);
  s.bind(7, release ? std::string_view("") : std::string_view(c.lease)).bind(8, c.lease);
  s.run();
  return db_.changes() > 0;
}

}  // namespace og::store::sql
