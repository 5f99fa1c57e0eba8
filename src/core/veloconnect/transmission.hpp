// What dealers' transmissions (stock-B2B/B2C-1.4, sale-B2B/B2X-1.6) have in
// common as services: one limit pair for all of them, and a status page of
// lines in the window the request asked for.
#pragma once
#include <cstdint>
#include <vector>

#include "model/veloconnect.hpp"
#include "rules/veloconnect/search_window.hpp"

namespace og::core::veloconnect {

// --max-stock-lines and --max-stock-page bound every kind of transmission:
// one bound for what a dealer may transmit at once.
struct StockLimits {
  std::int64_t max_lines = 10000;  // per transmission (400 beyond)
  std::int64_t max_page = 1000;    // lines per status page (Count is clamped)
};

// StartIndex, Count and DoNotClose of a status request.
struct PageRequest {
  std::int64_t start = 0;
  std::int64_t count = 0;
  bool do_not_close = false;
};

template <class Line>
struct TransmissionPage {
  model::Transaction transaction;
  rules::veloconnect::SearchWindow window;
  std::int64_t total = 0;
  std::vector<Line> lines;
};

}  // namespace og::core::veloconnect
