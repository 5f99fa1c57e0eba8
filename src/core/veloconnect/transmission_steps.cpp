#include "core/veloconnect/transmission_steps.hpp"

namespace og::core::veloconnect {

std::optional<Failure> too_many_lines(std::size_t sent, const StockLimits& limits, std::string_view what) {
  if (static_cast<std::int64_t>(sent) <= limits.max_lines) return std::nullopt;
  return Failure{rules::veloconnect::Outcome::GeneralError,
                 "at most " + std::to_string(limits.max_lines) + " lines per " + std::string(what) + " (" +
                     std::to_string(sent) + " sent)",
                 std::nullopt};
}

}  // namespace og::core::veloconnect
