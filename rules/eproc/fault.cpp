#include "rules/eproc/fault.hpp"

namespace og::rules::eproc {

namespace {
using R = FaultReason;
constexpr FaultReason kAll[] = {
    R::EmptyBatch,
    R::TooManyLines,
    R::BadClientReference,
    R::NoDescription,
    R::SeveralDescriptions,
    R::IncompleteDescription,
    R::EmptyDescriptionPart,
    R::DescriptionPartTooLong,
    R::BadEan,
    R::QuantityMissing,
    R::QuantityNotANumber,
    R::QuantityNotPositive,
    R::QuantityTooManyDecimals,
    R::QuantityTooLarge,
    R::ProviderRequired,
    R::UnknownProvider,
    R::NoAccess,
    R::DescriptionNotUnderstood,
    R::NoRelevantProvider,
    R::DuplicateLine,
};
}  // namespace

std::span<const FaultReason> all_fault_reasons() {
  return kAll;
}

std::string_view to_string_view(FaultReason reason) {
  switch (reason) {
    case R::EmptyBatch: return "empty-batch";
    case R::TooManyLines: return "too-many-lines";
    case R::BadClientReference: return "bad-client-reference";
    case R::NoDescription: return "no-description";
    case R::SeveralDescriptions: return "several-descriptions";
    case R::IncompleteDescription: return "incomplete-description";
    case R::EmptyDescriptionPart: return "empty-description-part";
    case R::DescriptionPartTooLong: return "description-part-too-long";
    case R::BadEan: return "bad-ean";
    case R::QuantityMissing: return "quantity-missing";
    case R::QuantityNotANumber: return "quantity-not-a-number";
    case R::QuantityNotPositive: return "quantity-not-positive";
    case R::QuantityTooManyDecimals: return "quantity-too-many-decimals";
    case R::QuantityTooLarge: return "quantity-too-large";
    case R::ProviderRequired: return "provider-required";
    case R::UnknownProvider: return "unknown-provider";
    case R::NoAccess: return "no-access";
    case R::DescriptionNotUnderstood: return "description-not-understood";
    case R::NoRelevantProvider: return "no-relevant-provider";
    case R::DuplicateLine: return "duplicate-line";
  }
  return "unknown-reason";
}

std::optional<FaultReason> fault_reason_from_string(std::string_view code) {
  for (FaultReason reason : kAll)
    if (to_string_view(reason) == code) return reason;
  return std::nullopt;
}

}  // namespace og::rules::eproc
