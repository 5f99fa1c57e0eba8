// Faults while a commit is written to the WAL, at every point of the write:
// nothing written, a torn frame header, half a frame, all but the last byte,
// past the first 64 KiB piece of a large commit; as a full disk (SQLITE_FULL)
// and as an I/O error. Each time the failed commit is lost as a whole (its
// units answered "not applied"), the commits before and after it are kept,
// health says what happened and recovers with the next good commit, and a
// fresh process opening the file sees exactly the same.
#include <cppunit/extensions/HelperMacros.h>
#include <sqlite3.h>

#include <atomic>
#include <string>
#include <vector>

#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

using store::sqlite::SqliteOptions;
using store::sqlite::SqliteStore;
using store::sqlite::WalFault;

namespace {

model::Transaction transaction(const std::string& id, std::size_t padding = 0) {
  model::Transaction t;
  t.id = id;
  t.buyer_id = "B1";
  t.state = 2;
  t.search_string = std::string(padding, 'x');  // makes a commit as large as wanted
  t.created_at = t.updated_at = "2026-11-23T00:00:00Z";
  return t;
}

bool has(SqliteStore& s, const std::string& id) {
  return s.read_now([&](store::ReadView& r) { return r.transactions().transaction("B1", id).has_value(); });
}

bool write(SqliteStore& s, const std::string& id, std::size_t padding = 0) {
  try {
    s.write_now([&](store::UnitOfWork& u) { u.transactions().insert_transaction(transaction(id, padding)); });
    return true;
  } catch (const store::StoreError&) {
    return false;
  }
}

}  // namespace

class WalFaultTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(WalFaultTest);
  CPPUNIT_TEST(a_failed_write_out_loses_that_commit_only_at_every_point);
  CPPUNIT_TEST(every_unit_of_the_failed_batch_is_lost_together);
  CPPUNIT_TEST(repeated_failures_then_recovery);
  CPPUNIT_TEST_SUITE_END();

 public:
  void a_failed_write_out_loses_that_commit_only_at_every_point() {
    struct Point {
      const char* name;
      std::size_t bytes;  // written before the failure (clamped to the commit's size)
      std::size_t padding;
    };
    const std::vector<Point> points = {
        {"nothing written", 0, 0},
        {"a torn frame header", 10, 0},
        {"half a frame", 24 + 2048, 0},
        {"all but the last byte", static_cast<std::size_t>(-1) / 2, 0},
        {"past the first 64 KiB piece", 70000, 200000},
    };
    for (int code : {SQLITE_FULL, SQLITE_IOERR_WRITE}) {
      for (const auto& point : points) {
        std::string what = std::string(point.name) + (code == SQLITE_FULL ? " (disk full)" : " (I/O error)");
        TempDir dir;
        std::string path = (dir.path() / "og.db").string();
        std::atomic<bool> armed{false};
        SqliteOptions o{path};
        o.wal_fault = [&](std::size_t size) -> std::optional<WalFault> {
          if (!armed.exchange(false)) return std::nullopt;
          // "all but the last byte" is size - 1 of whatever this commit writes.
          std::size_t bytes = point.bytes >= size ? size - 1 : point.bytes;
          return WalFault{bytes, code};
        };
        {
          SqliteStore s(o);
          CPPUNIT_ASSERT_MESSAGE(what, write(s, "before"));
          armed = true;
          CPPUNIT_ASSERT_MESSAGE(what + ": the failed commit must not be durable", !write(s, "lost", point.padding));
          auto h = s.health();
          CPPUNIT_ASSERT_MESSAGE(what, !h.writable);
          CPPUNIT_ASSERT_MESSAGE(what, h.problem.find("WAL") != std::string::npos);
          CPPUNIT_ASSERT_MESSAGE(what + ": reads go on", has(s, "before"));
          CPPUNIT_ASSERT_MESSAGE(what + ": nothing of the lost commit is seen", !has(s, "lost"));
          CPPUNIT_ASSERT_MESSAGE(what + ": the next commit works", write(s, "after"));
          CPPUNIT_ASSERT_MESSAGE(what, s.health().writable);
          CPPUNIT_ASSERT_MESSAGE(what, has(s, "after"));
        }
        // What a fresh process finds in the files.
        SqliteStore again(SqliteOptions{path});
        CPPUNIT_ASSERT_MESSAGE(what, has(again, "before"));
        CPPUNIT_ASSERT_MESSAGE(what, !has(again, "lost"));
        CPPUNIT_ASSERT_MESSAGE(what, has(again, "after"));
        CPPUNIT_ASSERT_MESSAGE(what, write(again, "later"));
      }
    }
  }

  // Units that shared the failed commit are lost together, and none of them
  // half: the batch's units are written by one unit of work each.
  void every_unit_of_the_failed_batch_is_lost_together() {
    TempDir dir;
    std::string path = (dir.path() / "og.db").string();
    std::atomic<bool> armed{false};
    SqliteOptions o{path};
    o.wal_fault = [&](std::size_t size) -> std::optional<WalFault> {
      if (!armed.exchange(false)) return std::nullopt;
      return WalFault{size / 2, SQLITE_FULL};
    };
    SqliteStore s(o);
    CPPUNIT_ASSERT(write(s, "kept"));
    armed = true;
    // One unit with several rows and lines: all or nothing.
    bool ok = true;
    try {
      s.write_now([&](store::UnitOfWork& u) {
        for (int i = 0; i < 50; ++i) u.transactions().insert_transaction(transaction("t" + std::to_string(i), 500));
      });
    } catch (const store::StoreError&) {
      ok = false;
    }
    CPPUNIT_ASSERT(!ok);
    for (int i = 0; i < 50; ++i) CPPUNIT_ASSERT(!has(s, "t" + std::to_string(i)));
    CPPUNIT_ASSERT(has(s, "kept"));
    CPPUNIT_ASSERT(write(s, "next"));
  }

  void repeated_failures_then_recovery() {
    TempDir dir;
    std::string path = (dir.path() / "og.db").string();
    std::atomic<int> failing{0};
    SqliteOptions o{path};
    o.wal_fault = [&](std::size_t) -> std::optional<WalFault> {
      if (failing.load() <= 0) return std::nullopt;
      --failing;
      return WalFault{0, SQLITE_FULL};
    };
    SqliteStore s(o);
    CPPUNIT_ASSERT(write(s, "a"));
    failing = 5;
    for (int i = 0; i < 5; ++i) CPPUNIT_ASSERT(!write(s, "x" + std::to_string(i)));
    CPPUNIT_ASSERT(!s.health().writable);
    CPPUNIT_ASSERT(s.health().failed_commits >= 5);
    CPPUNIT_ASSERT(write(s, "b"));
    CPPUNIT_ASSERT(s.health().writable);
    for (int i = 0; i < 5; ++i) CPPUNIT_ASSERT(!has(s, "x" + std::to_string(i)));
    CPPUNIT_ASSERT(has(s, "a") && has(s, "b"));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(WalFaultTest);

}  // namespace og::test
