// Protocol versions: the URL binding's `version` parameter and the version in a
// request's namespace. The server answers with the newest version it supports
// that is not newer than the one requested; without one it behaves as 1.1.
#pragma once
#include <compare>
#include <optional>
#include <string_view>
#include <variant>

namespace og::rules::veloconnect {

struct Version {
  int major = 1;
  int minor = 1;
  friend constexpr auto operator<=>(Version, Version) = default;
};

inline constexpr Version kDefaultVersion{1, 1};
inline constexpr Version kOldestVersion{1, 0};
inline constexpr Version kNewestVersion{1, 6};

struct Obsolete {};

// "1.4" -> 1.4. Invalid text is ignored (the default applies); a valid version
// older than 1.0 is obsolete (406); a newer one than we know is capped.
std::variant<Version, Obsolete> negotiate_version(std::optional<std::string_view> requested);

// The version in a namespace such as "urn:veloconnect:profile-1.4", if any.
std::optional<Version> version_in_namespace(std::string_view ns);

// Which module namespace to answer in for a version (negotiated, or named by
// the request's namespace). Answers use only namespaces the official XSD set
// declares: the newest declared version not newer than `v`, else the oldest
// declared one. Profile: 1.1, 1.4, 1.5, 1.6. Catalog: 1.5 only (a catalog-1.1
// request is answered in 1.5: clients that read 1.1 read 1.5, the reverse is
// what an XSD-generated client cannot do). Transaction: 1.0, 1.4, 1.6, but the
// later two declare GetStatus only, so everything else stays in 1.0.
enum class ProfileNs { V1_1, V1_4, V1_5, V1_6 };
enum class CatalogNs { V1_5 };
enum class TransactionNs { V1_0, V1_4, V1_6 };
ProfileNs profile_namespace_for(Version v);
CatalogNs catalog_namespace_for(Version v);
TransactionNs get_status_namespace_for(Version v);

}  // namespace og::rules::veloconnect
