#include "core/eproc/callback_outbox.hpp"

#include "core/eproc/directory.hpp"
#include "core/eproc/outbox_loop.hpp"
#include "store/store.hpp"

namespace og::core::eproc {

namespace re = rules::eproc;

namespace {
// A callback that will never be due again sorts after every instant.
constexpr const char* kNever = "never";
}  // namespace

CallbackOutbox::CallbackOutbox(store::Store& store, CallbackSender& sender, Executor executor, HubSettings settings,
                               OutboxOptions options)
    : store_(store),
      sender_(sender),
      settings_(std::move(settings)),
      random_(std::random_device{}()),
      leases_(options.instance, options.lease) {
  loop_ = std::make_shared<OutboxLoop<model::CallbackJob>>(
      std::move(executor), options.poll, options.max_in_flight, [this](std::size_t limit) { return due(limit); },
      [](const model::CallbackJob& job) { return job.order_reference; },
      [this](model::CallbackJob job) { return deliver(std::move(job)); });
}

void CallbackOutbox::start() {
  loop_->start();
}
void CallbackOutbox::wake() {
  loop_->wake();
}
void CallbackOutbox::stop() {
  loop_->stop();
}

void CallbackOutbox::hand_back() {
  hand_back_unfinished(store_, loop_->unfinished(), iso_ms(now_ms()), &store::HubWriter::hand_back_callback);
}

std::string CallbackOutbox::idempotency_key(const model::CallbackJob& job) {
  return job.order_reference + "-" + std::to_string(job.status);
}

Task<std::vector<model::CallbackJob>> CallbackOutbox::due(std::size_t limit) {
  Commit seen;
  const store::Lease lease = leases_.next();
  auto claim = [&lease, limit](store::UnitOfWork& uow) {
    return uow.hub().claim_callbacks(lease, static_cast<std::int64_t>(limit));
  };
  auto jobs = co_await store_.write(seen, claim);
  if (!co_await store_.durable(seen)) jobs.clear();
  co_return jobs;
}

Task<void> CallbackOutbox::deliver(model::CallbackJob job) {
  Commit seen;
  struct Loaded {
    std::optional<model::HubOrder> order;
    std::optional<model::HubClient> client;
  };
  auto load = [&job](store::ReadView& r) {
    Loaded l;
    l.order = r.hub().hub_order(job.order_reference);
    if (l.order) l.client = r.hub().hub_client(l.order->client_id);
    return l;
  };
  Loaded loaded = co_await store_.read(seen, load);
  ++job.attempts;
  const auto now = now_ms();
  if (!loaded.order || !loaded.client || loaded.client->callback_url.empty()) {
    job.next_attempt_at = kNever;
    job.last_error = "no callback URL any more";
  } else {
    CallStatus status = co_await sender_.deliver(*loaded.client, *loaded.order, idempotency_key(job));
    if (status == CallStatus::Ok) {
      job.delivered_at = iso_ms(now_ms());
      job.last_error.clear();
    } else {
      const auto deadline =
          parse_iso_ms(loaded.order->updated_at.empty() ? job.next_attempt_at : loaded.order->updated_at) +
          settings_.callback_deadline;
      std::uniform_real_distribution<double> draw(0.0, 1.0);
      auto next = re::next_attempt(settings_.callback_retry, job.attempts, now, deadline, draw(random_));
      job.last_error = std::string(to_string_view(status));
      job.next_attempt_at = next ? iso_ms(*next) : kNever;
      if (!next) job.last_error += " (given up)";
    }
  }
  auto write = [&job](store::UnitOfWork& uow) { uow.hub().put_callback(job, true); };
  co_await store_.write(seen, write);
}

}  // namespace og::core::eproc
