// Group commit on a real SQLite file: units of concurrent requests share a
// commit, each keeps its own all-or-nothing, a failing unit takes back only
// itself, and a deferred request learns when (and whether) what it saw is
// durable. The commit interval is set long where a test needs units to share
// a batch: a batch commits at once when no request is being handled, and
// else waits for the interval after the previous commit (or for flush()).
#include <cppunit/extensions/HelperMacros.h>

#include <atomic>
#include <filesystem>
#include <future>
#include <thread>

#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

using store::Settled;
using store::sqlite::SqliteOptions;
using store::sqlite::SqliteStore;

namespace {

store::TransactionRecord transaction(const std::string& id) {
  store::TransactionRecord t;
  t.id = id;
  t.buyer_id = "B1";
  t.state = 2;
  t.created_at = t.updated_at = "2026-11-23T00:00:00Z";
  return t;
}

void insert(SqliteStore& s, const std::string& id) {
  s.write([&](store::UnitOfWork& u) { u.insert_transaction(transaction(id)); });
}

bool has(SqliteStore& s, const std::string& id) {
  bool found = false;
  s.read([&](store::Reader& r) { found = r.transaction("B1", id).has_value(); });
  return found;
}

SqliteOptions options(const TempDir& dir, std::chrono::microseconds interval) {
  SqliteOptions o{(dir.path() / "og.db").string()};
  o.commit_interval = interval;
  return o;
}

// settle() for the calling thread's deferral, waiting for the callback if
// it has to (and with `push`, committing at once): true when everything the
// request saw was committed.
bool settled(SqliteStore& s, bool push = true) {
  auto told = std::make_shared<std::promise<bool>>();
  auto outcome = told->get_future();
  switch (s.settle([told](bool committed) { told->set_value(committed); })) {
    case Settled::Committed: return true;
    case Settled::Lost: return false;
    case Settled::Pending: break;
  }
  if (push) s.flush();
  return outcome.get();
}

constexpr std::chrono::seconds kNever{3600};  // the tests flush() instead

// Another request is being handled from now on (and never finishes): the
// store then gathers units until the interval is over or flush().
void keep_busy(SqliteStore& s) {
  std::thread([&] { s.defer(); }).join();
}

}  // namespace

class GroupCommitTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(GroupCommitTest);
  CPPUNIT_TEST(concurrent_writers_are_all_committed);
  CPPUNIT_TEST(failing_unit_leaves_its_batch_neighbours);
  CPPUNIT_TEST(unit_failing_in_sqlite_leaves_its_batch_neighbours);
  CPPUNIT_TEST(deferred_answer_waits_for_the_commit);
  CPPUNIT_TEST(reader_of_an_uncommitted_unit_waits_too);
  CPPUNIT_TEST(read_only_request_answers_at_once);
  CPPUNIT_TEST(lost_commit_fails_every_unit_in_it);
  CPPUNIT_TEST(closing_the_store_commits_what_is_pending);
  CPPUNIT_TEST(lone_request_commits_without_waiting_for_the_interval);
  CPPUNIT_TEST(large_commit_is_written_whole);
  CPPUNIT_TEST(checkpoints_keep_the_wal_bounded);
  CPPUNIT_TEST(power_durability_commits_the_same_way);
  CPPUNIT_TEST_SUITE_END();

 public:
  void concurrent_writers_are_all_committed() {
    TempDir dir;
    constexpr int kThreads = 8, kUnits = 50;
    {
      SqliteStore s(options(dir, std::chrono::milliseconds(20)));
      std::atomic<int> committed{0};
      std::vector<std::thread> threads;
      for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
          for (int i = 0; i < kUnits; ++i) {
            s.defer();
            insert(s, "t" + std::to_string(t) + "-" + std::to_string(i));
            if (settled(s, false)) ++committed;
          }
        });
      }
      for (auto& t : threads) t.join();
      CPPUNIT_ASSERT_EQUAL(kThreads * kUnits, committed.load());
      // Shared commits: far fewer than one per unit.
      CPPUNIT_ASSERT(s.commit_stats().commits < static_cast<std::uint64_t>(kThreads * kUnits) / 2);
      CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, s.commit_stats().lost);
    }
    SqliteStore again(options(dir, kNever));
    for (int t = 0; t < kThreads; ++t)
      for (int i = 0; i < kUnits; ++i) CPPUNIT_ASSERT(has(again, "t" + std::to_string(t) + "-" + std::to_string(i)));
  }

  void failing_unit_leaves_its_batch_neighbours() {
    TempDir dir;
    {
      SqliteStore s(options(dir, kNever));
      insert(s, "first");  // committed at once; the next batch waits for flush()
      s.defer();
      insert(s, "a");
      CPPUNIT_ASSERT_THROW(s.write([&](store::UnitOfWork& u) {
        u.insert_transaction(transaction("b"));
        throw std::runtime_error("refused halfway");
      }),
                           std::runtime_error);
      insert(s, "c");
      CPPUNIT_ASSERT(!has(s, "b"));
      CPPUNIT_ASSERT(settled(s));
      CPPUNIT_ASSERT_EQUAL(std::uint64_t{2}, s.commit_stats().commits);  // "a" and "c" shared one
    }
    SqliteStore again(options(dir, kNever));
    CPPUNIT_ASSERT(has(again, "a"));
    CPPUNIT_ASSERT(!has(again, "b"));
    CPPUNIT_ASSERT(has(again, "c"));
  }

  void unit_failing_in_sqlite_leaves_its_batch_neighbours() {
    TempDir dir;
    {
      SqliteStore s(options(dir, kNever));
      insert(s, "first");
      s.defer();
      insert(s, "a");
      // A constraint violation half way through a unit: its first row goes too.
      CPPUNIT_ASSERT_THROW(s.write([&](store::UnitOfWork& u) {
        u.insert_transaction(transaction("b"));
        u.insert_transaction(transaction("a"));
      }),
                           store::StoreError);
      insert(s, "c");
      CPPUNIT_ASSERT(settled(s));
    }
    SqliteStore again(options(dir, kNever));
    CPPUNIT_ASSERT(has(again, "a"));
    CPPUNIT_ASSERT(!has(again, "b"));
    CPPUNIT_ASSERT(has(again, "c"));
  }

  void deferred_answer_waits_for_the_commit() {
    TempDir dir;
    SqliteStore s(options(dir, kNever));
    insert(s, "first");
    keep_busy(s);
    s.defer();
    insert(s, "a");
    std::atomic<int> told{0};
    std::atomic<bool> outcome{false};
    CPPUNIT_ASSERT(s.settle([&](bool committed) {
      outcome = committed;
      ++told;
    }) == Settled::Pending);
    CPPUNIT_ASSERT_EQUAL(0, told.load());  // the batch is still open
    s.flush();
    CPPUNIT_ASSERT_EQUAL(1, told.load());
    CPPUNIT_ASSERT(outcome.load());
  }

  void reader_of_an_uncommitted_unit_waits_too() {
    TempDir dir;
    SqliteStore s(options(dir, kNever));
    insert(s, "first");
    keep_busy(s);
    std::thread writer([&] {
      s.defer();
      insert(s, "a");
      (void)s.settle([](bool) {});
    });
    writer.join();
    // Another request sees "a" before it is durable: its answer must wait as well.
    s.defer();
    CPPUNIT_ASSERT(has(s, "a"));
    std::atomic<bool> told{false};
    CPPUNIT_ASSERT(s.settle([&](bool committed) { told = committed; }) == Settled::Pending);
    s.flush();
    CPPUNIT_ASSERT(told.load());
  }

  void read_only_request_answers_at_once() {
    TempDir dir;
    SqliteStore s(options(dir, kNever));
    insert(s, "first");
    s.defer();
    CPPUNIT_ASSERT(has(s, "first"));
    // A unit that changes nothing (a refusal) promises nothing either.
    s.write([&](store::UnitOfWork& u) { (void)u.transaction("B1", "first"); });
    CPPUNIT_ASSERT(s.settle([](bool) { CPPUNIT_FAIL("not to be called"); }) == Settled::Committed);
  }

  void lost_commit_fails_every_unit_in_it() {
    TempDir dir;
    {
      SqliteOptions o = options(dir, kNever);
      o.fail_commits = true;
      SqliteStore s(o);
      CPPUNIT_ASSERT_THROW(insert(s, "first"), store::StoreError);  // the next batch waits for flush()
      s.defer();
      insert(s, "a");
      insert(s, "b");
      CPPUNIT_ASSERT(!settled(s));
      CPPUNIT_ASSERT(!has(s, "a"));
      // Outside a deferral the writer itself learns it.
      CPPUNIT_ASSERT_THROW(insert(s, "c"), store::StoreError);
      CPPUNIT_ASSERT_EQUAL(std::uint64_t{3}, s.commit_stats().lost);  // "first", "a" with "b", "c"
    }
    SqliteStore again(options(dir, kNever));
    CPPUNIT_ASSERT(!has(again, "a"));
    CPPUNIT_ASSERT(!has(again, "b"));
    CPPUNIT_ASSERT(!has(again, "c"));
  }

  void closing_the_store_commits_what_is_pending() {
    TempDir dir;
    std::atomic<int> told{0};
    {
      SqliteStore s(options(dir, kNever));
      insert(s, "first");
      keep_busy(s);
      s.defer();
      insert(s, "a");
      CPPUNIT_ASSERT(s.settle([&](bool committed) { told += committed ? 1 : 100; }) == Settled::Pending);
    }
    CPPUNIT_ASSERT_EQUAL(1, told.load());
    SqliteStore again(options(dir, kNever));
    CPPUNIT_ASSERT(has(again, "a"));
  }

  void lone_request_commits_without_waiting_for_the_interval() {
    TempDir dir;
    SqliteStore s(options(dir, kNever));
    insert(s, "first");  // the interval starts now
    s.defer();
    insert(s, "a");
    std::promise<bool> told;
    auto committed = told.get_future();
    // Nobody else is being handled: the commit follows at once, no flush().
    CPPUNIT_ASSERT(s.settle([&](bool ok) { told.set_value(ok); }) == Settled::Pending);
    CPPUNIT_ASSERT(committed.get());
  }

  void large_commit_is_written_whole() {
    TempDir dir;
    {
      SqliteStore s(options(dir, kNever));
      insert(s, "first");
      keep_busy(s);
      // One batch of about a megabyte of pages, far beyond what one write call takes.
      s.defer();
      for (int i = 0; i < 2000; ++i) {
        auto t = transaction("big-" + std::to_string(i));
        t.search_string = std::string(400, 'x');
        s.write([&](store::UnitOfWork& u) { u.insert_transaction(t); });
      }
      CPPUNIT_ASSERT(settled(s));
    }
    SqliteStore again(options(dir, kNever));
    CPPUNIT_ASSERT(has(again, "big-0"));
    CPPUNIT_ASSERT(has(again, "big-1999"));
  }

  void checkpoints_keep_the_wal_bounded() {
    TempDir dir;
    std::string path = (dir.path() / "og.db").string();
    {
      SqliteStore s(options(dir, std::chrono::microseconds(0)));
      // One commit each, a few pages each: far more than the 1,000 frames
      // after which the committer checkpoints and the WAL starts over.
      for (int i = 0; i < 4000; ++i) {
        auto t = transaction("t" + std::to_string(i));
        t.search_string = std::string(300, 'x');
        s.write([&](store::UnitOfWork& u) { u.insert_transaction(t); });
      }
      CPPUNIT_ASSERT(s.commit_stats().commits >= 4000);
      auto wal = std::filesystem::file_size(path + "-wal");
      CPPUNIT_ASSERT_MESSAGE("WAL of " + std::to_string(wal) + " bytes", wal < 2000 * 4200);
    }
    SqliteStore again(options(dir, kNever));
    CPPUNIT_ASSERT(has(again, "t0"));
    CPPUNIT_ASSERT(has(again, "t3999"));
  }

  void power_durability_commits_the_same_way() {
    // synchronous = FULL: SQLite syncs the WAL inside COMMIT, which makes the
    // WAL buffer write what it collected there and then (nothing is left to
    // write out afterwards).
    TempDir dir;
    {
      SqliteOptions o = options(dir, std::chrono::milliseconds(5));
      o.durability = store::sqlite::Durability::Power;
      SqliteStore s(o);
      std::atomic<int> committed{0};
      std::vector<std::thread> threads;
      for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
          for (int i = 0; i < 20; ++i) {
            s.defer();
            insert(s, "p" + std::to_string(t) + "-" + std::to_string(i));
            if (settled(s)) ++committed;
          }
        });
      }
      for (auto& t : threads) t.join();
      CPPUNIT_ASSERT_EQUAL(80, committed.load());
    }
    SqliteStore again(options(dir, kNever));
    for (int t = 0; t < 4; ++t)
      for (int i = 0; i < 20; ++i) CPPUNIT_ASSERT(has(again, "p" + std::to_string(t) + "-" + std::to_string(i)));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(GroupCommitTest);

}  // namespace og::test
