#include "veloconnect/response_code.hpp"

namespace og::veloconnect {

int response_code(rules::veloconnect::Outcome outcome) {
  using rules::veloconnect::Outcome;
  switch (outcome) {
    case Outcome::Ok: return 200;
    case Outcome::GeneralError: return 400;
    case Outcome::NotSupported: return 404;
    case Outcome::NotSchemaValid: return 405;
    case Outcome::ObsoleteVersion: return 406;
    case Outcome::UnknownBuyer: return 410;
    case Outcome::AuthenticationFailed: return 411;
    case Outcome::UnknownSeller: return 415;
    case Outcome::UnknownTransaction: return 420;
    case Outcome::NoInstanceAvailable: return 421;
    case Outcome::WrongState: return 430;
    case Outcome::TestMix: return 435;
    case Outcome::InternalError: return 500;
  }
  return 500;
}

}  // namespace og::veloconnect
