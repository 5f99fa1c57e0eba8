#include "rules/eproc/description.hpp"

#include "rules/eproc/text.hpp"

namespace og::rules::eproc {

namespace {
using K = DescriptionKind;
constexpr DescriptionKind kAllKinds[] = {K::ProviderReference, K::BrandReference, K::Ean};

Problem problem(FaultReason reason, std::string text) {
  return Problem{reason, std::move(text)};
}

// A text part of a description: present, not too long, and with something
// left to match once normalised.
std::optional<Problem> check_part(std::string_view name, std::string_view part, std::size_t max_text_length) {
  if (part.size() > max_text_length)
    return problem(FaultReason::DescriptionPartTooLong, "the " + std::string(name) + " has " +
                                                            std::to_string(part.size()) + " characters, at most " +
                                                            std::to_string(max_text_length) + " are accepted");
  if (normalize_reference(part).empty())
    return problem(FaultReason::EmptyDescriptionPart, "the " + std::string(name) + " " + text::quoted(part) +
                                                          " has nothing left once spaces, dashes, dots and slashes "
                                                          "are removed");
  return std::nullopt;
}

std::optional<Problem> check_ean(std::string_view digits, bool verify_check_digit) {
  for (char c : digits)
    if (!text::is_digit(c))
      return problem(FaultReason::BadEan, "the EAN " + text::quoted(digits) + " has a character that is not a digit");
  if (digits.size() != 8 && digits.size() != 13 && digits.size() != 14)
    return problem(FaultReason::BadEan, "the EAN " + text::quoted(digits) + " has " + std::to_string(digits.size()) +
                                            " digits; an EAN-8, EAN-13 or GTIN-14 has 8, 13 or 14");
  if (!verify_check_digit) return std::nullopt;
  int expected = gtin_check_digit(digits.substr(0, digits.size() - 1));
  if (digits.back() - '0' != expected)
    return problem(FaultReason::BadEan,
                   "the check digit of the EAN " + text::quoted(digits) + " should be " + std::to_string(expected));
  return std::nullopt;
}
}  // namespace

std::span<const DescriptionKind> all_description_kinds() {
  return kAllKinds;
}

std::string_view to_string_view(DescriptionKind kind) {
  switch (kind) {
    case K::ProviderReference: return "provider-reference";
    case K::BrandReference: return "brand-reference";
    case K::Ean: return "ean";
  }
  return "unknown-kind";
}

std::optional<DescriptionKind> description_kind_from_string(std::string_view word) {
  for (DescriptionKind kind : kAllKinds)
    if (to_string_view(kind) == word) return kind;
  return std::nullopt;
}

std::string normalize_reference(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (text::is_space(c) || c == '-' || c == '.' || c == '/') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    out += c;
  }
  return out;
}

int gtin_check_digit(std::string_view data_digits) {
  int sum = 0;
  int weight = 3;  // the digit next to the check digit weighs 3
  for (auto it = data_digits.rbegin(); it != data_digits.rend(); ++it) {
    if (!text::is_digit(*it)) return -1;
    sum += (*it - '0') * weight;
    weight = 4 - weight;
  }
  return (10 - sum % 10) % 10;
}

bool is_valid_ean(std::string_view code) {
  return !check_ean(code, true);
}

std::string gtin14(std::string_view code) {
  std::string out;
  if (code.size() < 14) out.assign(14 - code.size(), '0');
  out += code;
  return out;
}

std::variant<Product, Problem> describe_product(const ProductDescription& description, const Limits& limits) {
  const std::size_t max_text_length = limits.max_text_length;
  std::string_view provider_reference = text::trim(description.provider_reference);
  std::string_view brand = text::trim(description.brand);
  std::string_view manufacturer_reference = text::trim(description.manufacturer_reference);
  // An EAN is printed in groups ("4 047024 793127"): whitespace inside is not part of it.
  std::string ean;
  for (char c : description.ean)
    if (!text::is_space(c)) ean += c;

  bool by_provider_reference = !provider_reference.empty();
  bool by_brand = !brand.empty() || !manufacturer_reference.empty();
  bool by_ean = !ean.empty();
  int ways = int{by_provider_reference} + int{by_brand} + int{by_ean};
  if (ways == 0)
    return problem(FaultReason::NoDescription,
                   "the product is not described: give the provider's reference, a brand and a manufacturer "
                   "reference, or an EAN");
  if (ways > 1) {
    std::string used;
    auto add = [&used](bool on, std::string_view name) {
      if (!on) return;
      if (!used.empty()) used += ", ";
      used += name;
    };
    add(by_provider_reference, "the provider's reference");
    add(by_brand, "brand and manufacturer reference");
    add(by_ean, "EAN");
    return problem(FaultReason::SeveralDescriptions,
                   "the product is described in " + std::to_string(ways) + " ways (" + used + "); use exactly one");
  }

  if (by_provider_reference) {
    if (auto p = check_part("provider's reference", provider_reference, max_text_length)) return *p;
    return Product{K::ProviderReference, "", std::string(provider_reference)};
  }
  if (by_brand) {
    if (manufacturer_reference.empty())
      return problem(FaultReason::IncompleteDescription,
                     "the brand " + text::quoted(brand) + " needs a manufacturer reference");
    if (brand.empty())
      return problem(FaultReason::IncompleteDescription,
                     "the manufacturer reference " + text::quoted(manufacturer_reference) + " needs a brand");
    if (auto p = check_part("brand", brand, max_text_length)) return *p;
    if (auto p = check_part("manufacturer reference", manufacturer_reference, max_text_length)) return *p;
    return Product{K::BrandReference, std::string(brand), std::string(manufacturer_reference)};
  }
  if (auto p = check_ean(ean, limits.verify_ean_check_digit)) return *p;
  return Product{K::Ean, "", std::move(ean)};
}

std::string match_key(const Product& product) {
  std::string key(to_string_view(product.kind));
  key += '/';
  switch (product.kind) {
    case K::ProviderReference: key += normalize_reference(product.reference); break;
    case K::BrandReference:
      key += normalize_reference(product.brand);
      key += '/';
      key += normalize_reference(product.reference);
      break;
    case K::Ean: {
      bool digits_only = product.reference.size() <= 14;
      for (char c : product.reference) digits_only = digits_only && text::is_digit(c);
      key += digits_only ? gtin14(product.reference) : product.reference;
      break;
    }
  }
  return key;
}

}  // namespace og::rules::eproc
