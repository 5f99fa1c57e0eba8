// The SAP SRM demo data the samples and acceptance tests are written against:
// logical system SRMCLNT100, three product categories, three products, the
// user srm-user and the carts SC-1001 (open, consistent), SC-1002 (ordered)
// and SC-1003 (open, inconsistent).
#pragma once
#include "core/clock.hpp"
#include "store/store.hpp"

namespace og::core {

inline constexpr const char* kSrmDemoLogicalSystem = "SRMCLNT100";

void load_srm_demo_data(store::UnitOfWork& uow, const Clock& clock);

}  // namespace og::core
