// What every store's catalogue tables must do, whatever the engine: run by
// the SQLite suite (tests/store/catalog_tables_test.cpp) and the PostgreSQL
// suite (tests/postgres), each on a fresh database.
#pragma once
#include <cppunit/extensions/HelperMacros.h>

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/store.hpp"
#include "store/transaction_store_contract.hpp"

namespace og::test::contract {

inline model::Item item(const std::string& id, const std::string& description) {
  model::Item r;
  r.id = id;
  r.description = description;
  r.order_unit = r.base_unit = "EA";
  r.price = *Decimal::parse("1.50");
  r.currency = "EUR";
  r.stock = Decimal::from_int(7);
  return r;
}

inline std::optional<model::Item> find_item(store::Store& s, const std::string& id) {
  return s.read_now([&](store::ReadView& r) { return r.catalog().item(id); });
}

inline void item_round_trip_keeps_exact_decimals(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  auto r = item("X", "Tyre");
  r.price = *Decimal::parse("19.95");
  r.recommended_retail_price = *Decimal::parse("34.90");
  r.base_per_order_unit = Decimal::from_int(100);
  r.step = *Decimal::parse("0.5");
  r.stock = *Decimal::parse("12.125");
  r.next_delivery = "2026-12-07";
  r.ean = "4012345678901";
  r.manufacturer = "Acme";
  r.manufacturer_item_id = "AC-1";
  s.write_now([&](store::UnitOfWork& u) { u.catalog().put_item(r); });
  auto back = find_item(s, "X");
  CPPUNIT_ASSERT(back.has_value());
  CPPUNIT_ASSERT_EQUAL(std::string("Tyre"), back->description);
  CPPUNIT_ASSERT_EQUAL(std::string("19.95"), back->price.to_string(2));
  CPPUNIT_ASSERT_EQUAL(std::string("34.90"), back->recommended_retail_price->to_string(2));
  CPPUNIT_ASSERT_EQUAL(std::string("100"), back->base_per_order_unit.to_string());
  CPPUNIT_ASSERT(back->step == r.step);
  CPPUNIT_ASSERT(back->stock == r.stock);
  CPPUNIT_ASSERT_EQUAL(std::string("2026-12-07"), back->next_delivery.value_or(""));
  CPPUNIT_ASSERT_EQUAL(std::string("4012345678901"), back->ean.value_or(""));
  CPPUNIT_ASSERT_EQUAL(std::string("Acme"), back->manufacturer.value_or(""));
  CPPUNIT_ASSERT_EQUAL(std::string("AC-1"), back->manufacturer_item_id.value_or(""));
  CPPUNIT_ASSERT_EQUAL(std::string("EUR"), back->currency);
  CPPUNIT_ASSERT(!find_item(s, "x").has_value());  // IDs are exact, not case-folded
  // Absent optionals stay absent.
  s.write_now([&](store::UnitOfWork& u) { u.catalog().put_item(item("Y", "Bare")); });
  auto bare = find_item(s, "Y");
  CPPUNIT_ASSERT(bare && !bare->ean && !bare->manufacturer && !bare->manufacturer_item_id &&
                 !bare->recommended_retail_price && !bare->next_delivery);
}

inline void classification_groups_keep_their_order_per_seller(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  using G = model::ClassificationGroup;
  s.write_now([&](store::UnitOfWork& u) {
    u.catalog().put_classification_group(G{"S", "20", std::nullopt, "Drivetrain"});
    u.catalog().put_classification_group(G{"S", "10", std::nullopt, "Brakes"});
    u.catalog().put_classification_group(G{"A", "1", std::nullopt, "First of A"});
    u.catalog().put_classification_group(G{"S", "2010", std::string("20"), "Chains"});
    u.catalog().put_classification_group(G{"S", "10", std::nullopt, "Brakes and levers"});
    u.catalog("other").put_classification_group(G{"S", "99", std::nullopt, "Elsewhere"});
  });
  auto groups = s.read_now([](store::ReadView& r) { return r.catalog().classification(); });
  std::string seen;
  for (const auto& g : groups)
    seen += g.scheme_id + "/" + g.id + "<" + g.parent_id.value_or("-") + ">" + g.description + ";";
  CPPUNIT_ASSERT_EQUAL(std::string("A/1<->First of A;S/20<->Drivetrain;S/10<->Brakes and levers;S/2010<20>Chains;"),
                       seen);
  auto other = s.read_now([](store::ReadView& r) { return r.catalog("other").classification(); });
  CPPUNIT_ASSERT_EQUAL(std::size_t{1}, other.size());
  CPPUNIT_ASSERT_EQUAL(std::string("99"), other.front().id);
}

inline void buyer_round_trip_keeps_binary_secrets(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  model::Buyer b{"B1", "Dealer", std::string("s\0a\xffl", 5), std::string("\0h\x80", 3), 1234};
  s.write_now([&](store::UnitOfWork& u) { u.catalog().put_buyer(b); });
  auto back = s.read_now([](store::ReadView& r) { return r.catalog().buyer("B1"); });
  CPPUNIT_ASSERT(back.has_value());
  CPPUNIT_ASSERT_EQUAL(std::string("Dealer"), back->name);
  CPPUNIT_ASSERT(back->password_salt == b.password_salt);
  CPPUNIT_ASSERT(back->password_hash == b.password_hash);
  CPPUNIT_ASSERT_EQUAL(1234, back->password_iterations);
  CPPUNIT_ASSERT(!s.read_now([](store::ReadView& r) { return r.catalog().buyer("b1"); }).has_value());
}

inline void search_matches_all_terms_as_substrings(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  s.write_now([&](store::UnitOfWork& u) {
    u.catalog().put_item(item("52090311600", "Brake cable 1.5 x 2000 mm"));
    u.catalog().put_item(item("52090311100", "Shift cable 1.1 x 2100 mm, pack of 100"));
    u.catalog().put_item(item("200600221", "Tyre 28-622"));
    u.catalog().put_item(item("P100%", "Odd 100% item_name"));
  });
  auto count = [&](std::vector<std::string> terms) {
    return s.read_now([&](store::ReadView& r) { return r.catalog().count_items_matching(terms); });
  };
  CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, count({"cable"}));
  CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, count({"CABLE", "brake"}));
  CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, count({"0311600"}));  // item number substring
  CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, count({"x", "mm"}));  // short terms
  CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, count({"0%"}));       // LIKE wildcards are literal
  CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, count({"cable", "tyre"}));
  CPPUNIT_ASSERT_EQUAL(std::int64_t{4}, count({}));
  auto page = s.read_now([](store::ReadView& r) { return r.catalog().items_matching({"cable"}, 1, 10); });
  CPPUNIT_ASSERT_EQUAL(std::size_t{1}, page.size());  // ordered by item number
  CPPUNIT_ASSERT_EQUAL(std::string("52090311600"), page[0].id);
}

