// What every store's receipt tables must do, whatever the engine: documents
// round-trip whole, loading one again replaces it whole, a buyer (and a
// seller) reaches only its own, headers come newest first in their window with
// the IDs their lines refer to, and the orders ordergate took are read as
// confirmations. Run on SQLite (tests/store/receipt_tables_test.cpp) and
// PostgreSQL (tests/postgres).
#pragma once
#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "rules/veloconnect/receipts.hpp"
#include "store/store.hpp"
#include "store/transaction_store_contract.hpp"

namespace og::test::contract {

using model::ReceiptKind;

inline Decimal dec(const char* text) {
  return *Decimal::parse(text);
}

inline model::ReceiptLine line(const std::string& id, const char* item, const char* quantity, const char* price) {
  model::ReceiptLine l;
  l.line_id = id;
  l.item_id = item;
  l.quantity = dec(quantity);
  l.unit = "EA";
  l.unit_price = dec(price);
  l.line_price = *l.quantity.times(l.unit_price);
  l.currency = "EUR";
  return l;
}

inline model::ReceiptDocument document(ReceiptKind kind, const std::string& id, const std::string& buyer,
                                       const std::string& date) {
  model::ReceiptDocument d;
  d.kind = kind;
  d.id = id;
  d.buyer_id = buyer;
  d.issue_date = date;
  d.currency = "EUR";
  d.lines = {line("1", "A-1", "2", "1.50")};
  return d;
}

inline std::vector<std::string> ids(const std::vector<model::ReceiptHeader>& headers) {
  std::vector<std::string> out;
  for (const auto& h : headers) out.push_back(h.id);
  return out;
}

inline const auto kAll = [](const model::ReceiptHeader&) { return true; };

inline void delivery_note_round_trip_keeps_every_field(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  auto d = document(ReceiptKind::DeliveryNote, "DN-1", "B1", "2026-12-01");
  d.description = "Delivery ä 1";
  d.tracking_urls = {"https://t.example/1", "https://t.example/2?a=b&c"};
  d.lines[0].order = model::LineReference{"OG-00000001", "3"};
  d.lines[0].confirmation = model::LineReference{"OC-OG-00000001", std::nullopt};
  d.lines[0].delivery_date = "2026-11-30";
  d.lines[0].description = "Brake cable";
  d.lines[0].buyers_item_id = "MY-7";
  d.lines.push_back(line("2b", "B-2", "0.333333", "0.000001"));
  d.lines[1].unit = "MTR";
  d.lines[1].currency = "EUR";
  bool replaced = s.write_now([&](store::UnitOfWork& u) { return u.receipts("").put_receipt(d); });
  CPPUNIT_ASSERT(!replaced);
  auto back =
      s.read_now([&](store::ReadView& r) { return r.receipts("").receipt(ReceiptKind::DeliveryNote, "B1", "DN-1"); });
  CPPUNIT_ASSERT(back.has_value());
  CPPUNIT_ASSERT(*back == d);
  CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, s.read_now([&](store::ReadView& r) {
    return r.receipts("").count_receipts(ReceiptKind::DeliveryNote);
  }));
}

inline void invoice_round_trip_keeps_sums_and_vat(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  auto d = document(ReceiptKind::Invoice, "INV-1", "B1", "2026-12-02");
  d.url = "https://i.example/INV-1.pdf";
  d.lines.push_back(line("2", "B-2", "1", "10.00"));
  d.lines[1].delivery_note = model::LineReference{"DN-1", "1"};
  d.net_sum = dec("13.00");
  d.vat = {{dec("19"), dec("10.00"), dec("1.90")}, {dec("7"), dec("3.00"), dec("0.21")}};
  d.gross_sum = dec("15.11");
  s.write_now([&](store::UnitOfWork& u) { u.receipts("").put_receipt(d); });
  auto back =
      s.read_now([&](store::ReadView& r) { return r.receipts("").receipt(ReceiptKind::Invoice, "B1", "INV-1"); });
  CPPUNIT_ASSERT(back && *back == d);
}

