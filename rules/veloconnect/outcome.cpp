#include "rules/veloconnect/outcome.hpp"

namespace og::rules::veloconnect {

std::string_view describe(Outcome outcome) {
  switch (outcome) {
    case Outcome::Ok: return "OK";
    case Outcome::GeneralError: return "General error in request";
    case Outcome::NotSupported: return "Request is not supported";
    case Outcome::NotSchemaValid: return "Request is not schema-valid";
    case Outcome::ObsoleteVersion: return "The request is out of date";
    case Outcome::UnknownBuyer: return "Unknown BuyersID";
    case Outcome::AuthenticationFailed: return "Authentication failed";
    case Outcome::UnknownSeller: return "Unknown SellersID";
    case Outcome::UnknownTransaction: return "Unknown TransactionID";
    case Outcome::NoInstanceAvailable: return "No transaction instance available";
    case Outcome::WrongState: return "The request is not applicable to the current state of the transaction";
    case Outcome::TestMix: return "A change between test and non-test requests is not allowed within a transaction";
    case Outcome::InternalError: return "Internal server error";
  }
  return "Internal server error";
}

}  // namespace og::rules::veloconnect