// A term is found as written in one column, letters of any case (not only
// ASCII ones); holding every three-letter piece of it, in other places or
// other columns, is not enough.
inline void search_ignores_case_and_finds_whole_terms_only(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  s.write_now([&](store::UnitOfWork& u) {
    u.catalog().put_item(item("OEL-1", "\xc3\x96lfilter \xc3\x84RGERLICH"));  // "Ölfilter ÄRGERLICH"
    u.catalog().put_item(item("ABCD", "abcab CDEF"));
  });
  auto ids = [&](std::vector<std::string> terms) {
    auto items = s.read_now([&](store::ReadView& r) { return r.catalog().items_matching(terms, 0, 10); });
    std::vector<std::string> out;
    for (const auto& i : items) out.push_back(i.id);
    return out;
  };
  using Ids = std::vector<std::string>;
  CPPUNIT_ASSERT(ids({"\xc3\xb6LFILTER"}) == Ids{"OEL-1"});   // "öLFILTER"
  CPPUNIT_ASSERT(ids({"\xc3\xa4rgerlich"}) == Ids{"OEL-1"});  // "ärgerlich"
  CPPUNIT_ASSERT(ids({"\xc3\xb6l"}) == Ids{"OEL-1"});         // "öl": a short term
  CPPUNIT_ASSERT(ids({"bcabc"}).empty());                     // "abcab" holds bca, cab and abc, but not "bcabc"
  CPPUNIT_ASSERT(ids({"bcde"}).empty());                      // bcd in the id, cde in the description
  CPPUNIT_ASSERT(ids({"bcab"}) == Ids{"ABCD"});
}

