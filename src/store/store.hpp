// Persistence behind small interfaces per domain (catalogue, Veloconnect
// transactions, SRM carts), reached through one unit of work that may span
// them. SQLite implements them for one instance; a PostgreSQL store
// implements the same for several instances on one database.
//
// Store work never runs on an event loop: read() and write() hand it to the
// store's own thread(s) and resume the calling coroutine on its executor. The
// promise "no answer before its commit" is a value, not thread state: each
// read or write raises the caller's Commit to the commit its result depends
// on, and durable(commit) says when that is on disk (or lost).
#pragma once
#include <cstdint>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "async/commit.hpp"
#include "async/task.hpp"
#include "store/cart_store.hpp"
#include "store/catalog_store.hpp"
#include "store/hub_store.hpp"
#include "store/receipt_store.hpp"
#include "store/sale_store.hpp"
#include "store/stock_store.hpp"
#include "store/transaction_store.hpp"

namespace og::store {

// A store failure (I/O, corruption, full disk). Nothing of the unit of work
// that saw it is kept.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Queries, inside or outside a unit of work.
// Catalogues and Veloconnect transactions belong to a seller: catalog(seller)
// and transactions(seller) see that seller's only; without an argument, the
// default seller's ("").
class ReadView {
 public:
  virtual ~ReadView() = default;
  virtual SellerReader& sellers() = 0;
  virtual CatalogReader& catalog(std::string_view seller) = 0;
  virtual TransactionReader& transactions(std::string_view seller) = 0;
  // Delivery notes, invoices and order confirmations (receipt-1.3).
  virtual ReceiptReader& receipts(std::string_view seller) = 0;
  CatalogReader& catalog() { return catalog(""); }
  TransactionReader& transactions() { return transactions(""); }
  virtual CartReader& carts() = 0;
  virtual HubReader& hub() = 0;
  virtual StockReader& stock(std::string_view seller) = 0;
  virtual SaleReader& sales(std::string_view seller) = 0;
};

// One atomic change: everything written through it commits together or not at all.
class UnitOfWork : public ReadView {
 public:
  SellerWriter& sellers() override = 0;
  CatalogWriter& catalog(std::string_view seller) override = 0;
  TransactionWriter& transactions(std::string_view seller) override = 0;
  ReceiptWriter& receipts(std::string_view seller) override = 0;
  CatalogWriter& catalog() { return catalog(""); }
  TransactionWriter& transactions() { return transactions(""); }
  CartWriter& carts() override = 0;
  HubWriter& hub() override = 0;
  StockWriter& stock(std::string_view seller) override = 0;
  SaleWriter& sales(std::string_view seller) override = 0;
};

// The commits a result depends on (async/commit.hpp).
using og::Commit;

struct Health {
  bool writable = true;  // the last commit (if any) reached the disk
  std::string problem;   // why not, for the operator ("" when writable)
  std::uint64_t commits = 0;
  std::uint64_t failed_commits = 0;
  std::uint64_t units = 0;  // units of work written (units / commits: how well commits are shared)
  // Units that lost to concurrent ones on the database too often and then
  // ran alone across every instance (PostgreSQL's gate; 0 on SQLite).
  std::uint64_t units_run_alone = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Runs `work(ReadView&)` against one consistent view on a store thread.
  // With GCC 12, never write a lambda that captures by value (a string, a
  // shared_ptr) inline in the co_await expression: GCC 12 destroys such
  // temporaries twice. Capture by reference, or name the lambda first.
  template <class F>
  auto read(Commit& seen, F work) -> Task<std::invoke_result_t<F&, ReadView&>> {
    return run<ReadView>(false, seen, std::move(work));
  }
  // Runs `work(UnitOfWork&)` as one unit of work: all of it is kept or none.
  // An exception from `work` takes back this unit only and reaches the
  // caller. Concurrent units may share one commit (group commit).
  template <class F>
  auto write(Commit& seen, F work) -> Task<std::invoke_result_t<F&, UnitOfWork&>> {
    return run<UnitOfWork>(true, seen, std::move(work));
  }
  // True once every commit in `seen` is durable (to the configured level);
  // false if one of them failed: then not all of it was kept.
  Task<bool> durable(Commit seen);

  // Blocking forms for start-up, the operator's commands and tests: never on
  // an event loop or a store thread. write_now returns once the unit is
  // durable and throws StoreError if it was lost.
  template <class F>
  auto read_now(F work) -> std::invoke_result_t<F&, ReadView&> {
    return run_now<ReadView>(false, std::move(work));
  }
  template <class F>
  auto write_now(F work) -> std::invoke_result_t<F&, UnitOfWork&> {
    return run_now<UnitOfWork>(true, std::move(work));
  }

