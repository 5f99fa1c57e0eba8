// HTTP Basic credentials (srm::basic_credentials) from an Authorization
// header value. Input: the header value.
#include <openssl/evp.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "property.hpp"
#include "srm/basic_auth.hpp"

namespace {

std::string base64(std::string_view plain) {
  std::string out((plain.size() + 2) / 3 * 4 + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(plain.data()), static_cast<int>(plain.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto credentials = og::srm::basic_credentials(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!credentials) return 0;
  // RFC 7617: the user-id cannot contain a colon; the password may.
  FUZZ_PROPERTY(credentials->user.find(':') == std::string::npos);
  // What was read is what a client encoding these credentials would send.
  std::string encoded = base64(credentials->user + ":" + credentials->password);
  if (encoded.size() <= 1024) {
    auto again = og::srm::basic_credentials("Basic " + encoded);
    FUZZ_PROPERTY(again.has_value());
    FUZZ_PROPERTY(again->user == credentials->user);
    FUZZ_PROPERTY(again->password == credentials->password);
  }
  return 0;
}
