// How a client describes a product, and when two descriptions name the same
// product. The seed lets a product be described "in one of the ways providers
// understand"; the issue names three: the provider's own reference, brand +
// manufacturer reference, EAN. A request uses exactly one of them: with two,
// the hub would have to guess which one the providers should believe when
// they disagree.
//
// Leniency: many clients serialise every field and leave the unused ones
// empty, so a field that is empty or only whitespace counts as not sent.
#pragma once
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "rules/eproc/fault.hpp"
#include "rules/eproc/limits.hpp"

namespace og::rules::eproc {

enum class DescriptionKind { ProviderReference, BrandReference, Ean };

std::span<const DescriptionKind> all_description_kinds();
// "provider-reference", "brand-reference", "ean": also the operator's
// configuration words for what a provider understands.
std::string_view to_string_view(DescriptionKind kind);
std::optional<DescriptionKind> description_kind_from_string(std::string_view word);

// The description as the client sent it.
struct ProductDescription {
  std::string provider_reference;
  std::string brand;
  std::string manufacturer_reference;
  std::string ean;
};

// A well-formed description. Text is kept as the client wrote it (surrounding
// whitespace removed) because that is what a provider is asked with; matching
// uses match_key.
struct Product {
  DescriptionKind kind = DescriptionKind::ProviderReference;
  std::string brand;      // BrandReference only
  std::string reference;  // the provider's or the manufacturer's reference; for Ean the digits
};

// The product, or why the description is not usable (no-description,
// several-descriptions, incomplete-description, empty-description-part,
// description-part-too-long, bad-ean). Uses limits.max_text_length and
// limits.verify_ean_check_digit.
std::variant<Product, Problem> describe_product(const ProductDescription& description, const Limits& limits);

// The form references are compared in: ASCII letters upper-cased, and spaces
// (any ASCII whitespace), dashes, dots and slashes removed, so "W 712/95",
// "w712-95" and "W71295" are one reference.
// Why: catalogues, invoices and provider systems print the same article number
// with different grouping ("0 986 494 104", "1.987.948.437", "W 712/95"); the
// separators carry no identity, and the providers' notes say to compare
// article numbers without them. Kept as they are: every other character,
// including leading zeros (significant in many numbering schemes) and
// non-ASCII bytes (UTF-8 is not case-folded: no locale in a pure rule).
// Risk accepted: two articles differing only in a separator would match; no
// brand we know numbers articles that way. The same form is used for brands
// ("Mann-Filter" and "MANN FILTER" match); brand aliases ("MANN" vs
// "MANN+HUMMEL") are data for the hub's brand map, not a rule.
std::string normalize_reference(std::string_view text);

// The check digit (GS1 mod 10: weights 3,1,3,... from the right) for the data
// digits of a GTIN (7, 12 or 13 of them); -1 when a character is not a digit.
int gtin_check_digit(std::string_view data_digits);
// An EAN-8, EAN-13 or GTIN-14: 8, 13 or 14 ASCII digits with a correct check
// digit. GTIN-12 (UPC-A) is not accepted: the issue names the three forms, and
// a 12-digit code is as likely a truncated EAN-13.
bool is_valid_ean(std::string_view code);
// A code of at most 14 digits left-padded with zeros to 14: GS1's rule for
// comparing GTINs of different lengths (EAN-13 4047024793125 is GTIN-14
// 04047024793125).
std::string gtin14(std::string_view code);

// The key two products are the same by: the kind, then the normalised parts
// (the GTIN-14 for an EAN), separated by '/' (which normalisation removes, so
// the key is unambiguous). The same article described by EAN and by brand +
// reference gives two keys: only a provider can tell they are one.
std::string match_key(const Product& product);
inline bool same_product(const Product& a, const Product& b) {
  return match_key(a) == match_key(b);
}

}  // namespace og::rules::eproc
