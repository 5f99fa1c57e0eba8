// Server-generated identifiers.
#pragma once
#include <string>

namespace og::core {

// 128 random bits as 32 lowercase hex digits: unguessable, so one buyer can
// never reach another's transaction by trying IDs.
std::string new_transaction_id();

// A random (version 4) UUID, lowercase with dashes.
std::string new_uuid();

}  // namespace og::core
