// What every store's Veloconnect transaction tables must do, whatever the
// engine: run by the SQLite suite (tests/store/transaction_tables_test.cpp)
// and the PostgreSQL suite (tests/postgres), each on a fresh database.
#pragma once
#include <cppunit/extensions/HelperMacros.h>

#include <functional>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "store/open_store.hpp"
#include "store/store.hpp"

namespace og::test::contract {

using rules::Decimal;

inline model::Transaction transaction(const std::string& id, const std::string& buyer, int state) {
  model::Transaction t;
  t.id = id;
  t.buyer_id = buyer;
  t.state = state;
  t.created_at = t.updated_at = "2026-11-23T00:00:00Z";
  return t;
}

inline void transaction_round_trip_keeps_every_field(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  model::Transaction t = transaction("t1", "B1", 2);
  t.kind = model::TransactionKind::TextSearch;
  t.is_test = true;
  t.search_string = "brake cable";
  t.total_count = 17;
  t.created_at = "2026-11-23T08:00:00Z";
  t.updated_at = "2026-11-23T08:00:01Z";
  s.write_now([&](store::UnitOfWork& u) { u.transactions().insert_transaction(t); });
  auto back = s.read_now([](store::ReadView& r) { return r.transactions().transaction("B1", "t1"); });
  CPPUNIT_ASSERT(back.has_value());
  CPPUNIT_ASSERT_EQUAL(std::string("t1"), back->id);
  CPPUNIT_ASSERT_EQUAL(std::string("B1"), back->buyer_id);
  CPPUNIT_ASSERT(back->kind == model::TransactionKind::TextSearch);
  CPPUNIT_ASSERT_EQUAL(2, back->state);
  CPPUNIT_ASSERT(back->is_test);
  CPPUNIT_ASSERT_EQUAL(std::string("brake cable"), back->search_string);
  CPPUNIT_ASSERT_EQUAL(std::int64_t{17}, back->total_count);
  CPPUNIT_ASSERT(!back->order_id && !back->issue_date);
  CPPUNIT_ASSERT_EQUAL(std::string("2026-11-23T08:00:00Z"), back->created_at);
  CPPUNIT_ASSERT_EQUAL(std::string("2026-11-23T08:00:01Z"), back->updated_at);

  // What an update may change, it changes; the rest stays.
  t.state = 100;
  t.order_id = "OG-00000001";
  t.issue_date = "2026-11-24";
  t.total_count = 3;
  t.updated_at = "2026-11-24T09:00:00Z";
  s.write_now([&](store::UnitOfWork& u) { u.transactions().update_transaction(t); });
  back = s.read_now([](store::ReadView& r) { return r.transactions().transaction("B1", "t1"); });
  CPPUNIT_ASSERT_EQUAL(100, back->state);
  CPPUNIT_ASSERT_EQUAL(std::string("OG-00000001"), back->order_id.value_or(""));
  CPPUNIT_ASSERT_EQUAL(std::string("2026-11-24"), back->issue_date.value_or(""));
  CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, back->total_count);
  CPPUNIT_ASSERT_EQUAL(std::string("2026-11-24T09:00:00Z"), back->updated_at);
  CPPUNIT_ASSERT_EQUAL(std::string("2026-11-23T08:00:00Z"), back->created_at);
  CPPUNIT_ASSERT(back->kind == model::TransactionKind::TextSearch);
}

inline void updating_a_missing_transaction_is_refused(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  s.write_now([&](store::UnitOfWork& u) { u.transactions().insert_transaction(transaction("t1", "B1", 2)); });
  // Another buyer's transaction is nobody's: the update finds nothing.
  CPPUNIT_ASSERT_THROW(
      s.write_now([&](store::UnitOfWork& u) { u.transactions().update_transaction(transaction("t1", "B2", 100)); }),
      store::StoreError);
  auto t = s.read_now([](store::ReadView& r) { return r.transactions().transaction("B1", "t1"); });
  CPPUNIT_ASSERT_EQUAL(2, t->state);
}

inline void lines_upsert_and_remove(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  s.write_now([&](store::UnitOfWork& u) {
    u.transactions().insert_transaction(transaction("t1", "B1", 2));
    model::Line l;
    l.item_id = "A";
    l.position = 1;
    l.quantity = Decimal::from_int(2);
    l.unit = "EA";
    l.unit_price = *Decimal::parse("4.50");
    l.currency = "EUR";
    u.transactions().put_line("t1", l);
    l.quantity = Decimal::from_int(5);  // same item: the line changes, no second line
    u.transactions().put_line("t1", l);
    l.item_id = "B";
    l.position = 2;
    u.transactions().put_line("t1", l);
    u.transactions().remove_line("t1", "A");
  });
  auto lines = s.read_now([](store::ReadView& r) { return r.transactions().lines("t1"); });
  CPPUNIT_ASSERT_EQUAL(std::size_t{1}, lines.size());
  CPPUNIT_ASSERT_EQUAL(std::string("B"), lines[0].item_id);
  CPPUNIT_ASSERT_EQUAL(std::string("5"), lines[0].quantity.to_string());
}

