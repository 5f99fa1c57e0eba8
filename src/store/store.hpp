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
  virtual void put_replacement(std::string_view item_id, std::string_view replacement_id, int position) = 0;

  CartWriter& carts() override = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  // Runs `work` against one consistent view of the data.
  virtual void read(const std::function<void(Reader&)>& work) = 0;
  // Runs `work` in one transaction and commits it; an exception from `work`
  // rolls everything back and propagates. Returns after the commit is durable
  // to the configured level.
  virtual void write(const std::function<void(UnitOfWork&)>& work) = 0;
  // True when the store was created empty by this process (load demo data).
  virtual bool created() const = 0;
};

}  // namespace og::store
