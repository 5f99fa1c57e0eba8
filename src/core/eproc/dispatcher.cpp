#include "core/eproc/dispatcher.hpp"

#include <algorithm>
#include <optional>

#include "core/eproc/directory.hpp"
#include "core/eproc/outbox_loop.hpp"
#include "rules/eproc/order_status.hpp"
#include "store/store.hpp"

namespace og::core::eproc {

namespace re = rules::eproc;

namespace {

re::ItemStatus item_status(std::string_view word) {
  for (auto s : re::all_item_statuses())
    if (re::to_string_view(s) == word) return s;
  return re::ItemStatus::Pending;
}

std::string key_of(const model::Dispatch& d) {
  return d.order_reference + "/" + d.provider;
}

void set_outcome(model::HubOrderLine& line, const re::ItemOutcome& outcome) {
  line.status = std::string(re::to_string_view(outcome.status));
  line.confirmed_quantity = re::is_ordered(outcome.status) ? outcome.confirmed_quantity.to_string() : "0";
  line.raw_status = outcome.raw_status;
}

// The pending lines of one provider's share, as the provider is asked for them.
std::vector<OrderItem> pending_items(const model::HubOrder& order, const std::string& provider) {
  std::vector<OrderItem> items;
  for (const auto& line : order.lines) {
    if (line.provider != provider || line.status != re::to_string_view(re::ItemStatus::Pending)) continue;
    auto quantity = rules::Decimal::parse(line.quantity);
    items.push_back(OrderItem{line.index, product_of(line), quantity.value_or(rules::Decimal{})});
  }
  return items;
}

void apply_result(model::HubOrderLine& line, const ItemResult& r) {
  re::ProviderItemAnswer answer{r.accepted, r.confirmed_quantity, r.raw_status};
  set_outcome(line, re::item_outcome(rules::Decimal::parse(line.quantity).value_or(rules::Decimal{}), answer));
  line.provider_item = r.provider_item;
  line.unit_price = r.unit_price;
  line.currency = r.currency;
  line.delivery_date = r.delivery_date;
  line.message = r.message;
}

}  // namespace

bool settle_lines(store::UnitOfWork& uow, const std::string& reference, const std::string& provider,
                  const std::function<void(model::HubOrderLine&)>& apply, const std::string& now_iso) {
  auto order = uow.hub().hub_order(reference);
  if (!order) return false;
  std::vector<re::ItemStatus> statuses;
  for (auto& line : order->lines) {
    if (line.provider == provider && line.status == re::to_string_view(re::ItemStatus::Pending)) apply(line);
    statuses.push_back(item_status(line.status));
  }
  const bool open =
      std::any_of(statuses.begin(), statuses.end(), [](re::ItemStatus s) { return s == re::ItemStatus::Pending; });
  const int before = order->status;
  if (!open) order->status = re::code(re::derive_order_status(statuses));
  order->updated_at = now_iso;
  uow.hub().update_hub_order(*order);
  if (open || before == order->status) return false;
  // Settled now: the client learns it by callback when it asked for one.
  auto client = uow.hub().hub_client(order->client_id);
  if (!client || client->callback_url.empty()) return true;
  model::CallbackJob job;
  job.order_reference = reference;
  job.status = order->status;
  job.next_attempt_at = iso_ms(now_ms());
  uow.hub().put_callback(job);
  return true;
}

Dispatcher::Dispatcher(store::Store& store, ProviderApi& providers, Executor executor, HubSettings settings,
                       OutboxOptions options)
    : store_(store),
      providers_(providers),
      settings_(std::move(settings)),
      random_(std::random_device{}()),
      leases_(options.instance, options.lease) {
  loop_ = std::make_shared<OutboxLoop<model::Dispatch>>(
      std::move(executor), options.poll, options.max_in_flight, [this](std::size_t limit) { return due(limit); },
      key_of, [this](model::Dispatch d) { return attempt(std::move(d)); });
}

void Dispatcher::start() {
  loop_->start();
}
void Dispatcher::wake() {
  loop_->wake();
}
void Dispatcher::stop() {
  loop_->stop();
}

void Dispatcher::hand_back() {
  hand_back_unfinished(store_, loop_->unfinished(), iso_ms(now_ms()), &store::HubWriter::hand_back_dispatch);
}

Task<std::vector<model::Dispatch>> Dispatcher::due(std::size_t limit) {
  Commit seen;
  const store::Lease lease = leases_.next();
  auto claim = [&lease, limit](store::UnitOfWork& uow) {
    return uow.hub().claim_dispatches(lease, static_cast<std::int64_t>(limit));
  };
  auto jobs = co_await store_.write(seen, claim);
  // Only work that is on disk: an order whose commit failed was never accepted.
  if (!co_await store_.durable(seen)) jobs.clear();
  co_return jobs;
}

Task<void> Dispatcher::attempt(model::Dispatch d) {
  Commit seen;
  struct Loaded {
    std::optional<model::HubOrder> order;
    std::optional<model::HubProvider> provider;
  };
  auto load = [&d](store::ReadView& r) {
    return Loaded{r.hub().hub_order(d.order_reference), r.hub().hub_provider(d.provider)};
  };
  Loaded loaded = co_await store_.read(seen, load);
  if (!loaded.order) co_return;  // purged
  if (!loaded.provider) {
    co_await give_up(std::move(d), "provider no longer configured");
    co_return;
  }
  const auto& provider = *loaded.provider;
  auto items = pending_items(*loaded.order, d.provider);
  const bool past_deadline = now_ms() >= parse_iso_ms(d.deadline);
  if (items.empty()) {
    d.state = "done";
    auto write = [&d](store::UnitOfWork& uow) { uow.hub().put_dispatch(d, true); };
    co_await store_.write(seen, write);
    co_return;
  }
  if (past_deadline && d.state == "pending") {
    // Nothing was sent that could become an order: safe to give up.
    co_await give_up(std::move(d), "deadline passed");
    co_return;
  }
  ++d.attempts;

  FinishResult finish;
  if (d.state == "pending") {
    StartResult start = co_await providers_.start_order(provider, items);
    if (start.status != CallStatus::Ok) {
      co_await failed(std::move(d), start.status, std::move(start.detail));
      co_return;
    }
    // Record the provider's transaction (and what it refused) before
    // committing to the order, so that after a crash it is asked about
    // instead of ordered again.
    const std::string now = iso_ms(now_ms());
    d.state = start.transaction.empty() ? "done" : "started";
    d.provider_transaction = start.transaction;
    d.last_error.clear();
    auto refused = std::move(start.refused);
    const bool nothing_left = start.transaction.empty();
    auto record = [&d, &refused, &now, nothing_left](store::UnitOfWork& uow) -> std::optional<bool> {
      // Another instance took the dispatch over (our lease ran out): it
      // starts again there; the transaction opened here is never finished.
      if (!uow.hub().put_dispatch(d, nothing_left)) return std::nullopt;
      auto apply = [&refused, nothing_left](model::HubOrderLine& line) {
        for (const auto& r : refused)
          if (r.index == line.index) return apply_result(line, r);
        // Not in the transaction and not refused by name: with no
        // transaction at all, nothing of it was taken.
        if (nothing_left) apply_result(line, ItemResult{line.index, false, {}, "", "", "", "", "", "not taken"});
      };
      return settle_lines(uow, d.order_reference, d.provider, apply, now);
    };
    const std::optional<bool> settled = co_await store_.write(seen, record);
    if (!settled || !co_await store_.durable(seen)) co_return;  // picked up again as it was
    if (*settled && settled_) settled_();
    if (nothing_left) co_return;
    items.erase(std::remove_if(items.begin(), items.end(),
                               [&refused](const OrderItem& i) {
                                 return std::any_of(refused.begin(), refused.end(),
                                                    [&i](const ItemResult& r) { return r.index == i.index; });
                               }),
                items.end());
    finish = co_await providers_.finish_order(provider, d.provider_transaction, items);
  } else {
    finish = co_await providers_.look_up_order(provider, d.provider_transaction, items);
    if (finish.status == CallStatus::Ok && !finish.finished) {
      if (past_deadline) {
        // Its transaction is still open there: never finished, never
        // ordered. End it there too (best effort: an open transaction that
        // stays is ended by the provider's own lifetime, never ordered).
        co_await providers_.abandon_order(provider, d.provider_transaction);
        co_await give_up(std::move(d), "deadline passed");
        co_return;
      }
      finish = co_await providers_.finish_order(provider, d.provider_transaction, items);
    }
  }
  if (finish.status != CallStatus::Ok) {
    co_await failed(std::move(d), finish.status, std::move(finish.detail));
    co_return;
  }
  if (!finish.finished) {
    co_await failed(std::move(d), CallStatus::Error, "the provider did not finish the order");
    co_return;
  }
  const std::string now = iso_ms(now_ms());
  d.state = "done";
  d.last_error.clear();
  auto results = std::move(finish.items);
  auto record = [&d, &results, &now](store::UnitOfWork& uow) {
    // Taken over meanwhile: the other instance asks the provider, which
    // answers with this order, and records it.
    if (!uow.hub().put_dispatch(d, true)) return false;
    auto apply = [&results](model::HubOrderLine& line) {
      for (const auto& r : results)
        if (r.index == line.index) return apply_result(line, r);
      apply_result(line, ItemResult{line.index, false, {}, "", "", "", "", "", "not in the provider's order"});
    };
    return settle_lines(uow, d.order_reference, d.provider, apply, now);
  };
  if (co_await store_.write(seen, record) && co_await store_.durable(seen) && settled_) settled_();
}

Task<void> Dispatcher::failed(model::Dispatch d, CallStatus status, std::string detail) {
  const auto now = now_ms();
  std::uniform_real_distribution<double> draw(0.0, 1.0);
  const double jitter = draw(random_);
  auto next = re::next_attempt(settings_.dispatch_retry, d.attempts, now, parse_iso_ms(d.deadline), jitter);
  std::string why = std::string(to_string_view(status)) + (detail.empty() ? "" : ": " + detail);
  if (!next) {
    if (d.state == "started" && !d.provider_transaction.empty()) {
      // The provider has a transaction that may have become an order (a
      // FinishOrder whose answer was lost): never "not ordered" without
      // asking it. Past the deadline only asking remains (attempt() never
      // finishes then), at the longest backoff, until the provider answers.
      next = now + re::backoff_delay(settings_.dispatch_retry, d.attempts, jitter);
    } else {
      co_await give_up(std::move(d), std::move(why));
      co_return;
    }
  }
  d.next_attempt_at = iso_ms(*next);
  d.last_error = std::move(why);
  Commit seen;
  auto write = [&d](store::UnitOfWork& uow) { uow.hub().put_dispatch(d, true); };
  co_await store_.write(seen, write);
}

Task<void> Dispatcher::give_up(model::Dispatch d, std::string why) {
  d.state = "given_up";
  d.last_error = why;
  const std::string now = iso_ms(now_ms());
  Commit seen;
  auto write = [&d, &why, &now](store::UnitOfWork& uow) {
    if (!uow.hub().put_dispatch(d, true)) return false;  // another instance has it now
    auto apply = [&why](model::HubOrderLine& line) { set_outcome(line, re::not_ordered(why)); };
    return settle_lines(uow, d.order_reference, d.provider, apply, now);
  };
  if (co_await store_.write(seen, write) && co_await store_.durable(seen) && settled_) settled_();
}

}  // namespace og::core::eproc
