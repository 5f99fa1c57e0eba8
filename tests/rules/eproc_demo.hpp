// The issue's demo configuration and small builders shared by the
// e-procurement rule tests (tests/rules/eproc_*_test.cpp).
#pragma once
#include <cppunit/extensions/HelperMacros.h>

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "rules/eproc/batch_validation.hpp"
#include "rules/eproc/description.hpp"
#include "rules/eproc/provider_relevance.hpp"

namespace og::test::eproc {

using namespace og::rules::eproc;
using og::rules::Decimal;

inline Decimal dec(std::string_view text) {
  auto d = Decimal::parse(text);
  CPPUNIT_ASSERT_MESSAGE("bad test literal " + std::string(text), d.has_value());
  return *d;
}

// Providers: prov-a understands brand + reference and EAN; prov-b brand +
// reference only; prov-c everything, and no client has access to it.
inline ProviderDirectory demo_directory() {
  using K = DescriptionKind;
  return {
      {"prov-a", {K::BrandReference, K::Ean}, 0},
      {"prov-b", {K::BrandReference}, 0},
      {"prov-c", {K::ProviderReference, K::BrandReference, K::Ean}, 0},
  };
}
inline ClientAccess garage_01() {
  return {"garage-01", {"prov-a", "prov-b"}};
}
inline ClientAccess garage_02() {
  return {"garage-02", {"prov-a"}};
}

// The issue's EAN for BOSCH 0986494104 has a wrong check digit (it should end
// in 5); the tests use the corrected one unless they are about that.
inline constexpr std::string_view kIssueBoschEan = "4047024793127";
inline constexpr std::string_view kBoschEan = "4047024793125";

inline RequestLine by_brand(std::string brand, std::string reference, std::string quantity = "1",
                            std::string provider = "") {
  RequestLine line;
  line.provider = std::move(provider);
  line.description.brand = std::move(brand);
  line.description.manufacturer_reference = std::move(reference);
  line.quantity = std::move(quantity);
  return line;
}
inline RequestLine by_ean(std::string ean, std::string quantity = "1", std::string provider = "") {
  RequestLine line;
  line.provider = std::move(provider);
  line.description.ean = std::move(ean);
  line.quantity = std::move(quantity);
  return line;
}
inline RequestLine by_provider_reference(std::string reference, std::string quantity = "1", std::string provider = "") {
  RequestLine line;
  line.provider = std::move(provider);
  line.description.provider_reference = std::move(reference);
  line.quantity = std::move(quantity);
  return line;
}

inline std::string show(const Refusal& refusal) {
  std::string out;
  for (const Fault& f : refusal.faults) {
    out += f.line ? std::to_string(*f.line) : std::string("batch");
    out += ":";
    out += to_string_view(f.reason);
    out += " (" + f.text + "); ";
  }
  return out;
}

// By value: callers pass the validation's temporary result.
template <class Valid>
Valid accepted(const std::variant<Valid, Refusal>& result, const std::string& label = "") {
  if (auto* refusal = std::get_if<Refusal>(&result)) CPPUNIT_FAIL(label + ": refused: " + show(*refusal));
  return std::get<Valid>(result);
}

template <class Valid>
Refusal refused(const std::variant<Valid, Refusal>& result, const std::string& label = "") {
  CPPUNIT_ASSERT_MESSAGE(label + ": expected a refusal", std::holds_alternative<Refusal>(result));
  const Refusal& refusal = std::get<Refusal>(result);
  CPPUNIT_ASSERT_MESSAGE(label + ": a refusal lists its faults", !refusal.faults.empty());
  for (const Fault& f : refusal.faults) CPPUNIT_ASSERT_MESSAGE(label + ": every fault says why", !f.text.empty());
  return refusal;
}

// The refusal has exactly one fault, at `line`, for `reason`.
template <class Valid>
void expect_single_fault(const std::variant<Valid, Refusal>& result, std::optional<std::size_t> line,
                         FaultReason reason, const std::string& label = "") {
  Refusal refusal = refused(result, label);
  CPPUNIT_ASSERT_EQUAL_MESSAGE(label + ": " + show(refusal), std::size_t{1}, refusal.faults.size());
  CPPUNIT_ASSERT_MESSAGE(label + ": " + show(refusal), refusal.faults[0].line == line);
  CPPUNIT_ASSERT_EQUAL_MESSAGE(label + ": " + show(refusal), std::string(to_string_view(reason)),
                               std::string(to_string_view(refusal.faults[0].reason)));
}

}  // namespace og::test::eproc