inline void bulk_items_are_searchable_and_later_ones_too(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  auto count = [&](const std::string& term) {
    return s.read_now([&](store::ReadView& r) { return r.catalog().count_items_matching({term}); });
  };
  s.write_now([&](store::UnitOfWork& u) { u.catalog().put_item(item("A1", "Brake cable")); });
  int n = 0;
  s.write_now([&](store::UnitOfWork& u) {
    u.catalog().put_items([&](model::Item& r) {
      if (++n > 3) return false;
      r = item("B" + std::to_string(n), "Tyre number " + std::to_string(n));
      return true;
    });
  });
  s.write_now([&](store::UnitOfWork& u) { u.catalog().put_item(item("C1", "Tyre lever")); });
  CPPUNIT_ASSERT(find_item(s, "B3").has_value());
  CPPUNIT_ASSERT_EQUAL(std::int64_t{4}, count("tyre"));   // the bulk ones and the later one
  CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, count("brake"));  // the earlier one is kept
  // The index is maintained per item again afterwards (the trigger is back).
  s.write_now([&](store::UnitOfWork& u) { u.catalog().put_item(item("B2", "Saddle")); });
  CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, count("tyre"));
}

inline void exception_in_unit_of_work_keeps_nothing(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  CPPUNIT_ASSERT_THROW(s.write_now([&](store::UnitOfWork& u) {
    u.catalog().put_item(item("Y", "half"));
    throw std::runtime_error("abort");
  }),
                       std::runtime_error);
  CPPUNIT_ASSERT(!find_item(s, "Y").has_value());
  // The store goes on.
  s.write_now([&](store::UnitOfWork& u) { u.catalog().put_item(item("Z", "whole")); });
  CPPUNIT_ASSERT(find_item(s, "Z").has_value());
}

// Sellers, each with its own items, buyers, stock and prices.
inline void sellers_keep_their_own_catalogues(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  s.write_now([&](store::UnitOfWork& u) {
    u.sellers().put_seller({"acme", "Acme Bikes"});
    u.sellers().put_seller({"velo", "Velo AG"});
    u.sellers().put_seller({"acme", "Acme Bikes GmbH"});  // renamed
    u.catalog("acme").put_item(item("A1", "Acme chain"));
    u.catalog("velo").put_item(item("A1", "Velo chain"));
    u.catalog("velo").put_replacement("A1", "A2", 1);
    u.catalog("velo").put_replacement("A1", "A3", 2);
  });
  auto sellers = s.read_now([](store::ReadView& r) { return r.sellers().sellers(); });
  CPPUNIT_ASSERT_EQUAL(std::size_t{3}, sellers.size());  // and the default seller ("", /veloconnect's)
  CPPUNIT_ASSERT_EQUAL(std::string(""), sellers[0].id);
  CPPUNIT_ASSERT_EQUAL(std::string("Acme Bikes GmbH"), sellers[1].name);
  auto seen = s.write_now([](store::UnitOfWork& u) {
    bool stock = u.catalog("acme").update_stock("A1", Decimal::from_int(3), std::string("2027-01-05"));
    bool price = u.catalog("velo").update_price("A1", *Decimal::parse("2.25"), std::nullopt);
    bool unknown = u.catalog("velo").update_stock("nope", Decimal::from_int(1), std::nullopt);
    return std::vector<bool>{stock, price, unknown};
  });
  CPPUNIT_ASSERT(seen == (std::vector<bool>{true, true, false}));
  auto items = s.read_now([](store::ReadView& r) {
    return std::pair{*r.catalog("acme").item("A1"), *r.catalog("velo").item("A1")};
  });
  CPPUNIT_ASSERT_EQUAL(std::string("Acme chain"), items.first.description);
  CPPUNIT_ASSERT_EQUAL(std::string("3"), items.first.stock.to_string());
  CPPUNIT_ASSERT_EQUAL(std::string("2027-01-05"), items.first.next_delivery.value_or(""));
  CPPUNIT_ASSERT_EQUAL(std::string("2.25"), items.second.price.to_string());
  CPPUNIT_ASSERT_EQUAL(std::string("7"), items.second.stock.to_string());  // stock untouched by a price
  auto replacements = s.read_now([](store::ReadView& r) {
    return std::pair{r.catalog("velo").replacements("A1"), r.catalog("acme").replacements("A1")};
  });
  CPPUNIT_ASSERT(replacements.first == (std::vector<std::string>{"A2", "A3"}));
  CPPUNIT_ASSERT(replacements.second.empty());
  auto counts = s.write_now([](store::UnitOfWork& u) {
    return std::pair{u.catalog("acme").count_items_matching({"chain"}), u.catalog("nobody").count_items()};
  });
  CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, counts.first);
  CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, counts.second);
}

