// application/x-www-form-urlencoded parameters (URL binding: query string of a
// GET or body of a POST). Names compare case-insensitively; order is kept.
#pragma once
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace og::message {

struct FormField {
  std::string name;
  std::string value;
};

class UrlForm {
 public:
  // Malformed percent escapes are kept literally; bytes that are not UTF-8
  // are read as ISO-8859-1 (older shop systems encode that way). At most
  // `max_fields` fields are read; truncated() tells whether there were more.
  static UrlForm parse(std::string_view encoded, std::size_t max_fields = std::numeric_limits<std::size_t>::max());

  std::optional<std::string> get(std::string_view name) const;  // first match
  std::vector<std::string> all(std::string_view name) const;
  const std::vector<FormField>& fields() const { return fields_; }
  bool truncated() const { return truncated_; }

 private:
  std::vector<FormField> fields_;
  bool truncated_ = false;
};

bool iequals(std::string_view a, std::string_view b);
// Without surrounding XML whitespace (space, tab, CR, LF).
std::string trim(std::string_view text);
bool istarts_with(std::string_view text, std::string_view prefix);
std::string latin1_to_utf8_if_needed(std::string text);

}  // namespace og::message
