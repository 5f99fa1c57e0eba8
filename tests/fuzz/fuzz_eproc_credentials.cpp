// The e-procurement hub's Authorization header: read_credentials (HTTP Basic
// or a bearer token), then TokenIssuer::verify of a bearer token, as
// Endpoint::authenticate does. Input: the header value.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "eproc/bearer_token.hpp"
#include "eproc/credentials.hpp"
#include "property.hpp"

namespace {

using og::eproc::TokenIssuer;

const TokenIssuer& issuer() {
  static const TokenIssuer t(std::string(32, 'k'), std::chrono::minutes(15));
  return t;
}

const TokenIssuer::Clock::time_point kNow{std::chrono::seconds(1'800'000'000)};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view header(reinterpret_cast<const char*>(data), size);
  auto credentials = og::eproc::read_credentials(header);
  if (auto* basic = std::get_if<og::eproc::BasicCredentials>(&credentials)) {
    // RFC 7617: the user-id cannot contain a colon.
    FUZZ_PROPERTY(basic->user.find(':') == std::string::npos);
  } else if (auto* bearer = std::get_if<og::eproc::BearerCredentials>(&credentials)) {
    FUZZ_PROPERTY(!bearer->token.empty());
    auto verified = issuer().verify(bearer->token, kNow);
    // Only the issuer's own tokens verify; nothing else comes back with a client.
    if (verified.verdict != TokenIssuer::Verdict::Valid) FUZZ_PROPERTY(verified.client_id.empty());
  }
  // The raw bytes as a token too (a client may send anything after "Bearer ").
  auto raw = issuer().verify(header, kNow);
  if (raw.verdict != TokenIssuer::Verdict::Valid) FUZZ_PROPERTY(raw.client_id.empty());
  // A token issued for the bytes as a client id verifies to that id.
  if (size <= 256) {
    std::string token = issuer().issue(header, kNow);
    auto back = issuer().verify(token, kNow);
    FUZZ_PROPERTY(back.verdict == TokenIssuer::Verdict::Valid);
    FUZZ_PROPERTY(back.client_id == header);
    FUZZ_PROPERTY(issuer().verify(token, kNow + issuer().lifetime() + std::chrono::seconds(1)).verdict ==
                  TokenIssuer::Verdict::Expired);
    auto read = og::eproc::read_credentials("Bearer " + token);
    auto* as_bearer = std::get_if<og::eproc::BearerCredentials>(&read);
    FUZZ_PROPERTY(as_bearer != nullptr && as_bearer->token == token);
  }
  return 0;
}
