#include "srm/basic_auth.hpp"

#include <openssl/evp.h>

#include "message/url_form.hpp"

namespace og::srm {

std::optional<BasicCredentials> basic_credentials(std::string_view authorization) {
  std::string header = message::trim(authorization);
  if (header.size() < 6 || !message::iequals(std::string_view(header).substr(0, 6), "Basic ")) return std::nullopt;
  std::string encoded = message::trim(std::string_view(header).substr(6));
  if (encoded.empty() || encoded.size() % 4 != 0 || encoded.size() > 1024) return std::nullopt;
  // Base64 pads with at most two '=', only at the end. EVP_DecodeBlock reads
  // '=' anywhere as a zero digit, so check that here.
  std::size_t padding = encoded.size() - (encoded.find_last_not_of('=') + 1);
  if (padding > 2 || encoded.find('=') < encoded.size() - padding) return std::nullopt;
  std::string decoded(encoded.size() / 4 * 3, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(decoded.data()),
                          reinterpret_cast<const unsigned char*>(encoded.data()), static_cast<int>(encoded.size()));
  if (n < 0) return std::nullopt;
  // EVP_DecodeBlock counts the padding as zero bytes.
  decoded.resize(static_cast<std::size_t>(n) - padding);
  auto colon = decoded.find(':');
  if (colon == std::string::npos) return std::nullopt;
  return BasicCredentials{decoded.substr(0, colon), decoded.substr(colon + 1)};
}

}  // namespace og::srm
