#include "store/sqlite/sqlite_store.hpp"

#include <cstdio>
#include <filesystem>

#include "log/log.hpp"
#include "store/sql/carts.hpp"
#include "store/sql/hub.hpp"
#include "store/sql/per_seller.hpp"
#include "store/sql/receipts.hpp"
#include "store/sql/sale.hpp"
#include "store/sql/stock.hpp"
#include "store/sql/transactions.hpp"
#include "store/sqlite/catalog.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/schema.hpp"
#include "store/sqlite/wal_buffer.hpp"

namespace og::store::sqlite {

// The connection and its tables: the ReadView, and inside a transaction the UnitOfWork.
struct SqliteStore::Tables final : UnitOfWork {
  explicit Tables(std::unique_ptr<Connection> c)
      : db(std::move(c)), seller_tables(*db), cart_tables(*db), hub_tables(*db) {}
  std::unique_ptr<Connection> db;
  sql::SqlSellers seller_tables;
  sql::PerSeller<SqliteCatalog> catalogs;
  sql::PerSeller<sql::SqlTransactions> transaction_tables;
  sql::PerSeller<sql::SqlStock> stock_tables;
  sql::PerSeller<sql::SqlSales> sale_tables;
  sql::PerSeller<sql::SqlReceipts> receipt_tables;
  sql::SqlCarts cart_tables;
  sql::SqlHub hub_tables;

  // The connection's tables for one seller, made on its first use.
  template <class T>
  T& of(sql::PerSeller<T>& tables, std::string_view seller) {
    return sql::per_seller(tables, seller, [&](std::string s) { return std::make_unique<T>(*db, std::move(s)); });
  }

