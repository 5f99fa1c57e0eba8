// SRM requests for tests: SOAP envelopes around the SAP SE/Global messages,
// sent with HTTP Basic authentication.
#pragma once
#include <string>

#include "support/http_client.hpp"

namespace og::test::srm {

inline const std::string kPath = "/srm/InternalRequest";

// The message in a SOAP 1.1 (or 1.2) envelope.
std::string envelope(const std::string& message, bool soap12 = false);
// <glob:ROOT><MessageHeader .../>INNER</glob:ROOT>, with `uuid` in the header when given.
std::string message(const std::string& root, const std::string& inner, const std::string& uuid = "");

// The InternalRequest/ID of a confirmation ("" when it has none).
std::string cart_id(const std::string& answer);

std::string read_request(const std::string& cart_id);
std::string release_request(const std::string& cart_id, const std::string& change_state_id,
                            const std::string& uuid = "");
std::string cancel_request(const std::string& cart_id, const std::string& uuid = "");
// A consistent cart: P-1000 2 EA and a free-text desk lamp.
std::string create_request(const std::string& uuid = "");

// POSTs with srm-user/srm-pass unless `user_password` says otherwise ("" = no header).
HttpReply post(HttpClient& client, const std::string& body, const std::string& user_password = "srm-user:srm-pass",
               bool soap12 = false);

}  // namespace og::test::srm
