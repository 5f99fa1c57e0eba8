// Dealers' sale transmissions (Veloconnect sale-B2B-1.6 and sale-B2X-1.6), per
// seller: the transmission under its TransactionID and its lines. The instance itself
// (state, lifetime) is a transaction (transaction_store.hpp).
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "model/sale.hpp"

namespace og::store {

class SaleReader {
 public:
  virtual ~SaleReader() = default;
  virtual std::optional<model::SaleTransmission> sale_transmission(std::string_view buyer_id,
                                                                   std::string_view transaction_id) = 0;
  // Lines `offset` .. `offset + limit - 1` in the order sent, serial numbers included.
  virtual std::vector<model::SaleLine> sale_lines(std::string_view transaction_id, std::int64_t offset,
                                                  std::int64_t limit) = 0;
  // The same for a B2X transmission, quantities included.
  virtual std::vector<model::SaleB2XLine> sale_b2x_lines(std::string_view transaction_id, std::int64_t offset,
                                                         std::int64_t limit) = 0;
};

class SaleWriter : public SaleReader {
 public:
  virtual void insert_sale_transmission(const model::SaleTransmission& transmission,
                                        const std::vector<model::SaleLine>& lines) = 0;
  virtual void insert_sale_b2x_transmission(const model::SaleTransmission& transmission,
                                            const std::vector<model::SaleB2XLine>& lines) = 0;
};

}  // namespace og::store
