// Dealers' stock transmissions (the migration's stock_transmissions and
// stock_lines) on the store's connection.
#pragma once
#include <string>

#include "store/stock_store.hpp"

namespace og::store::sqlite {

class Connection;

class SqliteStock final : public StockWriter {
 public:
  SqliteStock(Connection& db, std::string seller) : db_(db), seller_(std::move(seller)) {}

  std::optional<model::StockTransmission> transmission(std::string_view buyer_id,
                                                       std::string_view transaction_id) override;
  std::vector<model::StockLine> lines(std::string_view transaction_id, std::int64_t offset,
                                      std::int64_t limit) override;
  bool carries(const model::StockLine& line) override;
  void insert_transmission(const model::StockTransmission& transmission,
                           const std::vector<model::StockLine>& lines) override;

 private:
  Connection& db_;
  std::string seller_;
};

}  // namespace og::store::sqlite
