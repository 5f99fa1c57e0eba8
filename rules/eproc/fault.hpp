// Why a batch (availability or order) is refused, as values. A batch is
// all-or-nothing (seed: "Error messages are to be expected as soon as one of
// the requests is faulty. In this case, no request is treated."), so a refusal
// lists every faulty line, not just the first, and the client fixes them all
// in one round trip.
//
// Each reason has a stable string code: faces put it on the wire (problem+json
// "code", SOAP fault detail) and clients branch on it, so a code never changes
// meaning and a retired reason keeps its code reserved. The human text is for
// people and may change; it names what the client sent and never anything the
// client did not (no other client's data, no internal state).
#pragma once
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace og::rules::eproc {

enum class FaultReason {
  // The batch as a whole (Fault::line is empty).
  EmptyBatch,          // "empty-batch": no line at all
  TooManyLines,        // "too-many-lines": more than Limits::max_lines; lines are not examined
  BadClientReference,  // "bad-client-reference": order reference too long or with control characters

  // How the product is described.
  NoDescription,           // "no-description": none of the three ways is used
  SeveralDescriptions,     // "several-descriptions": more than one way is used
  IncompleteDescription,   // "incomplete-description": brand without manufacturer reference or the reverse
  EmptyDescriptionPart,    // "empty-description-part": a part with no letter or digit left after normalisation
  DescriptionPartTooLong,  // "description-part-too-long": longer than Limits::max_text_length
  BadEan,                  // "bad-ean": not 8, 13 or 14 digits, or a wrong check digit

  // The quantity.
  QuantityMissing,          // "quantity-missing"
  QuantityNotANumber,       // "quantity-not-a-number": not a plain decimal (no exponent, no thousands separator)
  QuantityNotPositive,      // "quantity-not-positive": zero or negative
  QuantityTooManyDecimals,  // "quantity-too-many-decimals": more fraction digits than Limits::max_decimals
  QuantityTooLarge,         // "quantity-too-large": above Limits::max_quantity

  // Where the line goes.
  ProviderRequired,          // "provider-required": an order line, or a provider's own reference, without a provider
  UnknownProvider,           // "unknown-provider": the named provider is not configured
  NoAccess,                  // "no-access": the client has no access to the named provider
  DescriptionNotUnderstood,  // "description-not-understood": the named provider does not understand this kind
  NoRelevantProvider,        // "no-relevant-provider": no provider named and none of the client's understands it
  DuplicateLine,             // "duplicate-line": an order line repeats an earlier line's provider and product
};

// Every reason, in declaration order (for exhaustive tests and documentation).
std::span<const FaultReason> all_fault_reasons();

std::string_view to_string_view(FaultReason reason);
std::optional<FaultReason> fault_reason_from_string(std::string_view code);

// A problem with one thing the client sent, before it is placed in the batch.
struct Problem {
  FaultReason reason;
  std::string text;
};

struct Fault {
  std::optional<std::size_t> line;  // zero-based index in the client's batch; empty: the batch as a whole
  FaultReason reason;
  std::string text;
};

}  // namespace og::rules::eproc
