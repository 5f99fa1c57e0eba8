// The quantity of a request line. It arrives as text (the SOAP binding's
// xsd:decimal, the JSON binding's number as written) and is judged here, so
// "too many decimals" and "not a number" are a line's fault with the others,
// not a failure of the whole message.
#pragma once
#include <string_view>
#include <variant>

#include "rules/common/decimal.hpp"
#include "rules/eproc/fault.hpp"
#include "rules/eproc/limits.hpp"

namespace og::rules::eproc {

// A positive decimal within the limits, or why not. Accepted: xsd:decimal's
// lexical form with surrounding whitespace ("5", "+5", "2.5", ".5", "5.");
// refused: exponents, thousands separators, a decimal comma (a decimal comma
// is ambiguous with a thousands separator, so it is not guessed).
// Checked in this order, so each quantity gets the most basic of its faults:
// missing, not a number, not positive, too many decimals, too large.
std::variant<Decimal, Problem> check_quantity(std::string_view text, const Limits& limits);

}  // namespace og::rules::eproc
