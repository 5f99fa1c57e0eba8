#include "store/postgres/pg_store.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <random>

#include "store/postgres/catalog.hpp"
#include "store/postgres/connection.hpp"
#include "store/postgres/schema.hpp"
#include "store/sql/carts.hpp"
#include "store/sql/hub.hpp"
#include "store/sql/receipts.hpp"
#include "store/sql/transactions.hpp"

namespace og::store::postgres {

namespace {

// Domains whose tables are not in the shared schema yet: a unit of work that
// reaches one fails as a store error (its request gets the protocol's
// internal error), never as a crash.
[[noreturn]] void not_yet(const char* domain) {
  throw StoreError(std::string("the PostgreSQL store does not hold ") + domain + " yet");
}

}  // namespace

// One thread's connection and the tables over it: the ReadView, and inside a
// transaction the UnitOfWork.
struct PgStore::Worker final : UnitOfWork {
  explicit Worker(const std::string& conninfo) : db(std::make_unique<PgConnection>(conninfo)) {}
  std::unique_ptr<PgConnection> db;
  std::unique_ptr<sql::SqlSellers> seller_tables = std::make_unique<sql::SqlSellers>(*db);
  std::map<std::string, std::unique_ptr<PgCatalog>, std::less<>> catalogs;
  std::unique_ptr<sql::SqlCarts> cart_tables = std::make_unique<sql::SqlCarts>(*db);
  std::unique_ptr<sql::SqlHub> hub_tables = std::make_unique<sql::SqlHub>(*db);
  std::map<std::string, std::unique_ptr<sql::SqlTransactions>, std::less<>> transaction_tables;
  std::map<std::string, std::unique_ptr<sql::SqlReceipts>, std::less<>> receipt_tables;

  TransactionWriter& transactions(std::string_view seller) override {
    auto it = transaction_tables.find(seller);
    if (it == transaction_tables.end())
      it = transaction_tables
               .emplace(std::string(seller), std::make_unique<sql::SqlTransactions>(*db, std::string(seller)))
               .first;
    return *it->second;
  }
  SellerWriter& sellers() override { return *seller_tables; }
  CatalogWriter& catalog(std::string_view seller) override {
    auto it = catalogs.find(seller);
    if (it == catalogs.end())
      it = catalogs.emplace(std::string(seller), std::make_unique<PgCatalog>(*db, std::string(seller))).first;
    return *it->second;
  }
  ReceiptWriter& receipts(std::string_view seller) override {
    auto it = receipt_tables.find(seller);
    if (it == receipt_tables.end())
      it = receipt_tables.emplace(std::string(seller), std::make_unique<sql::SqlReceipts>(*db, std::string(seller)))
               .first;
    return *it->second;
  }
  CartWriter& carts() override { return *cart_tables; }
  HubWriter& hub() override { return *hub_tables; }
  StockWriter& stock(std::string_view) override { not_yet("stock transmissions"); }
  SaleWriter& sales(std::string_view) override { not_yet("sale transmissions"); }

  // After a lost connection the tables' statements belong to the old one.
  void reconnect(const std::string& conninfo) {
    transaction_tables.clear();
    receipt_tables.clear();
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
    try {
      if (!worker.db->healthy()) worker.reconnect(options_.conninfo);
      worker.db->exec(p.write ? "BEGIN ISOLATION LEVEL SERIALIZABLE"
                              : "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      p.job(worker);
      worker.db->exec("COMMIT");
      if (p.write) commits_.fetch_add(1);
      std::lock_guard lock(health_mutex_);
      problem_.clear();
      break;
    } catch (const sql::ConflictError&) {
      if (worker.db->healthy()) {
        try {
          worker.db->exec("ROLLBACK");
        } catch (const StoreError&) {
        }
      }
      if (attempt < options_.attempts) {
        // Apart, and further each time (a random wait up to 0.5 ms doubling
        // to 50 ms): units that keep meeting, as many writers of one order
        // number do, spread out until each gets through.
        int cap = std::min(50'000, 500 << std::min(attempt, 7));
        std::uniform_int_distribution<int> wait(0, cap);
        std::this_thread::sleep_for(std::chrono::microseconds(wait(jitter)));
        continue;
      }
      end.error = std::current_exception();
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
