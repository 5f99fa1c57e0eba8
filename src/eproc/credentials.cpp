#include "eproc/credentials.hpp"

#include <openssl/evp.h>

#include "message/url_form.hpp"

namespace og::eproc {

namespace {

Credentials basic(std::string_view encoded_view) {
  std::string encoded = message::trim(encoded_view);
  if (encoded.empty() || encoded.size() % 4 != 0 || encoded.size() > 1024) return NoCredentials{};
  // Base64 pads with at most two '=', only at the end; EVP_DecodeBlock would
  // read '=' anywhere as a zero digit.
  std::size_t padding = encoded.size() - (encoded.find_last_not_of('=') + 1);
  if (padding > 2 || encoded.find('=') < encoded.size() - padding) return NoCredentials{};
  std::string decoded(encoded.size() / 4 * 3, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(decoded.data()),
                          reinterpret_cast<const unsigned char*>(encoded.data()), static_cast<int>(encoded.size()));
  if (n < 0 || static_cast<std::size_t>(n) < padding) return NoCredentials{};
  decoded.resize(static_cast<std::size_t>(n) - padding);
  auto colon = decoded.find(':');
  if (colon == std::string::npos) return NoCredentials{};
  return BasicCredentials{decoded.substr(0, colon), decoded.substr(colon + 1)};
}

}  // namespace

Credentials read_credentials(std::string_view authorization) {
  std::string header = message::trim(authorization);
  std::string_view h = header;
  if (h.size() > 6 && message::iequals(h.substr(0, 6), "Basic ")) return basic(h.substr(6));
  if (h.size() > 7 && message::iequals(h.substr(0, 7), "Bearer ")) {
    std::string token = message::trim(h.substr(7));
    if (token.empty() || token.size() > 4096) return NoCredentials{};
    return BearerCredentials{std::move(token)};
  }
  return NoCredentials{};
}

}  // namespace og::eproc
