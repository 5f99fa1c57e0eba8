#include <nlohmann/json.hpp>
#include <stdexcept>

#include "eproc/endpoint.hpp"
#include "message/contracts.hpp"

namespace og::eproc {

std::string openapi_document(const rules::eproc::Limits& limits) {
  auto bytes = message::contract_bytes("eprocurement-openapi.json");
  if (bytes.empty()) throw std::runtime_error("eprocurement-openapi.json is not embedded");
  auto doc = nlohmann::ordered_json::parse(bytes);
  using Pointer = nlohmann::ordered_json::json_pointer;
  auto set = [&](const std::string& at, std::size_t value) {
    Pointer p(at);
    if (!doc.contains(p)) throw std::runtime_error("eprocurement-openapi.json has no " + at);
    doc[p] = value;
  };
  const std::string schemas = "/components/schemas/";
  set(schemas + "AvailabilityRequest/properties/requests/maxItems", limits.max_lines);
  set(schemas + "OrderRequest/properties/items/maxItems", limits.max_lines);
  set(schemas + "OrderRequest/properties/clientReference/maxLength", limits.max_text_length);
  for (const char* line : {"RequestLine", "OrderLine"})
    for (const char* field : {"providerReference", "brand", "manufacturerReference", "ean"})
      set(schemas + line + "/properties/" + field + "/maxLength", limits.max_text_length);
  return doc.dump(2) + "\n";
}

}  // namespace og::eproc
