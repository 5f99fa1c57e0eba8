// Group commit on a real SQLite file, through the coroutine API as core uses
// it: units of concurrent requests share a commit, each keeps its own
// all-or-nothing, a failing unit takes back only itself, and every read or
// write tells its caller which commit its result depends on, so that the
// answer waits for durable().
//
// Where a test needs units in one batch it holds the store thread inside a
// unit of work (Gate) while the units queue up behind it on a one-thread
// event loop (LoopThreads::drain says when they are queued): they then run in
// one go and share one commit, whatever the timing. The commit interval is
// set long there, so that nothing but an empty queue commits.
#include <cppunit/extensions/HelperMacros.h>

#include <signal.h>
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <future>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "store/sqlite/sqlite_store.hpp"
#include "support/loop_threads.hpp"
#include "support/run_task.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

using store::Commit;
using store::sqlite::SqliteOptions;
using store::sqlite::SqliteStore;

namespace {

constexpr std::chrono::seconds kNever{3600};  // only an empty queue commits

model::Transaction transaction(const std::string& id) {
  model::Transaction t;
  t.id = id;
  t.buyer_id = "B1";
  t.state = 2;
  t.created_at = t.updated_at = "2026-11-23T00:00:00Z";
  return t;
}

void insert(store::Store& s, const std::string& id) {
  s.write_now([&](store::UnitOfWork& u) { u.transactions().insert_transaction(transaction(id)); });
}

bool has(store::Store& s, const std::string& id) {
  return s.read_now([&](store::ReadView& r) { return r.transactions().transaction("B1", id).has_value(); });
}

SqliteOptions options(const TempDir& dir, std::chrono::microseconds interval) {
  SqliteOptions o{(dir.path() / "og.db").string()};
  o.commit_interval = interval;
  return o;
}

// One request's write: the commit it depends on. Lambdas that capture by
// value are named before co_await: GCC 12 destroys the captures of a lambda
// that is a temporary of the co_await expression twice.
Task<Commit> write_one(store::Store& s, std::string id) {
  Commit seen = 0;
  auto work = [id](store::UnitOfWork& u) { u.transactions().insert_transaction(transaction(id)); };
  co_await s.write(seen, std::move(work));
  co_return seen;
}

// A write that fails half way: `id` is inserted, then the unit throws.
Task<Commit> write_then_throw(store::Store& s, std::string id) {
  Commit seen = 0;
  auto work = [id](store::UnitOfWork& u) {
    u.transactions().insert_transaction(transaction(id));
    throw std::runtime_error("refused halfway");
  };
  co_await s.write(seen, std::move(work));
  co_return seen;
}

// A write that fails inside SQLite half way: `id` is inserted, then `existing` again.
Task<Commit> write_then_violate(store::Store& s, std::string id, std::string existing) {
  Commit seen = 0;
  auto work = [id, existing](store::UnitOfWork& u) {
    u.transactions().insert_transaction(transaction(id));
    u.transactions().insert_transaction(transaction(existing));
  };
  co_await s.write(seen, std::move(work));
  co_return seen;
}

Task<bool> durable(store::Store& s, Commit seen) {
  co_return co_await s.durable(seen);
}

// A request that writes `units` rows one after another, each time waiting
// for durable() before the next (as a face does before it answers).
Task<void> write_and_wait(store::Store& s, std::string prefix, int units, std::atomic<int>& committed) {
  for (int i = 0; i < units; ++i) {
    Commit seen = co_await write_one(s, prefix + std::to_string(i));
    CPPUNIT_ASSERT(seen > 0);
    if (co_await s.durable(seen)) ++committed;
  }
}

// Writes, answers "written" with its commit, then waits for durable().
Task<bool> write_tell_then_wait(store::Store& s, std::string id, std::promise<Commit>& written) {
  Commit seen = co_await write_one(s, id);
  written.set_value(seen);
  co_return co_await s.durable(seen);
}

Task<bool> write_and_tell(store::Store& s, std::string id) {
  Commit seen = co_await write_one(s, id);
  co_return co_await s.durable(seen);
}

Task<void> read_nothing(store::Store& s) {
  Commit seen = 0;
  co_await s.read(seen, [](store::ReadView&) {});
}

// What a reader of transaction `id` saw, and when.
struct ReadSeen {
  bool found = false;
  std::uint64_t commits_then = 0;  // health().commits while the read ran
  Commit commit = 0;
  bool durable = false;
  std::uint64_t commits_after = 0;  // once durable() answered
};

Task<ReadSeen> read_and_wait(store::Store& s, std::string id) {
  ReadSeen out;
  Commit seen = 0;
  auto work = [&s, id](store::ReadView& r) {
    return std::pair{r.transactions().transaction("B1", id).has_value(), s.health().commits};
  };
  auto [found, commits_then] = co_await s.read(seen, std::move(work));
  out.found = found;
  out.commits_then = commits_then;
  out.commit = seen;
  out.durable = co_await s.durable(seen);
  out.commits_after = s.health().commits;
  co_return out;
}

// Holds the store thread inside a unit of work (one that changes nothing)
// until release(): work submitted meanwhile queues up behind it.
class Gate {
 public:
  Gate() : state_(std::make_shared<State>()) { state_->released = state_->release.get_future().share(); }
  ~Gate() { release(); }
  Gate(const Gate&) = delete;
  Gate& operator=(const Gate&) = delete;

