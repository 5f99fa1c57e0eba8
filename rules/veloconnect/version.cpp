#include "rules/veloconnect/version.hpp"

namespace og::rules::veloconnect {

namespace {
std::optional<Version> parse_version(std::string_view text) {
  auto dot = text.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == text.size() || text.size() > 9) return std::nullopt;
  Version v{0, 0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == dot) continue;
    char c = text[i];
    if (c < '0' || c > '9') return std::nullopt;
    int& part = i < dot ? v.major : v.minor;
    part = part * 10 + (c - '0');
  }
  return v;
}
}  // namespace

std::variant<Version, Obsolete> negotiate_version(std::optional<std::string_view> requested) {
  if (!requested) return kDefaultVersion;
  auto v = parse_version(*requested);
  if (!v) return kDefaultVersion;
  if (*v < kOldestVersion) return Obsolete{};
  if (*v > kNewestVersion) return kNewestVersion;
  return *v;
}

std::optional<Version> version_in_namespace(std::string_view ns) {
  auto dash = ns.rfind('-');
  if (dash == std::string_view::npos) return std::nullopt;
  return parse_version(ns.substr(dash + 1));
}

ProfileNs profile_namespace_for(Version v) {
  if (v >= Version{1, 6}) return ProfileNs::V1_6;
  if (v >= Version{1, 5}) return ProfileNs::V1_5;
  if (v >= Version{1, 4}) return ProfileNs::V1_4;
  return ProfileNs::V1_1;
}

CatalogNs catalog_namespace_for(Version) {
  return CatalogNs::V1_5;
}

TransactionNs get_status_namespace_for(Version v) {
  if (v >= Version{1, 6}) return TransactionNs::V1_6;
  if (v >= Version{1, 4}) return TransactionNs::V1_4;
  return TransactionNs::V1_0;
}

}  // namespace og::rules::veloconnect
