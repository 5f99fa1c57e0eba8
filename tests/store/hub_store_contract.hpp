// What every store's hub tables must do, whatever the engine: run by the
// SQLite suite (tests/store/hub_tables_test.cpp) and the PostgreSQL suite
// (tests/postgres/pg_hub_tables_test.cpp), each on a fresh database. Clients
// and providers are replaced by key; orders are numbered, keep their lines
// and are found by the client's own reference (which names one order); the
// dispatch and callback outboxes hand out what is due, oldest first, each
// job to one claim at a time (leases, fenced writes, hand-back); and orders
// placed on two instances at once get references of their own.
#pragma once
#include <cppunit/extensions/HelperMacros.h>

#include <cstdio>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/open_store.hpp"
#include "store/store.hpp"

namespace og::test::contract {

inline model::HubOrder hub_order(const std::string& client, const std::string& client_reference) {
  model::HubOrder o;
  o.client_id = client;
  o.client_reference = client_reference;
  o.body_key = "body-" + client_reference;
  o.created_at = o.updated_at = "2026-11-23T08:00:00Z";
  model::HubOrderLine line;
  line.provider = "prov-a";
  line.kind = "ean";
  line.ean = "4006381333931";
  line.quantity = "2";
  o.lines = {line};
  line.index = 1;
  line.provider = "prov-b";
  line.kind = "brand-reference";
  line.brand = "Shimano";
  line.reference = "BR-M6100";
  line.ean.clear();
  line.quantity = "1.5";
  o.lines.push_back(line);
  return o;
}

inline void clients_and_providers_are_kept_and_replaced(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  model::HubClient client{"garage-01", "Garage One",         std::string("s\0lt", 4),     std::string("h\0sh\xff", 5),
                          1000,        {"prov-a", "prov-b"}, "https://garage.example/cb", "secret",
                          "soap"};
  model::HubProvider a{
      "prov-a", "Provider A", "veloconnect", "local:", "hub", "pw", "", {"ean", "brand-reference"}, 3000, 4};
  model::HubProvider b = a;
  b.id = "prov-b";
  b.understands = {};
  s.write_now([&](store::UnitOfWork& u) {
    u.hub().put_hub_client(client);
    u.hub().put_hub_provider(b);
    u.hub().put_hub_provider(a);
  });
  client.providers = {"prov-a"};
  client.callback_url.clear();
  a.timeout_ms = 9000;
  a.url = "https://a.example/veloconnect";
  s.write_now([&](store::UnitOfWork& u) {
    u.hub().put_hub_client(client);
    u.hub().put_hub_provider(a);
  });
  struct Back {
    std::optional<model::HubClient> client;
    std::optional<model::HubProvider> provider;
    std::vector<model::HubProvider> all;
    bool unknown_found;
  };
  auto back = s.read_now([](store::ReadView& r) {
    auto& h = r.hub();
    return Back{h.hub_client("garage-01"), h.hub_provider("prov-a"), h.hub_providers(),
                h.hub_client("nobody").has_value() || h.hub_provider("nobody").has_value()};
  });
  CPPUNIT_ASSERT(back.client && back.provider && !back.unknown_found);
  CPPUNIT_ASSERT_EQUAL(std::string("Garage One"), back.client->name);
  CPPUNIT_ASSERT(back.client->password_salt == client.password_salt);
  CPPUNIT_ASSERT(back.client->password_hash == client.password_hash);
  CPPUNIT_ASSERT_EQUAL(1000, back.client->password_iterations);
  CPPUNIT_ASSERT(back.client->providers == std::set<std::string>{"prov-a"});
  CPPUNIT_ASSERT_EQUAL(std::string(), back.client->callback_url);
  CPPUNIT_ASSERT_EQUAL(std::string("secret"), back.client->callback_secret);
  CPPUNIT_ASSERT_EQUAL(std::string("soap"), back.client->callback_binding);
  CPPUNIT_ASSERT_EQUAL(std::string("https://a.example/veloconnect"), back.provider->url);
  CPPUNIT_ASSERT_EQUAL(std::int64_t{9000}, back.provider->timeout_ms);
  CPPUNIT_ASSERT_EQUAL(std::int64_t{4}, back.provider->max_concurrent);
  CPPUNIT_ASSERT(back.provider->understands == (std::set<std::string>{"brand-reference", "ean"}));
  CPPUNIT_ASSERT_EQUAL(std::size_t{2}, back.all.size());  // by ID
  CPPUNIT_ASSERT_EQUAL(std::string("prov-a"), back.all[0].id);
  CPPUNIT_ASSERT(back.all[1].understands.empty());
}

inline void orders_are_numbered_and_keep_their_lines(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  auto refs = s.write_now([](store::UnitOfWork& u) {
    auto first = u.hub().insert_hub_order(hub_order("garage-01", "PO-1"));
    return std::pair{first, u.hub().insert_hub_order(hub_order("garage-01", "PO-2"))};
  });
  CPPUNIT_ASSERT_EQUAL(std::string("EP-00000001"), refs.first);
  CPPUNIT_ASSERT_EQUAL(std::string("EP-00000002"), refs.second);
  auto order = s.read_now([](store::ReadView& r) { return r.hub().hub_order("EP-00000001"); });
  CPPUNIT_ASSERT(order.has_value());
  CPPUNIT_ASSERT_EQUAL(std::string("garage-01"), order->client_id);
  CPPUNIT_ASSERT_EQUAL(std::string("PO-1"), order->client_reference);
  CPPUNIT_ASSERT_EQUAL(std::string("body-PO-1"), order->body_key);
  CPPUNIT_ASSERT_EQUAL(2, order->status);
  CPPUNIT_ASSERT_EQUAL(std::size_t{2}, order->lines.size());
  CPPUNIT_ASSERT_EQUAL(std::string("4006381333931"), order->lines[0].ean);
  CPPUNIT_ASSERT_EQUAL(std::string("BR-M6100"), order->lines[1].reference);
  CPPUNIT_ASSERT_EQUAL(std::string("1.5"), order->lines[1].quantity);
  CPPUNIT_ASSERT_EQUAL(std::string("pending"), order->lines[1].status);

  // What came of it: the order's status and each line's outcome.
  order->status = 4;
  order->updated_at = "2026-11-23T08:05:00Z";
  order->lines[1].status = "confirmed";
  order->lines[1].provider_item = "SH-6100";
  order->lines[1].confirmed_quantity = "1.5";
  order->lines[1].unit_price = "42.10";
  order->lines[1].currency = "EUR";
  order->lines[1].delivery_date = "2026-11-30";
  order->lines[1].raw_status = "OK";
  order->lines[1].message =
      "n\xc3\xa4"
      "chste Woche";
  s.write_now([&](store::UnitOfWork& u) { u.hub().update_hub_order(*order); });
  auto back = s.read_now([](store::ReadView& r) { return r.hub().hub_order("EP-00000001"); });
  CPPUNIT_ASSERT_EQUAL(4, back->status);
  CPPUNIT_ASSERT_EQUAL(std::string("2026-11-23T08:05:00Z"), back->updated_at);
  CPPUNIT_ASSERT_EQUAL(std::string("2026-11-23T08:00:00Z"), back->created_at);
  CPPUNIT_ASSERT_EQUAL(std::size_t{2}, back->lines.size());
  CPPUNIT_ASSERT_EQUAL(std::string("pending"), back->lines[0].status);
  const auto& l = back->lines[1];
  CPPUNIT_ASSERT_EQUAL(std::string("confirmed"), l.status);
  CPPUNIT_ASSERT_EQUAL(std::string("SH-6100"), l.provider_item);
  CPPUNIT_ASSERT_EQUAL(std::string("42.10"), l.unit_price);
  CPPUNIT_ASSERT_EQUAL(std::string("2026-11-30"), l.delivery_date);
  CPPUNIT_ASSERT_EQUAL(std::string("n\xc3\xa4"
                                   "chste Woche"),
                       l.message);
  CPPUNIT_ASSERT(!s.read_now([](store::ReadView& r) { return r.hub().hub_order("EP-00000003"); }));
}

// A client's own reference names one order of that client: a repeat finds
// it, and a second order under it is refused by the store itself. An order
// without one ("") is never found by it, and there may be many.
inline void a_client_reference_names_one_order(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  s.write_now([](store::UnitOfWork& u) {
    u.hub().insert_hub_order(hub_order("garage-01", "PO-1"));
    u.hub().insert_hub_order(hub_order("garage-02", "PO-1"));
    u.hub().insert_hub_order(hub_order("garage-01", ""));
    u.hub().insert_hub_order(hub_order("garage-01", ""));
  });
  auto found = s.read_now([](store::ReadView& r) {
    return std::pair{r.hub().hub_order_by_client_reference("garage-02", "PO-1"),
                     r.hub().hub_order_by_client_reference("garage-01", "")};
  });
  CPPUNIT_ASSERT(found.first.has_value());
  CPPUNIT_ASSERT_EQUAL(std::string("EP-00000002"), found.first->reference);
  CPPUNIT_ASSERT_EQUAL(std::size_t{2}, found.first->lines.size());
  CPPUNIT_ASSERT(!found.second.has_value());
  CPPUNIT_ASSERT_THROW(
      s.write_now([](store::UnitOfWork& u) { u.hub().insert_hub_order(hub_order("garage-01", "PO-1")); }),
      store::StoreError);
  CPPUNIT_ASSERT(!s.read_now([](store::ReadView& r) { return r.hub().hub_order("EP-00000005"); }));
}

inline void outboxes_hand_out_what_is_due_oldest_first(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  auto dispatch = [](std::string reference, std::string provider, std::string state, std::string next) {
    return model::Dispatch{std::move(reference),
                           std::move(provider),
                           std::move(state),
                           0,
                           std::move(next),
                           "2026-11-24T00:00:00Z",
                           "",
                           ""};
  };
  s.write_now([&](store::UnitOfWork& u) {
    u.hub().put_dispatch(dispatch("EP-00000001", "prov-b", "pending", "2026-11-23T08:02:00Z"));
    u.hub().put_dispatch(dispatch("EP-00000001", "prov-a", "started", "2026-11-23T08:01:00Z"));
    u.hub().put_dispatch(dispatch("EP-00000002", "prov-a", "done", "2026-11-23T08:00:00Z"));
    u.hub().put_dispatch(dispatch("EP-00000003", "prov-a", "pending", "2026-11-23T09:00:00Z"));
    u.hub().put_callback({"EP-00000001", 4, 0, "2026-11-23T08:03:00Z", "", ""});
    u.hub().put_callback({"EP-00000002", 4, 1, "2026-11-23T08:01:00Z", "", "timeout"});
    u.hub().put_callback({"EP-00000003", 4, 1, "2026-11-23T08:00:00Z", "2026-11-23T08:00:30Z", ""});
  });
  struct Due {
    std::vector<model::Dispatch> dispatches, first_only, of_order;
    std::vector<model::CallbackJob> callbacks;
    std::int64_t open;
  };
  auto due = [&] {
    return s.read_now([](store::ReadView& r) {
      auto& h = r.hub();
      return Due{h.due_dispatches("2026-11-23T08:30:00Z", 10), h.due_dispatches("2026-11-23T08:30:00Z", 1),
                 h.dispatches("EP-00000001"), h.due_callbacks("2026-11-23T08:30:00Z", 10), h.count_open_dispatches()};
    });
  };
  auto d = due();
  CPPUNIT_ASSERT_EQUAL(std::size_t{2}, d.dispatches.size());  // not done, not later
  CPPUNIT_ASSERT_EQUAL(std::string("prov-a"), d.dispatches[0].provider);
  CPPUNIT_ASSERT_EQUAL(std::string("started"), d.dispatches[0].state);
  CPPUNIT_ASSERT_EQUAL(std::string("prov-b"), d.dispatches[1].provider);
  CPPUNIT_ASSERT_EQUAL(std::size_t{1}, d.first_only.size());
  CPPUNIT_ASSERT_EQUAL(std::size_t{2}, d.of_order.size());
  CPPUNIT_ASSERT_EQUAL(std::string("prov-a"), d.of_order[0].provider);  // by provider
  CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, d.open);
  CPPUNIT_ASSERT_EQUAL(std::size_t{2}, d.callbacks.size());  // not delivered ones
  CPPUNIT_ASSERT_EQUAL(std::string("EP-00000002"), d.callbacks[0].order_reference);
  CPPUNIT_ASSERT_EQUAL(std::string("timeout"), d.callbacks[0].last_error);
  CPPUNIT_ASSERT_EQUAL(std::string("EP-00000001"), d.callbacks[1].order_reference);

