// The contract files (wsdl/, xsd/) embedded at build time.
#pragma once
#include <span>
#include <string_view>

namespace og::contracts {
struct Entry {
  std::string_view name;
  std::string_view bytes;
};
std::span<const Entry> all();
}  // namespace og::contracts
