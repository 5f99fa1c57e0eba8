// A request's Context: every store call made through it raises its commit,
// and durable() answers for all of them; cancellation is the token's.
#include <cppunit/extensions/HelperMacros.h>

#include "async/cancel.hpp"
#include "core/context.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/run_task.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

namespace {

model::Transaction transaction(const std::string& id) {
  model::Transaction t;
  t.id = id;
  t.buyer_id = "B1";
  t.state = 2;
  t.created_at = t.updated_at = "2026-11-23T00:00:00Z";
  return t;
}

// What a core service does: a read and a write through the request's context.
Task<void> serve(core::Context& ctx, std::string id) {
  auto look = [id](store::ReadView& r) { return r.transactions().transaction("B1", id).has_value(); };
  bool exists = co_await ctx.store().read(ctx.commit(), std::move(look));
  if (exists) co_return;
  auto work = [id](store::UnitOfWork& u) { u.transactions().insert_transaction(transaction(id)); };
  co_await ctx.store().write(ctx.commit(), std::move(work));
}

Task<bool> durable(const core::Context& ctx) {
  co_return co_await ctx.durable();
}

}  // namespace

class ContextTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(ContextTest);
  CPPUNIT_TEST(a_request_that_touched_nothing_is_durable_at_once);
  CPPUNIT_TEST(writes_through_the_context_raise_its_commit);
  CPPUNIT_TEST(a_lost_commit_makes_the_request_not_durable);
  CPPUNIT_TEST(cancellation_is_the_tokens);
  CPPUNIT_TEST_SUITE_END();

 public:
  void a_request_that_touched_nothing_is_durable_at_once() {
    TempDir dir;
    store::sqlite::SqliteStore s({(dir.path() / "og.db").string()});
    core::ContextFactory contexts(s);
    core::Context ctx = contexts.make();
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, std::uint64_t(ctx.commit()));
    CPPUNIT_ASSERT(&ctx.store() == &s);
    CPPUNIT_ASSERT(run_task(durable(ctx)));
  }

  void writes_through_the_context_raise_its_commit() {
    TempDir dir;
    store::sqlite::SqliteStore s({(dir.path() / "og.db").string()});
    core::ContextFactory contexts(s);
    core::Context first = contexts.make();
    run_task(serve(first, "t1"));
    CPPUNIT_ASSERT(first.commit() > 0);
    CPPUNIT_ASSERT(run_task(durable(first)));
    // Another request only reads committed data: it depends on nothing.
    core::Context second = contexts.make();
    run_task(serve(second, "t1"));
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, std::uint64_t(second.commit()));
    CPPUNIT_ASSERT(run_task(durable(second)));
    // Contexts are per request: the first one's commit stays its own.
    core::Context third = contexts.make();
    run_task(serve(third, "t2"));
    CPPUNIT_ASSERT(third.commit() > first.commit());
    CPPUNIT_ASSERT(run_task(durable(third)));
  }

  void a_lost_commit_makes_the_request_not_durable() {
    TempDir dir;
    store::sqlite::SqliteOptions o{(dir.path() / "og.db").string()};
    o.fail_commits = true;
    store::sqlite::SqliteStore s(o);
    core::ContextFactory contexts(s);
    core::Context ctx = contexts.make();
    run_task(serve(ctx, "t1"));
    CPPUNIT_ASSERT(ctx.commit() > 0);
    CPPUNIT_ASSERT(!run_task(durable(ctx)));
  }

  void cancellation_is_the_tokens() {
    TempDir dir;
    store::sqlite::SqliteStore s({(dir.path() / "og.db").string()});
    core::ContextFactory contexts(s);
    CancelToken token;
    core::Context ctx = contexts.make(token);
    core::Context other = contexts.make();
    CPPUNIT_ASSERT(!ctx.cancelled());
    token.cancel();
    CPPUNIT_ASSERT(ctx.cancelled());
    CPPUNIT_ASSERT(!other.cancelled());
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ContextTest);

}  // namespace og::test
