// The sellers ordergate hosts (besides the default one at /veloconnect).
#pragma once
#include <optional>
#include <string>

#include "core/context.hpp"
#include "model/catalog.hpp"

namespace og::core {

class SellerDirectory {
 public:
  // A hosted seller by its id; nullopt if there is none ("" is the default seller).
  Task<std::optional<model::Seller>> find(Context& ctx, const std::string& id) const;
};

}  // namespace og::core
