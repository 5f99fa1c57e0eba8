// Dealers' stock transmissions (stock_transmissions and stock_lines: SQLite
// migration 11, PostgreSQL schema version 2) on a store's connection: the
// same statements for SQLite and PostgreSQL.
#pragma once
#include <string>

#include "store/sql/db.hpp"
#include "store/stock_store.hpp"

namespace og::store::sql {

class SqlStock final : public StockWriter {
 public:
  SqlStock(Db& db, std::string seller) : db_(db), seller_(std::move(seller)) {}

  std::optional<model::StockTransmission> transmission(std::string_view buyer_id,
                                                       std::string_view transaction_id) override;
  std::vector<model::StockLine> lines(std::string_view transaction_id, std::int64_t offset,
                                      std::int64_t limit) override;
  bool carries(const model::StockLine& line) override;
  void insert_transmission(const model::StockTransmission& transmission,
                           const std::vector<model::StockLine>& lines) override;

 private:
  Db& db_;
  std::string seller_;
};

}  // namespace og::store::sql
