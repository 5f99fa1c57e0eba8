#include "rules/eproc/order_split.hpp"

namespace og::rules::eproc {

std::vector<ProviderOrder> split_order(const ValidOrder& order) {
  std::vector<ProviderOrder> out;
  for (const OrderLine& line : order.lines) {
    auto it = out.begin();
    while (it != out.end() && it->provider != line.provider) ++it;
    if (it == out.end()) it = out.insert(out.end(), ProviderOrder{line.provider, {}});
    it->lines.push_back(line);
  }
  return out;
}

}  // namespace og::rules::eproc