  // The holding unit of work: spawn it on a loop, then wait_entered().
  Task<void> hold(store::Store& s) {
    Commit seen = 0;
    auto state = state_;
    auto work = [state](store::UnitOfWork&) {
      state->entered.set_value();
      state->released.wait();
    };
    co_await s.write(seen, std::move(work));
  }
  void wait_entered() { state_->entered.get_future().wait(); }
  void release() {
    std::lock_guard lock(state_->mutex);
    if (state_->done) return;
    state_->done = true;
    state_->release.set_value();
  }

 private:
  struct State {
    std::promise<void> entered;
    std::promise<void> release;
    std::shared_future<void> released;
    std::mutex mutex;
    bool done = false;
  };
  std::shared_ptr<State> state_;
};

// Makes writes to files beyond their current size fail (as a full disk
// would) while it lives: RLIMIT_FSIZE, with SIGXFSZ ignored so that write()
// returns EFBIG instead of killing the process.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(const std::string& db_path) {
    ::signal(SIGXFSZ, SIG_IGN);
    CPPUNIT_ASSERT_EQUAL(0, ::getrlimit(RLIMIT_FSIZE, &old_));
    std::uintmax_t largest = 0;
    for (const char* suffix : {"", "-wal"}) {
      std::error_code ec;
      auto size = std::filesystem::file_size(db_path + suffix, ec);
      if (!ec && size > largest) largest = size;
    }
    rlimit limited = old_;
    limited.rlim_cur = static_cast<rlim_t>(largest + 64 * 1024);
    CPPUNIT_ASSERT_EQUAL(0, ::setrlimit(RLIMIT_FSIZE, &limited));
  }
  ~FileSizeLimit() { lift(); }
  void lift() {
    if (lifted_) return;
    lifted_ = true;
    ::setrlimit(RLIMIT_FSIZE, &old_);
  }

 private:
  rlimit old_{};
  bool lifted_ = false;
};

// About a megabyte of rows in one unit: more than the file size limit allows.
Task<Commit> write_big(store::Store& s, Commit& seen, std::string prefix) {
  auto work = [prefix](store::UnitOfWork& u) {
    for (int i = 0; i < 1000; ++i) {
      auto t = transaction(prefix + std::to_string(i));
      t.search_string = std::string(1000, 'x');
      u.transactions().insert_transaction(t);
    }
  };
  co_await s.write(seen, std::move(work));
  co_return seen;
}

}  // namespace

class GroupCommitTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(GroupCommitTest);
  CPPUNIT_TEST(concurrent_writers_are_all_committed);
  CPPUNIT_TEST(writers_queued_together_share_one_commit);
  CPPUNIT_TEST(failing_unit_leaves_its_batch_neighbours);
  CPPUNIT_TEST(unit_failing_in_sqlite_leaves_its_batch_neighbours);
  CPPUNIT_TEST(durable_says_what_a_request_depends_on);
  CPPUNIT_TEST(answer_waits_for_the_commit);
  CPPUNIT_TEST(reader_of_an_uncommitted_unit_waits_too);
  CPPUNIT_TEST(lost_commit_fails_every_unit_in_it);
  CPPUNIT_TEST(health_recovers_when_commits_succeed_again);
  CPPUNIT_TEST(request_whose_earlier_commit_was_lost_is_not_durable);
  CPPUNIT_TEST(stop_commits_what_is_pending);
  CPPUNIT_TEST(lone_unit_commits_without_waiting_for_the_interval);
  CPPUNIT_TEST(large_unit_is_committed_whole);
  CPPUNIT_TEST(checkpoints_keep_the_wal_bounded);
  CPPUNIT_TEST(power_durability_commits_the_same_way);
  CPPUNIT_TEST(answers_resume_on_the_callers_loop);
  CPPUNIT_TEST_SUITE_END();

 public:
  // (a) Many requests at once on a four-thread loop, each waiting for its
  // commit before its next write (as a face does before it answers).
  void concurrent_writers_are_all_committed() {
    TempDir dir;
    constexpr int kWriters = 32, kUnits = 20;
    std::atomic<int> committed{0};
    {
      SqliteOptions o = options(dir, std::chrono::milliseconds(20));
      // Work piles up while a commit is written, and then shares the next.
      o.slow_commits = std::chrono::milliseconds(1);
      SqliteStore s(o);
      {
        LoopThreads loop(4);
        std::vector<std::future<void>> writers;
        for (int w = 0; w < kWriters; ++w) {
          writers.push_back(loop.spawn(write_and_wait(s, "t" + std::to_string(w) + "-", kUnits, committed)));
        }
        for (auto& w : writers) w.get();
      }
      CPPUNIT_ASSERT_EQUAL(kWriters * kUnits, committed.load());
      auto h = s.health();
      CPPUNIT_ASSERT_EQUAL(std::uint64_t{kWriters * kUnits}, h.units);
      CPPUNIT_ASSERT_MESSAGE(std::to_string(h.commits) + " commits", h.commits < h.units);  // shared commits
      CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, h.failed_commits);
      CPPUNIT_ASSERT(h.writable);
    }
    SqliteStore again(options(dir, kNever));
    for (int w = 0; w < kWriters; ++w)
      for (int i = 0; i < kUnits; ++i) CPPUNIT_ASSERT(has(again, "t" + std::to_string(w) + "-" + std::to_string(i)));
  }

  // (a) Deterministic: 48 writers queued behind a held unit share one commit.
  void writers_queued_together_share_one_commit() {
    TempDir dir;
    constexpr int kWriters = 48;
    {
      SqliteStore s(options(dir, kNever));
      insert(s, "first");
      LoopThreads loop(1);
      Gate gate;
      auto held = loop.spawn(gate.hold(s));
      gate.wait_entered();
      auto before = s.health();
      std::vector<std::future<Commit>> writers;
      for (int w = 0; w < kWriters; ++w) writers.push_back(loop.spawn(write_one(s, "w" + std::to_string(w))));
      loop.drain();  // every writer's unit is queued
      gate.release();
      held.get();
      std::set<Commit> commits;
      for (auto& w : writers) commits.insert(w.get());
      CPPUNIT_ASSERT_EQUAL(std::size_t{1}, commits.size());  // one batch
      CPPUNIT_ASSERT(*commits.begin() > 0);
      CPPUNIT_ASSERT(run_task(durable(s, *commits.begin())));
      auto after = s.health();
      CPPUNIT_ASSERT_EQUAL(before.commits + 1, after.commits);         // one commit for all of them
      CPPUNIT_ASSERT_EQUAL(before.units + kWriters + 1, after.units);  // and the held one
    }
    SqliteStore again(options(dir, kNever));
    for (int w = 0; w < kWriters; ++w) CPPUNIT_ASSERT(has(again, "w" + std::to_string(w)));
  }

  // (b) A unit that throws takes back only itself.
  void failing_unit_leaves_its_batch_neighbours() {
    TempDir dir;
    {
      SqliteStore s(options(dir, kNever));
      insert(s, "first");
      LoopThreads loop(1);
      Gate gate;
      auto held = loop.spawn(gate.hold(s));
      gate.wait_entered();
      auto before = s.health();
      auto a = loop.spawn(write_one(s, "a"));
      auto b = loop.spawn(write_then_throw(s, "b"));
      auto c = loop.spawn(write_one(s, "c"));
      loop.drain();
      gate.release();
      held.get();
      Commit ca = a.get();
      CPPUNIT_ASSERT_THROW_MESSAGE("the unit's own exception reaches its caller", b.get(), std::runtime_error);
      Commit cc = c.get();
      CPPUNIT_ASSERT(ca > 0);
      CPPUNIT_ASSERT_EQUAL(ca, cc);  // "a" and "c" shared a batch with "b"
      CPPUNIT_ASSERT(run_task(durable(s, ca)));
      CPPUNIT_ASSERT(!has(s, "b"));
      CPPUNIT_ASSERT_EQUAL(before.commits + 1, s.health().commits);
    }
    SqliteStore again(options(dir, kNever));
    CPPUNIT_ASSERT(has(again, "a"));
    CPPUNIT_ASSERT(!has(again, "b"));
    CPPUNIT_ASSERT(has(again, "c"));
  }

  // (c) A unit that fails inside SQLite (a constraint) takes back only itself,
  // its own first row included.
  void unit_failing_in_sqlite_leaves_its_batch_neighbours() {
    TempDir dir;
    {
      SqliteStore s(options(dir, kNever));
      insert(s, "first");
      LoopThreads loop(1);
      Gate gate;
      auto held = loop.spawn(gate.hold(s));
      gate.wait_entered();
      auto a = loop.spawn(write_one(s, "a"));
      auto b = loop.spawn(write_then_violate(s, "b", "a"));  // "a" is in the batch, uncommitted
      auto c = loop.spawn(write_one(s, "c"));
      loop.drain();
      gate.release();
      held.get();
      Commit ca = a.get();
      CPPUNIT_ASSERT_THROW(b.get(), store::StoreError);
      CPPUNIT_ASSERT_EQUAL(ca, c.get());
      CPPUNIT_ASSERT(run_task(durable(s, ca)));
      CPPUNIT_ASSERT(s.health().writable);
    }
    SqliteStore again(options(dir, kNever));
    CPPUNIT_ASSERT(has(again, "a"));
    CPPUNIT_ASSERT(!has(again, "b"));
    CPPUNIT_ASSERT(has(again, "c"));
  }

  // (d) What a request saw decides what it waits for: its own write, nothing
  // for committed data or for a unit that changed nothing.
  void durable_says_what_a_request_depends_on() {
    TempDir dir;
    SqliteStore s(options(dir, kNever));
    Commit written = run_task(write_one(s, "first"));
    CPPUNIT_ASSERT(written > 0);
    CPPUNIT_ASSERT(run_task(durable(s, written)));
    CPPUNIT_ASSERT(run_task(durable(s, written)));  // asked again: the same

    Commit read = 0;
    bool found = run_task(
        s.read(read, [](store::ReadView& r) { return r.transactions().transaction("B1", "first").has_value(); }));
    CPPUNIT_ASSERT(found);
    CPPUNIT_ASSERT_EQUAL(Commit{0}, read);  // committed data: the answer may go at once
    CPPUNIT_ASSERT(run_task(durable(s, read)));

    // A unit that changes nothing (a refusal) promises nothing either.
    Commit refused = 0;
    run_task(s.write(refused, [](store::UnitOfWork& u) { (void)u.transactions().transaction("B1", "first"); }));
    CPPUNIT_ASSERT_EQUAL(Commit{0}, refused);

    // A request keeps the highest commit it saw.
    Commit request = 0;
    run_task(s.write(request, [](store::UnitOfWork& u) { u.transactions().insert_transaction(transaction("x")); }));
    Commit after_write = request;
    run_task(s.read(request, [](store::ReadView& r) { (void)r.transactions().lines("x"); }));
    CPPUNIT_ASSERT(after_write > written);
    CPPUNIT_ASSERT_EQUAL(after_write, request);  // the read saw committed data: no change
    CPPUNIT_ASSERT(run_task(durable(s, request)));
  }

  // (d) The answer to a write is told "durable" only after its batch commits.
  void answer_waits_for_the_commit() {
    TempDir dir;
    SqliteStore s(options(dir, kNever));
    insert(s, "first");
    LoopThreads loop(1);
    Gate first_gate, second_gate;
    auto held = loop.spawn(first_gate.hold(s));
    first_gate.wait_entered();
    auto before = s.health();
    std::promise<Commit> written;
    auto written_future = written.get_future();
    auto told = loop.spawn(write_tell_then_wait(s, "a", written));
    // Behind "a", in its batch: holds the store thread before the batch commits.
    auto held_again = loop.spawn(second_gate.hold(s));
    loop.drain();
    first_gate.release();
    held.get();
    second_gate.wait_entered();
    Commit seen = written_future.get();  // the writer has its answer ...
    CPPUNIT_ASSERT(seen > 0);
    CPPUNIT_ASSERT_EQUAL(before.commits, s.health().commits);  // ... its batch is not committed ...
    CPPUNIT_ASSERT(told.wait_for(std::chrono::seconds(0)) == std::future_status::timeout);  // ... so no "durable"
    second_gate.release();
    held_again.get();
    CPPUNIT_ASSERT(told.get());
    CPPUNIT_ASSERT_EQUAL(before.commits + 1, s.health().commits);
  }

  // (d) A reader that saw a unit before its commit depends on that commit.
  void reader_of_an_uncommitted_unit_waits_too() {
    TempDir dir;
    SqliteStore s(options(dir, kNever));
    insert(s, "first");
    LoopThreads loop(1);
    Gate gate;
    auto held = loop.spawn(gate.hold(s));
    gate.wait_entered();
    auto before = s.health();
    auto writer = loop.spawn(write_one(s, "a"));
    auto reader = loop.spawn(read_and_wait(s, "a"));
    loop.drain();
    gate.release();
    held.get();
    Commit written = writer.get();
    ReadSeen seen = reader.get();
    CPPUNIT_ASSERT(seen.found);                               // it saw "a" ...
    CPPUNIT_ASSERT_EQUAL(before.commits, seen.commits_then);  // ... before "a" was committed
    CPPUNIT_ASSERT(seen.commit > 0);                          // so it depends on a commit:
    CPPUNIT_ASSERT_EQUAL(written, seen.commit);               // the writer's
    CPPUNIT_ASSERT(seen.durable);                             // which then succeeded
    CPPUNIT_ASSERT_EQUAL(before.commits + 1, seen.commits_after);
  }

  // (e) A lost commit: every unit in it is told, health says so, reads go on.
  void lost_commit_fails_every_unit_in_it() {
    TempDir dir;
    {
      SqliteOptions o = options(dir, kNever);
      o.fail_commits = true;
      // The seed commits with the schema, not through the batch.
      o.seed = [](store::UnitOfWork& u) { u.transactions().insert_transaction(transaction("seeded")); };
      SqliteStore s(o);
      CPPUNIT_ASSERT(s.health().writable);
      CPPUNIT_ASSERT_THROW(insert(s, "first"), store::StoreError);  // write_now learns it itself
      auto h = s.health();
      CPPUNIT_ASSERT(!h.writable);
      CPPUNIT_ASSERT(!h.problem.empty());
      CPPUNIT_ASSERT_EQUAL(std::uint64_t{1}, h.failed_commits);

      LoopThreads loop(1);
      Gate gate;
      auto held = loop.spawn(gate.hold(s));
      gate.wait_entered();
      auto a = loop.spawn(write_one(s, "a"));
      auto b = loop.spawn(write_one(s, "b"));
      loop.drain();
      gate.release();
      held.get();
      Commit ca = a.get();
      CPPUNIT_ASSERT(ca > 0);
      CPPUNIT_ASSERT_EQUAL(ca, b.get());
      CPPUNIT_ASSERT(!run_task(durable(s, ca)));  // both are told: not kept
      CPPUNIT_ASSERT(!run_task(durable(s, ca)));
      // Reads still work, and show nothing of the lost batch.
      CPPUNIT_ASSERT(has(s, "seeded"));
      CPPUNIT_ASSERT(!has(s, "a"));
      CPPUNIT_ASSERT(!has(s, "b"));
      CPPUNIT_ASSERT_THROW(insert(s, "c"), store::StoreError);
      h = s.health();
      CPPUNIT_ASSERT(!h.writable);
      CPPUNIT_ASSERT(!h.problem.empty());
      CPPUNIT_ASSERT_EQUAL(std::uint64_t{3}, h.failed_commits);  // "first", "a" with "b", "c"
      CPPUNIT_ASSERT_EQUAL(std::uint64_t{3}, h.commits);
    }
    SqliteStore again(options(dir, kNever));
    CPPUNIT_ASSERT(has(again, "seeded"));
    for (const char* id : {"first", "a", "b", "c"}) CPPUNIT_ASSERT_MESSAGE(id, !has(again, id));
    CPPUNIT_ASSERT(again.health().writable);
  }

  // (f) A commit that fails for real (the file may not grow) is lost alone;
  // the store goes on and health() recovers with the next good commit.
  void health_recovers_when_commits_succeed_again() {
    TempDir dir;
    std::string path = (dir.path() / "og.db").string();
    {
      SqliteStore s(options(dir, kNever));
      insert(s, "first");
      Commit lost = 0;
      {
        FileSizeLimit full(path);
        Commit seen = 0;
        lost = run_task(write_big(s, seen, "big-"));
        CPPUNIT_ASSERT(lost > 0);
        CPPUNIT_ASSERT(!run_task(durable(s, lost)));
        auto h = s.health();
        CPPUNIT_ASSERT(!h.writable);
        CPPUNIT_ASSERT(!h.problem.empty());
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{1}, h.failed_commits);
        CPPUNIT_ASSERT(has(s, "first"));  // reads go on
        CPPUNIT_ASSERT(!has(s, "big-0"));
      }
      insert(s, "after");  // the disk has room again
      auto h = s.health();
      CPPUNIT_ASSERT(h.writable);
      CPPUNIT_ASSERT(h.problem.empty());
      CPPUNIT_ASSERT_EQUAL(std::uint64_t{1}, h.failed_commits);
      CPPUNIT_ASSERT(!run_task(durable(s, lost)));  // a loss stays a loss
    }
    SqliteStore again(options(dir, kNever));
    CPPUNIT_ASSERT(has(again, "first"));
    CPPUNIT_ASSERT(!has(again, "big-0"));
    CPPUNIT_ASSERT(!has(again, "big-999"));
    CPPUNIT_ASSERT(has(again, "after"));
  }

  // (f) A request that wrote in a batch that was then lost, and wrote again in
  // a later batch that committed, depends on both: its answer must not be
  // "durable" (Store::durable: "false if a commit it depends on failed").
  void request_whose_earlier_commit_was_lost_is_not_durable() {
    TempDir dir;
    std::string path = (dir.path() / "og.db").string();
    SqliteStore s(options(dir, kNever));
    insert(s, "first");
    Commit request = 0;  // one request's Commit, as its Context keeps it
    Commit first_write = 0;
    {
      FileSizeLimit full(path);
      first_write = run_task(write_big(s, request, "big-"));
      // The request does not wait here; the test does, so that the batch is
      // lost before the request's next write.
      CPPUNIT_ASSERT(!run_task(durable(s, first_write)));
    }
    run_task(s.write(request, [](store::UnitOfWork& u) {
      model::Line l;
      l.item_id = "A";
      l.position = 1;
      l.unit = "EA";
      l.currency = "EUR";
      u.transactions().put_line("big-0", l);  // builds on the first write
    }));
    CPPUNIT_ASSERT(request > first_write);
    CPPUNIT_ASSERT(!has(s, "big-0"));  // what the request wrote first is gone
    CPPUNIT_ASSERT_MESSAGE("a request whose first write was lost is told its answer is durable",
                           !run_task(durable(s, request)));
  }

  // (g) stop() runs what is queued, commits it and tells every waiter.
  void stop_commits_what_is_pending() {
    TempDir dir;
    {
      SqliteStore s(options(dir, kNever));
      insert(s, "first");
      LoopThreads loop(1);
      Gate first_gate, second_gate;
      auto held = loop.spawn(first_gate.hold(s));
      first_gate.wait_entered();
      auto a = loop.spawn(write_and_tell(s, "a"));
      auto held_again = loop.spawn(second_gate.hold(s));
      loop.drain();
      first_gate.release();
      held.get();
      second_gate.wait_entered();  // "a" ran in the open batch, not committed
      auto b = loop.spawn(write_and_tell(s, "b"));
      loop.drain();  // "b" is queued
      auto stopped = std::async(std::launch::async, [&] { s.stop(); });
      // Wait until stop() has begun: new work is refused from then on.
      for (;;) {
        auto probe = loop.spawn(read_nothing(s));
        if (probe.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready) continue;  // queued
        CPPUNIT_ASSERT_THROW(probe.get(), store::StoreError);
        break;
      }
      second_gate.release();
      stopped.get();
      held_again.get();
      CPPUNIT_ASSERT(a.get());
      CPPUNIT_ASSERT(b.get());
      CPPUNIT_ASSERT(s.health().writable);
    }
    SqliteStore again(options(dir, kNever));
    CPPUNIT_ASSERT(has(again, "a"));
    CPPUNIT_ASSERT(has(again, "b"));
  }

  // A unit with nobody behind it commits at once (write_now waits for its
  // commit; an interval of an hour would time the test out).
  void lone_unit_commits_without_waiting_for_the_interval() {
    TempDir dir;
    SqliteStore s(options(dir, kNever));
    insert(s, "first");
    insert(s, "second");
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{2}, s.health().commits);
  }

  // (h) One unit of several megabytes commits whole.
  void large_unit_is_committed_whole() {
    TempDir dir;
    constexpr int kRows = 5000;
    std::string path = (dir.path() / "og.db").string();
    {
      SqliteStore s(options(dir, kNever));
      insert(s, "first");
      s.write_now([&](store::UnitOfWork& u) {
        for (int i = 0; i < kRows; ++i) {
          auto t = transaction("big-" + std::to_string(i));
          t.search_string = std::string(1500, static_cast<char>('a' + i % 26));
          u.transactions().insert_transaction(t);
        }
      });
      CPPUNIT_ASSERT_EQUAL(std::uint64_t{2}, s.health().commits);
    }
    auto size = std::filesystem::file_size(path);
    std::error_code ec;
    auto wal = std::filesystem::file_size(path + "-wal", ec);
    CPPUNIT_ASSERT_MESSAGE(std::to_string(size + wal) + " bytes", size + (ec ? 0 : wal) > 5'000'000);
    SqliteStore again(options(dir, kNever));
    auto open = again.read_now([](store::ReadView& r) { return r.transactions().count_open_transactions("B1"); });
    CPPUNIT_ASSERT_EQUAL(std::int64_t{kRows + 1}, open);
    auto last = again.read_now(
        [](store::ReadView& r) { return r.transactions().transaction("B1", "big-" + std::to_string(kRows - 1)); });
    CPPUNIT_ASSERT(last.has_value());
    CPPUNIT_ASSERT_EQUAL(std::string(1500, static_cast<char>('a' + (kRows - 1) % 26)), last->search_string);
  }

  // (i) SQLite's auto-checkpoint keeps the WAL bounded over many commits.
  void checkpoints_keep_the_wal_bounded() {
    TempDir dir;
    constexpr int kCommits = 20000;
    std::string path = (dir.path() / "og.db").string();
    {
      SqliteStore s(options(dir, std::chrono::microseconds(0)));
      // One commit each (write_now waits for it), at least a page each: 80 MB
      // of WAL without checkpoints.
      for (int i = 0; i < kCommits; ++i) {
        auto t = transaction("t" + std::to_string(i));
        t.search_string = std::string(300, 'x');
        s.write_now([&](store::UnitOfWork& u) { u.transactions().insert_transaction(t); });
      }
      CPPUNIT_ASSERT_EQUAL(std::uint64_t{kCommits}, s.health().commits);
      auto wal = std::filesystem::file_size(path + "-wal");
      CPPUNIT_ASSERT_MESSAGE("WAL of " + std::to_string(wal) + " bytes", wal < 64u * 1024 * 1024);
    }
    SqliteStore again(options(dir, kNever));
    CPPUNIT_ASSERT(has(again, "t0"));
    CPPUNIT_ASSERT(has(again, "t" + std::to_string(kCommits - 1)));
  }

  // (j) synchronous = FULL: the same group commit, each commit synced.
  void power_durability_commits_the_same_way() {
    TempDir dir;
    constexpr int kWriters = 4, kUnits = 20;
    std::atomic<int> committed{0};
    {
      SqliteOptions o = options(dir, std::chrono::milliseconds(5));
      o.durability = store::sqlite::Durability::Power;
      SqliteStore s(o);
      LoopThreads loop(2);
      std::vector<std::future<void>> writers;
      for (int w = 0; w < kWriters; ++w) {
        writers.push_back(loop.spawn(write_and_wait(s, "p" + std::to_string(w) + "-", kUnits, committed)));
      }
      for (auto& w : writers) w.get();
      CPPUNIT_ASSERT_EQUAL(kWriters * kUnits, committed.load());
      CPPUNIT_ASSERT(s.health().writable);
      CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, s.health().failed_commits);
    }
    SqliteStore again(options(dir, kNever));
    for (int w = 0; w < kWriters; ++w)
      for (int i = 0; i < kUnits; ++i) CPPUNIT_ASSERT(has(again, "p" + std::to_string(w) + "-" + std::to_string(i)));
  }

  // (k) Store work runs on the store thread (one thread for all of it); the
  // coroutine that asked resumes on its own loop.
  void answers_resume_on_the_callers_loop() {
    TempDir dir;
    SqliteStore s(options(dir, std::chrono::milliseconds(1)));
    struct Trace {
      std::vector<std::thread::id> before, after, work;
    };
    auto client = [](SqliteStore& s, std::string name) -> Task<Trace> {
      Trace t;
      for (int i = 0; i < 10; ++i) {
        Commit seen = 0;
        t.before.push_back(std::this_thread::get_id());
        auto work = [name, i](store::UnitOfWork& u) {
          u.transactions().insert_transaction(transaction(name + std::to_string(i)));
          return std::this_thread::get_id();
        };
        std::thread::id ran = co_await s.write(seen, std::move(work));
        t.work.push_back(ran);
        t.after.push_back(std::this_thread::get_id());
        ran = co_await s.read(seen, [](store::ReadView&) { return std::this_thread::get_id(); });
        t.work.push_back(ran);
        t.after.push_back(std::this_thread::get_id());
        CPPUNIT_ASSERT(co_await s.durable(seen));
        t.after.push_back(std::this_thread::get_id());
      }
      co_return t;
    };
    LoopThreads a(2), b(1);
    auto from_a = a.spawn(client(s, "a"));
    auto from_b = b.spawn(client(s, "b"));
    Trace ta = from_a.get(), tb = from_b.get();
    for (auto id : ta.before) CPPUNIT_ASSERT(a.is_loop_thread(id));
    for (auto id : ta.after) CPPUNIT_ASSERT(a.is_loop_thread(id));
    for (auto id : tb.before) CPPUNIT_ASSERT(id == b.ids().front());
    for (auto id : tb.after) CPPUNIT_ASSERT(id == b.ids().front());
    std::thread::id store_thread = ta.work.front();
    for (const auto* work : {&ta.work, &tb.work})
      for (auto id : *work) CPPUNIT_ASSERT(id == store_thread);  // one store thread for all of it
    CPPUNIT_ASSERT(!a.is_loop_thread(store_thread));
    CPPUNIT_ASSERT(!b.is_loop_thread(store_thread));
    CPPUNIT_ASSERT(store_thread != std::this_thread::get_id());
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(GroupCommitTest);

}  // namespace og::test
