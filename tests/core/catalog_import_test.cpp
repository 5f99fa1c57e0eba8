// A catalogue import writes one slice while it reads the next: every valid
// row still arrives once, in the file's order (a later row for the same item
// wins), each is found by the text search when the import returns, and an
// import stopped between slices keeps what it wrote, indexed.
#include <cppunit/extensions/HelperMacros.h>

#include <sstream>
#include <stdexcept>

#include "core/catalog/catalog_admin.hpp"
#include "core/clock.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"
#include "support/text_index.hpp"

namespace og::test {

namespace {

std::string catalog_csv(int rows) {
  std::ostringstream csv;
  csv << "item_id;description;unit;price;ean;manufacturer;manufacturer_item_id\n";
  for (int i = 0; i < rows; ++i)
    csv << "P" << i << ";Pipelined part " << i << ";EA;1,50;" << 40000000 + i << ";Maker;M-" << i << "\n";
  return csv.str();
}

std::int64_t matching(store::sqlite::SqliteStore& s, const std::string& term) {
  return s.read_now([&](store::ReadView& r) { return r.catalog().count_items_matching({term}); });
}

}  // namespace

class CatalogImportTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(CatalogImportTest);
  CPPUNIT_TEST(every_row_of_a_sliced_import_arrives_in_order_and_is_found);
  CPPUNIT_TEST(an_import_stopped_between_slices_keeps_its_written_rows_indexed);
  CPPUNIT_TEST_SUITE_END();

 public:
  void every_row_of_a_sliced_import_arrives_in_order_and_is_found() {
    TempDir dir;
    auto path = (dir.path() / "og.db").string();
    store::sqlite::SqliteStore s({path});
    // P3 again near the end (another slice): its second description wins.
    std::istringstream in(catalog_csv(500) + "P3;Renamed part;EA;2,00;;;\nBAD;No price;EA;;;;\n");
    core::admin::ImportOptions options;
    options.delimiter = ';';
    options.slice = 7;
    std::vector<std::int64_t> written;
    options.progress = [&](const core::admin::ImportReport& r) { written.push_back(r.written); };
    core::SystemClock clock;
    auto report = core::admin::import_csv(s, in, options, clock);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{502}, report.rows);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{501}, report.written);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, report.errors.size());
    // One report per slice, each after its slice was written.
    CPPUNIT_ASSERT_EQUAL(std::size_t{(501 + 6) / 7}, written.size());
    for (std::size_t i = 0; i < written.size(); ++i)
      CPPUNIT_ASSERT_EQUAL(std::min<std::int64_t>(7 * static_cast<std::int64_t>(i + 1), 501), written[i]);
    CPPUNIT_ASSERT(text_index_is_whole(path));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{499}, matching(s, "Pipelined part"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, matching(s, "Renamed"));
    for (int i = 0; i < 500; i += 37) CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, matching(s, std::to_string(40000000 + i)));
    auto p3 = s.read_now([](store::ReadView& r) { return r.catalog().item("P3"); });
    CPPUNIT_ASSERT(p3 && p3->description == "Renamed part");
  }

  void an_import_stopped_between_slices_keeps_its_written_rows_indexed() {
    TempDir dir;
    auto path = (dir.path() / "og.db").string();
    store::sqlite::SqliteStore s({path});
    std::istringstream in(catalog_csv(100));
    core::admin::ImportOptions options;
    options.delimiter = ';';
    options.slice = 10;
    // The third report stops the import before the fourth slice is handed over.
    int reports = 0;
    options.progress = [&](const core::admin::ImportReport&) {
      if (++reports == 3) throw std::runtime_error("stopped");
    };
    core::SystemClock clock;
    bool stopped = false;
    try {
      core::admin::import_csv(s, in, options, clock);
    } catch (const std::runtime_error&) {
      stopped = true;
    }
    CPPUNIT_ASSERT(stopped);
    CPPUNIT_ASSERT(text_index_is_whole(path));
    auto items = s.read_now([](store::ReadView& r) { return r.catalog().count_items_matching({}); });
    CPPUNIT_ASSERT_EQUAL(std::int64_t{30}, items);
    CPPUNIT_ASSERT_EQUAL(items, matching(s, "Pipelined"));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(CatalogImportTest);

}  // namespace og::test
