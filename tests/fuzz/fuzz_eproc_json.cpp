// The e-procurement hub's JSON binding: decode_availability and decode_order
// (nlohmann-json against the OpenAPI rules), then the hub's batch validation
// with the demo clients and providers, as the endpoint does after the caller
// authenticated.
// Input: one selector byte (bit 0: 0 availability, 1 order), then the body.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "eproc/json_decode.hpp"
#include "property.hpp"
#include "rules/eproc/batch_validation.hpp"

namespace {

namespace rules = og::rules::eproc;

const rules::ProviderDirectory& directory() {
  using K = rules::DescriptionKind;
  static const rules::ProviderDirectory d{
      {"prov-a", {K::BrandReference, K::Ean}, 0},
      {"prov-b", {K::BrandReference}, 0},
      {"prov-c", {K::ProviderReference, K::BrandReference, K::Ean}, 0},
  };
  return d;
}

const rules::ClientAccess& client() {
  static const rules::ClientAccess c{"garage-01", {"prov-a", "prov-b"}};
  return c;
}

// Every refusal names lines of the batch (or the batch as a whole), in order.
void check_faults(const std::vector<rules::Fault>& faults, std::size_t lines) {
  FUZZ_PROPERTY(!faults.empty());
  for (const auto& f : faults) FUZZ_PROPERTY(!f.line || *f.line < lines || lines == 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool order = (data[0] & 1) != 0;
  std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  const rules::Limits limits;
  if (!order) {
    auto decoded = og::eproc::decode_availability(body, limits);
    if (auto* problem = std::get_if<og::eproc::JsonProblem>(&decoded)) {
      FUZZ_PROPERTY(problem->errors.size() <= og::eproc::kMaxSchemaErrors);
      if (problem->kind == og::eproc::JsonProblem::Kind::Invalid) FUZZ_PROPERTY(!problem->errors.empty());
      return 0;
    }
    auto& lines = std::get<std::vector<rules::RequestLine>>(decoded);
    FUZZ_PROPERTY(lines.size() <= limits.max_lines);
    auto valid = rules::validate_availability(lines, client(), directory(), limits);
    if (auto* refusal = std::get_if<rules::Refusal>(&valid)) {
      check_faults(refusal->faults, lines.size());
    } else {
      auto& ok = std::get<rules::ValidAvailability>(valid);
      FUZZ_PROPERTY(ok.lines.size() == lines.size());
      for (const auto& l : ok.lines) FUZZ_PROPERTY(!l.providers.empty());
    }
    return 0;
  }
  auto decoded = og::eproc::decode_order(body, limits);
  if (auto* problem = std::get_if<og::eproc::JsonProblem>(&decoded)) {
    FUZZ_PROPERTY(problem->errors.size() <= og::eproc::kMaxSchemaErrors);
    if (problem->kind == og::eproc::JsonProblem::Kind::Invalid) FUZZ_PROPERTY(!problem->errors.empty());
    return 0;
  }
  auto& request = std::get<rules::OrderRequest>(decoded);
  FUZZ_PROPERTY(request.lines.size() <= limits.max_lines);
  auto valid = rules::validate_order(request, client(), directory(), limits);
  if (auto* refusal = std::get_if<rules::Refusal>(&valid)) {
    check_faults(refusal->faults, request.lines.size());
  } else {
    auto& ok = std::get<rules::ValidOrder>(valid);
    FUZZ_PROPERTY(ok.lines.size() == request.lines.size());
    for (const auto& l : ok.lines) FUZZ_PROPERTY(client().providers.count(l.provider) == 1);
  }
  return 0;
}
