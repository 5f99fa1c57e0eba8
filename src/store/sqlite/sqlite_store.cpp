#include "store/sqlite/sqlite_store.hpp"

#include <chrono>
#include <cstdio>
#include <thread>

#include "store/sqlite/carts.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/schema.hpp"
#include "store/sqlite/wal_buffer.hpp"

namespace og::store::sqlite {

namespace {

constexpr int kCheckpointFrames = 1000;  // SQLite's default

Decimal dec(const Statement& s, int column) {
  return Decimal::from_units(s.integer(column));
}

constexpr const char* kItemColumns =
    "id, description, order_unit, base_unit, base_per_order_unit, step, ean, manufacturer, manufacturer_item_id, "
    "price, currency, recommended_retail_price, stock, next_delivery";

ItemRecord read_item(const Statement& s) {
  ItemRecord r;
  r.id = s.text(0);
  r.description = s.text(1);
  r.order_unit = s.text(2);
  r.base_unit = s.text(3);
  r.base_per_order_unit = dec(s, 4);
  r.step = dec(s, 5);
  r.ean = s.optional_text(6);
  r.manufacturer = s.optional_text(7);
  r.manufacturer_item_id = s.optional_text(8);
  r.price = dec(s, 9);
  r.currency = s.text(10);
  if (!s.is_null(11)) r.recommended_retail_price = dec(s, 11);
  r.stock = dec(s, 12);
  r.next_delivery = s.optional_text(13);
  return r;
}

TransactionRecord read_transaction(const Statement& s) {
  TransactionRecord r;
  r.id = s.text(0);
  r.buyer_id = s.text(1);
  r.kind = static_cast<TransactionKind>(s.integer(2));
  r.state = static_cast<int>(s.integer(3));
  r.is_test = s.integer(4) != 0;
  r.search_string = s.text(5);
  r.total_count = s.integer(6);
  r.order_id = s.optional_text(7);
  r.issue_date = s.optional_text(8);
  r.created_at = s.text(9);
  r.updated_at = s.text(10);
  return r;
}

#define OG_TXN_COLUMNS \
  "id, buyer_id, kind, state, is_test, search_string, total_count, order_id, issue_date, created_at, updated_at"

// The FTS5 trigram index finds substrings of three or more characters; shorter
// terms are matched with LIKE on the rows it narrowed down (or on all rows).
struct SearchSql {
  std::string where;
  std::vector<std::string> params;
};

SearchSql search_sql(const std::vector<std::string>& terms) {
  SearchSql out;
  std::string match;
  std::vector<std::string> short_terms;
  for (const auto& term : terms) {
    std::size_t chars = 0;
    for (unsigned char c : term) chars += (c & 0xC0) != 0x80;
    if (chars >= 3) {
      std::string quoted = "\"";
      for (char c : term) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
      quoted += "\"";
      match += (match.empty() ? "" : " AND ") + quoted;
    } else {
      short_terms.push_back(term);
    }
  }
  std::vector<std::string> clauses;
  if (!match.empty()) {
    clauses.push_back("rowid IN (SELECT rowid FROM item_text WHERE item_text MATCH ?)");
    out.params.push_back(match);
  }
  for (const auto& term : short_terms) {
    std::string pattern = "%";
    for (char c : term) {
      if (c == '%' || c == '_' || c == '\\') pattern += '\\';
      pattern += c;
    }
    pattern += "%";
    clauses.push_back("(id LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE '\\')");
    out.params.push_back(pattern);
    out.params.push_back(pattern);
  }
  for (std::size_t i = 0; i < clauses.size(); ++i) out.where += (i ? " AND " : " WHERE ") + clauses[i];
  return out;
}

class RawStatement {
 public:
  RawStatement(Connection& c, const std::string& sql) : stmt_(c.prepare_uncached(sql)) {}
  ~RawStatement() { sqlite3_finalize(stmt_); }
  sqlite3_stmt* get() { return stmt_; }

 private:
  sqlite3_stmt* stmt_;
};

}  // namespace

// The connection's queries: the Reader, and inside a transaction the UnitOfWork.
struct SqliteStore::Tables final : UnitOfWork {
  explicit Tables(std::unique_ptr<Connection> c) : db(std::move(c)), cart_tables(*db) {}
  std::unique_ptr<Connection> db;
  SqliteCarts cart_tables;

  CartWriter& carts() override { return cart_tables; }

