// A store's per-seller tables: made on first use and kept (a few bytes each;
// the statements are the connection's), so both engines' units of work find
// a seller's tables the same way.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace og::store::sql {

template <class T>
using PerSeller = std::map<std::string, std::unique_ptr<T>, std::less<>>;

// The seller's tables in `tables`, made by `make(seller)` when missing.
template <class T, class Make>
T& per_seller(PerSeller<T>& tables, std::string_view seller, Make make) {
  auto it = tables.find(seller);
  if (it == tables.end()) it = tables.emplace(std::string(seller), make(std::string(seller))).first;
  return *it->second;
}

}  // namespace og::store::sql