  // Putting again replaces: a dispatch done, a callback delivered.
  s.write_now([&](store::UnitOfWork& u) {
    auto done = dispatch("EP-00000001", "prov-a", "done", "2026-11-23T08:01:00Z");
    done.attempts = 2;
    done.provider_transaction = "T-77";
    u.hub().put_dispatch(done);
    u.hub().put_callback({"EP-00000002", 4, 2, "2026-11-23T08:01:00Z", "2026-11-23T08:04:00Z", ""});
  });
  d = due();
  CPPUNIT_ASSERT_EQUAL(std::size_t{1}, d.dispatches.size());
  CPPUNIT_ASSERT_EQUAL(std::string("prov-b"), d.dispatches[0].provider);
  CPPUNIT_ASSERT_EQUAL(std::size_t{2}, d.of_order.size());
  CPPUNIT_ASSERT_EQUAL(std::string("T-77"), d.of_order[0].provider_transaction);
  CPPUNIT_ASSERT_EQUAL(2, d.of_order[0].attempts);
  CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, d.open);
  CPPUNIT_ASSERT_EQUAL(std::size_t{1}, d.callbacks.size());
  CPPUNIT_ASSERT_EQUAL(std::string("EP-00000001"), d.callbacks[0].order_reference);
}

// Clients place orders on two instances at once: each order gets a reference
// of its own, and every line stays with its order.
inline void concurrent_hub_orders_on_two_instances_get_distinct_references(const OpenStore& open) {
  auto first = open();
  auto second = open();
  constexpr int kThreads = 4, kOrders = 10;
  std::vector<std::thread> threads;
  std::vector<std::vector<std::string>> refs(kThreads);
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      auto& s = t % 2 ? *second : *first;
      for (int i = 0; i < kOrders; ++i)
        refs[static_cast<std::size_t>(t)].push_back(s.write_now([&](store::UnitOfWork& u) {
          return u.hub().insert_hub_order(hub_order("garage-0" + std::to_string(t), "PO-" + std::to_string(i)));
        }));
    });
  for (auto& t : threads) t.join();
  std::set<std::string> distinct;
  for (const auto& v : refs) distinct.insert(v.begin(), v.end());
  CPPUNIT_ASSERT_EQUAL(std::size_t{kThreads * kOrders}, distinct.size());
  for (int t = 0; t < kThreads; ++t)
    for (int i = 0; i < kOrders; ++i) {
      auto o = second->read_now([&](store::ReadView& r) {
        return r.hub().hub_order_by_client_reference("garage-0" + std::to_string(t), "PO-" + std::to_string(i));
      });
      CPPUNIT_ASSERT(o && o->reference == refs[static_cast<std::size_t>(t)][static_cast<std::size_t>(i)]);
      CPPUNIT_ASSERT_EQUAL(std::size_t{2}, o->lines.size());
    }
}

