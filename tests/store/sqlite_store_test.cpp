// The SQLite store against a real file: schema creation and reopening, seeding
// exactly once, atomic units of work, failed commits, search, and every model
// type's round trip (with the codes that earlier releases wrote to disk).
#include <cppunit/extensions/HelperMacros.h>

#include <sqlite3.h>

#include "core/catalog/demo_data.hpp"
#include "core/clock.hpp"
#include "store/catalog_store_contract.hpp"
#include "store/sqlite/schema.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/transaction_store_contract.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

using contract::find_item;
using contract::item;
using contract::transaction;
using rules::Decimal;
using store::sqlite::SqliteOptions;
using store::sqlite::SqliteStore;

namespace {

std::string db_path(const TempDir& dir) {
  return (dir.path() / "og.db").string();
}

// Runs SQL on the file directly (the store must be closed: it locks the file).
void exec_sql(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_open(path.c_str(), &db));
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  CPPUNIT_ASSERT_EQUAL_MESSAGE(message, SQLITE_OK, rc);
}

std::int64_t query_int(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_open(path.c_str(), &db));
  sqlite3_stmt* stmt = nullptr;
  std::int64_t value = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
    value = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

}  // namespace

class SqliteStoreTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(SqliteStoreTest);
  CPPUNIT_TEST(new_database_is_created_and_seeded_once);
  CPPUNIT_TEST(exception_in_a_read_reaches_the_caller);
  CPPUNIT_TEST(failed_commit_keeps_nothing);
  CPPUNIT_TEST(transaction_kinds_keep_their_codes_on_disk);
  CPPUNIT_TEST(new_kinds_keep_their_codes_on_disk);
  CPPUNIT_TEST(stock_transmission_round_trip_and_paging);
  CPPUNIT_TEST(sale_transmission_round_trip_and_paging);
  CPPUNIT_TEST(sale_b2x_transmission_round_trip_and_paging);
  CPPUNIT_TEST(ended_b2x_instances_are_purged_but_their_lines_stay);
  CPPUNIT_TEST(version_8_orders_keep_their_lines_after_migration);
  CPPUNIT_TEST(newer_schema_is_refused);
  CPPUNIT_TEST(demo_data_is_the_documented_catalog);
  CPPUNIT_TEST(stopped_store_refuses_work);
  CPPUNIT_TEST_SUITE_END();

 public:
  void new_database_is_created_and_seeded_once() {
    TempDir dir;
    SqliteOptions o;
    o.path = db_path(dir);
    int seeded = 0;
    o.seed = [&](store::UnitOfWork& uow) {
      ++seeded;
      uow.catalog().put_item(item("A1", "Seeded"));
    };
    {
      SqliteStore s(o);
      CPPUNIT_ASSERT(s.created());
      CPPUNIT_ASSERT(find_item(s, "A1").has_value());
    }
    SqliteStore again(o);
    CPPUNIT_ASSERT(!again.created());
    CPPUNIT_ASSERT_EQUAL(1, seeded);
    CPPUNIT_ASSERT(find_item(again, "A1").has_value());
  }

  void exception_in_a_read_reaches_the_caller() {
    TempDir dir;
    SqliteStore s({db_path(dir)});
    CPPUNIT_ASSERT_THROW(s.read_now([](store::ReadView&) -> int { throw std::logic_error("read failed"); }),
                         std::logic_error);
    CPPUNIT_ASSERT(!find_item(s, "Y").has_value());
  }

  void failed_commit_keeps_nothing() {
    TempDir dir;
    SqliteOptions o{db_path(dir)};
    o.fail_commits = true;
    {
      SqliteStore s(o);
      CPPUNIT_ASSERT_THROW(s.write_now([&](store::UnitOfWork& u) { u.catalog().put_item(item("Z", "never")); }),
                           store::StoreError);
      CPPUNIT_ASSERT(!find_item(s, "Z").has_value());
    }
    o.fail_commits = false;
    SqliteStore s(o);
    CPPUNIT_ASSERT(!find_item(s, "Z").has_value());
  }

  void transaction_kinds_keep_their_codes_on_disk() {
    // ordergate 0.1 wrote Order as 1 and TextSearch as 2; model::TransactionKind
    // (the rules' enum, Order = 0) must not change what is on disk.
    TempDir dir;
    std::string path = db_path(dir);
    {
      SqliteStore s({path});
      s.write_now([&](store::UnitOfWork& u) {
        auto order = transaction("order", "B1", 2);
        order.kind = model::TransactionKind::Order;
        u.transactions().insert_transaction(order);
        auto search = transaction("search", "B1", 2);
        search.kind = model::TransactionKind::TextSearch;
        u.transactions().insert_transaction(search);
      });
    }
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, query_int(path, "SELECT kind FROM transactions WHERE id = 'order'"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, query_int(path, "SELECT kind FROM transactions WHERE id = 'search'"));
    // Rows as 0.1 wrote them read back as the right kind.
    exec_sql(path,
             "INSERT INTO transactions (id, buyer_id, kind, state, is_test, created_at, updated_at) VALUES "
             "('old-order', 'B1', 1, 2, 0, 't', 't'), ('old-search', 'B1', 2, 2, 0, 't', 't')");
    SqliteStore s({path});
    auto kinds = s.read_now([](store::ReadView& r) {
      return std::pair{r.transactions().transaction("B1", "old-order")->kind,
                       r.transactions().transaction("B1", "old-search")->kind};
    });
    CPPUNIT_ASSERT(kinds.first == model::TransactionKind::Order);
    CPPUNIT_ASSERT(kinds.second == model::TransactionKind::TextSearch);
  }

  void new_kinds_keep_their_codes_on_disk() {
    TempDir dir;
    std::string path = db_path(dir);
    {
      SqliteStore s({path});
      s.write_now([&](store::UnitOfWork& u) {
        auto shop = transaction("shop", "B1", 2);
        shop.kind = model::TransactionKind::OrderInOnlineShop;
        u.transactions().insert_transaction(shop);
        auto stock = transaction("stock", "B1", 2);
        stock.kind = model::TransactionKind::StockTransmission;
        u.transactions().insert_transaction(stock);
      });
    }
    CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, query_int(path, "SELECT kind FROM transactions WHERE id = 'shop'"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{4}, query_int(path, "SELECT kind FROM transactions WHERE id = 'stock'"));
    SqliteStore s({path});
    auto kinds = s.read_now([](store::ReadView& r) {
      return std::pair{r.transactions().transaction("B1", "shop")->kind,
                       r.transactions().transaction("B1", "stock")->kind};
    });
    CPPUNIT_ASSERT(kinds.first == model::TransactionKind::OrderInOnlineShop);
    CPPUNIT_ASSERT(kinds.second == model::TransactionKind::StockTransmission);
  }

  void stock_transmission_round_trip_and_paging() {
    TempDir dir;
    SqliteStore s({db_path(dir)});
    s.write_now([&](store::UnitOfWork& u) {
      auto a1 = item("A1", "carried");
      a1.ean = "4012345678901";
      a1.manufacturer = "Shimano";
      a1.manufacturer_item_id = "RD-M8100";
      u.catalog("acme").put_item(a1);
    });
    model::StockTransmission t{"tx1", "B1", model::StockVariant::B2C, "2026-12-01T10:00:00", "Complete", 5, "now"};
    std::vector<model::StockLine> lines(5);
    lines[0].sellers_item_id = "A1";
    lines[1].ean = "4012345678901";
    lines[2].manufacturer_item_id = "RD-M8100";
    lines[2].manufacturer_name = "SHIMANO";
    lines[3].manufacturer_item_id = "RD-M8100";
    lines[3].manufacturer_name = "SRAM";
    lines[4].sellers_item_id = "nope";
    lines[4].buyers_item_id = "mine-4";
    lines[4].quantity = *Decimal::parse("2.5");
    lines[4].unit = "EA";
    lines[4].availability = "LimitedAvailable";
    lines[4].price = model::StockPrice{*Decimal::parse("19.99"), "EUR"};
    lines[4].special_price = model::StockPrice{*Decimal::parse("14.99"), "EUR"};
    lines[4].orderable = true;
    lines[4].delivery_min_days = 1;
    lines[4].delivery_max_days = 3;
    lines[4].condition = "CO10";
    auto carried = s.write_now([&](store::UnitOfWork& u) {
      std::vector<bool> out;
      auto& stock = u.stock("acme");
      for (std::size_t i = 0; i < lines.size(); ++i) {
        lines[i].position = static_cast<std::int64_t>(i);
        lines[i].carried = stock.carries(lines[i]);
        out.push_back(lines[i].carried);
      }
      // Another seller carries nothing of this.
      out.push_back(u.stock("other").carries(lines[0]));
      stock.insert_transmission(t, lines);
      return out;
    });
    CPPUNIT_ASSERT(carried == (std::vector<bool>{true, true, true, false, false, false}));
    auto read = s.read_now([](store::ReadView& r) {
      return std::tuple{r.stock("acme").transmission("B1", "tx1"), r.stock("acme").transmission("B2", "tx1"),
                        r.stock("other").transmission("B1", "tx1"), r.stock("acme").lines("tx1", 3, 10),
                        r.stock("acme").lines("tx1", 0, 2)};
    });
    const auto& [mine, theirs, other_seller, tail, head] = read;
    CPPUNIT_ASSERT(mine.has_value());
    CPPUNIT_ASSERT(mine->variant == model::StockVariant::B2C);
    CPPUNIT_ASSERT_EQUAL(std::string("Complete"), mine->frequence);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{5}, mine->line_count);
    CPPUNIT_ASSERT(!theirs && !other_seller);
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, head.size());
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, tail.size());
    const auto& l = tail[1];
    CPPUNIT_ASSERT_EQUAL(std::int64_t{4}, l.position);
    CPPUNIT_ASSERT_EQUAL(std::string("mine-4"), *l.buyers_item_id);
    CPPUNIT_ASSERT_EQUAL(std::string("2.5"), l.quantity->to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("LimitedAvailable"), *l.availability);
    CPPUNIT_ASSERT_EQUAL(std::string("19.99"), l.price->amount.to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("14.99"), l.special_price->amount.to_string());
    CPPUNIT_ASSERT(*l.orderable);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, *l.delivery_max_days);
    CPPUNIT_ASSERT_EQUAL(std::string("CO10"), *l.condition);
    CPPUNIT_ASSERT(!l.carried);
    CPPUNIT_ASSERT(!tail[0].manufacturer_name || *tail[0].manufacturer_name == "SRAM");
  }

  void sale_transmission_round_trip_and_paging() {
    TempDir dir;
    std::string path = db_path(dir);
    {
      SqliteStore s({path});
      model::SaleTransmission t{"sale1", "B1", "2026-12-01T10:00:00", 3, "now"};
      std::vector<model::SaleLine> lines(3);
      for (std::size_t i = 0; i < lines.size(); ++i) {
        lines[i].position = static_cast<std::int64_t>(i);
        lines[i].id = "L" + std::to_string(i);
        lines[i].sellers_item_id = "A" + std::to_string(i);
        lines[i].quantity_text = "1";
        lines[i].quantity = *Decimal::parse("1");
        lines[i].sale_date = "2026-11-30T09:00:00";
      }
      auto& full = lines[2];
      full.buyers_item_id = "mine-2";
      full.quantity_text = "-1.5000";
      full.quantity = *Decimal::parse("-1.5");
      full.document_number = "INV-7";
      full.price_gross = model::SalePrice{*Decimal::parse("119.5"), "EUR"};
      full.price_net = model::SalePrice{*Decimal::parse("100.00"), "EUR"};
      full.postal_code = "48143";
      full.sales_channel = "RETAIL";
      full.serial_numbers = {{"WB123", "FRAME", std::nullopt}, {"BT9", "BATTERY", std::string("rear")}};
      s.write_now([&](store::UnitOfWork& u) {
        auto instance = transaction("sale1", "B1", 2);
        instance.kind = model::TransactionKind::SaleTransmission;
        u.transactions("acme").insert_transaction(instance);
        u.sales("acme").insert_sale_transmission(t, lines);
      });
    }
    CPPUNIT_ASSERT_EQUAL(std::int64_t{5}, query_int(path, "SELECT kind FROM transactions WHERE id = 'sale1'"));
    SqliteStore s({path});
    auto read = s.read_now([](store::ReadView& r) {
      return std::tuple{
          r.sales("acme").sale_transmission("B1", "sale1"),  r.sales("acme").sale_transmission("B2", "sale1"),
          r.sales("other").sale_transmission("B1", "sale1"), r.sales("acme").sale_lines("sale1", 1, 10),
          r.sales("acme").sale_lines("sale1", 0, 1),         r.transactions("acme").transaction("B1", "sale1")};
    });
    const auto& [mine, theirs, other_seller, tail, head, instance] = read;
    CPPUNIT_ASSERT(mine.has_value());
    CPPUNIT_ASSERT_EQUAL(std::string("2026-12-01T10:00:00"), mine->create_date);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, mine->line_count);
    CPPUNIT_ASSERT(!theirs && !other_seller);
    CPPUNIT_ASSERT(instance && instance->kind == model::TransactionKind::SaleTransmission);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, head.size());
    CPPUNIT_ASSERT_EQUAL(std::string("L0"), head[0].id);
    CPPUNIT_ASSERT(head[0].serial_numbers.empty() && !head[0].price_gross && !head[0].buyers_item_id);
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, tail.size());
    const auto& l = tail[1];
    CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, l.position);
    CPPUNIT_ASSERT_EQUAL(std::string("A2"), l.sellers_item_id);
    CPPUNIT_ASSERT_EQUAL(std::string("mine-2"), *l.buyers_item_id);
    CPPUNIT_ASSERT_EQUAL(std::string("-1.5000"), l.quantity_text);
    CPPUNIT_ASSERT_EQUAL(std::string("-1.5"), l.quantity.to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("2026-11-30T09:00:00"), l.sale_date);
    CPPUNIT_ASSERT_EQUAL(std::string("INV-7"), *l.document_number);
    CPPUNIT_ASSERT_EQUAL(std::string("119.5"), l.price_gross->amount.to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("EUR"), l.price_net->currency);
    CPPUNIT_ASSERT_EQUAL(std::string("48143"), *l.postal_code);
    CPPUNIT_ASSERT_EQUAL(std::string("RETAIL"), *l.sales_channel);
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, l.serial_numbers.size());
    CPPUNIT_ASSERT_EQUAL(std::string("WB123"), l.serial_numbers[0].id);
    CPPUNIT_ASSERT_EQUAL(std::string("FRAME"), l.serial_numbers[0].kind);
    CPPUNIT_ASSERT(!l.serial_numbers[0].description);
    CPPUNIT_ASSERT_EQUAL(std::string("rear"), *l.serial_numbers[1].description);
    CPPUNIT_ASSERT(tail[0].serial_numbers.empty());
  }

  void sale_b2x_transmission_round_trip_and_paging() {
    TempDir dir;
    std::string path = db_path(dir);
    {
      SqliteStore s({path});
      model::SaleTransmission t{"b2x1", "B1", "2026-12-01T10:00:00", 3, "now"};
      std::vector<model::SaleB2XLine> lines(3);
      for (std::size_t i = 0; i < lines.size(); ++i) {
        lines[i].position = static_cast<std::int64_t>(i);
        lines[i].id = "L" + std::to_string(i);
        lines[i].sale_date = "2026-11-30T09:00:00";
      }
      lines[0].standard_item_id = "4012345678901";
      lines[0].quantities = {{*Decimal::parse("1"), "1", std::string("EA")}};
      // A service: classified and described, priced, no item.
      auto& service = lines[1];
      service.classification = model::CommodityClassification{
          std::nullopt, std::nullopt, model::ClassificationCode{"8714", std::string("HS"), std::nullopt},
          model::ClassificationCode{"SERVICE-INSPECTION", std::string("BIDEX"), std::string("9")}};
      service.description = "Annual inspection";
      service.description_language = "en";
      service.price_net = model::Amount{*Decimal::parse("49.00"), "EUR"};
      auto& full = lines[2];
      full.manufacturers_item_id = "M-77";
      full.manufacturer_name = "Velo AG";
      full.buyers_item_id = "mine-2";
      full.bidex_group_key = "123456";
      full.quantities = {{*Decimal::parse("-2"), "-2.000", std::string("EA")}, {*Decimal::parse("1.5"), "1.5", {}}};
      full.document_number = "INV-9";
      full.price_gross = model::Amount{*Decimal::parse("2380"), "EUR"};
      full.price_net = model::Amount{*Decimal::parse("2000"), "EUR"};
      full.recommended_retail_price = model::Amount{*Decimal::parse("2499.99"), "CHF"};
      full.postal_code = "48143";
      full.sales_channel = "ONLINE";
      s.write_now([&](store::UnitOfWork& u) {
        auto instance = transaction("b2x1", "B1", 2);
        instance.kind = model::TransactionKind::SaleB2XTransmission;
        u.transactions("acme").insert_transaction(instance);
        u.sales("acme").insert_sale_b2x_transmission(t, lines);
      });
    }
    CPPUNIT_ASSERT_EQUAL(std::int64_t{6}, query_int(path, "SELECT kind FROM transactions WHERE id = 'b2x1'"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, query_int(path, "SELECT count(*) FROM sale_lines"));
    SqliteStore s({path});
    auto read = s.read_now([](store::ReadView& r) {
      return std::tuple{r.sales("acme").sale_transmission("B1", "b2x1"),
                        r.sales("other").sale_transmission("B1", "b2x1"), r.sales("acme").sale_b2x_lines("b2x1", 1, 10),
                        r.sales("acme").sale_b2x_lines("b2x1", 0, 1), r.transactions("acme").transaction("B1", "b2x1")};
    });
    const auto& [mine, other_seller, tail, head, instance] = read;
    CPPUNIT_ASSERT(mine.has_value() && !other_seller);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, mine->line_count);
    CPPUNIT_ASSERT(instance && instance->kind == model::TransactionKind::SaleB2XTransmission);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, head.size());
    CPPUNIT_ASSERT_EQUAL(std::string("4012345678901"), *head[0].standard_item_id);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, head[0].quantities.size());
    CPPUNIT_ASSERT_EQUAL(std::string("EA"), *head[0].quantities[0].unit);
    CPPUNIT_ASSERT(!head[0].classification && !head[0].price_net && !head[0].description);
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, tail.size());
    const auto& svc = tail[0];
    CPPUNIT_ASSERT(svc.classification && !svc.classification->nature_code && !svc.classification->cargo_type_code);
    CPPUNIT_ASSERT_EQUAL(std::string("8714"), svc.classification->commodity_code->value);
    CPPUNIT_ASSERT_EQUAL(std::string("HS"), *svc.classification->commodity_code->list_id);
    CPPUNIT_ASSERT(!svc.classification->commodity_code->list_agency_id);
    CPPUNIT_ASSERT_EQUAL(std::string("SERVICE-INSPECTION"), svc.classification->item_classification_code->value);
    CPPUNIT_ASSERT_EQUAL(std::string("9"), *svc.classification->item_classification_code->list_agency_id);
    CPPUNIT_ASSERT_EQUAL(std::string("Annual inspection"), *svc.description);
    CPPUNIT_ASSERT_EQUAL(std::string("en"), *svc.description_language);
    CPPUNIT_ASSERT_EQUAL(std::string("49"), svc.price_net->amount.to_string());
    CPPUNIT_ASSERT(svc.quantities.empty());
    const auto& l = tail[1];
    CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, l.position);
    CPPUNIT_ASSERT_EQUAL(std::string("M-77"), *l.manufacturers_item_id);
    CPPUNIT_ASSERT_EQUAL(std::string("Velo AG"), *l.manufacturer_name);
    CPPUNIT_ASSERT_EQUAL(std::string("mine-2"), *l.buyers_item_id);
    CPPUNIT_ASSERT_EQUAL(std::string("123456"), *l.bidex_group_key);
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, l.quantities.size());
    CPPUNIT_ASSERT_EQUAL(std::string("-2.000"), l.quantities[0].text);
    CPPUNIT_ASSERT_EQUAL(std::string("-2"), l.quantities[0].amount.to_string());
    CPPUNIT_ASSERT(!l.quantities[1].unit);
    CPPUNIT_ASSERT_EQUAL(std::string("INV-9"), *l.document_number);
    CPPUNIT_ASSERT_EQUAL(std::string("2380"), l.price_gross->amount.to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("2499.99"), l.recommended_retail_price->amount.to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("CHF"), l.recommended_retail_price->currency);
    CPPUNIT_ASSERT_EQUAL(std::string("48143"), *l.postal_code);
    CPPUNIT_ASSERT_EQUAL(std::string("ONLINE"), *l.sales_channel);
  }

  // Like B2B's: the ended instance goes, what the dealer sent stays.
  void ended_b2x_instances_are_purged_but_their_lines_stay() {
    TempDir dir;
    std::string path = db_path(dir);
    SqliteStore s({path});
    s.write_now([&](store::UnitOfWork& u) {
      auto instance = transaction("b2x1", "B1", 100);
      instance.kind = model::TransactionKind::SaleB2XTransmission;
      instance.updated_at = "2026-01-01T00:00:00Z";
      u.transactions("acme").insert_transaction(instance);
      model::SaleB2XLine line;
      line.id = "L0";
      line.sale_date = "2026-11-30T09:00:00";
      u.sales("acme").insert_sale_b2x_transmission({"b2x1", "B1", "2026-12-01T10:00:00", 1, "now"}, {line});
    });
    auto purged = s.write_now([](store::UnitOfWork& u) {
      return u.transactions("acme").purge_ended_transactions("2026-06-01T00:00:00Z", 10);
    });
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, purged);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, query_int(path, "SELECT count(*) FROM transactions WHERE id = 'b2x1'"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, query_int(path, "SELECT count(*) FROM sale_b2x_lines"));
  }

  void version_8_orders_keep_their_lines_after_migration() {
    TempDir dir;
    std::string path = db_path(dir);
    {
      sqlite3* db = nullptr;
      CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_open(path.c_str(), &db));
      auto all = store::sqlite::migrations();
      for (std::size_t i = 0; i < 8; ++i)
        CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_exec(db, all[i], nullptr, nullptr, nullptr));
      CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_exec(db,
                                                   "PRAGMA user_version = 8;"
                                                   "INSERT INTO orders (number, id, transaction_id, buyer_id, "
                                                   "issue_date, total, currency, created_at, seller_id) VALUES "
                                                   "(7, 'OG-00000007', 'old', 'B1', '2026-01-01', 1, 'EUR', "
                                                   "'2026-01-01T00:00:00Z', '');"
                                                   "INSERT INTO order_lines (transaction_id, item_id, position, "
                                                   "quantity, unit, unit_price, currency) VALUES "
                                                   "('old', 'A1', 1, 1000000, 'EA', 1, 'EUR')",
                                                   nullptr, nullptr, nullptr));
      sqlite3_close(db);
    }
    SqliteStore s({path});
    auto orders = s.read_now([](store::ReadView& r) { return r.transactions().orders_since("", 0, 10); });
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, orders.size());
    CPPUNIT_ASSERT_EQUAL(std::string("old"), orders[0].lines_key);
    auto next = s.write_now([](store::UnitOfWork& u) {
      return u.transactions().insert_order({0, "", "old", "B1", "2026-01-02", Decimal::from_int(1), "EUR", "t"});
    });
    CPPUNIT_ASSERT_EQUAL(std::string("OG-00000008"), next);
  }

  void newer_schema_is_refused() {
    TempDir dir;
    std::string path = db_path(dir);
    { SqliteStore s({path}); }
    exec_sql(path, "PRAGMA user_version = 999");
    CPPUNIT_ASSERT_THROW(SqliteStore s({path}), store::StoreError);
  }

  // Migration 8: groups by scheme in the order put; a group put again keeps
  // its place; another seller's scheme stays its own.

  void demo_data_is_the_documented_catalog() {
    TempDir dir;
    core::FixedClock clock(*rules::Date::parse("2026-11-23"));
    SqliteOptions o{db_path(dir)};
    o.seed = [&](store::UnitOfWork& u) { core::load_demo_data(u, clock); };
    SqliteStore s(o);
    auto buyers = s.read_now([](store::ReadView& r) {
      return r.catalog().buyer("B127645").has_value() && r.catalog().buyer("B200001").has_value();
    });
    CPPUNIT_ASSERT(buyers);
    auto shift = find_item(s, "52090311100");
    CPPUNIT_ASSERT(shift.has_value());
    CPPUNIT_ASSERT_EQUAL(std::string("PK"), shift->order_unit);
    CPPUNIT_ASSERT_EQUAL(std::string("100"), shift->base_per_order_unit.to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("49.00"), shift->price.to_string(2));
    CPPUNIT_ASSERT_EQUAL(std::string("20"), shift->stock.to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("4012345678901"), find_item(s, "52090311600")->ean.value_or(""));
    CPPUNIT_ASSERT_EQUAL(std::string("2026-12-07"), find_item(s, "200200456")->next_delivery.value_or(""));
    CPPUNIT_ASSERT_EQUAL(std::string("3"), find_item(s, "200300156")->stock.to_string());
    CPPUNIT_ASSERT_EQUAL(std::string("40"), find_item(s, "200600221")->stock.to_string());
    CPPUNIT_ASSERT(!find_item(s, "100000001").has_value());
    auto replacements = s.read_now([](store::ReadView& r) { return r.catalog().replacements("100000001"); });
    CPPUNIT_ASSERT(replacements == std::vector<std::string>{"200300156"});
    auto groups = s.read_now([](store::ReadView& r) { return r.catalog().classification(); });
    CPPUNIT_ASSERT_EQUAL(std::size_t{8}, groups.size());
    CPPUNIT_ASSERT_EQUAL(std::string(core::kDemoClassificationScheme), groups.front().scheme_id);
  }

  void stopped_store_refuses_work() {
    TempDir dir;
    SqliteStore s({db_path(dir)});
    s.write_now([&](store::UnitOfWork& u) { u.catalog().put_item(item("A1", "Kept")); });
    s.stop();
    s.stop();  // twice is harmless
    CPPUNIT_ASSERT_THROW(find_item(s, "A1"), store::StoreError);
    CPPUNIT_ASSERT_THROW(s.write_now([&](store::UnitOfWork& u) { u.catalog().put_item(item("A2", "Late")); }),
                         store::StoreError);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SqliteStoreTest);

}  // namespace og::test
