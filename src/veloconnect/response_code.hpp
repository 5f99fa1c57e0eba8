// The one place where outcomes become Veloconnect ResponseCodes.
#pragma once
#include "rules/veloconnect/outcome.hpp"

namespace og::veloconnect {

int response_code(rules::veloconnect::Outcome outcome);

}  // namespace og::veloconnect