inline void line_round_trip_keeps_optional_fields(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  model::Line full;
  full.item_id = "A";
  full.position = 7;
  full.quantity = *Decimal::parse("2.5");
  full.unit = "MTR";
  full.unit_price = *Decimal::parse("0.125");
  full.currency = "CHF";
  full.buyers_item_id = "mine-1";
  full.delivery_date = "2026-12-01";
  full.backlog = false;  // said "no": not the same as not said
  model::Line bare = full;
  bare.item_id = "B";
  bare.position = 8;
  bare.buyers_item_id.reset();
  bare.delivery_date.reset();
  bare.backlog.reset();
  s.write_now([&](store::UnitOfWork& u) {
    u.transactions().put_line("t1", full);
    u.transactions().put_line("t1", bare);
  });
  auto lines = s.read_now([](store::ReadView& r) { return r.transactions().lines("t1"); });
  CPPUNIT_ASSERT_EQUAL(std::size_t{2}, lines.size());
  const auto& a = lines[0];
  CPPUNIT_ASSERT_EQUAL(std::string("A"), a.item_id);
  CPPUNIT_ASSERT_EQUAL(std::int64_t{7}, a.position);
  CPPUNIT_ASSERT(a.quantity == full.quantity);
  CPPUNIT_ASSERT_EQUAL(std::string("MTR"), a.unit);
  CPPUNIT_ASSERT(a.unit_price == full.unit_price);
  CPPUNIT_ASSERT_EQUAL(std::string("CHF"), a.currency);
  CPPUNIT_ASSERT_EQUAL(std::string("mine-1"), a.buyers_item_id.value_or(""));
  CPPUNIT_ASSERT_EQUAL(std::string("2026-12-01"), a.delivery_date.value_or(""));
  CPPUNIT_ASSERT(a.backlog.has_value() && !*a.backlog);
  const auto& b = lines[1];
  CPPUNIT_ASSERT_EQUAL(std::string("B"), b.item_id);
  CPPUNIT_ASSERT(!b.buyers_item_id && !b.delivery_date && !b.backlog);
}

inline void orders_are_numbered(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  auto ids = s.write_now([&](store::UnitOfWork& u) {
    model::Order o{0, "", "t1", "B1", "2026-11-23", Decimal::from_int(10), "EUR", "now"};
    std::string first = u.transactions().insert_order(o);
    o.transaction_id = "t2";
    return std::pair{first, u.transactions().insert_order(o)};
  });
  CPPUNIT_ASSERT_EQUAL(std::string("OG-00000001"), ids.first);
  CPPUNIT_ASSERT_EQUAL(std::string("OG-00000002"), ids.second);
  // The permanent OrderInOnlineShop instance places many orders under one
  // TransactionID; each keeps its lines under a key of its own.
  auto third = s.write_now([&](store::UnitOfWork& u) {
    model::Line line;
    line.item_id = "A1";
    line.position = 1;
    line.quantity = Decimal::from_int(2);
    line.unit = "EA";
    line.currency = "EUR";
    u.transactions().put_line("t1", line);
    u.transactions().move_lines("t1", "t1-order-3");
    return u.transactions().insert_order(
        {0, "", "t1", "B1", "2026-11-24", Decimal::from_int(1), "EUR", "now", "t1-order-3"});
  });
  CPPUNIT_ASSERT_EQUAL(std::string("OG-00000003"), third);
  auto orders = s.read_now([](store::ReadView& r) { return r.transactions().orders_since("", 0, 10); });
  CPPUNIT_ASSERT_EQUAL(std::size_t{3}, orders.size());
  CPPUNIT_ASSERT_EQUAL(std::string("t1"), orders[0].lines_key);  // an ordinary order: its TransactionID
  CPPUNIT_ASSERT_EQUAL(std::string("t1"), orders[2].transaction_id);
  CPPUNIT_ASSERT_EQUAL(std::string("t1-order-3"), orders[2].lines_key);
  auto lines = s.read_now([](store::ReadView& r) {
    return std::pair{r.transactions().lines("t1").size(), r.transactions().lines("t1-order-3").size()};
  });
  CPPUNIT_ASSERT_EQUAL(std::size_t{0}, lines.first);
  CPPUNIT_ASSERT_EQUAL(std::size_t{1}, lines.second);
}

