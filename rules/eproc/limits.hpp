// What the hub accepts in one batch. These are operator settings (flags), not
// protocol facts: the seed names no limits, so the defaults are ours.
#pragma once
#include <cstddef>

#include "rules/common/decimal.hpp"

namespace og::rules::eproc {

struct Limits {
  // Lines in one availability batch or one order. 100 is the batch the issue
  // benchmarks; far more would let one client occupy every provider call slot.
  std::size_t max_lines = 100;
  // Largest quantity of one line. A garage orders pieces, litres, metres; a
  // five-digit quantity is far more likely a typo (an EAN pasted into the
  // quantity) than an order.
  Decimal max_quantity = Decimal::from_int(10'000);
  // Significant fraction digits of a quantity (0..6; Decimal holds six).
  // Trailing zeros are not significant: "2.500" has one.
  int max_decimals = 3;
  // Characters (bytes) of any free text: each part of a product description
  // and the client's order reference. Longer text is refused, never cut: a cut
  // reference would name another article.
  std::size_t max_text_length = 64;
  // Refuse an EAN whose check digit is wrong (bad-ean). A wrong check digit
  // means a mistyped or invented code, and asking providers with it would
  // name some other article or none. Off only for a catalogue known to carry
  // such codes; the length and digits-only checks stay.
  bool verify_ean_check_digit = true;
};

}  // namespace og::rules::eproc
