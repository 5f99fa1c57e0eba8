// SearchResult paging: the standard says StartIndex and Count are clamped,
// never rejected.
#pragma once
#include <cstdint>

namespace og::rules::veloconnect {

struct SearchWindow {
  std::int64_t start;  // zero-based index of the first hit returned
  std::int64_t count;  // number of hits returned
};

SearchWindow clamp_window(std::int64_t start, std::int64_t count, std::int64_t total, std::int64_t max_count);

}  // namespace og::rules::veloconnect
