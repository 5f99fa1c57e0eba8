#include "core/ids.hpp"

#include "core/password.hpp"

namespace og::core {

std::string new_transaction_id() {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string raw = random_bytes(16);
  std::string out;
  out.reserve(32);
  for (unsigned char c : raw) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

}  // namespace og::core
