#include "store/postgres/pg_store.hpp"

#include <algorithm>
#include <chrono>
#include <random>

#include "store/postgres/catalog.hpp"
#include "store/postgres/connection.hpp"
#include "store/postgres/schema.hpp"
#include "store/sql/carts.hpp"
#include "store/sql/hub.hpp"
#include "store/sql/per_seller.hpp"
#include "store/sql/receipts.hpp"
#include "store/sql/sale.hpp"
#include "store/sql/stock.hpp"
#include "store/sql/transactions.hpp"

namespace og::store::postgres {

namespace {

// The gate every writing unit passes: in the crowd (ROW SHARE, any number at
// once, PostgreSQL's SERIALIZABLE keeps them apart) or alone (EXCLUSIVE: it
// waits until every unit in flight on every instance has ended, and units
// that come later wait for it). Retries alone give no such promise: under a
// full machine a unit can lose every run to newer units that meet it (in
// bench/cluster some lost 40 in a row), and its conflict reaches the client.
// A table lock, not an advisory lock: LOCK TABLE takes no snapshot, so the
// unit's snapshot is taken after the wait and sees every unit that went
// before; and it ends with the transaction, whatever becomes of the
// connection. ordergate_schema is every version's and no unit reads or
// writes it (a plain SELECT of it, all that other instances' start-up does
// outside its own lock, passes the gate).
constexpr const char* kBeginInCrowd =
    "BEGIN ISOLATION LEVEL SERIALIZABLE; LOCK TABLE ordergate_schema IN ROW SHARE MODE";
constexpr const char* kBeginAlone = "BEGIN ISOLATION LEVEL SERIALIZABLE; LOCK TABLE ordergate_schema IN EXCLUSIVE MODE";
constexpr const char* kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY";
// Runs alone before a writer's conflict reaches the caller.
constexpr int kAloneRuns = 3;

}  // namespace

// One thread's connection and the tables over it: the ReadView, and inside a
// transaction the UnitOfWork.
struct PgStore::Worker final : UnitOfWork {
  explicit Worker(const std::string& conninfo) : db(std::make_unique<PgConnection>(conninfo)) {}
  std::unique_ptr<PgConnection> db;
  std::unique_ptr<sql::SqlSellers> seller_tables = std::make_unique<sql::SqlSellers>(*db);
  sql::PerSeller<PgCatalog> catalogs;
  std::unique_ptr<sql::SqlCarts> cart_tables = std::make_unique<sql::SqlCarts>(*db);
  std::unique_ptr<sql::SqlHub> hub_tables = std::make_unique<sql::SqlHub>(*db);
  sql::PerSeller<sql::SqlTransactions> transaction_tables;
  sql::PerSeller<sql::SqlReceipts> receipt_tables;
  sql::PerSeller<sql::SqlStock> stock_tables;
  sql::PerSeller<sql::SqlSales> sale_tables;

  // The connection's tables for one seller, made on its first use.
  template <class T>
  T& of(sql::PerSeller<T>& tables, std::string_view seller) {
    return sql::per_seller(tables, seller, [&](std::string s) { return std::make_unique<T>(*db, std::move(s)); });
  }

  TransactionWriter& transactions(std::string_view seller) override { return of(transaction_tables, seller); }
  SellerWriter& sellers() override { return *seller_tables; }
  CatalogWriter& catalog(std::string_view seller) override { return of(catalogs, seller); }
  ReceiptWriter& receipts(std::string_view seller) override { return of(receipt_tables, seller); }
  CartWriter& carts() override { return *cart_tables; }
  HubWriter& hub() override { return *hub_tables; }
  StockWriter& stock(std::string_view seller) override { return of(stock_tables, seller); }
  SaleWriter& sales(std::string_view seller) override { return of(sale_tables, seller); }

