// Password storage: PBKDF2-HMAC-SHA256 with a per-buyer salt.
#pragma once
#include <string>
#include <string_view>

namespace og::core {

inline constexpr int kPasswordIterations = 50'000;

std::string random_bytes(std::size_t n);
std::string hash_password(std::string_view password, std::string_view salt, int iterations);
// Constant-time comparison.
bool equal_secrets(std::string_view a, std::string_view b);

}  // namespace og::core