  virtual Health health() const = 0;
  // Commits what is pending and ends the store thread(s); every durable()
  // still waiting is told. Nothing may be submitted afterwards.
  virtual void stop() = 0;
  // True when the store was created empty by this process (load demo data).
  virtual bool created() const = 0;

  // How a job ended, as the store thread reports it: the one commit it saw.
  struct JobEnd {
    std::exception_ptr error;
    std::uint64_t seen = 0;
  };
  using Job = std::function<void(UnitOfWork&)>;
  using JobDone = std::function<void(JobEnd)>;

 protected:
  // Runs `job` on a store thread (as a unit of work when `write`), then
  // `done` on that thread.
  virtual void submit(bool write, Job job, JobDone done) = 0;
  // `done(committed)` once `seen` ended: at once if it has, else later from a store thread.
  virtual void when_durable(Commit seen, std::function<void(bool committed)> done) = 0;
  // Whether `seen` ended (committed or not), without waiting: nullopt if not yet.
  virtual std::optional<bool> settled(Commit seen) const = 0;

 private:
  template <class View, class F>
  auto run(bool write, Commit& seen, F work) -> Task<std::invoke_result_t<F&, View&>> {
    using R = std::invoke_result_t<F&, View&>;
    using Value = std::conditional_t<std::is_void_v<R>, bool, R>;
    auto result = std::make_shared<std::optional<Value>>();
    Job job = [result, work = std::move(work)](UnitOfWork& uow) mutable {
      if constexpr (std::is_void_v<R>) {
        work(static_cast<View&>(uow));
        result->emplace(true);
      } else {
        result->emplace(work(static_cast<View&>(uow)));
      }
    };
    // Named, not temporaries of the co_await expression (GCC 12 destroys those twice).
    auto initiate = [this, write](auto handler, Job job) {
      auto resume = std::make_shared<decltype(handler)>(std::move(handler));
      // `end` moves along, never copied: the store thread keeps no reference
      // to the error (whose last release would otherwise race the waiter's).
      submit(write, std::move(job), [resume](JobEnd end) {
        auto ex = boost::asio::get_associated_executor(*resume);
        boost::asio::post(ex, [resume, end = std::move(end)]() mutable { std::move (*resume)(std::move(end)); });
      });
    };
    auto ended = boost::asio::async_initiate<const boost::asio::use_awaitable_t<>&, void(JobEnd)>(
        initiate, boost::asio::use_awaitable, std::move(job));
    JobEnd end = co_await std::move(ended);
    seen.include(end.seen);
    if (end.error) std::rethrow_exception(end.error);
    if constexpr (!std::is_void_v<R>) co_return std::move(**result);
  }

  template <class View, class F>
  auto run_now(bool write, F work) -> std::invoke_result_t<F&, View&> {
    using R = std::invoke_result_t<F&, View&>;
    using Value = std::conditional_t<std::is_void_v<R>, bool, R>;
    std::optional<Value> result;
    std::promise<JobEnd> ended;
    submit(
        write,
        [&](UnitOfWork& uow) {
          if constexpr (std::is_void_v<R>) {
            work(static_cast<View&>(uow));
            result.emplace(true);
          } else {
            result.emplace(work(static_cast<View&>(uow)));
          }
        },
        [&](JobEnd end) { ended.set_value(std::move(end)); });
    JobEnd end = ended.get_future().get();
    if (end.error) std::rethrow_exception(end.error);
    if (end.seen) {
      std::promise<bool> committed;
      when_durable(end.seen, [&](bool ok) { committed.set_value(ok); });
      if (!committed.get_future().get()) throw StoreError("commit failed: nothing of the unit of work was kept");
    }
    if constexpr (!std::is_void_v<R>) return std::move(*result);
  }
};

inline Task<bool> Store::durable(Commit seen) {
  if (auto done = settled(seen)) co_return *done;
  auto initiate = [this, seen](auto handler) {
    auto resume = std::make_shared<decltype(handler)>(std::move(handler));
    when_durable(seen, [resume](bool committed) {
      auto ex = boost::asio::get_associated_executor(*resume);
      boost::asio::post(ex, [resume, committed] { std::move (*resume)(committed); });
    });
  };
  auto ended = boost::asio::async_initiate<const boost::asio::use_awaitable_t<>&, void(bool)>(
      initiate, boost::asio::use_awaitable);
  co_return co_await std::move(ended);
}

}  // namespace og::store
