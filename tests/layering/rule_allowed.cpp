// Control: a rule may include other rules and the standard library.
#include <string>

#include "rules/common/decimal.hpp"
#include "rules/veloconnect/transaction_rules.hpp"