// Search pages in item-number order, bytewise (as every engine must sort).
// An import's slice of stock or price rows, as one call (SQLite sends runs of
// 64 distinct items as one statement): later rows win over earlier ones for
// the same item (A5, A7, A70, A3), rows for items the seller lacks change
// nothing and are not counted.
inline void bulk_stock_and_price_changes_apply_in_order(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  s.write_now([&](store::UnitOfWork& u) {
    for (int i = 0; i < 100; ++i) u.catalog().put_item(item("A" + std::to_string(i), "Part"));
  });
  std::vector<store::StockChange> stock;
  for (int i = 0; i < 100; ++i) stock.push_back({"A" + std::to_string(i), Decimal::from_int(i), std::nullopt});
  stock.push_back({"A5", Decimal::from_int(500), std::string("2027-03-01")});
  stock.push_back({"A70", Decimal::from_int(7000), std::nullopt});
  for (int i = 0; i < 30; ++i) stock.push_back({"Z" + std::to_string(i), Decimal::from_int(1), std::nullopt});
  stock.push_back({"A7", Decimal::from_int(700), std::nullopt});
  std::vector<store::PriceChange> prices;
  for (int i = 0; i < 70; ++i) prices.push_back({"A" + std::to_string(i), Decimal::from_int(i + 1), std::nullopt});
  prices.push_back({"A3", *Decimal::parse("3.5"), *Decimal::parse("9.99")});
  prices.push_back({"nope", Decimal::from_int(1), std::nullopt});
  auto known = s.write_now([&](store::UnitOfWork& u) {
    return std::pair{u.catalog().update_stocks(stock), u.catalog().update_prices(prices)};
  });
  CPPUNIT_ASSERT_EQUAL(std::int64_t{103}, known.first);  // 134 rows, 31 for unknown items
  CPPUNIT_ASSERT_EQUAL(std::int64_t{71}, known.second);
  auto get = [&](const std::string& id) {
    return *s.read_now([&](store::ReadView& r) { return r.catalog().item(id); });
  };
  CPPUNIT_ASSERT_EQUAL(std::string("0"), get("A0").stock.to_string());
  CPPUNIT_ASSERT_EQUAL(std::string("99"), get("A99").stock.to_string());
  CPPUNIT_ASSERT_EQUAL(std::string("500"), get("A5").stock.to_string());
  CPPUNIT_ASSERT_EQUAL(std::string("2027-03-01"), get("A5").next_delivery.value_or(""));
  CPPUNIT_ASSERT_EQUAL(std::string("7000"), get("A70").stock.to_string());
  CPPUNIT_ASSERT_EQUAL(std::string("700"), get("A7").stock.to_string());
  CPPUNIT_ASSERT_EQUAL(std::string("3.5"), get("A3").price.to_string());
  CPPUNIT_ASSERT_EQUAL(std::string("9.99"), get("A3").recommended_retail_price->to_string());
  CPPUNIT_ASSERT_EQUAL(std::string("64"), get("A63").price.to_string());
  CPPUNIT_ASSERT(!get("A63").recommended_retail_price.has_value());                           // none given: none kept
  CPPUNIT_ASSERT_EQUAL(item("A80", "Part").price.to_string(), get("A80").price.to_string());  // not in the file
}

