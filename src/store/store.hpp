// Persistence behind small interfaces. SQLite implements them for one instance;
// a PostgreSQL store implements the same for several instances on one database.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "store/carts.hpp"
#include "store/records.hpp"

namespace og::store {

// A store failure (I/O, corruption, full disk). Callers answer "internal error"
// and nothing of the unit of work is kept.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Queries that are valid inside and outside a unit of work.
class Reader {
 public:
  virtual ~Reader() = default;
  virtual std::optional<BuyerRecord> buyer(std::string_view id) = 0;
  virtual std::optional<ItemRecord> item(std::string_view id) = 0;
  virtual std::vector<std::string> replacements(std::string_view item_id) = 0;
  // Items whose number or description contains every term (case-insensitive).
  virtual std::int64_t count_items_matching(const std::vector<std::string>& terms) = 0;
  virtual std::vector<ItemRecord> items_matching(const std::vector<std::string>& terms, std::int64_t offset,
                                                 std::int64_t limit) = 0;
  virtual std::optional<TransactionRecord> transaction(std::string_view buyer_id, std::string_view id) = 0;
  virtual std::vector<LineRecord> lines(std::string_view transaction_id) = 0;
  virtual std::vector<TransactionRecord> open_transactions(std::string_view buyer_id) = 0;
  virtual std::int64_t count_open_transactions(std::string_view buyer_id) = 0;
  virtual CartReader& carts() = 0;
};

// One atomic change: everything written through it commits together or not at all.
class UnitOfWork : public Reader {
 public:
  virtual void insert_transaction(const TransactionRecord& record) = 0;
  virtual void update_transaction(const TransactionRecord& record) = 0;
  virtual void put_line(std::string_view transaction_id, const LineRecord& line) = 0;
  virtual void remove_line(std::string_view transaction_id, std::string_view item_id) = 0;
  // Assigns the next order number and returns the order's ID.
  virtual std::string insert_order(const OrderRecord& order) = 0;

  // Master data (demo data, imports, benchmarks).
  virtual void put_buyer(const BuyerRecord& buyer) = 0;
  virtual void put_item(const ItemRecord& item) = 0;
  // Many items at once: `next` fills in one item and returns true, until it
  // returns false. Cheaper per item than put_item (the search index is built
  // once at the end, not per item).
  virtual void put_items(const std::function<bool(ItemRecord&)>& next) = 0;
  virtual void put_replacement(std::string_view item_id, std::string_view replacement_id, int position) = 0;

  CartWriter& carts() override = 0;
};

// Where a deferred request stands once it has been handled (Store::settle).
enum class Settled {
  Committed,  // everything it read or wrote is durable: answer now
  Lost,       // a commit it depends on failed: nothing it wrote was kept
  Pending,    // the callback passed to settle() will tell
};

class Store {
 public:
  virtual ~Store() = default;
  // Runs `work` against one consistent view of the data.
  virtual void read(const std::function<void(Reader&)>& work) = 0;
  // Runs `work` as one unit of work: all of it is kept or none. An exception
  // from `work` takes back this unit only and propagates. Concurrent units
  // may commit together (group commit). Outside a deferral, returns after the
  // commit is durable to the configured level (throws StoreError if it
  // failed); inside one, as soon as the unit is applied.
  virtual void write(const std::function<void(UnitOfWork&)>& work) = 0;

  // Deferred durability for one request on one thread, so that a worker
  // thread need not sit idle while a commit is written. Between defer() and
  // settle() on the same thread, read() and write() do not wait for commits
  // (later reads see the applied units at once). settle() then says whether
  // everything the request read or wrote is durable; on Pending it calls
  // `later(committed)` once, from another thread. The caller must not send
  // an answer before: that is what makes an answer a promise.
  virtual void defer() = 0;
  virtual Settled settle(std::function<void(bool committed)> later) = 0;
  // Commits what is pending and returns once every settle() callback for it
  // has run (a stopping server calls it before its event loops go away).
  virtual void flush() = 0;
  // True when the store was created empty by this process (load demo data).
  virtual bool created() const = 0;
};

}  // namespace og::store
