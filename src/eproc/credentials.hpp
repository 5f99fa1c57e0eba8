// The caller's credentials from an Authorization header: HTTP Basic (RFC 7617,
// client ID and password) or a bearer token (RFC 6750) from POST
// /eprocurement/token.
#pragma once
#include <string>
#include <string_view>
#include <variant>

namespace og::eproc {

struct NoCredentials {};  // absent, or a scheme or encoding we do not read
struct BasicCredentials {
  std::string user;
  std::string password;
};
struct BearerCredentials {
  std::string token;
};
using Credentials = std::variant<NoCredentials, BasicCredentials, BearerCredentials>;

Credentials read_credentials(std::string_view authorization);

}  // namespace og::eproc
