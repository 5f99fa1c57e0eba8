// Control: what a face may include compiles with its flags.
#include "core/context.hpp"
#include "core/veloconnect/order_transactions.hpp"
#include "http/exchange.hpp"
#include "message/xml_reader.hpp"
#include "model/veloconnect.hpp"
#include "rules/veloconnect/outcome.hpp"
