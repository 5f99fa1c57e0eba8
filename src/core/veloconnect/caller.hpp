// Who is asking: the envelope fields every Veloconnect request carries.
#pragma once
#include <string>

namespace og::core::veloconnect {

struct Caller {
  std::string seller;  // "" the default seller (model::Seller)
  std::string buyer_id;
  std::string password;
  bool is_test = false;
};

}  // namespace og::core::veloconnect