inline void clear_lines_empties_one_transaction_only(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  s.write_now([&](store::UnitOfWork& u) {
    for (const char* t : {"t1", "t2"})
      for (const char* id : {"A1", "A2"}) {
        model::Line line;
        line.item_id = id;
        line.unit = "EA";
        line.currency = "EUR";
        u.transactions().put_line(t, line);
      }
    u.transactions().clear_lines("t1");
  });
  auto counts = s.read_now([](store::ReadView& r) {
    return std::pair{r.transactions().lines("t1").size(), r.transactions().lines("t2").size()};
  });
  CPPUNIT_ASSERT_EQUAL(std::size_t{0}, counts.first);
  CPPUNIT_ASSERT_EQUAL(std::size_t{2}, counts.second);
}

inline void permanent_and_stock_instances_are_never_ended_as_orders_or_searches(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  auto ended = s.write_now([&](store::UnitOfWork& u) {
    auto shop = transaction("shop", "B1", 2);
    shop.kind = model::TransactionKind::OrderInOnlineShop;
    u.transactions().insert_transaction(shop);
    auto order = transaction("order", "B1", 2);
    u.transactions().insert_transaction(order);
    std::int64_t n = 0;
    for (auto kind : {model::TransactionKind::Order, model::TransactionKind::TextSearch})
      n += u.transactions().end_idle_transactions(kind, "2099-01-01T00:00:00Z", 198, "2099-01-01T00:00:00Z");
    return n;
  });
  CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, ended);
  auto counts = s.read_now([](store::ReadView& r) {
    return std::pair{r.transactions().transaction("B1", "shop")->state,
                     r.transactions().count_open_transactions("B1", model::TransactionKind::Order, "")};
  });
  CPPUNIT_ASSERT_EQUAL(2, counts.first);
  CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, counts.second);  // the basket is not one of the buyer's open orders
}

inline void transactions_are_per_buyer(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  s.write_now([&](store::UnitOfWork& u) {
    u.transactions().insert_transaction(transaction("t1", "B1", 2));
    u.transactions().insert_transaction(transaction("t2", "B1", 100));
    u.transactions().insert_transaction(transaction("t3", "B2", 2));
  });
  struct Seen {
    bool own, foreign;
    std::int64_t open_b1;
    std::size_t open_b2;
  };
  auto seen = s.read_now([](store::ReadView& r) {
    auto& t = r.transactions();
    return Seen{t.transaction("B1", "t1").has_value(), t.transaction("B2", "t1").has_value(),
                t.count_open_transactions("B1"), t.open_transactions("B2").size()};
  });
  CPPUNIT_ASSERT(seen.own);
  CPPUNIT_ASSERT(!seen.foreign);  // another buyer's ID is nobody's
  CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, seen.open_b1);
  CPPUNIT_ASSERT_EQUAL(std::size_t{1}, seen.open_b2);
}

// Several instances take orders at the same time: every order gets a number
// of its own and none is lost (SQLite: one writer at a time; PostgreSQL:
// serializable units that conflict run again).
inline void concurrent_orders_on_two_instances_get_distinct_numbers(const OpenStore& open) {
  auto first = open();
  auto second = open();
  constexpr int kThreads = 4, kOrders = 25;
  std::vector<std::thread> threads;
  std::vector<std::vector<std::string>> ids(kThreads);
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      auto& s = t % 2 ? *second : *first;
      for (int i = 0; i < kOrders; ++i)
        ids[static_cast<std::size_t>(t)].push_back(s.write_now([&](store::UnitOfWork& u) {
          auto id = "t" + std::to_string(t) + "-" + std::to_string(i);
          u.transactions().insert_transaction(transaction(id, "B1", 2));
          auto order_id = u.transactions().insert_order(
              {0, "", id, "B1", "2026-11-23", Decimal::from_int(1), "EUR", "2026-11-23T00:00:00Z"});
          auto txn = transaction(id, "B1", 100);
          txn.order_id = order_id;
          u.transactions().update_transaction(txn);
          return order_id;
        }));
    });
  for (auto& t : threads) t.join();
  std::set<std::string> distinct;
  for (const auto& v : ids) distinct.insert(v.begin(), v.end());
  CPPUNIT_ASSERT_EQUAL(std::size_t{kThreads * kOrders}, distinct.size());
  auto orders = first->read_now([](store::ReadView& r) { return r.transactions().orders_since("", 0, 1000); });
  CPPUNIT_ASSERT_EQUAL(std::size_t{kThreads * kOrders}, orders.size());
  for (std::size_t i = 0; i < orders.size(); ++i) {
    CPPUNIT_ASSERT_EQUAL(static_cast<std::int64_t>(i + 1), orders[i].number);  // no gaps, no twice
    auto txn = first->read_now(
        [&](store::ReadView& r) { return r.transactions().transaction("B1", orders[i].transaction_id); });
    CPPUNIT_ASSERT(txn && txn->order_id == orders[i].id);  // each unit whole: its order and its state together
  }
}