inline void search_pages_in_item_number_order(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  s.write_now([&](store::UnitOfWork& u) {
    for (const char* id : {"b-2", "B-1", "a-3", "_x", "\xc3\x84-5", "A-4"}) u.catalog().put_item(item(id, "Cable"));
  });
  auto page = [&](std::int64_t offset, std::int64_t limit) {
    auto items = s.read_now([&](store::ReadView& r) { return r.catalog().items_matching({"cable"}, offset, limit); });
    std::vector<std::string> ids;
    for (const auto& i : items) ids.push_back(i.id);
    return ids;
  };
  CPPUNIT_ASSERT(page(0, 10) == (std::vector<std::string>{"A-4", "B-1", "_x", "a-3", "b-2", "\xc3\x84-5"}));
  CPPUNIT_ASSERT(page(2, 2) == (std::vector<std::string>{"_x", "a-3"}));
  CPPUNIT_ASSERT(page(6, 2).empty());
}

class CatalogTables : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(CatalogTables);
  CPPUNIT_TEST(item_round_trip_keeps_exact_decimals);
  CPPUNIT_TEST(classification_groups_keep_their_order_per_seller);
  CPPUNIT_TEST(buyer_round_trip_keeps_binary_secrets);
  CPPUNIT_TEST(search_matches_all_terms_as_substrings);
  CPPUNIT_TEST(bulk_items_are_searchable_and_later_ones_too);
  CPPUNIT_TEST(search_ignores_case_and_finds_whole_terms_only);
  CPPUNIT_TEST(exception_in_unit_of_work_keeps_nothing);
  CPPUNIT_TEST(sellers_keep_their_own_catalogues);
  CPPUNIT_TEST(search_pages_in_item_number_order);
  CPPUNIT_TEST(bulk_stock_and_price_changes_apply_in_order);
  CPPUNIT_TEST_SUITE_END_ABSTRACT();

 public:
  void item_round_trip_keeps_exact_decimals() { contract::item_round_trip_keeps_exact_decimals(open_); }
  void classification_groups_keep_their_order_per_seller() {
    contract::classification_groups_keep_their_order_per_seller(open_);
  }
  void buyer_round_trip_keeps_binary_secrets() { contract::buyer_round_trip_keeps_binary_secrets(open_); }
  void search_matches_all_terms_as_substrings() { contract::search_matches_all_terms_as_substrings(open_); }
  void bulk_items_are_searchable_and_later_ones_too() { contract::bulk_items_are_searchable_and_later_ones_too(open_); }
  void search_ignores_case_and_finds_whole_terms_only() {
    contract::search_ignores_case_and_finds_whole_terms_only(open_);
  }
  void exception_in_unit_of_work_keeps_nothing() { contract::exception_in_unit_of_work_keeps_nothing(open_); }
  void sellers_keep_their_own_catalogues() { contract::sellers_keep_their_own_catalogues(open_); }
  void search_pages_in_item_number_order() { contract::search_pages_in_item_number_order(open_); }
  void bulk_stock_and_price_changes_apply_in_order() { contract::bulk_stock_and_price_changes_apply_in_order(open_); }

 protected:
  OpenStore open_;
};

}  // namespace og::test::contract