inline void loading_again_replaces_the_document_whole(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  auto d = document(ReceiptKind::Invoice, "INV-1", "B1", "2026-12-02");
  d.lines = {line("1", "A", "1", "1"), line("2", "B", "1", "1"), line("3", "C", "1", "1")};
  d.vat = {{dec("19"), dec("3"), dec("0.57")}, {dec("7"), dec("0"), dec("0")}};
  s.write_now([&](store::UnitOfWork& u) { u.receipts("").put_receipt(d); });
  auto again = document(ReceiptKind::Invoice, "INV-1", "B1", "2026-12-03");
  again.lines = {line("9", "Z", "5", "2")};
  again.vat = {{dec("19"), dec("10"), dec("1.90")}};
  bool replaced = s.write_now([&](store::UnitOfWork& u) { return u.receipts("").put_receipt(again); });
  CPPUNIT_ASSERT(replaced);
  auto back =
      s.read_now([&](store::ReadView& r) { return r.receipts("").receipt(ReceiptKind::Invoice, "B1", "INV-1"); });
  CPPUNIT_ASSERT(back && *back == again);
  // The same again changes nothing.
  s.write_now([&](store::UnitOfWork& u) { u.receipts("").put_receipt(again); });
  back = s.read_now([&](store::ReadView& r) { return r.receipts("").receipt(ReceiptKind::Invoice, "B1", "INV-1"); });
  CPPUNIT_ASSERT(back && *back == again);
  CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, s.read_now([&](store::ReadView& r) {
    return r.receipts("").count_receipts(ReceiptKind::Invoice);
  }));
  // Replaced by a document of another buyer: the first buyer no longer sees it.
  auto moved = again;
  moved.buyer_id = "B2";
  s.write_now([&](store::UnitOfWork& u) { u.receipts("").put_receipt(moved); });
  CPPUNIT_ASSERT(
      !s.read_now([&](store::ReadView& r) { return r.receipts("").receipt(ReceiptKind::Invoice, "B1", "INV-1"); }));
}

inline void kinds_buyers_and_sellers_are_apart(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  s.write_now([&](store::UnitOfWork& u) {
    u.sellers().put_seller({"acme", "ACME"});
    u.receipts("").put_receipt(document(ReceiptKind::DeliveryNote, "X-1", "B1", "2026-12-01"));
    u.receipts("").put_receipt(document(ReceiptKind::Invoice, "X-1", "B1", "2026-12-02"));
    u.receipts("acme").put_receipt(document(ReceiptKind::DeliveryNote, "X-1", "B1", "2026-12-03"));
  });
  s.read_now([&](store::ReadView& r) {
    CPPUNIT_ASSERT_EQUAL(std::string("2026-12-01"),
                         r.receipts("").receipt(ReceiptKind::DeliveryNote, "B1", "X-1")->issue_date);
    CPPUNIT_ASSERT_EQUAL(std::string("2026-12-02"),
                         r.receipts("").receipt(ReceiptKind::Invoice, "B1", "X-1")->issue_date);
    CPPUNIT_ASSERT_EQUAL(std::string("2026-12-03"),
                         r.receipts("acme").receipt(ReceiptKind::DeliveryNote, "B1", "X-1")->issue_date);
    CPPUNIT_ASSERT(!r.receipts("").receipt(ReceiptKind::DeliveryNote, "B2", "X-1"));
    CPPUNIT_ASSERT(!r.receipts("acme").receipt(ReceiptKind::Invoice, "B1", "X-1"));
    CPPUNIT_ASSERT(!r.receipts("other").receipt(ReceiptKind::DeliveryNote, "B1", "X-1"));
    CPPUNIT_ASSERT(
        r.receipts("").receipt_headers(ReceiptKind::DeliveryNote, "B2", "2000-01-01", "2100-01-01", kAll, 10).empty());
    CPPUNIT_ASSERT_EQUAL(std::size_t{1},
                         r.receipts("acme")
                             .receipt_headers(ReceiptKind::DeliveryNote, "B1", "2000-01-01", "2100-01-01", kAll, 10)
                             .size());
  });
}

