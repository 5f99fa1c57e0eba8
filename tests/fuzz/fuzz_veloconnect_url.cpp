// Veloconnect URL binding: UrlForm::parse of a GET query or a POSTed form
// body, then decode_url, as Endpoint does. Input: the query/body itself.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "message/url_form.hpp"
#include "property.hpp"
#include "veloconnect/decode_url.hpp"

namespace {

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool strict_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = 0;
    unsigned lo = 0x80, hi = 0xBF;  // range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + n > s.size()) return false;
    auto second = static_cast<unsigned char>(s[i + 1]);
    if (second < lo || second > hi) return false;
    for (std::size_t k = 2; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto form = og::message::UrlForm::parse(std::string_view(reinterpret_cast<const char*>(data), size));
  // Names and values reach the answers: bytes that are not UTF-8 are read as
  // ISO-8859-1, so whatever came in, UTF-8 comes out.
  for (const auto& field : form.fields()) {
    FUZZ_PROPERTY(strict_utf8(field.name));
    FUZZ_PROPERTY(strict_utf8(field.value));
  }
  auto decoded = og::veloconnect::decode_url(form);
  (void)decoded;
  return 0;
}
