#include "core/eproc/hub.hpp"

#include <map>
#include <utility>
#include <variant>

#include "async/when_all.hpp"
#include "core/eproc/directory.hpp"
#include "rules/eproc/fanout_plan.hpp"
#include "rules/eproc/order_identity.hpp"
#include "rules/eproc/order_split.hpp"
#include "rules/eproc/order_status.hpp"
#include "store/store.hpp"

namespace og::core::eproc {

namespace re = rules::eproc;

Hub::Hub(ProviderApi& providers, Executor hashing, const Clock& clock, HubSettings settings)
    : providers_(providers),
      clock_(clock),
      settings_(std::move(settings)),
      passwords_(
          [](store::ReadView& r, const std::string&, const std::string& id) -> std::optional<StoredPassword> {
            auto c = r.hub().hub_client(id);
            if (!c) return std::nullopt;
            return StoredPassword{c->password_salt, c->password_hash, c->password_iterations};
          },
          std::move(hashing), settings_.password_memory, settings_.guesses),
      config_(settings_.config_ttl) {}

Task<std::optional<model::HubClient>> Hub::authenticate(Context& ctx, const std::string& client_id,
                                                        const std::string& password) {
  static const std::string kRealm = "eprocurement";
  PasswordVerdict verdict = co_await passwords_.check(ctx, kRealm, client_id, password);
  if (verdict != PasswordVerdict::Valid) co_return std::nullopt;
  co_return co_await config_.client(ctx, client_id);
}

Task<std::optional<model::HubClient>> Hub::client(Context& ctx, const std::string& client_id) {
  co_return co_await config_.client(ctx, client_id);
}

namespace {

// Loads the provider directory and validates against it: the valid request
// and the directory, or nothing with `out` saying why (store, refusal).
template <class Valid, class Outcome, class Validate>
Task<std::optional<std::pair<std::shared_ptr<const Directory>, Valid>>> load_and_validate(ConfigCache& config,
                                                                                          Context& ctx, Outcome& out,
                                                                                          Validate validate) {
  std::shared_ptr<const Directory> directory;
  try {
    directory = co_await config.directory(ctx);
  } catch (const store::StoreError&) {
    out.error = HubError::Unavailable;
    co_return std::nullopt;
  }
  auto checked = validate(*directory);
  if (auto* refusal = std::get_if<re::Refusal>(&checked)) {
    out.error = HubError::Refused;
    out.faults = std::move(refusal->faults);
    co_return std::nullopt;
  }
  co_return std::pair<std::shared_ptr<const Directory>, Valid>(std::move(directory),
                                                               std::get<Valid>(std::move(checked)));
}

}  // namespace

Task<AvailabilityOutcome> Hub::availability(Context& ctx, const model::HubClient& client,
                                            std::vector<re::RequestLine> requests) {
  AvailabilityOutcome out;
  auto validate = [&](const Directory& d) {
    return re::validate_availability(requests, access_of(client), d.profiles, settings_.limits);
  };
  auto validated = co_await load_and_validate<re::ValidAvailability>(config_, ctx, out, validate);
  if (!validated) co_return out;
  const auto& [directory, batch] = *validated;
  re::FanoutPlan plan = re::plan_fanout(batch, directory->profiles);

  std::vector<Task<AvailabilityAnswer>> calls;
  calls.reserve(plan.calls.size());
  for (const auto& call : plan.calls) {
    std::vector<AvailabilityAsk> asks;
    asks.reserve(call.items.size());
    for (const auto& item : call.items)
      asks.push_back(AvailabilityAsk{item.request_index, item.product, item.quantity});
    calls.push_back(
        providers_.availability(directory->providers.at(call.provider), std::move(asks), ctx.cancel_token()));
  }
  auto executor = co_await boost::asio::this_coro::executor;
  auto results = co_await when_all(executor, std::move(calls));

  // (provider, request) -> what that provider said about that request.
  std::map<std::pair<std::string, std::size_t>, ProviderAnswer> said;
  for (std::size_t c = 0; c < plan.calls.size(); ++c) {
    const auto& call = plan.calls[c];
    const auto& result = results[c];
    for (const auto& item : call.items) {
      ProviderAnswer answer;
      answer.provider = call.provider;
      if (!result) {
        answer.status = CallStatus::Error;
      } else if (result->status != CallStatus::Ok) {
        answer.status = result->status;
      } else {
        answer.status = CallStatus::Ok;
        for (const auto& a : result->items)
          if (a.request_index == item.request_index) answer.item = a;
        if (!answer.item) {
          ItemAvailability missing;
          missing.request_index = item.request_index;
          missing.message = "not answered";
          answer.item = std::move(missing);
        }
      }
      said[{call.provider, item.request_index}] = std::move(answer);
    }
  }
  out.answers.reserve(batch.lines.size());
  for (const auto& line : batch.lines) {
    RequestAnswer answer;
    answer.index = line.index;
    for (const auto& provider : plan.providers_by_request.at(line.index)) {
      auto found = said.find({provider, line.index});
      if (found != said.end()) answer.providers.push_back(found->second);
    }
    out.answers.push_back(std::move(answer));
  }
  co_return out;
}

Task<OrderOutcome> Hub::place_order(Context& ctx, const model::HubClient& client, re::OrderRequest request) {
  OrderOutcome out;
  auto validate = [&](const Directory& d) {
    return re::validate_order(request, access_of(client), d.profiles, settings_.limits);
  };
  auto validated = co_await load_and_validate<re::ValidOrder>(config_, ctx, out, validate);
  if (!validated) co_return out;
  const auto& valid = validated->second;
  const std::string body_key = re::canonical_body(valid);
  const std::string now = clock_.now_utc();
  const std::string due = iso_ms(now_ms());
  const std::string deadline = iso_ms(now_ms() + settings_.dispatch_deadline);

  auto decide = [&](store::UnitOfWork& uow) -> OrderOutcome {
    OrderOutcome o;
    if (!valid.client_reference.empty()) {
      if (auto existing = uow.hub().hub_order_by_client_reference(client.id, valid.client_reference)) {
        if (existing->body_key != body_key) {
          o.error = HubError::Conflict;
          return o;
        }
        o.order = std::move(*existing);
        o.replayed = true;
        return o;
      }
    }
    model::HubOrder order;
    order.client_id = client.id;
    order.client_reference = valid.client_reference;
    order.body_key = body_key;
    order.status = re::code(re::OrderStatus::Initialised);
    order.created_at = now;
    order.updated_at = now;
    for (const auto& line : valid.lines) order.lines.push_back(stored_line(line));
    order.reference = uow.hub().insert_hub_order(order);
    for (const auto& share : re::split_order(valid)) {
      model::Dispatch d;
      d.order_reference = order.reference;
      d.provider = share.provider;
      d.next_attempt_at = due;
      d.deadline = deadline;
      uow.hub().put_dispatch(d);
    }
    o.order = std::move(order);
    return o;
  };
  try {
    out = co_await ctx.store().write(ctx.commit(), decide);
  } catch (const store::StoreError&) {
    out = OrderOutcome{};
    out.error = HubError::Unavailable;
    co_return out;
  }
  if (out.error == HubError::None && !out.replayed && wake_) {
    // The dispatcher only works on durable rows; waking it early costs one read.
    wake_();
  }
  co_return out;
}

Task<OrderOutcome> Hub::read_order(Context& ctx, const model::HubClient& client, const std::string& reference) {
  OrderOutcome out;
  auto load = [&reference](store::ReadView& r) { return r.hub().hub_order(reference); };
  std::optional<model::HubOrder> order;
  try {
    order = co_await ctx.store().read(ctx.commit(), load);
  } catch (const store::StoreError&) {
    out.error = HubError::Unavailable;
    co_return out;
  }
  // Another client's order is as unknown as one that does not exist.
  if (!order || order->client_id != client.id) {
    out.error = HubError::NotFound;
    co_return out;
  }
  out.order = std::move(*order);
  co_return out;
}

}  // namespace og::core::eproc
