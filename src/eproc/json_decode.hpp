// The JSON binding's requests, read with nlohmann-json and checked against the
// rules of wsdl/eprocurement-openapi.json:
//   - the body is one JSON object (else malformed-json / invalid-request);
//   - the fields the schema names, of the types it names; an unknown field is
//     an error (a typo such as "quantiy" must not pass silently); null is
//     "not sent" (many serialisers write every field);
//   - quantity is a number (read by value: its shortest round-trip decimal
//     form, so 2.5 is "2.5" and 1e3 is "1000") or a string (read as written);
//   - requests/items: an array. More elements than Limits::max_lines is the
//     validation fault too-many-lines (the schema's maxItems), and the lines
//     are not examined.
// The schema's value rules (minItems, maxLength, the quantity's range and
// decimals, one way of describing the product) are the hub's validation
// (rules/eproc): they come back as validation faults naming each request,
// all of them at once, with the same codes in both bindings.
#pragma once
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "rules/eproc/batch_validation.hpp"
#include "rules/eproc/fault.hpp"
#include "rules/eproc/limits.hpp"

namespace og::eproc {

// Where the body does not follow the schema: a JSON Pointer (RFC 6901) into
// the body and what is wrong there.
struct SchemaError {
  std::string pointer;
  std::string detail;
};

struct JsonProblem {
  enum class Kind {
    Malformed,  // not JSON: detail says where
    Invalid,    // JSON, not following the schema: errors
    Refused,    // too many lines: faults
  };
  Kind kind;
  std::string detail;
  std::vector<SchemaError> errors;
  std::vector<rules::eproc::Fault> faults;
};

// At most this many schema errors are listed (the rest are not looked for).
inline constexpr std::size_t kMaxSchemaErrors = 50;

std::variant<std::vector<rules::eproc::RequestLine>, JsonProblem> decode_availability(
    std::string_view body, const rules::eproc::Limits& limits);
std::variant<rules::eproc::OrderRequest, JsonProblem> decode_order(std::string_view body,
                                                                   const rules::eproc::Limits& limits);

// A JSON number's value as decimal text (shortest round trip, never an
// exponent): 2.5 -> "2.5", 1e3 -> "1000", 1e-7 -> "0.0000001".
std::string decimal_text(double value);

}  // namespace og::eproc