// A unit of work that throws leaves nothing behind, in any engine.
inline void a_failed_unit_keeps_nothing(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  CPPUNIT_ASSERT_THROW(s.write_now([&](store::UnitOfWork& u) {
    u.transactions().insert_transaction(transaction("t1", "B1", 2));
    throw std::runtime_error("the request failed halfway");
  }),
                       std::runtime_error);
  CPPUNIT_ASSERT(!s.read_now([](store::ReadView& r) { return r.transactions().transaction("B1", "t1"); }));
  s.write_now([&](store::UnitOfWork& u) { u.transactions().insert_transaction(transaction("t1", "B1", 2)); });
  CPPUNIT_ASSERT(s.read_now([](store::ReadView& r) { return r.transactions().transaction("B1", "t1"); }));
}

// Ended searches and rolled-back orders go; finished orders stay.
inline void purge_removes_ended_instances_and_their_lines_only(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  s.write_now([&](store::UnitOfWork& u) {
    auto search = transaction("search", "B1", 198);
    search.kind = model::TransactionKind::TextSearch;
    u.transactions().insert_transaction(search);
    u.transactions().insert_transaction(transaction("rolled-back", "B1", 199));
    u.transactions().insert_transaction(transaction("finished", "B1", 100));
    u.transactions().insert_transaction(transaction("open", "B1", 2));
    model::Line line;
    line.item_id = "A1";
    line.unit = "EA";
    line.currency = "EUR";
    for (const char* t : {"rolled-back", "finished", "open"}) u.transactions().put_line(t, line);
  });
  auto purged = s.write_now(
      [](store::UnitOfWork& u) { return u.transactions().purge_ended_transactions("2099-01-01T00:00:00Z", 100); });
  CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, purged);
  auto seen = s.read_now([](store::ReadView& r) {
    auto& t = r.transactions();
    return std::vector<bool>{t.transaction("B1", "search").has_value(),
                             t.transaction("B1", "rolled-back").has_value(),
                             t.transaction("B1", "finished").has_value(),
                             t.transaction("B1", "open").has_value(),
                             t.lines("rolled-back").empty(),
                             t.lines("finished").size() == 1};
  });
  CPPUNIT_ASSERT(seen == (std::vector<bool>{false, false, true, true, true, true}));
}

class TransactionTables : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(TransactionTables);
  CPPUNIT_TEST(transaction_round_trip_keeps_every_field);
  CPPUNIT_TEST(updating_a_missing_transaction_is_refused);
  CPPUNIT_TEST(lines_upsert_and_remove);
  CPPUNIT_TEST(line_round_trip_keeps_optional_fields);
  CPPUNIT_TEST(orders_are_numbered);
  CPPUNIT_TEST(clear_lines_empties_one_transaction_only);
  CPPUNIT_TEST(permanent_and_stock_instances_are_never_ended_as_orders_or_searches);
  CPPUNIT_TEST(transactions_are_per_buyer);
  CPPUNIT_TEST(concurrent_orders_on_two_instances_get_distinct_numbers);
  CPPUNIT_TEST(a_failed_unit_keeps_nothing);
  CPPUNIT_TEST(purge_removes_ended_instances_and_their_lines_only);
  CPPUNIT_TEST_SUITE_END_ABSTRACT();

 public:
  void transaction_round_trip_keeps_every_field() { contract::transaction_round_trip_keeps_every_field(open_); }
  void updating_a_missing_transaction_is_refused() { contract::updating_a_missing_transaction_is_refused(open_); }
  void lines_upsert_and_remove() { contract::lines_upsert_and_remove(open_); }
  void line_round_trip_keeps_optional_fields() { contract::line_round_trip_keeps_optional_fields(open_); }
  void orders_are_numbered() { contract::orders_are_numbered(open_); }
  void clear_lines_empties_one_transaction_only() { contract::clear_lines_empties_one_transaction_only(open_); }
  void permanent_and_stock_instances_are_never_ended_as_orders_or_searches() {
    contract::permanent_and_stock_instances_are_never_ended_as_orders_or_searches(open_);
  }
  void transactions_are_per_buyer() { contract::transactions_are_per_buyer(open_); }
  void concurrent_orders_on_two_instances_get_distinct_numbers() {
    contract::concurrent_orders_on_two_instances_get_distinct_numbers(open_);
  }
  void a_failed_unit_keeps_nothing() { contract::a_failed_unit_keeps_nothing(open_); }
  void purge_removes_ended_instances_and_their_lines_only() {
    contract::purge_removes_ended_instances_and_their_lines_only(open_);
  }

 protected:
  OpenStore open_;
};

}  // namespace og::test::contract
