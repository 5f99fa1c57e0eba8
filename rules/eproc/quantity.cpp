#include "rules/eproc/quantity.hpp"

#include <algorithm>
#include <string>

#include "rules/eproc/text.hpp"

namespace og::rules::eproc {

std::variant<Decimal, Problem> check_quantity(std::string_view raw, const Limits& limits) {
  std::string_view q = text::trim(raw);
  if (q.empty()) return Problem{FaultReason::QuantityMissing, "the quantity is missing"};

  // Lexical form first: Decimal::parse cannot tell "too precise" from "not a number".
  std::string_view body = q;
  bool negative = false;
  if (body.front() == '+' || body.front() == '-') {
    negative = body.front() == '-';
    body.remove_prefix(1);
  }
  bool any_digit = false;
  bool nonzero = false;
  bool in_fraction = false;
  int fraction_digits = 0;  // significant: up to the last non-zero fraction digit
  int position = 0;
  for (char c : body) {
    if (c == '.' && !in_fraction) {
      in_fraction = true;
      continue;
    }
    if (!text::is_digit(c))
      return Problem{FaultReason::QuantityNotANumber, "the quantity " + text::quoted(q) + " is not a decimal number"};
    any_digit = true;
    if (c != '0') nonzero = true;
    if (in_fraction) {
      ++position;
      if (c != '0') fraction_digits = position;
    }
  }
  if (!any_digit)
    return Problem{FaultReason::QuantityNotANumber, "the quantity " + text::quoted(q) + " is not a decimal number"};
  if (negative || !nonzero)
    return Problem{FaultReason::QuantityNotPositive, "the quantity " + text::quoted(q) + " is not positive"};
  int max_decimals = std::clamp(limits.max_decimals, 0, Decimal::kScaleDigits);
  if (fraction_digits > max_decimals)
    return Problem{FaultReason::QuantityTooManyDecimals, "the quantity " + text::quoted(q) + " has " +
                                                             std::to_string(fraction_digits) + " decimals, at most " +
                                                             std::to_string(max_decimals) + " are accepted"};
  auto value = Decimal::parse(q);
  if (!value || *value > limits.max_quantity)
    return Problem{
        FaultReason::QuantityTooLarge,
        "the quantity " + text::quoted(q) + " is above the largest accepted, " + limits.max_quantity.to_string()};
  return *value;
}

}  // namespace og::rules::eproc
