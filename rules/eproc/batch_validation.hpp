// Validation of a whole batch before anything is sent to a provider. The seed:
// "Error messages are to be expected as soon as one of the requests is faulty.
// In this case, no request is treated." The hub validates what it knows
// (client access, a description the provider understands, quantities);
// whether a provider carries an item is the provider's answer, never a fault.
//
// Each faulty line is reported once, with the first fault found in this
// order: description, quantity, provider (required, unknown, no access, not
// understood, no relevant provider), duplicate. A later check may depend on an
// earlier one (relevance needs the description's kind), and one reason per
// line keeps answers short; the client sees the next fault after fixing one.
//
// An explicit provider that is unknown and one the client may not reach get
// different codes (unknown-provider, no-access) because a client fixes them
// differently (a typo vs. asking the operator). This tells a client that a
// provider it cannot reach exists; provider IDs are not secrets (garages know
// their distributors), so clarity wins.
#pragma once
#include <cstddef>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "rules/common/decimal.hpp"
#include "rules/eproc/description.hpp"
#include "rules/eproc/fault.hpp"
#include "rules/eproc/limits.hpp"
#include "rules/eproc/provider_relevance.hpp"

namespace og::rules::eproc {

// One request of a batch, as the client sent it.
struct RequestLine {
  std::string provider;  // a provider ID; empty or whitespace: none named (surrounding whitespace is ignored)
  ProductDescription description;
  std::string quantity;  // decimal text as sent
};

// The batch is refused; `faults` is never empty and is ordered by line (the
// batch's own faults first).
struct Refusal {
  std::vector<Fault> faults;
};

// --- Availability ---------------------------------------------------------

struct AvailabilityLine {
  std::size_t index;  // position in the client's batch: every answer is attached to it
  Product product;
  Decimal quantity;
  bool provider_named;                 // the client named the provider
  std::vector<std::string> providers;  // the named one, or every relevant one (directory order); never empty
};

struct ValidAvailability {
  std::vector<AvailabilityLine> lines;  // one per request, in the client's order
};

// Duplicates are allowed in availability: asking twice is harmless, and the
// same product with two quantities are two questions with two answers.
std::variant<ValidAvailability, Refusal> validate_availability(std::span<const RequestLine> lines,
                                                               const ClientAccess& client,
                                                               const ProviderDirectory& directory,
                                                               const Limits& limits);

// --- Order ----------------------------------------------------------------

struct OrderRequest {
  // The client's own reference, which makes placing the order idempotent
  // (order_identity.hpp). Empty or whitespace: none (every call is a new
  // order). Surrounding whitespace is not part of it; it is compared exactly
  // otherwise (case matters: it is the client's key, not ours to fold).
  std::string client_reference;
  std::vector<RequestLine> lines;
};

struct OrderLine {
  std::size_t index;     // position in the client's order
  std::string provider;  // always named
  Product product;
  Decimal quantity;
};

struct ValidOrder {
  std::string client_reference;  // trimmed; empty: none
  std::vector<OrderLine> lines;  // in the client's order
};

// Every order line names its provider (provider-required otherwise): the
// seed's client order names "the targeted providers", and choosing one for the
// client would mean choosing on stock and price the hub does not know when the
// order arrives (availability answers are the client's to choose from).
// A line repeating an earlier line's provider and product (same match_key) is
// refused (duplicate-line, naming the earlier line), not merged: merging
// would answer two client lines with one item, and a repeated line is far more
// often a double click than intent; refusing is safe and the client can add
// the quantities itself.
std::variant<ValidOrder, Refusal> validate_order(const OrderRequest& order, const ClientAccess& client,
                                                 const ProviderDirectory& directory, const Limits& limits);

}  // namespace og::rules::eproc
