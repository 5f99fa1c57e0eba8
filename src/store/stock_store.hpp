// Dealers' stock transmissions (Veloconnect stock-B2B/B2C-1.4), per seller:
// the transmission under its TransactionID and its lines. The instance itself
// (state, lifetime) is a transaction (transaction_store.hpp).
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "model/stock.hpp"

namespace og::store {

class StockReader {
 public:
  virtual ~StockReader() = default;
  virtual std::optional<model::StockTransmission> transmission(std::string_view buyer_id,
                                                               std::string_view transaction_id) = 0;
  // Lines `offset` .. `offset + limit - 1` in the order sent.
  virtual std::vector<model::StockLine> lines(std::string_view transaction_id, std::int64_t offset,
                                              std::int64_t limit) = 0;
  // Whether the seller carries the item a line names: by the seller's item
  // number (B2B), else by EAN, else by manufacturer item number (and the
  // manufacturer's name when the line gives one).
  virtual bool carries(const model::StockLine& line) = 0;
};

class StockWriter : public StockReader {
 public:
  virtual void insert_transmission(const model::StockTransmission& transmission,
                                   const std::vector<model::StockLine>& lines) = 0;
};

}  // namespace og::store
