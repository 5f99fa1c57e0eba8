// JSON text of a value built by this face: compact, and never throwing on
// text that is not UTF-8 (a provider's message may not be): such bytes
// become U+FFFD.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace og::eproc {

inline std::string json_text(const nlohmann::ordered_json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace og::eproc
