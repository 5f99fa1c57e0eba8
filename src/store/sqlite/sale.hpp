// Dealers' sale transmissions (migration 12's sale_transmissions, sale_lines
// and sale_serial_numbers) on the store's connection.
#pragma once
#include <string>

#include "store/sale_store.hpp"

namespace og::store::sqlite {

class Connection;

class SqliteSales final : public SaleWriter {
 public:
  SqliteSales(Connection& db, std::string seller) : db_(db), seller_(std::move(seller)) {}

  std::optional<model::SaleTransmission> sale_transmission(std::string_view buyer_id,
                                                           std::string_view transaction_id) override;
  std::vector<model::SaleLine> sale_lines(std::string_view transaction_id, std::int64_t offset,
                                          std::int64_t limit) override;
  void insert_sale_transmission(const model::SaleTransmission& transmission,
                                const std::vector<model::SaleLine>& lines) override;

 private:
  Connection& db_;
  std::string seller_;
};

}  // namespace og::store::sqlite