inline void headers_newest_first_in_their_window(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  s.write_now([&](store::UnitOfWork& u) {
    for (auto [id, date] : {std::pair{"D-1", "2026-11-30"},
                            {"D-2", "2026-12-01"},
                            {"D-3", "2026-12-01"},
                            {"D-4", "2026-12-05"},
                            {"D-5", "2026-12-06"},
                            {"D-0", "2026-12-05"}})
      u.receipts("").put_receipt(document(ReceiptKind::DeliveryNote, id, "B1", date));
  });
  s.read_now([&](store::ReadView& r) {
    auto& rc = r.receipts("");
    auto all = rc.receipt_headers(ReceiptKind::DeliveryNote, "B1", "2026-12-01", "2026-12-05", kAll, 100);
    CPPUNIT_ASSERT((ids(all) == std::vector<std::string>{"D-4", "D-0", "D-3", "D-2"}));
    CPPUNIT_ASSERT_EQUAL(std::string("2026-12-05"), all.front().issue_date);
    auto two = rc.receipt_headers(ReceiptKind::DeliveryNote, "B1", "2026-11-01", "2026-12-31", kAll, 2);
    CPPUNIT_ASSERT((ids(two) == std::vector<std::string>{"D-5", "D-4"}));
    auto odd = [](const model::ReceiptHeader& h) { return h.id == "D-1" || h.id == "D-3" || h.id == "D-5"; };
    auto some = rc.receipt_headers(ReceiptKind::DeliveryNote, "B1", "2026-11-01", "2026-12-31", odd, 2);
    CPPUNIT_ASSERT((ids(some) == std::vector<std::string>{"D-5", "D-3"}));
    CPPUNIT_ASSERT(rc.receipt_headers(ReceiptKind::DeliveryNote, "B1", "2026-12-02", "2026-12-04", kAll, 9).empty());
    CPPUNIT_ASSERT(rc.receipt_headers(ReceiptKind::DeliveryNote, "B1", "2026-11-01", "2026-12-31", kAll, 0).empty());
  });
}

inline void headers_list_what_lines_refer_to_once_in_order(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  auto d = document(ReceiptKind::Invoice, "I-1", "B1", "2026-12-01");
  d.description = "three orders";
  d.lines = {line("1", "A", "1", "1"), line("2", "A", "1", "1"), line("3", "A", "1", "1"), line("4", "A", "1", "1")};
  d.lines[0].order = model::LineReference{"O-2", "1"};
  d.lines[1].order = model::LineReference{"O-1", "1"};
  d.lines[2].order = model::LineReference{"O-2", "2"};
  d.lines[1].confirmation = model::LineReference{"OC-O-1", "1"};
  d.lines[3].delivery_note = model::LineReference{"DN-9", std::nullopt};
  d.lines[0].delivery_note = model::LineReference{"DN-8", "4"};
  s.write_now([&](store::UnitOfWork& u) { u.receipts("").put_receipt(d); });
  auto h = s.read_now([&](store::ReadView& r) {
    return r.receipts("").receipt_headers(ReceiptKind::Invoice, "B1", "2026-12-01", "2026-12-01", kAll, 5);
  });
  CPPUNIT_ASSERT_EQUAL(std::size_t{1}, h.size());
  CPPUNIT_ASSERT_EQUAL(std::string("three orders"), h[0].description.value_or(""));
  CPPUNIT_ASSERT((h[0].order_ids == std::vector<std::string>{"O-2", "O-1"}));
  CPPUNIT_ASSERT((h[0].confirmation_ids == std::vector<std::string>{"OC-O-1"}));
  CPPUNIT_ASSERT((h[0].delivery_note_ids == std::vector<std::string>{"DN-8", "DN-9"}));
}

