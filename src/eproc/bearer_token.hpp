// Bearer tokens of the JSON binding (POST /eprocurement/token): self-contained
// and HMAC-SHA256 signed, so checking one needs no store and no password hash.
//
//   ogt1.<base64url(expiry ":" client id)>.<base64url(HMAC-SHA256(key, everything before the last dot))>
//
// The key is random per process (a restart ends every token: clients ask for
// a new one with their Basic credentials, which they have anyway); the
// lifetime is an option of the endpoint (15 minutes by default). Times are
// passed in, so tests decide what "now" is.
#pragma once
#include <chrono>
#include <string>
#include <string_view>

namespace og::eproc {

class TokenIssuer {
 public:
  using Clock = std::chrono::system_clock;

  // A fresh random key.
  explicit TokenIssuer(std::chrono::seconds lifetime = std::chrono::minutes(15));
  // A given key (tests; several processes sharing one).
  TokenIssuer(std::string key, std::chrono::seconds lifetime);

  std::chrono::seconds lifetime() const { return lifetime_; }

  // A token for `client_id`, valid until now + lifetime.
  std::string issue(std::string_view client_id, Clock::time_point now) const;

  enum class Verdict { Valid, Malformed, BadSignature, Expired };
  struct Verified {
    Verdict verdict = Verdict::Malformed;
    std::string client_id;  // with Valid
  };
  Verified verify(std::string_view token, Clock::time_point now) const;

 private:
  std::string sign(std::string_view text) const;

  std::string key_;
  std::chrono::seconds lifetime_;
};

// base64url without padding (RFC 4648 section 5), and its strict reading:
// false for anything but the canonical encoding.
std::string base64url(std::string_view bytes);
bool from_base64url(std::string_view text, std::string& out);

}  // namespace og::eproc
