#include "rules/veloconnect/search_window.hpp"

#include <algorithm>

namespace og::rules::veloconnect {

SearchWindow clamp_window(std::int64_t start, std::int64_t count, std::int64_t total, std::int64_t max_count) {
  total = std::max<std::int64_t>(total, 0);
  std::int64_t s = std::clamp<std::int64_t>(start, 0, total);
  std::int64_t c = std::clamp<std::int64_t>(count, 0, std::max<std::int64_t>(max_count, 0));
  c = std::min(c, total - s);
  return {s, c};
}

}  // namespace og::rules::veloconnect
