// An order as the JSON binding shows it: the answer of POST /eprocurement/orders
// and GET /eprocurement/orders/{reference}, and the body a client's callback
// receives (callback_binding "json"). Fields without a value are left out.
#pragma once
#include <string>

#include "model/eproc.hpp"

namespace og::eproc {

std::string order_json(const model::HubOrder& order);

}  // namespace og::eproc