// A claim takes what is due, oldest first, and keeps it from every other
// claim until its lease ends; a write under a claim applies only while that
// claim holds; a claim handed back is due again at once. Callbacks alike.
inline void claims_reserve_due_work_and_fence_late_writes(const OpenStore& open) {
  auto store = open();
  auto& s = *store;
  auto dispatch = [](std::string ref, std::string next) {
    return model::Dispatch{std::move(ref), "prov-a", "pending", 0, std::move(next), "2026-11-24T00:00:00Z", "", ""};
  };
  s.write_now([&](store::UnitOfWork& u) {
    u.hub().put_dispatch(dispatch("EP-00000001", "2026-11-23T08:01:00Z"));
    u.hub().put_dispatch(dispatch("EP-00000002", "2026-11-23T08:02:00Z"));
    u.hub().put_dispatch(dispatch("EP-00000003", "2026-11-23T08:03:00Z"));
    u.hub().put_callback({"EP-00000001", 4, 0, "2026-11-23T08:01:00Z", "", ""});
  });
  auto claim = [&](std::string token, std::string now, std::string until, std::int64_t limit) {
    return s.write_now([&](store::UnitOfWork& u) {
      return u.hub().claim_dispatches({std::move(token), std::move(now), std::move(until)}, limit);
    });
  };
  auto a = claim("a-1", "2026-11-23T08:30:00Z", "2026-11-23T08:31:00Z", 2);
  CPPUNIT_ASSERT_EQUAL(std::size_t{2}, a.size());
  CPPUNIT_ASSERT_EQUAL(std::string("EP-00000001"), a[0].order_reference);
  CPPUNIT_ASSERT_EQUAL(std::string("EP-00000002"), a[1].order_reference);
  CPPUNIT_ASSERT_EQUAL(std::string("a-1"), a[0].lease);
  CPPUNIT_ASSERT_EQUAL(std::string("2026-11-23T08:31:00Z"), a[0].next_attempt_at);
  auto b = claim("b-1", "2026-11-23T08:30:10Z", "2026-11-23T08:32:10Z", 10);
  CPPUNIT_ASSERT_EQUAL(std::size_t{1}, b.size());  // only what a-1 does not hold
  CPPUNIT_ASSERT_EQUAL(std::string("EP-00000003"), b[0].order_reference);
  CPPUNIT_ASSERT(claim("c-1", "2026-11-23T08:30:20Z", "2026-11-23T08:31:20Z", 10).empty());

  // a-1 records its first job; its claim held: applied.
  auto first = a[0];
  first.state = "done";
  CPPUNIT_ASSERT(s.write_now([&](store::UnitOfWork& u) { return u.hub().put_dispatch(first); }));
  // a-1's lease ends with its second job unfinished: d-1 takes it over, and
  // a-1's late write of it is refused.
  auto d = claim("d-1", "2026-11-23T08:31:30Z", "2026-11-23T08:32:30Z", 10);
  CPPUNIT_ASSERT_EQUAL(std::size_t{1}, d.size());
  CPPUNIT_ASSERT_EQUAL(std::string("EP-00000002"), d[0].order_reference);  // b-1's still holds
  auto late = a[1];
  late.state = "started";
  late.provider_transaction = "T-late";
  CPPUNIT_ASSERT(!s.write_now([&](store::UnitOfWork& u) { return u.hub().put_dispatch(late); }));
  auto of = [&](const std::string& ref) {
    return s.read_now([&](store::ReadView& r) { return r.hub().dispatches(ref); });
  };
  CPPUNIT_ASSERT_EQUAL(std::string("pending"), of("EP-00000002").at(0).state);
  CPPUNIT_ASSERT_EQUAL(std::string("done"), of("EP-00000001").at(0).state);

  // d-1 hands its job back: due at once, to the next claim.
  s.write_now([&](store::UnitOfWork& u) { u.hub().hand_back_dispatch(d[0], "2026-11-23T08:31:40Z"); });
  auto e = claim("e-1", "2026-11-23T08:31:40Z", "2026-11-23T08:32:40Z", 10);
  CPPUNIT_ASSERT_EQUAL(std::size_t{1}, e.size());
  CPPUNIT_ASSERT_EQUAL(std::string("EP-00000002"), e[0].order_reference);
  // A hand-back under a claim that no longer holds changes nothing.
  s.write_now([&](store::UnitOfWork& u) { u.hub().hand_back_dispatch(d[0], "2026-11-23T08:31:50Z"); });
  CPPUNIT_ASSERT_EQUAL(std::string("2026-11-23T08:32:40Z"), of("EP-00000002").at(0).next_attempt_at);
  CPPUNIT_ASSERT_EQUAL(std::string("e-1"), of("EP-00000002").at(0).lease);

  // An instance started again under its name takes up what it held; an
  // attempt's last write drops its claim, so the next attempt keeps its time.
  auto f = claim("inst-x/run1-1", "2026-11-23T08:40:00Z", "2026-11-23T08:41:00Z", 10);
  CPPUNIT_ASSERT_EQUAL(std::size_t{2}, f.size());
  auto retry_later = f[0];
  retry_later.next_attempt_at = "2026-11-23T09:00:00Z";
  CPPUNIT_ASSERT(s.write_now([&](store::UnitOfWork& u) { return u.hub().put_dispatch(retry_later, true); }));
  CPPUNIT_ASSERT_EQUAL(std::string(""), of(retry_later.order_reference).at(0).lease);
  s.write_now([&](store::UnitOfWork& u) { u.hub().hand_back_claims("inst-y/", "2026-11-23T08:40:05Z"); });
  CPPUNIT_ASSERT(claim("z-1", "2026-11-23T08:40:05Z", "2026-11-23T08:41:05Z", 10).empty());
  s.write_now([&](store::UnitOfWork& u) { u.hub().hand_back_claims("inst-x/", "2026-11-23T08:40:06Z"); });
  auto g = claim("inst-x/run2-1", "2026-11-23T08:40:06Z", "2026-11-23T08:41:06Z", 10);
  CPPUNIT_ASSERT_EQUAL(std::size_t{1}, g.size());
  CPPUNIT_ASSERT_EQUAL(f[1].order_reference, g[0].order_reference);

  // Callbacks: the same claim, fence and hand-back.
  auto claim_callbacks = [&](std::string token, std::string now, std::string until) {
    return s.write_now([&](store::UnitOfWork& u) {
      return u.hub().claim_callbacks({std::move(token), std::move(now), std::move(until)}, 10);
    });
  };
  auto ca = claim_callbacks("a-2", "2026-11-23T08:30:00Z", "2026-11-23T08:31:00Z");
  CPPUNIT_ASSERT_EQUAL(std::size_t{1}, ca.size());
  CPPUNIT_ASSERT_EQUAL(std::string("a-2"), ca[0].lease);
  CPPUNIT_ASSERT(claim_callbacks("b-2", "2026-11-23T08:30:30Z", "2026-11-23T08:31:30Z").empty());
  auto cb = claim_callbacks("b-2", "2026-11-23T08:31:00Z", "2026-11-23T08:32:00Z");
  CPPUNIT_ASSERT_EQUAL(std::size_t{1}, cb.size());
  auto delivered = ca[0];
  delivered.delivered_at = "2026-11-23T08:31:05Z";
  CPPUNIT_ASSERT(!s.write_now([&](store::UnitOfWork& u) { return u.hub().put_callback(delivered); }));
  delivered.lease = cb[0].lease;
  CPPUNIT_ASSERT(s.write_now([&](store::UnitOfWork& u) { return u.hub().put_callback(delivered, true); }));
  CPPUNIT_ASSERT(claim_callbacks("c-2", "2026-11-23T09:00:00Z", "2026-11-23T09:01:00Z").empty());
}

