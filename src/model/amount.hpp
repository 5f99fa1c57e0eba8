// An amount with its currency, as UBL's PriceAmountType carries it.
#pragma once
#include <string>

#include "rules/common/decimal.hpp"

namespace og::model {

struct Amount {
  rules::Decimal amount;
  std::string currency;
  friend bool operator==(const Amount&, const Amount&) = default;
};

}  // namespace og::model
