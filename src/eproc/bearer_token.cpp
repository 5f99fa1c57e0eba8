#include "eproc/bearer_token.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <array>
#include <charconv>
#include <stdexcept>

namespace og::eproc {

namespace {

constexpr std::string_view kPrefix = "ogt1.";
constexpr std::size_t kMaxToken = 2048;
constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int digit_of(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

}  // namespace

std::string base64url(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  auto byte = [&](std::size_t at) { return static_cast<unsigned>(static_cast<unsigned char>(bytes[at])); };
  for (; i + 3 <= bytes.size(); i += 3) {
    unsigned v = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
    for (int shift : {18, 12, 6, 0}) out += kAlphabet[(v >> shift) & 63];
  }
  if (bytes.size() - i == 1) {
    unsigned v = byte(i) << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
  } else if (bytes.size() - i == 2) {
    unsigned v = byte(i) << 16 | byte(i + 1) << 8;
    for (int shift : {18, 12, 6}) out += kAlphabet[(v >> shift) & 63];
  }
  return out;
}

bool from_base64url(std::string_view text, std::string& out) {
  out.clear();
  if (text.size() % 4 == 1) return false;
  unsigned acc = 0;
  int bits = 0;
  for (char c : text) {
    int d = digit_of(c);
    if (d < 0) return false;
    acc = (acc << 6) | static_cast<unsigned>(d);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xff);
    }
  }
  // Canonical only: the unused low bits of the last digit are zero, so every
  // byte string has exactly one spelling (no malleable tokens).
  return (acc & ((1u << bits) - 1)) == 0;
}

TokenIssuer::TokenIssuer(std::chrono::seconds lifetime) : lifetime_(lifetime) {
  std::array<unsigned char, 32> key{};
  if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1)
    throw std::runtime_error("no random bytes for the token key");
  key_.assign(reinterpret_cast<const char*>(key.data()), key.size());
}

TokenIssuer::TokenIssuer(std::string key, std::chrono::seconds lifetime) : key_(std::move(key)), lifetime_(lifetime) {}

std::string TokenIssuer::sign(std::string_view text) const {
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int length = 0;
  if (!HMAC(EVP_sha256(), key_.data(), static_cast<int>(key_.size()),
            reinterpret_cast<const unsigned char*>(text.data()), text.size(), mac.data(), &length))
    throw std::runtime_error("HMAC-SHA256 failed");
  return std::string(reinterpret_cast<const char*>(mac.data()), length);
}

std::string TokenIssuer::issue(std::string_view client_id, Clock::time_point now) const {
  auto expiry = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()) + lifetime_;
  std::string payload = std::to_string(expiry.count()) + ":" + std::string(client_id);
  std::string signed_part = std::string(kPrefix) + base64url(payload);
  return signed_part + "." + base64url(sign(signed_part));
}

TokenIssuer::Verified TokenIssuer::verify(std::string_view token, Clock::time_point now) const {
  Verified out;
  if (token.size() > kMaxToken || !token.starts_with(kPrefix)) return out;
  auto dot = token.rfind('.');
  if (dot < kPrefix.size()) return out;
  std::string_view signed_part = token.substr(0, dot);
  std::string mac;
  std::string payload;
  if (!from_base64url(token.substr(dot + 1), mac) || !from_base64url(signed_part.substr(kPrefix.size()), payload))
    return out;
  if (mac.size() != 32) return out;  // not an HMAC-SHA256 at all
  std::string expected = sign(signed_part);
  if (mac.size() != expected.size() || CRYPTO_memcmp(mac.data(), expected.data(), mac.size()) != 0) {
    out.verdict = Verdict::BadSignature;
    return out;
  }
  // Signed by us: the payload is what issue() wrote.
  auto colon = payload.find(':');
  long long expiry = 0;
  if (colon == std::string::npos ||
      std::from_chars(payload.data(), payload.data() + colon, expiry).ptr != payload.data() + colon)
    return out;
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  if (seconds >= expiry) {
    out.verdict = Verdict::Expired;
    return out;
  }
  out.verdict = Verdict::Valid;
  out.client_id = payload.substr(colon + 1);
  return out;
}

}  // namespace og::eproc