// Several instances claim at once from one outbox: every due job is claimed
// exactly once.
inline void concurrent_claims_on_two_instances_take_each_job_once(const OpenStore& open) {
  auto first = open();
  auto second = open();
  constexpr int kJobs = 120, kThreads = 4;
  first->write_now([&](store::UnitOfWork& u) {
    for (int i = 0; i < kJobs; ++i) {
      char ref[16];
      std::snprintf(ref, sizeof ref, "EP-%08d", i);
      u.hub().put_dispatch({ref, "prov-a", "pending", 0, "2026-11-23T08:00:00Z", "2026-11-24T00:00:00Z", "", ""});
    }
  });
  std::vector<std::thread> threads;
  std::vector<std::vector<std::string>> claimed(kThreads);
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      auto& s = t % 2 ? *second : *first;
      for (int round = 0;; ++round) {
        const std::string token = "t" + std::to_string(t) + "-" + std::to_string(round);
        auto jobs = s.write_now([&](store::UnitOfWork& u) {
          return u.hub().claim_dispatches({token, "2026-11-23T08:30:00Z", "2026-11-23T09:30:00Z"}, 7);
        });
        if (jobs.empty()) break;
        for (const auto& j : jobs) claimed[static_cast<std::size_t>(t)].push_back(j.order_reference);
      }
    });
  for (auto& t : threads) t.join();
  std::multiset<std::string> all;
  for (const auto& v : claimed) all.insert(v.begin(), v.end());
  CPPUNIT_ASSERT_EQUAL(std::size_t{kJobs}, all.size());
  for (const auto& ref : all) CPPUNIT_ASSERT_EQUAL_MESSAGE(ref, std::size_t{1}, all.count(ref));
}

