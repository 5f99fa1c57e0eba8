// What every store's stock transmission tables must do, whatever the engine:
// a transmission and its lines round-trip exactly (decimals to the last
// micro-unit, dates as sent, every optional field absent or present) and are
// read back a page at a time in the order sent, a buyer (and a seller) reaches
// only its own, the seller's catalogue says which lines it carries, and a
// failed unit leaves nothing. Run on SQLite (tests/store/stock_tables_test.cpp)
// and PostgreSQL (tests/postgres).
#pragma once
#include <cppunit/extensions/HelperMacros.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "store/open_store.hpp"
#include "store/store.hpp"

namespace og::test::contract {

namespace stock_rows {

inline rules::Decimal dec(const char* text) {
  return *rules::Decimal::parse(text);
}

inline model::StockTransmission transmission(const std::string& id, const std::string& buyer,
                                             model::StockVariant variant, std::int64_t lines) {
  return {id, buyer, variant, "2026-12-07T09:30:00+01:00", "Complete", lines, "2026-12-07T08:30:01Z"};
}

// A B2B line: the seller's item number and a quantity.
inline model::StockLine b2b_line(std::int64_t position, const std::string& item, const char* quantity) {
  model::StockLine l;
  l.position = position;
  l.sellers_item_id = item;
  l.quantity = dec(quantity);
  l.unit = "PCE";
  return l;
}

// A B2C line with everything B2C may carry.
inline model::StockLine b2c_line(std::int64_t position) {
  model::StockLine l;
  l.position = position;
  l.buyers_item_id = "MY-" + std::to_string(position);
  l.ean = "4012345678901";
  l.manufacturer_item_id = "SH-" + std::to_string(position);
  l.manufacturer_name = "Shimano";
  l.marketplace_item_id = "MP-ä";
  l.quantity = dec("-0.000001");
  l.unit = "MTR";
  l.availability = "LimitedAvailable";
  l.price = model::Amount{dec("9223372036854.775807"), "EUR"};
  l.special_price = model::Amount{dec("0.000001"), "CHF"};
  l.orderable = false;
  l.delivery_min_days = 0;
  l.delivery_max_days = 14;
  l.condition = "CO20";
  l.carried = true;
  return l;
}

inline model::Item catalogue_item(const std::string& id, const char* ean, const char* manufacturer,
                                  const char* manufacturer_item_id) {
  model::Item r;
  r.id = id;
  r.description = "Item " + id;
  r.order_unit = r.base_unit = "EA";
  r.price = dec("1.50");
  r.currency = "EUR";
  r.stock = rules::Decimal::from_int(7);
  if (ean) r.ean = ean;
  if (manufacturer) r.manufacturer = manufacturer;
  if (manufacturer_item_id) r.manufacturer_item_id = manufacturer_item_id;
  return r;
}

}  // namespace stock_rows

inline void stock_transmission_round_trips_and_pages(const OpenStore& open) {
  using namespace stock_rows;
  auto store = open();
  auto& s = *store;
  auto t = transmission("ST-1", "B1", model::StockVariant::B2B, 5);
  std::vector<model::StockLine> lines;
  for (int i = 0; i < 5; ++i) lines.push_back(b2b_line(i, "ITEM-" + std::to_string(i), "12.5"));
  lines[1].buyers_item_id = "MINE-1";
  lines[1].availability = "NotAvailable";
  lines[1].orderable = true;
  lines[1].carried = true;
  lines[3].quantity.reset();
  lines[3].unit.reset();
  s.write_now([&](store::UnitOfWork& u) { u.stock("").insert_transmission(t, lines); });
  s.read_now([&](store::ReadView& r) {
    auto& st = r.stock("");
    auto back = st.transmission("B1", "ST-1");
    CPPUNIT_ASSERT(back && *back == t);
    CPPUNIT_ASSERT((st.lines("ST-1", 0, 2) == std::vector<model::StockLine>{lines[0], lines[1]}));
    CPPUNIT_ASSERT((st.lines("ST-1", 2, 2) == std::vector<model::StockLine>{lines[2], lines[3]}));
    CPPUNIT_ASSERT((st.lines("ST-1", 4, 2) == std::vector<model::StockLine>{lines[4]}));
    CPPUNIT_ASSERT(st.lines("ST-1", 5, 2).empty());
    CPPUNIT_ASSERT(st.lines("ST-2", 0, 2).empty());
    return 0;
  });
}

inline void stock_b2c_fields_round_trip_exactly(const OpenStore& open) {
  using namespace stock_rows;
  auto store = open();
  auto& s = *store;
  auto t = transmission("ST-C", "B1", model::StockVariant::B2C, 2);
  t.frequence = "Incremental";
  t.create_date = "2026-12-07T23:59:59.123-11:00";
  std::vector<model::StockLine> lines{b2c_line(0), model::StockLine{}};
  // A line with nothing but its position: every optional column NULL.
  lines[1].position = 1;
  s.write_now([&](store::UnitOfWork& u) { u.stock("").insert_transmission(t, lines); });
  s.read_now([&](store::ReadView& r) {
    auto back = r.stock("").transmission("B1", "ST-C");
    CPPUNIT_ASSERT(back && *back == t);
    CPPUNIT_ASSERT(back->variant == model::StockVariant::B2C);
    auto got = r.stock("").lines("ST-C", 0, 10);
    CPPUNIT_ASSERT(got == lines);
    CPPUNIT_ASSERT_EQUAL(std::string("9223372036854.775807"), got[0].price->amount.to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("-0.000001"), got[0].quantity->to_string());
    return 0;
  });
}

inline void stock_buyers_and_sellers_are_apart(const OpenStore& open) {
  using namespace stock_rows;
  auto store = open();
  auto& s = *store;
  s.write_now([&](store::UnitOfWork& u) {
    u.sellers().put_seller({"acme", "Acme"});
    u.stock("").insert_transmission(transmission("ST-1", "B1", model::StockVariant::B2B, 1), {b2b_line(0, "A", "1")});
    u.stock("acme").insert_transmission(transmission("ST-2", "B1", model::StockVariant::B2B, 1),
                                        {b2b_line(0, "B", "2")});
  });
  s.read_now([&](store::ReadView& r) {
    CPPUNIT_ASSERT(r.stock("").transmission("B1", "ST-1"));
    CPPUNIT_ASSERT(!r.stock("").transmission("B2", "ST-1"));
    CPPUNIT_ASSERT(!r.stock("acme").transmission("B1", "ST-1"));
    CPPUNIT_ASSERT(!r.stock("other").transmission("B1", "ST-1"));
    CPPUNIT_ASSERT(r.stock("acme").transmission("B1", "ST-2"));
    CPPUNIT_ASSERT(!r.stock("").transmission("B1", "ST-2"));
    return 0;
  });
}

inline void stock_carries_what_the_sellers_catalogue_holds(const OpenStore& open) {
  using namespace stock_rows;
  auto store = open();
  auto& s = *store;
  s.write_now([&](store::UnitOfWork& u) {
    u.sellers().put_seller({"acme", "Acme"});
    u.catalog("").put_item(catalogue_item("A-1", "4000000000017", "Shimano", "BR-M6100"));
    u.catalog("").put_item(catalogue_item("A-2", nullptr, nullptr, "NO-BRAND-1"));
    u.catalog("acme").put_item(catalogue_item("Z-9", "4000000000099", "Acme", "Z-MAN"));
  });
  auto line = [](const char* item, const char* ean, const char* manufacturer_item_id, const char* manufacturer) {
    model::StockLine l;
    if (item) l.sellers_item_id = item;
    if (ean) l.ean = ean;
    if (manufacturer_item_id) l.manufacturer_item_id = manufacturer_item_id;
    if (manufacturer) l.manufacturer_name = manufacturer;
    return l;
  };
  s.read_now([&](store::ReadView& r) {
    auto& st = r.stock("");
    CPPUNIT_ASSERT(st.carries(line("A-1", nullptr, nullptr, nullptr)));
    CPPUNIT_ASSERT(!st.carries(line("A-3", nullptr, nullptr, nullptr)));
    CPPUNIT_ASSERT(st.carries(line("A-3", "4000000000017", nullptr, nullptr)));
    CPPUNIT_ASSERT(st.carries(line(nullptr, nullptr, "BR-M6100", nullptr)));
    // The manufacturer's name, when given, must match (case aside).
    CPPUNIT_ASSERT(st.carries(line(nullptr, nullptr, "BR-M6100", "SHIMANO")));
    CPPUNIT_ASSERT(!st.carries(line(nullptr, nullptr, "BR-M6100", "Sram")));
    CPPUNIT_ASSERT(!st.carries(line(nullptr, nullptr, "NO-BRAND-1", "Sram")));
    CPPUNIT_ASSERT(st.carries(line(nullptr, nullptr, "NO-BRAND-1", nullptr)));
    CPPUNIT_ASSERT(!st.carries(line(nullptr, nullptr, nullptr, nullptr)));
    // Another seller's catalogue is not this one's.
    CPPUNIT_ASSERT(!st.carries(line("Z-9", "4000000000099", "Z-MAN", nullptr)));
    CPPUNIT_ASSERT(r.stock("acme").carries(line("Z-9", nullptr, nullptr, nullptr)));
    CPPUNIT_ASSERT(!r.stock("acme").carries(line("A-1", nullptr, nullptr, nullptr)));
    return 0;
  });
}

inline void a_failed_unit_keeps_no_part_of_a_stock_transmission(const OpenStore& open) {
  using namespace stock_rows;
  auto store = open();
  auto& s = *store;
  try {
    s.write_now([&](store::UnitOfWork& u) {
      u.stock("").insert_transmission(transmission("ST-1", "B1", model::StockVariant::B2B, 1), {b2b_line(0, "A", "1")});
      throw std::runtime_error("half way");
    });
    CPPUNIT_FAIL("no exception");
  } catch (const std::runtime_error&) {
  }
  s.read_now([&](store::ReadView& r) {
    CPPUNIT_ASSERT(!r.stock("").transmission("B1", "ST-1"));
    CPPUNIT_ASSERT(r.stock("").lines("ST-1", 0, 10).empty());
    return 0;
  });
}

class StockTables : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(StockTables);
  CPPUNIT_TEST(stock_transmission_round_trips_and_pages);
  CPPUNIT_TEST(stock_b2c_fields_round_trip_exactly);
  CPPUNIT_TEST(stock_buyers_and_sellers_are_apart);
  CPPUNIT_TEST(stock_carries_what_the_sellers_catalogue_holds);
  CPPUNIT_TEST(a_failed_unit_keeps_no_part_of_a_stock_transmission);
  CPPUNIT_TEST_SUITE_END_ABSTRACT();

 public:
  void stock_transmission_round_trips_and_pages() { contract::stock_transmission_round_trips_and_pages(open_); }
  void stock_b2c_fields_round_trip_exactly() { contract::stock_b2c_fields_round_trip_exactly(open_); }
  void stock_buyers_and_sellers_are_apart() { contract::stock_buyers_and_sellers_are_apart(open_); }
  void stock_carries_what_the_sellers_catalogue_holds() {
    contract::stock_carries_what_the_sellers_catalogue_holds(open_);
  }
  void a_failed_unit_keeps_no_part_of_a_stock_transmission() {
    contract::a_failed_unit_keeps_no_part_of_a_stock_transmission(open_);
  }

 protected:
  OpenStore open_;
};

}  // namespace og::test::contract