inline void headers_filtered_as_the_rule_says(const OpenStore& open) {
  namespace rv = rules::veloconnect;
  auto store = open();
  auto& s = *store;
  std::mt19937 random(7);
  const std::vector<std::string> orders{"O-1", "O-2", "O-3"}, notes{"DN-1", "DN-2"};
  std::vector<model::ReceiptDocument> docs;
  for (int i = 0; i < 60; ++i) {
    auto d = document(ReceiptKind::Invoice, "I-" + std::to_string(100 + i), i % 5 == 0 ? "B2" : "B1",
                      "2026-12-" + std::string(i % 9 < 9 ? "0" : "") + std::to_string(1 + i % 9));
    d.lines.clear();
    int n = 1 + static_cast<int>(random() % 3);
    for (int k = 0; k < n; ++k) {
      auto l = line(std::to_string(k + 1), "A", "1", "1");
      if (random() % 3) l.order = model::LineReference{orders[random() % orders.size()], std::nullopt};
      if (random() % 2) l.confirmation = model::LineReference{"OC-" + orders[random() % orders.size()], "1"};
      if (random() % 2) l.delivery_note = model::LineReference{notes[random() % notes.size()], std::nullopt};
      d.lines.push_back(l);
    }
    docs.push_back(d);
  }
  s.write_now([&](store::UnitOfWork& u) {
    for (const auto& d : docs) u.receipts("").put_receipt(d);
  });
  const std::vector<std::vector<std::string>> order_filters{{}, {"O-1"}, {"O-2", "O-3"}};
  const std::vector<std::vector<std::string>> confirmation_filters{{}, {"OC-O-1"}};
  const std::vector<std::vector<std::string>> note_filters{{}, {"DN-2"}, {"DN-1", "DN-2"}};
  for (const auto& fo : order_filters)
    for (const auto& fc : confirmation_filters)
      for (const auto& fd : note_filters) {
        rv::ReferenceFilter f{fo, fc, fd, std::nullopt, std::nullopt};
        auto accept = [&](const model::ReceiptHeader& h) {
          return rv::matches(f, {h.order_ids, h.confirmation_ids, h.delivery_note_ids, std::nullopt, std::nullopt});
        };
        auto got = s.read_now([&](store::ReadView& r) {
          return r.receipts("").receipt_headers(ReceiptKind::Invoice, "B1", "2026-12-02", "2026-12-08", accept, 1000);
        });
        // By hand: every document of B1 in the window whose lines refer to what the filter asks.
        std::vector<std::pair<std::string, std::string>> want;
        for (const auto& d : docs) {
          if (d.buyer_id != "B1" || d.issue_date < "2026-12-02" || d.issue_date > "2026-12-08") continue;
          auto refers = [&](const std::vector<std::string>& wanted, auto member) {
            if (wanted.empty()) return true;
            for (const auto& l : d.lines)
              if ((l.*member) && std::find(wanted.begin(), wanted.end(), (l.*member)->id) != wanted.end()) return true;
            return false;
          };
          if (refers(fo, &model::ReceiptLine::order) && refers(fc, &model::ReceiptLine::confirmation) &&
              refers(fd, &model::ReceiptLine::delivery_note))
            want.emplace_back(d.issue_date, d.id);
        }
        std::sort(want.begin(), want.end(), std::greater<>());
        std::vector<std::string> want_ids;
        for (const auto& w : want) want_ids.push_back(w.second);
        CPPUNIT_ASSERT(ids(got) == want_ids);
      }
}

