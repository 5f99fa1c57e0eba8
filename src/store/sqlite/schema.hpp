// The SQLite schema as an ordered list of migrations; PRAGMA user_version
// records how many have run.
#pragma once
#include <span>

namespace og::store::sqlite {

std::span<const char* const> migrations();

}  // namespace og::store::sqlite
