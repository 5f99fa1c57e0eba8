#include "eproc/order_description.hpp"

#include "rules/eproc/description.hpp"
#include "rules/eproc/order_status.hpp"

namespace og::eproc {

ShownDescription shown_description(const model::HubOrderLine& line) {
  namespace re = rules::eproc;
  ShownDescription d;
  auto kind = re::description_kind_from_string(line.kind);
  if (kind == re::DescriptionKind::ProviderReference) {
    d.provider_reference = line.reference;
  } else if (kind == re::DescriptionKind::BrandReference) {
    d.brand = line.brand;
    d.manufacturer_reference = line.reference;
  } else if (kind == re::DescriptionKind::Ean) {
    d.ean = line.ean.empty() ? line.reference : line.ean;
  } else {
    // A kind this face does not know: show what there is.
    d.brand = line.brand;
    d.manufacturer_reference = line.reference;
    d.ean = line.ean;
  }
  return d;
}

std::string status_text(int status) {
  auto s = rules::eproc::order_status_from_code(status);
  return s ? std::string(rules::eproc::to_string_view(*s)) : "unknown";
}

}  // namespace og::eproc
