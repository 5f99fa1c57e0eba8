// Synthetic data for measuring how costs grow with the data (bench/run): a
// large catalog and a long order history, generated the same way every time
// and written through the store API in the transaction that creates the
// store. Item i (1-based) has the ID synthetic_item_id(i), so a load
// generator can ask for items spread across the whole catalog.
#pragma once
#include <cstdint>
#include <string>

#include "core/clock.hpp"
#include "store/store.hpp"

namespace og::core {

// "7" and i in nine digits: 7000000001, 7000000002, ...
std::string synthetic_item_id(std::int64_t i);

// Items 1..count: EA items and every 20th a pack of 10 EA, prices, stock
// (some out of stock, some with a delivery date), EANs on every other one.
void load_synthetic_catalog(store::UnitOfWork& uow, std::int64_t count, const Clock& clock);

// `count` finished orders of the demo buyers (state 100, two lines each, an
// order row each): the history a long-running shop accumulates. Their lines
// name items of the synthetic catalog (`catalog_items` > 0) or of the demo one.
void load_order_history(store::UnitOfWork& uow, std::int64_t count, std::int64_t catalog_items, const Clock& clock);

}  // namespace og::core
