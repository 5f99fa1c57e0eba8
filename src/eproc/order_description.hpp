// How an order line's product is shown to the client: in the fields it was
// asked with (providerReference; brand + manufacturerReference; ean), so a
// client reads its answers in its request's vocabulary. Shared by both bindings.
#pragma once
#include <string>

#include "model/eproc.hpp"

namespace og::eproc {

struct ShownDescription {
  std::string provider_reference;
  std::string brand;
  std::string manufacturer_reference;
  std::string ean;
};
ShownDescription shown_description(const model::HubOrderLine& line);

// The seed's label of an order status ("initialised", "confirmed",
// "partially confirmed", "canceled"); "unknown" for a code it does not define.
std::string status_text(int status);

}  // namespace og::eproc
