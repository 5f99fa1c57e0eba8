// HTTP Basic credentials (RFC 7617) from an Authorization header.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace og::srm {

struct BasicCredentials {
  std::string user;
  std::string password;
};

// nullopt when the header is absent, not Basic, or not base64 of "user:password".
std::optional<BasicCredentials> basic_credentials(std::string_view authorization);

}  // namespace og::srm
