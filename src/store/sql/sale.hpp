// Dealers' sale transmissions (SQLite migration 12's sale_transmissions,
// sale_lines and sale_serial_numbers; migration 14's B2X lines, sale_b2x.cpp;
// PostgreSQL schema version 2) on a store's connection: the same statements
// for SQLite and PostgreSQL.
#pragma once
#include <string>

#include "store/sale_store.hpp"
#include "store/sql/db.hpp"

namespace og::store::sql {

class SqlSales final : public SaleWriter {
 public:
  SqlSales(Db& db, std::string seller) : db_(db), seller_(std::move(seller)) {}

  std::optional<model::SaleTransmission> sale_transmission(std::string_view buyer_id,
                                                           std::string_view transaction_id) override;
  std::vector<model::SaleLine> sale_lines(std::string_view transaction_id, std::int64_t offset,
                                          std::int64_t limit) override;
  std::vector<model::SaleB2XLine> sale_b2x_lines(std::string_view transaction_id, std::int64_t offset,
                                                 std::int64_t limit) override;
  void insert_sale_transmission(const model::SaleTransmission& transmission,
                                const std::vector<model::SaleLine>& lines) override;
  void insert_sale_b2x_transmission(const model::SaleTransmission& transmission,
                                    const std::vector<model::SaleB2XLine>& lines) override;

 private:
  void insert_header(const model::SaleTransmission& transmission);

  Db& db_;
  std::string seller_;
};

}  // namespace og::store::sql