  // After a lost connection the tables' statements belong to the old one.
  void reconnect(const std::string& conninfo) {
    transaction_tables.clear();
    receipt_tables.clear();
    stock_tables.clear();
    sale_tables.clear();
    catalogs.clear();
    db = std::make_unique<PgConnection>(conninfo);
    seller_tables = std::make_unique<sql::SqlSellers>(*db);
    cart_tables = std::make_unique<sql::SqlCarts>(*db);
    hub_tables = std::make_unique<sql::SqlHub>(*db);
  }
};

PgStore::PgStore(PgOptions options) : options_(std::move(options)) {
  if (options_.connections < 1) options_.connections = 1;
  for (int i = 0; i < options_.connections; ++i) workers_.push_back(std::make_unique<Worker>(options_.conninfo));
  auto& first = *workers_.front();
  created_ = create_or_check_schema(*first.db, [&] {
    if (options_.seed) options_.seed(first);
  });
  for (auto& w : workers_) threads_.emplace_back([this, &w = *w] { run(w); });
}

PgStore::~PgStore() {
  stop();
}

void PgStore::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : threads_)
    if (t.joinable()) t.join();
  threads_.clear();
}

Health PgStore::health() const {
  Health h;
  {
    std::lock_guard lock(health_mutex_);
    h.problem = problem_;
  }
  h.writable = h.problem.empty();
  h.commits = commits_.load();
  h.failed_commits = failed_commits_.load();
  h.units = h.commits;
  h.units_run_alone = units_run_alone();
  return h;
}

void PgStore::submit(bool write, Job job, JobDone done) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back({write, std::move(job), std::move(done)});
  }
  wake_.notify_one();
}

// Every unit answers after its COMMIT: no commit is pending for anyone.
void PgStore::when_durable(Commit, std::function<void(bool committed)> done) {
  done(true);
}
std::optional<bool> PgStore::settled(Commit) const {
  return true;
}

void PgStore::run(Worker& worker) {
  for (;;) {
    Pending p;
    {
      std::unique_lock lock(mutex_);
      // Work that arrived before stop() is still done.
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      p = std::move(queue_.front());
      queue_.pop_front();
    }
    run_job(worker, p);
  }
}

void PgStore::run_job(Worker& worker, Pending& p) {
  std::minstd_rand jitter(std::random_device{}());
  JobEnd end;
  for (int attempt = 1;; ++attempt) {
    // A writer that lost `attempts` runs in the crowd runs alone.
    bool alone = p.write && attempt > options_.attempts;
    try {
      if (!worker.db->healthy()) worker.reconnect(options_.conninfo);
      worker.db->exec(!p.write ? kBeginRead : alone ? kBeginAlone : kBeginInCrowd);
      p.job(worker);
      worker.db->exec("COMMIT");
      if (p.write) commits_.fetch_add(1);
      if (alone) ran_alone_.fetch_add(1);
      std::lock_guard lock(health_mutex_);
      problem_.clear();
      break;
    } catch (const sql::ConflictError& e) {
      if (worker.db->healthy()) {
        try {
          worker.db->exec("ROLLBACK");
        } catch (const StoreError&) {
        }
      }
      if (!alone && attempt < options_.attempts) {
        // Apart, and further each time (a random wait up to 1 ms doubling
        // to 50 ms): units that keep meeting, as many writers of one order
        // number do, spread out, and most get through without the gate.
        int cap = std::min(50'000, 500 << std::min(attempt, 7));
        std::uniform_int_distribution<int> wait(0, cap);
        std::this_thread::sleep_for(std::chrono::microseconds(wait(jitter)));
        continue;
      }
      // Alone, a unit can still lose to one whose commit PostgreSQL was
      // finishing as the gate opened (it lets go of its locks before its
      // serializable bookkeeping ends): rare, and over by the next run.
      if (p.write && attempt < options_.attempts + kAloneRuns) continue;
      // Lost every run alone too (a key that is taken for good, or an
      // instance of an older ordergate that does not take the gate), or a
      // read that kept losing: the operator's log says which.
      end.error = std::make_exception_ptr(
          sql::ConflictError(std::string(e.what()) + " (lost " + std::to_string(attempt) + " runs in a row" +
                             (alone ? ", the last " + std::to_string(kAloneRuns) + " alone)" : std::string(")"))));
    } catch (...) {
      end.error = std::current_exception();
      if (worker.db->healthy()) {
        try {
          worker.db->exec("ROLLBACK");
        } catch (const StoreError&) {
        }
      } else {
        failed_commits_.fetch_add(p.write ? 1 : 0);
        std::lock_guard lock(health_mutex_);
        problem_ = "the connection to PostgreSQL was lost";
      }
    }
    break;
  }
  p.done(std::move(end));
}

}  // namespace og::store::postgres
