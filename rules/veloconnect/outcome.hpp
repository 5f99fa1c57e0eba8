// Every outcome a Veloconnect request can have. The face maps these to the
// wire's ResponseCode in exactly one place (src/veloconnect/response_code.cpp).
#pragma once
#include <string_view>

namespace og::rules::veloconnect {

enum class Outcome {
  Ok,                    // 200
  GeneralError,          // 400
  NotSupported,          // 404
  NotSchemaValid,        // 405
  ObsoleteVersion,       // 406
  UnknownBuyer,          // 410
  AuthenticationFailed,  // 411
  UnknownSeller,         // 415
  UnknownTransaction,    // 420
  NoInstanceAvailable,   // 421
  WrongState,            // 430
  TestMix,               // 435
  InternalError,         // 500
};

// The standard's wording, used when a more specific message is not known.
std::string_view describe(Outcome outcome);

}  // namespace og::rules::veloconnect