  SellerWriter& sellers() override { return seller_tables; }
  CatalogWriter& catalog(std::string_view seller) override { return of(catalogs, seller); }
  TransactionWriter& transactions(std::string_view seller) override { return of(transaction_tables, seller); }
  ReceiptWriter& receipts(std::string_view seller) override { return of(receipt_tables, seller); }
  CartWriter& carts() override { return cart_tables; }
  HubWriter& hub() override { return hub_tables; }
  StockWriter& stock(std::string_view seller) override { return of(stock_tables, seller); }
  SaleWriter& sales(std::string_view seller) override { return of(sale_tables, seller); }
};

namespace {

void configure_sqlite_once() {
  static const bool done = [] {
    // Memory statistics take a global mutex on every allocation: contention
    // for numbers nobody reads.
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)done;
}

constexpr int kCheckpointFrames = 1000;  // SQLite's default
// How long reads may share one snapshot: what another process writes (an
// import's slice) is seen at most this much later.
constexpr std::chrono::milliseconds kReadSnapshotAge{10};
// Read-only, the store tries to write again this often while idle, and at
// most this often when writes arrive.
constexpr std::chrono::seconds kRecoveryInterval{2};

// Another process's write (an import's slice) takes milliseconds: wait for
// it. Set before the first statement: even switching to WAL reads the file
// under a lock that another process may hold for that moment.
void wait_for_other_processes(Connection& c) {
  sqlite3_busy_timeout(c.handle(), 10000);
}

void tune(Connection& c, const SqliteOptions& options) {
  c.exec(options.durability == Durability::Power ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
  c.exec("PRAGMA foreign_keys = ON");
  c.exec("PRAGMA temp_store = MEMORY");
  // Pages come from the mapped file, not read(): large catalogs cost no
  // system calls either.
  c.exec("PRAGMA mmap_size = 8589934592");
  c.exec("PRAGMA cache_size = -65536");
}

// `error` gets SQLite's code when it throws.
std::unique_ptr<Connection> open_connection(const SqliteOptions& options, int& error) {
  configure_sqlite_once();
  error = SQLITE_CANTOPEN;
  // One thread uses the connection: SQLite's own mutexes would only cost.
  auto c = std::make_unique<Connection>(options.path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                        wal_buffer_vfs());
  try {
    // Shared locking: an operator's command (an import, a backup) may open the
    // file while the server runs. The locks cost a few system calls per group
    // of work, not per request: a group shares one transaction.
    wait_for_other_processes(*c);
    c->exec("PRAGMA journal_mode = WAL");
    tune(*c, options);
  } catch (const StoreError&) {
    error = sqlite3_extended_errcode(c->handle());
    throw;
  }
  error = SQLITE_OK;
  return c;
}

// For a disk that refuses writes: shared locking needs the WAL index file
// (-shm) to grow, which a full disk refuses even to readers. In exclusive
// locking mode SQLite keeps that index in the process's memory instead, and
// query_only keeps any write from being tried.
std::unique_ptr<Connection> open_read_only_connection(const SqliteOptions& options) {
  configure_sqlite_once();
  auto c = std::make_unique<Connection>(options.path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, wal_buffer_vfs());
  wait_for_other_processes(*c);
  c->exec("PRAGMA locking_mode = EXCLUSIVE");
  c->exec("PRAGMA query_only = 1");
  tune(*c, options);
  return c;
}

// An error for a job's waiter. The StoreError made here is gone before the
// waiter sees the copy: its message is a reference-counted string that the
// two copies would otherwise share across threads.
std::exception_ptr refusal(const char* why) {
  auto error = std::make_exception_ptr(StoreError(why));
  return error;
}

// The errors of a disk that cannot take writes (full, read-only, failing),
// as opposed to a database that is wrong.
bool disk_refuses_writes(int code) {
  switch (code & 0xff) {
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN: return true;
    default: return false;
  }
}

}  // namespace

SqliteStore::SqliteStore(SqliteOptions options) : options_(std::move(options)) {
  bool existed = std::filesystem::exists(options_.path);
  try {
    open_writable();
  } catch (const StoreError& e) {
    // A database that exists, needs no migration and is on a disk that
    // refuses writes (full, most often) still serves its reads: the store
    // starts read-only and leaves that state by itself once writes succeed.
    if (!existed || !disk_refuses_writes(last_error_)) throw;
    open_read_only(e.what());
  }
  thread_ = std::thread([this] { run(); });
}

void SqliteStore::open_writable() {
  tables_.reset();
  last_error_ = SQLITE_OK;
  tables_ = std::make_unique<Tables>(open_connection(options_, last_error_));
  Connection& c = *tables_->db;
  // One transaction for every pending migration (and the seed of a new
  // database): a crash leaves the old schema or the new one, nothing between.
  try {
    c.exec("BEGIN IMMEDIATE");
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
    if (version < static_cast<std::int64_t>(all.size())) {
      for (auto i = static_cast<std::size_t>(version); i < all.size(); ++i) c.exec(all[i]);
      c.exec(("PRAGMA user_version = " + std::to_string(all.size())).c_str());
      if (created_ && options_.seed) options_.seed(*tables_);
      if (!created_ && options_.migrated) options_.migrated(*tables_, static_cast<int>(version));
    }
    c.exec("COMMIT");
  } catch (...) {
    last_error_ = sqlite3_extended_errcode(c.handle());
    sqlite3_exec(c.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    tables_.reset();
    throw;
  }
  watch_wal();
  read_only_ = false;
}

void SqliteStore::open_read_only(const std::string& why) {
  tables_ = std::make_unique<Tables>(open_read_only_connection(options_));
  std::int64_t version = 0;
  {
    auto s = tables_->db->prepare("PRAGMA user_version");
    if (s.step()) version = s.integer(0);
  }
  // Reads with an old schema would fail one by one: better not to start.
  if (version != static_cast<std::int64_t>(migrations().size()))
    throw StoreError("the database needs its schema migrated (version " + std::to_string(version) + " to " +
                     std::to_string(migrations().size()) + ") and the disk refuses writes: " + why);
  read_only_ = true;
  last_recovery_try_ = std::chrono::steady_clock::now();
  log::warning("store: the disk refuses writes (" + why + "); serving reads only until it takes them again");
  std::lock_guard lock(ended_mutex_);
  health_.writable = false;
  health_.problem = "read-only: the disk refused writes at start (" + why + ")";
}

// On the store thread, in read-only mode: tries the writable connection
// again; back to read-only if the disk still refuses.
void SqliteStore::try_writable() {
  last_recovery_try_ = std::chrono::steady_clock::now();
  end_read();
  try {
    open_writable();
  } catch (const StoreError&) {
    reopen();  // still refused: said once at start, not every few seconds
    return;
  }
  log::info("store: the disk takes writes again; the store is writable");
  std::lock_guard lock(ended_mutex_);
  health_.writable = true;
  health_.problem.clear();
}

SqliteStore::~SqliteStore() {
  stop();
}

void SqliteStore::stop() {
  {
    std::lock_guard lock(queue_mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  queue_wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

Health SqliteStore::health() const {
  std::lock_guard lock(ended_mutex_);
  return health_;
}

void SqliteStore::submit(bool write, Job job, JobDone done) {
  {
    std::lock_guard lock(queue_mutex_);
    if (stopping_) {
      done({refusal("the store is stopping"), 0});
      return;
    }
    queue_.push_back({write, std::move(job), std::move(done)});
  }
  queue_wake_.notify_one();
}

bool SqliteStore::lost_between(const Commit& seen) const {
  auto it = lost_.lower_bound(seen.first());
  return it != lost_.end() && *it <= seen.last();
}

std::optional<bool> SqliteStore::settled(Commit seen) const {
  if (seen.last() == 0) return true;
  if (seen.last() > ended_.load(std::memory_order_acquire)) return std::nullopt;
  if (!any_lost_.load(std::memory_order_acquire)) return true;
  std::lock_guard lock(ended_mutex_);
  return !lost_between(seen);
}

void SqliteStore::when_durable(Commit seen, std::function<void(bool committed)> done) {
  {
    std::lock_guard lock(ended_mutex_);
    if (seen.last() > ended_.load(std::memory_order_relaxed)) {
      waiters_.emplace(seen.last(), std::make_pair(seen, std::move(done)));
      return;
    }
  }
  done(settled(seen).value_or(false));
}

// The store thread: takes whatever work has arrived, runs it, and commits
// when nothing more is waiting (or the batch has waited long enough).
void SqliteStore::run() {
  std::vector<Pending> work;
  for (;;) {
    bool more_waiting = false;
    {
      std::unique_lock lock(queue_mutex_);
      if (queue_.empty() && !batch_dirty_) {
        if (stopping_) break;
        // An open read transaction is kept while work keeps coming (its locks
        // cost system calls), but not while idle: another process's writes
        // must become visible, and a checkpoint must be able to finish.
        if (read_open_) {
          if (!queue_wake_.wait_for(lock, kReadSnapshotAge, [&] { return stopping_ || !queue_.empty(); })) {
            lock.unlock();
            end_read();
            continue;
          }
        } else if (read_only_) {
          queue_wake_.wait_for(lock, kRecoveryInterval, [&] { return stopping_ || !queue_.empty(); });
        } else {
          queue_wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        }
      }
      work.swap(queue_);
    }
    // Work keeps coming (the outbox looks for due jobs): try on a clock, not when idle.
    if (read_only_ && std::chrono::steady_clock::now() - last_recovery_try_ >= kRecoveryInterval) try_writable();
    // A snapshot older than this may miss an operator's import: start afresh.
    if (read_open_ && std::chrono::steady_clock::now() - read_started_ > kReadSnapshotAge) end_read();
    for (auto& pending : work) run_job(pending);
    work.clear();
    {
      std::lock_guard lock(queue_mutex_);
      more_waiting = !queue_.empty();
    }
    if (batch_dirty_ &&
        (!more_waiting || std::chrono::steady_clock::now() - batch_started_ >= options_.commit_interval))
      commit_batch();
    else if (batch_open_ && !batch_dirty_ && !more_waiting)
      commit_batch();  // a batch without changes: let go of the write lock
  }
  if (read_open_) end_read();
  if (batch_open_ && tables_) commit_batch();
}

// Reads of a group share one read transaction (one snapshot, one pair of
// locks), as writes share one batch.
void SqliteStore::begin_read() {
  if (read_open_ || batch_open_) return;
  tables_->db->prepare("BEGIN").run();
  read_open_ = true;
  read_started_ = std::chrono::steady_clock::now();
}

void SqliteStore::end_read() {
  if (!read_open_) return;
  read_open_ = false;
  if (tables_) sqlite3_exec(tables_->db->handle(), "COMMIT", nullptr, nullptr, nullptr);
}

void SqliteStore::begin_batch() {
  if (batch_open_) return;
  // A read transaction cannot become a write one if another process wrote
  // since it began: end it and start the batch afresh.
  end_read();
  tables_->db->prepare("BEGIN IMMEDIATE").run();
  batch_open_ = true;
}

void SqliteStore::run_job(Pending& p) {
  JobEnd end;
  if (!tables_) reopen();
  if (!tables_) {
    p.done({refusal("the database cannot be opened"), 0});
    return;
  }
  if (p.write && read_only_) {
    if (std::chrono::steady_clock::now() - last_recovery_try_ >= kRecoveryInterval / 2) {
      end_read();
      try_writable();
    }
    if (read_only_ || !tables_) {
      p.done({refusal("the store is read-only: the disk refuses writes"), 0});
      return;
    }
  }
  sqlite3* db = tables_->db->handle();
  if (!p.write) {
    // A reader sees the units applied so far, committed or not: its answer
    // then waits for their commit too (seen()).
    try {
      begin_read();
      p.job(*tables_);
    } catch (...) {
      end.error = std::current_exception();
    }
    end.seen = seen();
    p.done(std::move(end));
    return;
  }
  try {
    begin_batch();
    tables_->db->prepare("SAVEPOINT unit").run();
  } catch (...) {
    end.error = std::current_exception();
    p.done(std::move(end));
    return;
  }
  std::int64_t changes = sqlite3_total_changes64(db);
  try {
    p.job(*tables_);
    tables_->db->prepare("RELEASE unit").run();
  } catch (...) {
    end.error = std::current_exception();
    // After some errors (I/O, full disk, out of memory) SQLite has already
    // rolled back the whole transaction: the batch is lost with its units.
    if (sqlite3_get_autocommit(db) ||
        sqlite3_exec(db, "ROLLBACK TO unit; RELEASE unit", nullptr, nullptr, nullptr) != SQLITE_OK) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      end_batch(false, "a unit of work failed and SQLite rolled back its batch");
    }
  }
  if (!end.error) {
    std::lock_guard lock(ended_mutex_);
    ++health_.units;
  }
  if (!end.error && !batch_dirty_ && sqlite3_total_changes64(db) != changes) {
    batch_dirty_ = true;
    batch_started_ = std::chrono::steady_clock::now();
  }
  end.seen = seen();
  p.done(std::move(end));
}

void SqliteStore::commit_batch() {
  if (!tables_) {  // lost with a connection that had to be reopened
    end_batch(false, "the database could not be reopened");
    return;
  }
  sqlite3* db = tables_->db->handle();
  if (!batch_dirty_) {
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    batch_open_ = false;
    return;
  }
  if (options_.slow_commits.count() > 0) std::this_thread::sleep_for(options_.slow_commits);
  std::string problem;
  bool reopened = false;
  if (options_.fail_commits) {
    problem = "commit failed (injected fault)";
  } else {
    WalFile* wal = options_.gather_wal_writes ? wal_of(db) : nullptr;
    if (wal) collect(wal, true);
    if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
      problem = sqlite3_errmsg(db);
      if (wal) discard(wal);
    }
    if (wal) {
      collect(wal, false);
      WalFrames frames = take(wal);
      if (int rc = write_out(frames, options_.wal_fault); rc != SQLITE_OK && problem.empty()) {
        problem = std::string("writing the commit to the WAL failed: ") + sqlite3_errstr(rc);
        reopen();
        reopened = true;
      }
    }
    // Checkpoints are ours, between commits, never inside one: SQLite's
    // automatic checkpoint would sync the WAL in the middle of the commit.
    if (problem.empty() && wal_frames_ >= kCheckpointFrames) {
      sqlite3_wal_checkpoint_v2(db, "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
      wal_frames_ = 0;
    }
  }
  if (!problem.empty()) {
    log::error("store: commit " + std::to_string(batch_) + " failed, its units were not applied: " + problem);
    if (!reopened && !sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  end_batch(problem.empty(), problem);
}

void SqliteStore::watch_wal() {
  // Replaces SQLite's automatic checkpoint: it only counts the WAL's frames.
  sqlite3_wal_hook(
      tables_->db->handle(),
      [](void* self, sqlite3*, const char*, int frames) {
        static_cast<SqliteStore*>(self)->wal_frames_ = frames;
        return SQLITE_OK;
      },
      this);
}

void SqliteStore::reopen() {
  read_open_ = false;
  tables_.reset();  // finalizes the statements, closes the connection
  try {
    if (read_only_) {
      tables_ = std::make_unique<Tables>(open_read_only_connection(options_));
    } else {
      int error = SQLITE_OK;
      tables_ = std::make_unique<Tables>(open_connection(options_, error));
      watch_wal();
    }
  } catch (const std::exception& e) {
    // Opening reads only; if even that fails, the next unit tries again (run_job).
    log::error(std::string("store: reopening the database failed: ") + e.what());
  }
}

void SqliteStore::end_batch(bool committed, const std::string& problem) {
  std::uint64_t ended = batch_;
  bool dirty = batch_dirty_;
  batch_open_ = false;
  batch_dirty_ = false;
  ++batch_;
  if (!dirty) return;  // nobody depends on a batch without changes
  std::vector<std::pair<bool, std::function<void(bool)>>> due;
  {
    std::lock_guard lock(ended_mutex_);
    ++health_.commits;
    if (committed) {
      if (!health_.writable) log::info("store: commits succeed again");
      health_.writable = true;
      health_.problem.clear();
    } else {
      ++health_.failed_commits;
      health_.writable = false;
      health_.problem = problem;
      lost_.insert(ended);
      // Old losses only matter to requests that are long answered.
      while (lost_.size() > 10000) lost_.erase(lost_.begin());
      any_lost_.store(true, std::memory_order_release);
    }
    ended_.store(ended, std::memory_order_release);
    auto last = waiters_.upper_bound(ended);
    for (auto it = waiters_.begin(); it != last; ++it)
      due.emplace_back(!lost_between(it->second.first), std::move(it->second.second));
    waiters_.erase(waiters_.begin(), last);
  }
  for (auto& [committed_all, tell] : due) tell(committed_all);
}

}  // namespace og::store::sqlite
