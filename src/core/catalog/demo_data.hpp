// The demo data a new store starts with: two buyers and the bicycle-parts
// catalog that the samples and acceptance tests are written against.
#pragma once
#include "core/clock.hpp"
#include "store/store.hpp"

namespace og::core {

// The demo catalogue's classification scheme (its groups: demo_data.cpp).
inline constexpr const char* kDemoClassificationScheme = "ordergate-demo";

void load_demo_data(store::UnitOfWork& uow, const Clock& clock);

}  // namespace og::core
