#include "core/catalog/synthetic_data.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

namespace og::core {

namespace {

using rules::Decimal;

constexpr std::array<const char*, 12> kKinds = {
    "Brake cable", "Shift cable", "Chain",     "Inner tube", "Tyre",  "Brake pad",
    "Spoke",       "Saddle",      "Handlebar", "Pedal",      "Light", "Cassette",
};
constexpr std::array<const char*, 8> kMakers = {
    "Alpen", "Borea", "Cyklo", "Delta", "Ergon", "Fjord", "Gravel", "Helix",
};

// splitmix64: a fixed, well-spread sequence (transaction IDs look as random
// as real ones, so the B-trees grow the way they do in production).
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A TransactionID (32 hex digits) for the n-th order.
void hex_id(std::uint64_t n, std::array<char, 33>& out) {
  std::snprintf(out.data(), out.size(), "%016llx%016llx", static_cast<unsigned long long>(mix(n)),
                static_cast<unsigned long long>(mix(n ^ 0x5555555555555555ULL)));
}

const char* const kDemoItems[] = {"52090311600", "200600221", "200300156"};

}  // namespace

std::string synthetic_item_id(std::int64_t i) {
  char out[24];
  std::snprintf(out, sizeof out, "7%09lld", static_cast<long long>(i));
  return out;
}

void load_synthetic_catalog(store::UnitOfWork& uow, std::int64_t count, const Clock& clock) {
  std::string soon = clock.today().plus_days(10).to_string();
  if (count <= 0) return;
  std::int64_t i = 0;
  uow.catalog().put_items([&](model::Item& r) {
    if (++i > count) return false;
    auto u = static_cast<std::uint64_t>(i);
    r.currency = "EUR";
    r.id = synthetic_item_id(i);
    r.description = std::string(kKinds[u % kKinds.size()]) + " " + kMakers[(u / 12) % kMakers.size()] + " model " +
                    std::to_string(i);
    bool pack = i % 20 == 0;
    r.order_unit = pack ? "PK" : "EA";
    r.base_unit = "EA";
    r.base_per_order_unit = Decimal::from_int(pack ? 10 : 1);
    r.price = Decimal::from_units(static_cast<std::int64_t>(u % 9000 + 100) * 10'000);  // 1.00 .. 90.99
    r.recommended_retail_price = Decimal::from_units(static_cast<std::int64_t>(u % 9000 + 100) * 18'000);
    r.stock = Decimal::from_int(static_cast<std::int64_t>(u % 50));
    r.next_delivery = i % 50 == 0 ? std::optional<std::string>(soon) : std::nullopt;
    r.ean = i % 2 == 0 ? std::optional<std::string>(std::to_string(4000000000000 + i)) : std::nullopt;
    return true;
  });
}

void load_order_history(store::UnitOfWork& uow, std::int64_t count, std::int64_t catalog_items, const Clock& clock) {
  if (count <= 0) return;
  std::string now = clock.now_utc();
  std::string today = clock.today().to_string();
  auto item_of = [&](std::uint64_t n) {
    if (catalog_items > 0)
      return synthetic_item_id(static_cast<std::int64_t>(n % static_cast<std::uint64_t>(catalog_items)) + 1);
    return std::string(kDemoItems[n % std::size(kDemoItems)]);
  };
  // Random IDs as in production, inserted in key order: every B-tree is
  // appended to instead of split at random, which makes 1,000,000 orders a
  // matter of seconds (the trees come out fuller than aged ones would be).
  std::vector<std::array<char, 33>> ids(static_cast<std::size_t>(count));
  for (std::size_t j = 0; j < ids.size(); ++j) hex_id(j + 1, ids[j]);
  std::sort(ids.begin(), ids.end());
  for (std::size_t j = 0; j < ids.size(); ++j) {
    auto u = static_cast<std::uint64_t>(j + 1);
    model::Transaction t;
    t.id = ids[j].data();
    t.buyer_id = u % 2 == 0 ? "B127645" : "B200001";
    t.kind = model::TransactionKind::Order;
    t.state = 100;
    t.created_at = t.updated_at = now;
    t.issue_date = today;
    model::Order order{0, "", t.id, t.buyer_id, today, Decimal(), "EUR", now};
    for (std::int64_t position = 1; position <= 2; ++position) {
      model::Line l;
      l.item_id = item_of(mix(u + static_cast<std::uint64_t>(position)));
      l.position = position;
      l.quantity = Decimal::from_int(position);
      l.unit = "EA";
      l.unit_price = Decimal::from_int(5);
      l.currency = "EUR";
      uow.transactions().put_line(t.id, l);
      order.total = order.total + *l.quantity.times(l.unit_price);
    }
    t.order_id = uow.transactions().insert_order(order);
    uow.transactions().insert_transaction(t);
  }
}

}  // namespace og::core