inline void orders_are_read_as_confirmations(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  int n = 0;
  s.write_now([&](store::UnitOfWork& u) {
    u.sellers().put_seller({"acme", "ACME"});
    for (auto [buyer, date, seller] : {std::tuple{"B1", "2026-12-01", ""},
                                       {"B1", "2026-12-03", ""},
                                       {"B2", "2026-12-02", ""},
                                       {"B1", "2026-12-03", ""},
                                       {"B1", "2026-12-02", "acme"}}) {
      model::Order o;
      o.transaction_id = std::string("T-") + buyer + date + seller + std::to_string(++n);
      o.buyer_id = buyer;
      o.issue_date = date;
      o.currency = "EUR";
      o.created_at = std::string(date) + "T10:00:00Z";
      u.transactions(seller).insert_order(o);
    }
  });
  s.read_now([&](store::ReadView& r) {
    auto all = [](const model::Order&) { return true; };
    auto mine = r.receipts("").buyer_orders("B1", "2026-12-01", "2026-12-31", all, 10);
    std::vector<std::string> got;
    for (const auto& o : mine) got.push_back(o.id);
    CPPUNIT_ASSERT((got == std::vector<std::string>{"OG-00000004", "OG-00000002", "OG-00000001"}));
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, r.receipts("").buyer_orders("B1", "2026-12-03", "2026-12-03", all, 1).size());
    CPPUNIT_ASSERT(r.receipts("").buyer_orders("B1", "2026-12-02", "2026-12-02", all, 10).empty());
    CPPUNIT_ASSERT_EQUAL(std::size_t{1},
                         r.receipts("acme").buyer_orders("B1", "2026-12-01", "2026-12-31", all, 10).size());
    CPPUNIT_ASSERT(r.receipts("").buyer_order("B1", "OG-00000002"));
    CPPUNIT_ASSERT(!r.receipts("").buyer_order("B2", "OG-00000002"));
    CPPUNIT_ASSERT(!r.receipts("").buyer_order("B1", "OG-00000005"));  // acme's
    CPPUNIT_ASSERT(r.receipts("acme").buyer_order("B1", "OG-00000005"));
  });
}

inline void a_failed_unit_keeps_no_part_of_a_document(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  auto d = document(ReceiptKind::DeliveryNote, "DN-1", "B1", "2026-12-01");
  try {
    s.write_now([&](store::UnitOfWork& u) {
      u.receipts("").put_receipt(d);
      throw std::runtime_error("half way");
    });
    CPPUNIT_FAIL("no exception");
  } catch (const std::runtime_error&) {
  }
  CPPUNIT_ASSERT(
      !s.read_now([&](store::ReadView& r) { return r.receipts("").receipt(ReceiptKind::DeliveryNote, "B1", "DN-1"); }));
  CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, s.read_now([&](store::ReadView& r) {
    return r.receipts("").count_receipts(ReceiptKind::DeliveryNote);
  }));
}

class ReceiptTables : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(ReceiptTables);
  CPPUNIT_TEST(delivery_note_round_trip_keeps_every_field);
  CPPUNIT_TEST(invoice_round_trip_keeps_sums_and_vat);
  CPPUNIT_TEST(loading_again_replaces_the_document_whole);
  CPPUNIT_TEST(kinds_buyers_and_sellers_are_apart);
  CPPUNIT_TEST(headers_newest_first_in_their_window);
  CPPUNIT_TEST(headers_list_what_lines_refer_to_once_in_order);
  CPPUNIT_TEST(headers_filtered_as_the_rule_says);
  CPPUNIT_TEST(orders_are_read_as_confirmations);
  CPPUNIT_TEST(a_failed_unit_keeps_no_part_of_a_document);
  CPPUNIT_TEST_SUITE_END_ABSTRACT();

 public:
  void delivery_note_round_trip_keeps_every_field() { contract::delivery_note_round_trip_keeps_every_field(open_); }
  void invoice_round_trip_keeps_sums_and_vat() { contract::invoice_round_trip_keeps_sums_and_vat(open_); }
  void loading_again_replaces_the_document_whole() { contract::loading_again_replaces_the_document_whole(open_); }
  void kinds_buyers_and_sellers_are_apart() { contract::kinds_buyers_and_sellers_are_apart(open_); }
  void headers_newest_first_in_their_window() { contract::headers_newest_first_in_their_window(open_); }
  void headers_list_what_lines_refer_to_once_in_order() {
    contract::headers_list_what_lines_refer_to_once_in_order(open_);
  }
  void headers_filtered_as_the_rule_says() { contract::headers_filtered_as_the_rule_says(open_); }
  void orders_are_read_as_confirmations() { contract::orders_are_read_as_confirmations(open_); }
  void a_failed_unit_keeps_no_part_of_a_document() { contract::a_failed_unit_keeps_no_part_of_a_document(open_); }

 protected:
  OpenStore open_;
};

}  // namespace og::test::contract
