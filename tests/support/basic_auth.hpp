// The value of an HTTP Basic Authorization header, for tests that send one.
#pragma once
#include <string>

namespace og::test {

// "Basic " + base64("user:password").
std::string basic_authorization(const std::string& user_password);

}  // namespace og::test