  std::optional<BuyerRecord> buyer(std::string_view id) override {
    auto s = db->prepare("SELECT id, name, password_salt, password_hash, password_iterations FROM buyers WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return BuyerRecord{s.text(0), s.text(1), s.blob(2), s.blob(3), static_cast<int>(s.integer(4))};
  }

  std::optional<ItemRecord> item(std::string_view id) override {
    auto s = db->prepare(
        "SELECT id, description, order_unit, base_unit, base_per_order_unit, step, ean, manufacturer, "
        "manufacturer_item_id, price, currency, recommended_retail_price, stock, next_delivery FROM items "
        "WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return read_item(s);
  }

  std::vector<std::string> replacements(std::string_view item_id) override {
    auto s = db->prepare("SELECT replacement_id FROM item_replacements WHERE item_id = ? ORDER BY position");
    s.bind(1, item_id);
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.text(0));
    return out;
  }

  std::int64_t count_items_matching(const std::vector<std::string>& terms) override {
    auto sql = search_sql(terms);
    RawStatement raw(*db, "SELECT count(*) FROM items" + sql.where);
    Statement s(raw.get());
    for (std::size_t i = 0; i < sql.params.size(); ++i) s.bind(static_cast<int>(i + 1), sql.params[i]);
    return s.step() ? s.integer(0) : 0;
  }

  std::vector<ItemRecord> items_matching(const std::vector<std::string>& terms, std::int64_t offset,
                                         std::int64_t limit) override {
    auto sql = search_sql(terms);
    RawStatement raw(
        *db, std::string("SELECT ") + kItemColumns + " FROM items" + sql.where + " ORDER BY id LIMIT ? OFFSET ?");
    Statement s(raw.get());
    int n = 1;
    for (const auto& p : sql.params) s.bind(n++, p);
    s.bind(n++, limit);
    s.bind(n, offset);
    std::vector<ItemRecord> out;
    while (s.step()) out.push_back(read_item(s));
    return out;
  }

  std::optional<TransactionRecord> transaction(std::string_view buyer_id, std::string_view id) override {
    auto s = db->prepare("SELECT " OG_TXN_COLUMNS " FROM transactions WHERE id = ? AND buyer_id = ?");
    s.bind(1, id).bind(2, buyer_id);
    if (!s.step()) return std::nullopt;
    return read_transaction(s);
  }

  std::vector<LineRecord> lines(std::string_view transaction_id) override {
    auto s = db->prepare(
        "SELECT item_id, position, quantity, unit, unit_price, currency, buyers_item_id, delivery_date, backlog "
        "FROM order_lines WHERE transaction_id = ? ORDER BY position");
    s.bind(1, transaction_id);
    std::vector<LineRecord> out;
    while (s.step()) {
      LineRecord l;
      l.item_id = s.text(0);
      l.position = s.integer(1);
      l.quantity = dec(s, 2);
      l.unit = s.text(3);
      l.unit_price = dec(s, 4);
      l.currency = s.text(5);
      l.buyers_item_id = s.optional_text(6);
      l.delivery_date = s.optional_text(7);
      if (!s.is_null(8)) l.backlog = s.integer(8) != 0;
      out.push_back(std::move(l));
    }
    return out;
  }

  std::vector<TransactionRecord> open_transactions(std::string_view buyer_id) override {
    auto s = db->prepare("SELECT " OG_TXN_COLUMNS
                         " FROM transactions WHERE buyer_id = ? AND state < 100 ORDER BY created_at, id");
    s.bind(1, buyer_id);
    std::vector<TransactionRecord> out;
    while (s.step()) out.push_back(read_transaction(s));
    return out;
  }

  std::int64_t count_open_transactions(std::string_view buyer_id) override {
    auto s = db->prepare("SELECT count(*) FROM transactions WHERE buyer_id = ? AND state < 100");
    s.bind(1, buyer_id);
    return s.step() ? s.integer(0) : 0;
  }

  void insert_transaction(const TransactionRecord& r) override {
    auto s = db->prepare("INSERT INTO transactions (" OG_TXN_COLUMNS ") VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, r.id).bind(2, r.buyer_id).bind(3, static_cast<std::int64_t>(r.kind)).bind(4, std::int64_t{r.state});
    s.bind(5, std::int64_t{r.is_test}).bind(6, r.search_string).bind(7, r.total_count).bind(8, r.order_id);
    s.bind(9, r.issue_date).bind(10, r.created_at).bind(11, r.updated_at);
    s.run();
  }

  void update_transaction(const TransactionRecord& r) override {
    auto s = db->prepare(
        "UPDATE transactions SET state = ?, order_id = ?, issue_date = ?, total_count = ?, updated_at = ? "
        "WHERE id = ? AND buyer_id = ?");
    s.bind(1, std::int64_t{r.state}).bind(2, r.order_id).bind(3, r.issue_date).bind(4, r.total_count);
    s.bind(5, r.updated_at).bind(6, r.id).bind(7, r.buyer_id);
    s.run();
    if (db->changes() != 1) throw StoreError("update_transaction: no such transaction " + r.id);
  }

  void put_line(std::string_view transaction_id, const LineRecord& l) override {
    auto s = db->prepare(
        "INSERT INTO order_lines (transaction_id, item_id, position, quantity, unit, unit_price, currency, "
        "buyers_item_id, delivery_date, backlog) VALUES (?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT (transaction_id, item_id) DO UPDATE SET quantity = excluded.quantity, unit = excluded.unit, "
        "unit_price = excluded.unit_price, currency = excluded.currency, buyers_item_id = excluded.buyers_item_id, "
        "delivery_date = excluded.delivery_date, backlog = excluded.backlog");
    s.bind(1, transaction_id).bind(2, l.item_id).bind(3, l.position).bind(4, l.quantity.units()).bind(5, l.unit);
    s.bind(6, l.unit_price.units()).bind(7, l.currency).bind(8, l.buyers_item_id).bind(9, l.delivery_date);
    if (l.backlog)
      s.bind(10, std::int64_t{*l.backlog});
    else
      s.bind_null(10);
    s.run();
  }

  void remove_line(std::string_view transaction_id, std::string_view item_id) override {
    auto s = db->prepare("DELETE FROM order_lines WHERE transaction_id = ? AND item_id = ?");
    s.bind(1, transaction_id).bind(2, item_id);
    s.run();
  }

  std::string insert_order(const OrderRecord& o) override {
    std::int64_t number = 1;
    {
      auto s = db->prepare("SELECT COALESCE(MAX(number), 0) + 1 FROM orders");
      if (s.step()) number = s.integer(0);
    }
    char id[32];
    std::snprintf(id, sizeof id, "OG-%08lld", static_cast<long long>(number));
    auto s = db->prepare(
        "INSERT INTO orders (number, id, transaction_id, buyer_id, issue_date, total, currency, created_at) "
        "VALUES (?,?,?,?,?,?,?,?)");
    s.bind(1, number).bind(2, std::string_view(id)).bind(3, o.transaction_id).bind(4, o.buyer_id);
    s.bind(5, o.issue_date).bind(6, o.total.units()).bind(7, o.currency).bind(8, o.created_at);
    s.run();
    return id;
  }

  void put_buyer(const BuyerRecord& b) override {
    auto s = db->prepare(
        "INSERT OR REPLACE INTO buyers (id, name, password_salt, password_hash, password_iterations) "
        "VALUES (?,?,?,?,?)");
    s.bind(1, b.id).bind(2, b.name).bind_blob(3, b.password_salt).bind_blob(4, b.password_hash);
    s.bind(5, std::int64_t{b.password_iterations});
    s.run();
  }

  void put_item(const ItemRecord& r) override {
    auto s = db->prepare(
        "INSERT INTO items (id, description, order_unit, base_unit, base_per_order_unit, step, ean, manufacturer, "
        "manufacturer_item_id, price, currency, recommended_retail_price, stock, next_delivery) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET description = excluded.description, "
        "order_unit = excluded.order_unit, base_unit = excluded.base_unit, "
        "base_per_order_unit = excluded.base_per_order_unit, step = excluded.step, ean = excluded.ean, "
        "manufacturer = excluded.manufacturer, manufacturer_item_id = excluded.manufacturer_item_id, "
        "price = excluded.price, currency = excluded.currency, "
        "recommended_retail_price = excluded.recommended_retail_price, stock = excluded.stock, "
        "next_delivery = excluded.next_delivery");
    s.bind(1, r.id).bind(2, r.description).bind(3, r.order_unit).bind(4, r.base_unit);
    s.bind(5, r.base_per_order_unit.units()).bind(6, r.step.units()).bind(7, r.ean).bind(8, r.manufacturer);
    s.bind(9, r.manufacturer_item_id).bind(10, r.price.units()).bind(11, r.currency);
    if (r.recommended_retail_price)
      s.bind(12, r.recommended_retail_price->units());
    else
      s.bind_null(12);
    s.bind(13, r.stock.units()).bind(14, r.next_delivery);
    s.run();
  }

  void put_items(const std::function<bool(ItemRecord&)>& next) override {
    // Keeping the trigram index row by row costs four times the insert
    // itself: the insert trigger is set aside (inside this transaction) and
    // the index rebuilt once. Its SQL is read back, not repeated here.
    std::string trigger;
    {
      auto s = db->prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'items_ai'");
      if (s.step()) trigger = s.text(0);
    }
    if (!trigger.empty()) db->exec("DROP TRIGGER items_ai");
    ItemRecord r;
    while (next(r)) put_item(r);
    db->exec("INSERT INTO item_text(item_text) VALUES ('rebuild')");
    if (!trigger.empty()) db->exec(trigger.c_str());
  }

  void put_replacement(std::string_view item_id, std::string_view replacement_id, int position) override {
    auto s = db->prepare("INSERT OR REPLACE INTO item_replacements (item_id, replacement_id, position) VALUES (?,?,?)");
    s.bind(1, item_id).bind(2, replacement_id).bind(3, std::int64_t{position});
    s.run();
  }
};

namespace {
void configure_sqlite_once() {
  static const bool done = [] {
    // Memory statistics take a global mutex on every allocation: contention
    // between worker threads for numbers nobody reads.
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)done;
}
}  // namespace

std::unique_ptr<Connection> SqliteStore::open_connection() const {
  configure_sqlite_once();
  auto c = std::make_unique<Connection>(options_.path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                        wal_buffer_vfs());
  c->exec("PRAGMA locking_mode = EXCLUSIVE");
  c->exec("PRAGMA journal_mode = WAL");
  c->exec(options_.durability == Durability::Power ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
  c->exec("PRAGMA foreign_keys = ON");
  c->exec("PRAGMA temp_store = MEMORY");
  // Pages come from the mapped file, not read(): large catalogs cost no
  // system calls either.
  c->exec("PRAGMA mmap_size = 8589934592");
  c->exec("PRAGMA cache_size = -65536");
  return c;
}

SqliteStore::SqliteStore(SqliteOptions options) : options_(std::move(options)) {
  tables_ = std::make_unique<Tables>(open_connection());
  Tables& setup = *tables_;
  Connection& c = *setup.db;
  // One transaction for every pending migration (and the seed of a new
  // database): a crash leaves the old schema or the new one, nothing between.
  c.exec("BEGIN IMMEDIATE");
  try {
    std::int64_t version = 0;
    {
      auto s = c.prepare("PRAGMA user_version");
      if (s.step()) version = s.integer(0);
    }
    auto all = migrations();
    if (version > static_cast<std::int64_t>(all.size()))
      throw StoreError("database schema version " + std::to_string(version) + " is newer than this ordergate (" +
                       std::to_string(all.size()) + ")");
    created_ = version == 0;
    for (auto i = static_cast<std::size_t>(version); i < all.size(); ++i) c.exec(all[i]);
    c.exec(("PRAGMA user_version = " + std::to_string(all.size())).c_str());
    if (created_ && options_.seed) options_.seed(setup);
    if (!created_ && version < static_cast<std::int64_t>(all.size()) && options_.migrated)
      options_.migrated(setup, static_cast<int>(version));
    c.exec("COMMIT");
  } catch (...) {
    sqlite3_exec(c.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  // Checkpoints are the committer's (see prepare_checkpoint()): this hook
  // replaces SQLite's automatic one and only counts the WAL's frames.
  sqlite3_wal_hook(
      c.handle(),
      [](void* self, sqlite3*, const char*, int frames) {
        static_cast<SqliteStore*>(self)->wal_frames_ = frames;
        return SQLITE_OK;
      },
      this);
  commits_ = std::make_unique<GroupCommit>([this] { commit_batch(); }, options_.commit_interval);
}

SqliteStore::~SqliteStore() {
  commits_->stop();
  // The committer committed every batch with changes; one left open holds none.
  std::lock_guard lock(mutex_);
  if (batch_open_) sqlite3_exec(tables_->db->handle(), "COMMIT", nullptr, nullptr, nullptr);
}

std::uint64_t SqliteStore::units_written() const {
  std::lock_guard lock(mutex_);
  return units_;
}

// After a commit that SQLite made but the file did not take, the
// connection's view and the file differ: nothing may be read or written.
void SqliteStore::usable() const {
  if (broken_) throw StoreError("a commit could not be written to the database file; restart ordergate");
}

void SqliteStore::read(const std::function<void(Reader&)>& work) {
  usable();
  GroupCommit::Batch depends = 0;
  {
    // The mutex is the isolation: no writer runs while a reader holds it, and
    // no other process can open the file. A reader sees applied units that
    // are not committed yet: its answer then waits for their commit too.
    std::lock_guard lock(mutex_);
    work(*tables_);
    depends = seen();
  }
  commits_->depend(depends);
}

void SqliteStore::write(const std::function<void(UnitOfWork&)>& work) {
  usable();
  GroupCommit::Batch depends = 0;
  {
    std::lock_guard lock(mutex_);
    Tables& t = *tables_;
    if (!batch_open_) {
      t.db->prepare("BEGIN IMMEDIATE").run();
      batch_open_ = true;
    }
    t.db->prepare("SAVEPOINT unit").run();
    std::int64_t changes = sqlite3_total_changes64(t.db->handle());
    try {
      work(t);
      t.db->prepare("RELEASE unit").run();
    } catch (...) {
      take_back_unit();
      commits_->note(seen());
      throw;
    }
    ++units_;
    if (sqlite3_total_changes64(t.db->handle()) != changes && !batch_dirty_) {
      batch_dirty_ = true;
      commits_->pending(batch_);
    }
    depends = seen();
  }
  commits_->depend(depends);
}

// Rolls back the failed unit's savepoint; the batch's other units stay.
void SqliteStore::take_back_unit() {
  sqlite3* db = tables_->db->handle();
  // After some errors (I/O, full disk, out of memory) SQLite has already
  // rolled back the whole transaction: the batch is lost with its units.
  if (!sqlite3_get_autocommit(db) &&
      sqlite3_exec(db, "ROLLBACK TO unit; RELEASE unit", nullptr, nullptr, nullptr) == SQLITE_OK)
    return;
  sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  // The committer reports it, so that batches end in order.
  if (GroupCommit::Batch lost = end_batch()) lost_.push_back(lost);
}

// With mutex_ held: the open batch is over; the next unit opens the next
// one. Returns its number if it held changes (else nobody depends on it).
GroupCommit::Batch SqliteStore::end_batch() {
  GroupCommit::Batch ended = batch_dirty_ ? batch_ : 0;
  batch_open_ = false;
  batch_dirty_ = false;
  ++batch_;
  return ended;
}

// On the committer thread: the only one that reports batches ended.
void SqliteStore::commit_batch() {
  bool checkpoint = prepare_checkpoint();
  std::vector<GroupCommit::Batch> lost;
  GroupCommit::Batch committed = 0;
  WalFrames frames;
  int written = SQLITE_OK;
  {
    std::lock_guard lock(mutex_);
    lost.swap(lost_);
    if (batch_open_) {
      Connection& c = *tables_->db;
      WalFile* wal = wal_of(c.handle());
      if (wal) collect(wal, true);
      try {
        if (options_.fail_commits) throw StoreError("commit failed (injected fault)");
        c.prepare("COMMIT").run();
        if (wal) frames = take(wal);
        committed = end_batch();
        if (committed) last_committed_ = committed;
      } catch (const StoreError& e) {
        std::fprintf(stderr, "ordergate: group commit of %llu failed: %s\n", static_cast<unsigned long long>(batch_),
                     e.what());
        if (wal) discard(wal);
        sqlite3_exec(c.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        if (GroupCommit::Batch b = end_batch()) lost.push_back(b);
      }
      if (wal) collect(wal, false);
      if (checkpoint && committed) {
        // Right after the COMMIT, with no transaction open, as SQLite's own
        // checkpoint: the next write transaction can then start the WAL over.
        written = write_out(frames);
        if (written == SQLITE_OK)
          sqlite3_wal_checkpoint_v2(c.handle(), "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        wal_frames_ = 0;
      }
    }
  }
  // The frames reach the file while the next units already run.
  if (options_.slow_commits.count() > 0 && !frames.empty()) std::this_thread::sleep_for(options_.slow_commits);
  if (written == SQLITE_OK) written = write_out(frames);
  if (written != SQLITE_OK) {
    broken_ = true;
    std::fprintf(stderr, "ordergate: writing group commit %llu to the WAL failed (SQLite error %d); restart\n",
                 static_cast<unsigned long long>(committed), written);
  }
  for (GroupCommit::Batch b : lost) commits_->ended(b, false);
  if (committed) commits_->ended(committed, written == SQLITE_OK);
}

// The committer checkpoints (copies the WAL into the database file) every
// kCheckpointFrames, like SQLite's automatic checkpoint but not inside a
// unit's time. A checkpoint syncs the WAL, then the database file, all with
// the connection held; when one is due the WAL is synced here first, without
// the connection, which leaves the checkpoint only this commit's few frames
// to sync (it halved the time the connection is held for it).
bool SqliteStore::prepare_checkpoint() {
  WalFile* wal = nullptr;
  {
    std::lock_guard lock(mutex_);
    if (wal_frames_ < kCheckpointFrames || !batch_open_) return false;
    wal = wal_of(tables_->db->handle());
  }
  if (wal) sync_written(wal);
  return true;
}

}  // namespace og::store::sqlite
