// What every store's sale transmission tables must do, whatever the engine:
// B2B and B2X transmissions and their lines round-trip exactly (serial
// numbers, quantities and classification codes in the order sent, decimals to
// the last micro-unit, dates as sent, absent fields absent) and are read back
// a page at a time with their children, a buyer (and a seller) reaches only
// its own, and a failed unit leaves nothing. Run on SQLite
// (tests/store/sale_tables_test.cpp) and PostgreSQL (tests/postgres).
#pragma once
#include <cppunit/extensions/HelperMacros.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "store/open_store.hpp"
#include "store/store.hpp"

namespace og::test::contract {

namespace sale_rows {

inline rules::Decimal dec(const char* text) {
  return *rules::Decimal::parse(text);
}

inline model::SaleTransmission transmission(const std::string& id, const std::string& buyer, std::int64_t lines) {
  return {id, buyer, "2026-12-07T09:30:00.5+01:00", lines, "2026-12-07T08:30:01Z"};
}

inline model::SaleLine line(std::int64_t position, const char* quantity) {
  model::SaleLine l;
  l.position = position;
  l.id = "L" + std::to_string(position);
  l.sellers_item_id = "ITEM-" + std::to_string(position);
  l.quantity = dec(quantity);
  l.quantity_text = quantity;
  l.sale_date = "2026-12-0" + std::to_string(position % 9 + 1) + "T10:00:00Z";
  return l;
}

// A B2X line with every field set, two quantities included.
inline model::SaleB2XLine full_b2x_line(std::int64_t position) {
  model::SaleB2XLine l;
  l.position = position;
  l.id = "X" + std::to_string(position);
  l.standard_item_id = "4012345678901";
  l.classification = model::CommodityClassification{
      model::ClassificationCode{"NC-1", "UNCL7143", "6"}, model::ClassificationCode{"CT", std::nullopt, "9"},
      model::ClassificationCode{"CC", "L", std::nullopt}, model::ClassificationCode{"ICC", std::nullopt, std::nullopt}};
  l.manufacturers_item_id = "BR-M6100";
  l.manufacturer_name = "Shimano";
  l.buyers_item_id = "MY-1";
  l.description = "Bremsen entlüften";
  l.description_language = "de";
  l.bidex_group_key = "012345";
  l.sale_date = "2026-12-07T10:00:00+01:00";
  l.quantities = {{dec("-1.5"), "-1.50", "HUR"}, {dec("2"), "2", std::nullopt}};
  l.document_number = "R-2026-1";
  l.price_gross = model::Amount{dec("-9223372036854.775807"), "EUR"};
  l.price_net = model::Amount{dec("0.000001"), "EUR"};
  l.recommended_retail_price = model::Amount{dec("49.99"), "CHF"};
  l.postal_code = "79098";
  l.sales_channel = "LEASING";
  return l;
}

}  // namespace sale_rows

inline void sale_transmission_round_trips_and_pages(const OpenStore& open) {
  using namespace sale_rows;
  auto store = open();
  auto& s = *store;
  auto t = transmission("SA-1", "B1", 4);
  std::vector<model::SaleLine> lines{line(0, "1"), line(1, "-2.500001"), line(2, "0.000001"), line(3, "3")};
  lines[0].buyers_item_id = "MY-0";
  lines[0].document_number = "INV-0";
  lines[0].price_gross = model::Amount{dec("1234.56"), "EUR"};
  lines[0].price_net = model::Amount{dec("1037.445378"), "EUR"};
  lines[0].postal_code = "79098";
  lines[0].sales_channel = "ONLINE";
  lines[1].serial_numbers = {{"WTU123", "FRAME", "Rahmen ä"}, {"BAT-9", "BATTERY", std::nullopt}};
  lines[2].serial_numbers = {{"K-1", "KEY", std::nullopt}};
  lines[3].serial_numbers = {{"M-2", "MOTOR", "mid"}, {"M-1", "MOTOR", std::nullopt}, {"D-1", "DISPLAY", ""}};
  s.write_now([&](store::UnitOfWork& u) { u.sales("").insert_sale_transmission(t, lines); });
  s.read_now([&](store::ReadView& r) {
    auto& sa = r.sales("");
    auto back = sa.sale_transmission("B1", "SA-1");
    CPPUNIT_ASSERT(back && *back == t);
    CPPUNIT_ASSERT(sa.sale_lines("SA-1", 0, 10) == lines);
    // A page brings its own lines' serial numbers, none of the others'.
    CPPUNIT_ASSERT((sa.sale_lines("SA-1", 1, 2) == std::vector<model::SaleLine>{lines[1], lines[2]}));
    CPPUNIT_ASSERT((sa.sale_lines("SA-1", 3, 2) == std::vector<model::SaleLine>{lines[3]}));
    CPPUNIT_ASSERT(sa.sale_lines("SA-1", 4, 2).empty());
    CPPUNIT_ASSERT_EQUAL(std::string("-2.500001"), sa.sale_lines("SA-1", 1, 1).at(0).quantity.to_string());
    return 0;
  });
}

inline void sale_b2x_fields_round_trip_exactly(const OpenStore& open) {
  using namespace sale_rows;
  auto store = open();
  auto& s = *store;
  auto t = transmission("SX-1", "B1", 3);
  model::SaleB2XLine bare;  // nothing but what the standard requires
  bare.position = 1;
  bare.id = "X1";
  bare.sale_date = "2026-12-06";
  auto service = full_b2x_line(2);
  service.classification = model::CommodityClassification{};
  service.classification->item_classification_code = model::ClassificationCode{"SERVICE", "BIDEX", std::nullopt};
  service.quantities = {{dec("0.25"), ".25", "HUR"}};
  std::vector<model::SaleB2XLine> lines{full_b2x_line(0), bare, service};
  s.write_now([&](store::UnitOfWork& u) { u.sales("").insert_sale_b2x_transmission(t, lines); });
  s.read_now([&](store::ReadView& r) {
    auto& sa = r.sales("");
    auto back = sa.sale_transmission("B1", "SX-1");
    CPPUNIT_ASSERT(back && *back == t);
    auto got = sa.sale_b2x_lines("SX-1", 0, 10);
    CPPUNIT_ASSERT(got == lines);
    CPPUNIT_ASSERT(!got[1].classification && got[1].quantities.empty());
    CPPUNIT_ASSERT_EQUAL(std::string("-9223372036854.775807"), got[0].price_gross->amount.to_string());
    CPPUNIT_ASSERT((sa.sale_b2x_lines("SX-1", 1, 2) == std::vector<model::SaleB2XLine>{lines[1], lines[2]}));
    CPPUNIT_ASSERT((sa.sale_b2x_lines("SX-1", 0, 1) == std::vector<model::SaleB2XLine>{lines[0]}));
    // B2B's lines table is not B2X's.
    CPPUNIT_ASSERT(sa.sale_lines("SX-1", 0, 10).empty());
    return 0;
  });
}

inline void sale_buyers_and_sellers_are_apart(const OpenStore& open) {
  using namespace sale_rows;
  auto store = open();
  auto& s = *store;
  s.write_now([&](store::UnitOfWork& u) {
    u.sellers().put_seller({"acme", "Acme"});
    u.sales("").insert_sale_transmission(transmission("SA-1", "B1", 1), {line(0, "1")});
    u.sales("acme").insert_sale_b2x_transmission(transmission("SX-2", "B1", 1), {full_b2x_line(0)});
  });
  s.read_now([&](store::ReadView& r) {
    CPPUNIT_ASSERT(r.sales("").sale_transmission("B1", "SA-1"));
    CPPUNIT_ASSERT(!r.sales("").sale_transmission("B2", "SA-1"));
    CPPUNIT_ASSERT(!r.sales("acme").sale_transmission("B1", "SA-1"));
    CPPUNIT_ASSERT(!r.sales("other").sale_transmission("B1", "SA-1"));
    CPPUNIT_ASSERT(r.sales("acme").sale_transmission("B1", "SX-2"));
    CPPUNIT_ASSERT(!r.sales("acme").sale_transmission("B2", "SX-2"));
    CPPUNIT_ASSERT(!r.sales("").sale_transmission("B1", "SX-2"));
    return 0;
  });
}

inline void a_failed_unit_keeps_no_part_of_a_sale_transmission(const OpenStore& open) {
  using namespace sale_rows;
  auto store = open();
  auto& s = *store;
  auto b2b = line(0, "1");
  b2b.serial_numbers = {{"WTU123", "FRAME", std::nullopt}};
  try {
    s.write_now([&](store::UnitOfWork& u) {
      u.sales("").insert_sale_transmission(transmission("SA-1", "B1", 1), {b2b});
      u.sales("").insert_sale_b2x_transmission(transmission("SX-1", "B1", 1), {full_b2x_line(0)});
      throw std::runtime_error("half way");
    });
    CPPUNIT_FAIL("no exception");
  } catch (const std::runtime_error&) {
  }
  s.read_now([&](store::ReadView& r) {
    CPPUNIT_ASSERT(!r.sales("").sale_transmission("B1", "SA-1"));
    CPPUNIT_ASSERT(!r.sales("").sale_transmission("B1", "SX-1"));
    CPPUNIT_ASSERT(r.sales("").sale_lines("SA-1", 0, 10).empty());
    CPPUNIT_ASSERT(r.sales("").sale_b2x_lines("SX-1", 0, 10).empty());
    return 0;
  });
}

class SaleTables : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(SaleTables);
  CPPUNIT_TEST(sale_transmission_round_trips_and_pages);
  CPPUNIT_TEST(sale_b2x_fields_round_trip_exactly);
  CPPUNIT_TEST(sale_buyers_and_sellers_are_apart);
  CPPUNIT_TEST(a_failed_unit_keeps_no_part_of_a_sale_transmission);
  CPPUNIT_TEST_SUITE_END_ABSTRACT();

 public:
  void sale_transmission_round_trips_and_pages() { contract::sale_transmission_round_trips_and_pages(open_); }
  void sale_b2x_fields_round_trip_exactly() { contract::sale_b2x_fields_round_trip_exactly(open_); }
  void sale_buyers_and_sellers_are_apart() { contract::sale_buyers_and_sellers_are_apart(open_); }
  void a_failed_unit_keeps_no_part_of_a_sale_transmission() {
    contract::a_failed_unit_keeps_no_part_of_a_sale_transmission(open_);
  }

 protected:
  OpenStore open_;
};

}  // namespace og::test::contract
