#include "rules/eproc/order_identity.hpp"

#include <algorithm>
#include <vector>

namespace og::rules::eproc {

namespace {
void field(std::string& out, std::string_view text) {
  out += std::to_string(text.size());
  out += ':';
  out += text;
}
}  // namespace

std::string canonical_body(const ValidOrder& order) {
  std::vector<std::string> lines;
  lines.reserve(order.lines.size());
  for (const OrderLine& line : order.lines) {
    std::string l;
    field(l, line.provider);
    field(l, match_key(line.product));
    field(l, line.quantity.to_string());  // canonical: "2", "2.0" and "2.000" are "2"
    lines.push_back(std::move(l));
  }
  std::sort(lines.begin(), lines.end());
  std::string out = "eproc-order-v1;";
  for (const std::string& l : lines) {
    field(out, l);
  }
  return out;
}

}  // namespace og::rules::eproc
