// The hub's Veloconnect client reading a provider's answer: the safe reader
// (providers::xml::Document::parse: no DTD, no entities, bounded size and
// depth), a walk over the whole tree, then the client's answer readers
// (velo_answer::item_details, search_page, order), each applied to every
// document whatever its root, as a hostile or broken provider could send
// anything. Input: one byte picking the Content-Type's charset (bits 0-2),
// then the body.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "property.hpp"
#include "providers/veloconnect_client.hpp"
#include "providers/xml_answer.hpp"

namespace {

namespace xml = og::providers::xml;

constexpr std::string_view kCharsets[8] = {
    "", "utf-8", "ISO-8859-1", "UTF-16", "windows-1252", "US-ASCII", "x-no-such-charset", "UCS-4"};
constexpr std::size_t kMaxBytes = 1u << 20;

// Every value the view gives is UTF-8 (libxml2 converts to it).
bool utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    i += n;
  }
  return true;
}

void walk(xml::Node node, int depth) {
  FUZZ_PROPERTY(depth < 10'000);
  FUZZ_PROPERTY(!node.local_name().empty());
  FUZZ_PROPERTY(utf8(node.text()));
  (void)node.namespace_uri();
  (void)node.attribute("quantityUnitCode");
  std::size_t n = 0;
  for (auto child : node.elements()) {
    // Lookups by name are linear: checked for the first children only.
    if (++n <= 16) FUZZ_PROPERTY(node.child(child.local_name()));
    walk(child, depth + 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view charset = kCharsets[data[0] & 7];
  std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  std::string error;
  auto document = xml::Document::parse(body, charset, kMaxBytes, error);
  if (!document) {
    FUZZ_PROPERTY(!error.empty());
    return 0;
  }
  xml::Node root = document->root();
  FUZZ_PROPERTY(static_cast<bool>(root));
  walk(root, 0);
  std::string details_error, page_error, order_error;
  auto details = og::providers::velo_answer::item_details(root, details_error);
  FUZZ_PROPERTY(details.has_value() || !details_error.empty());
  if (details)
    for (const auto& d : *details) FUZZ_PROPERTY(!d.item.item_id.empty());
  auto page = og::providers::velo_answer::search_page(root, page_error);
  FUZZ_PROPERTY(page.has_value() || !page_error.empty());
  auto order = og::providers::velo_answer::order(root, order_error);
  FUZZ_PROPERTY(order.has_value() || !order_error.empty());
  if (order) {
    FUZZ_PROPERTY(!order->transaction_id.empty());
    FUZZ_PROPERTY(order->status_code >= 1 && order->status_code <= 199);
  }
  return 0;
}
