#include "core/ids.hpp"

#include <cstdio>

#include "core/auth/password.hpp"

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

std::string new_uuid() {
  std::string b = random_bytes(16);
  b[6] = static_cast<char>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<char>((b[8] & 0x3F) | 0x80);
  std::string out;
  char hex[3];
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    std::snprintf(hex, sizeof hex, "%02x", static_cast<unsigned char>(b[i]));
    out += hex;
  }
  return out;
}

}  // namespace og::core