// The suite each engine runs: its fixture derives from this one
// (CPPUNIT_TEST_SUB_SUITE) and sets open_. tests/CMakeLists.txt makes a
// ctest entry per method from the CPPUNIT_TEST lines here.
class HubTables : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(HubTables);
  CPPUNIT_TEST(clients_and_providers_are_kept_and_replaced);
  CPPUNIT_TEST(orders_are_numbered_and_keep_their_lines);
  CPPUNIT_TEST(a_client_reference_names_one_order);
  CPPUNIT_TEST(outboxes_hand_out_what_is_due_oldest_first);
  CPPUNIT_TEST(concurrent_hub_orders_on_two_instances_get_distinct_references);
  CPPUNIT_TEST(claims_reserve_due_work_and_fence_late_writes);
  CPPUNIT_TEST(concurrent_claims_on_two_instances_take_each_job_once);
  CPPUNIT_TEST_SUITE_END_ABSTRACT();

 public:
  void clients_and_providers_are_kept_and_replaced() { contract::clients_and_providers_are_kept_and_replaced(open_); }
  void orders_are_numbered_and_keep_their_lines() { contract::orders_are_numbered_and_keep_their_lines(open_); }
  void a_client_reference_names_one_order() { contract::a_client_reference_names_one_order(open_); }
  void outboxes_hand_out_what_is_due_oldest_first() { contract::outboxes_hand_out_what_is_due_oldest_first(open_); }
  void concurrent_hub_orders_on_two_instances_get_distinct_references() {
    contract::concurrent_hub_orders_on_two_instances_get_distinct_references(open_);
  }
  void claims_reserve_due_work_and_fence_late_writes() {
    contract::claims_reserve_due_work_and_fence_late_writes(open_);
  }
  void concurrent_claims_on_two_instances_take_each_job_once() {
    contract::concurrent_claims_on_two_instances_take_each_job_once(open_);
  }

 protected:
  OpenStore open_;
};

}  // namespace og::test::contract
