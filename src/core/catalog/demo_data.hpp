// The demo data a new store starts with: two buyers and the bicycle-parts
// catalog that the samples and acceptance tests are written against.
#pragma once
#include "core/clock.hpp"
#include "store/store.hpp"

namespace og::core {

// The demo catalogue's classification scheme (its groups: demo_data.cpp).
inline constexpr const char* kDemoClassificationScheme = "ordergate-demo";

void load_demo_data(store::UnitOfWork& uow, const Clock& clock);

// The demo buyer B127645's receipts (receipt-1.3): delivery note DN-1001
// (issued five days ago) and invoice INV-2001 for it (three days ago), of a
// phone order ERP-4711. Part of load_demo_data; alone for a demo database
// from before the receipt module.
void load_receipt_demo_data(store::UnitOfWork& uow, const Clock& clock);

}  // namespace og::core
