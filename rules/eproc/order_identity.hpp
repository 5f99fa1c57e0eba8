// Whether an order placed again under the same client order reference is the
// same order. The issue: "the same reference returns the same order, never a
// second one (a different body under the same reference is refused)".
//
// "Same body" is decided on the validated order, not on the bytes: a client
// that times out and retries may rebuild its request (other field order, the
// other binding, "2" vs "2.0"), and must still get its order back rather than
// a refusal. Two orders are the same when they have the same lines in any
// order, where lines are the same when they have the same provider, the same
// product (match_key: "W 712/95" is "W71295", EAN-13 is its GTIN-14) and the
// same quantity by value. Line order is not part of an order's meaning (the
// hub splits it per provider anyway); validation refuses duplicate lines, so
// "any order" is a comparison of sets. A product described another way
// (EAN instead of brand + reference) is a different body: only a provider
// could tell they are one article.
//
// The reference is scoped by the client: the store keys it by (client,
// reference), so two garages may both use "PO-1". Comparing the references
// themselves is the store's lookup, not part of the body.
#pragma once
#include <string>

#include "rules/eproc/batch_validation.hpp"

namespace og::rules::eproc {

// A canonical text of the order's body: equal exactly when the bodies are the
// same (above). Stable across versions, so the store can keep it (or a hash
// of it) with the order and compare a retry against it without rebuilding the
// stored order. Each field is length-prefixed, so no text can forge another
// line's boundary.
std::string canonical_body(const ValidOrder& order);

inline bool same_body(const ValidOrder& a, const ValidOrder& b) {
  return canonical_body(a) == canonical_body(b);
}

}  // namespace og::rules::eproc
