#include "providers/veloconnect_provider.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <algorithm>
#include <atomic>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include "async/when_all.hpp"

namespace og::providers {

namespace ce = core::eproc;
namespace re = rules::eproc;
using Clock = std::chrono::steady_clock;

namespace {

// --- a semaphore for coroutines ---------------------------------------------------------------------------

// Permits for operations in flight. acquire() suspends the coroutine (never a thread) until a permit is free,
// the deadline passes or the token is cancelled; waiters are served first come, first served.
class AsyncSemaphore {
 public:
  explicit AsyncSemaphore(std::size_t permits) : state_(std::make_shared<State>()) { state_->available = permits; }

  // Ends the permit taken by a successful acquire().
  class Permit {
   public:
    Permit() = default;
    Permit(Permit&& other) noexcept : semaphore_(std::exchange(other.semaphore_, nullptr)) {}
    Permit& operator=(Permit&&) = delete;
    ~Permit() {
      if (semaphore_) semaphore_->release();
    }

   private:
    friend class AsyncSemaphore;
    explicit Permit(AsyncSemaphore* s) : semaphore_(s) {}
    AsyncSemaphore* semaphore_ = nullptr;
  };

  // A permit, or nullopt when the deadline passed or `cancel` came first.
  Task<std::optional<Permit>> acquire(Clock::time_point deadline, CancelToken cancel) {
    auto state = state_;
    if (state->try_take()) co_return Permit(this);
    if (cancel.cancelled() || Clock::now() >= deadline) co_return std::nullopt;
    auto executor = co_await boost::asio::this_coro::executor;
    auto waiter = std::make_shared<Waiter>(executor);
    // Whoever takes waiter->resume first (release, the timer, the token) decides; all under the state's mutex.
    auto initiate = [state, waiter, deadline, cancel](auto handler) {
      // Once the waiter is queued or armed, this coroutine may resume on another thread and end this frame
      // and the initiation's (these captures): from here on only copies are used, and the coroutine waits for
      // `setup` before it touches the timer or the subscription.
      auto st = state;
      auto w = waiter;
      auto token = cancel;
      auto until = deadline;
      std::lock_guard setup(w->setup);
      auto resume = std::make_shared<decltype(handler)>(std::move(handler));
      w->resume = [resume](bool granted) {
        auto ex = boost::asio::get_associated_executor(*resume);
        boost::asio::post(ex, [resume, granted] { std::move (*resume)(granted); });
      };
      if (st->try_take()) {
        auto go = std::move(w->resume);
        w->resume = nullptr;
        go(true);
        return;
      }
      st->enqueue(w);
      w->timer.expires_at(until);
      w->timer.async_wait([st, w](boost::system::error_code) { st->give_up(w); });
      w->subscription = token.on_cancel([st, w] { st->give_up(w); });
    };
    auto waiting = boost::asio::async_initiate<const boost::asio::use_awaitable_t<>&, void(bool)>(
        initiate, boost::asio::use_awaitable);
    bool granted = co_await std::move(waiting);
    {
      std::lock_guard setup(waiter->setup);  // the initiation has finished arming
      waiter->subscription.reset();
      waiter->timer.cancel();
    }
    if (!granted) co_return std::nullopt;
    co_return Permit(this);
  }

  std::size_t peak() const {
    std::lock_guard lock(state_->mutex);
    return state_->peak;
  }

 private:
  struct Waiter {
    explicit Waiter(Executor executor) : timer(std::move(executor)) {}
    std::mutex setup;                  // held while the waiter is armed
    std::function<void(bool)> resume;  // empty once decided (under State::mutex)
    boost::asio::steady_timer timer;
    CancelToken::Subscription subscription;
  };
  struct State {
    mutable std::mutex mutex;
    std::size_t available = 0;
    std::size_t in_use = 0;
    std::size_t peak = 0;
    std::deque<std::shared_ptr<Waiter>> waiters;

    bool try_take() {
      std::lock_guard lock(mutex);
      if (available == 0 || !waiters.empty()) return false;
      --available;
      peak = std::max(peak, ++in_use);
      return true;
    }
    void enqueue(std::shared_ptr<Waiter> w) {
      std::lock_guard lock(mutex);
      waiters.push_back(std::move(w));
    }
    // The deadline or the token: the waiter leaves the queue without a permit (unless one came first).
    void give_up(const std::shared_ptr<Waiter>& w) {
      std::function<void(bool)> go;
      {
        std::lock_guard lock(mutex);
        if (!w->resume) return;
        go = std::move(w->resume);
        w->resume = nullptr;
        waiters.erase(std::remove(waiters.begin(), waiters.end(), w), waiters.end());
      }
      go(false);
    }
    void release() {
      std::function<void(bool)> go;
      {
        std::lock_guard lock(mutex);
        --in_use;
        while (!waiters.empty() && !go) {
          auto w = std::move(waiters.front());
          waiters.pop_front();
          if (w->resume) {
            go = std::move(w->resume);
            w->resume = nullptr;
          }
        }
        if (go)
          peak = std::max(peak, ++in_use);  // handed on: the permit stays taken
        else
          ++available;
      }
      if (go) go(true);
    }
  };

  void release() { state_->release(); }

  std::shared_ptr<State> state_;
};

// --- what a product resolves to --------------------------------------------------------------------------

enum class Found { Yes, NotCarried, Ambiguous };

struct Resolution {
  ce::CallStatus status = ce::CallStatus::Ok;  // not Ok: the provider could not be asked; nothing else is set
  std::string detail;
  Found found = Found::NotCarried;
  std::string item_id;
};

std::string_view message_of(Found f) {
  switch (f) {
    case Found::Yes: return "";
    case Found::NotCarried: return "not carried";
    case Found::Ambiguous: return "ambiguous";
  }
  return "";
}

ce::CallStatus status_of(VeloError error, HttpError http_error) {
  if (error != VeloError::Transport) return ce::CallStatus::Error;
  switch (http_error) {
    case HttpError::Timeout: return ce::CallStatus::Timeout;
    case HttpError::Unreachable: return ce::CallStatus::Unreachable;
    default: return ce::CallStatus::Error;
  }
}

template <class T>
ce::CallStatus status_of(const VeloResult<T>& r) {
  return status_of(r.error, r.http_error);
}

template <class T>
std::string detail_of(const VeloResult<T>& r, std::string_view operation) {
  return std::string(operation) + ": " + std::string(to_string(r.error)) + ": " + r.detail;
}

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
           return lower(x) == lower(y);
         });
}

// Does the provider's item fit the product as described? (ProviderReference: its id.)
bool describes(const ProviderItem& item, const re::Product& product) {
  switch (product.kind) {
    case re::DescriptionKind::ProviderReference:
      return item.item_id == product.reference || equal_ignoring_ascii_case(item.item_id, product.reference);
    case re::DescriptionKind::Ean: return item.ean && re::gtin14(*item.ean) == re::gtin14(product.reference);
    case re::DescriptionKind::BrandReference: {
      if (!item.manufacturer || !item.manufacturer_item_id) return false;
      auto reference = re::normalize_reference(product.reference);
      auto brand = re::normalize_reference(product.brand);
      return !reference.empty() && !brand.empty() && re::normalize_reference(*item.manufacturer_item_id) == reference &&
             re::normalize_reference(*item.manufacturer) == brand;
    }
  }
  return false;
}

// The texts a product is searched for with, in order, until one finds a match.
std::vector<std::string> search_strings(const re::Product& product) {
  std::vector<std::string> out{product.reference};
  if (product.kind == re::DescriptionKind::Ean) {
    // An index may hold the EAN-13 of a GTIN-14 asked with a leading zero, or the other way round.
    std::string g = re::gtin14(product.reference);
    std::string short_form = g.substr(g.find_first_not_of('0') == std::string::npos ? 0 : 1);
    if (g.size() == 14 && g[0] == '0' && short_form != product.reference) out.push_back(short_form);
  } else if (product.kind == re::DescriptionKind::BrandReference) {
    std::string normalized = re::normalize_reference(product.reference);
    if (!normalized.empty() && normalized != product.reference) out.push_back(normalized);
  }
  return out;
}

}  // namespace

// --- the provider ----------------------------------------------------------------------------------------

struct VeloconnectProvider::Impl {
  HttpClient& http;
  VeloconnectClient client;
  std::string local_base;
  VeloconnectProviderOptions options;

  std::atomic<std::uint64_t> cache_hits{0}, searches{0}, operations{0};

  // Semaphores per provider id (kept for the object's life: providers are few).
  std::mutex semaphores_mutex;
  std::map<std::string, std::shared_ptr<AsyncSemaphore>> semaphores;

  // The resolution cache: (provider id, match key) -> outcome, oldest first out beyond the bound.
  struct Entry {
    Found found;
    std::string item_id;
    Clock::time_point expires;
    std::uint64_t serial;
  };
  mutable std::mutex cache_mutex;
  std::unordered_map<std::string, Entry> cache;
  std::deque<std::pair<std::string, std::uint64_t>> cache_order;
  std::uint64_t cache_serial = 0;

  Impl(HttpClient& h, std::string base, VeloconnectProviderOptions o)
      : http(h), client(h, o.client), local_base(std::move(base)), options(o) {
    while (!local_base.empty() && local_base.back() == '/') local_base.pop_back();
  }

  // One call of the ProviderApi: the provider, its account, the call's deadline and token.
  struct Call {
    model::HubProvider provider;
    VeloconnectAccount account;
    Clock::time_point deadline;
    CancelToken cancel;
    std::shared_ptr<AsyncSemaphore> semaphore;
  };

  VeloconnectAccount account_of(const model::HubProvider& p) const {
    VeloconnectAccount a;
    a.url = p.url.starts_with("local:") ? local_base + "/veloconnect/" + p.url.substr(6) : p.url;
    a.buyer_id = p.buyer_id;
    a.password = p.password;
    if (!p.sellers_id.empty()) a.sellers_id = p.sellers_id;
    a.timeout = std::chrono::milliseconds(std::max<std::int64_t>(1, p.timeout_ms));
    return a;
  }

  std::shared_ptr<Call> begin(const model::HubProvider& provider, CancelToken cancel) {
    auto call = std::make_shared<Call>();
    call->provider = provider;
    call->account = account_of(provider);
    call->deadline = Clock::now() + call->account.timeout;
    call->cancel = std::move(cancel);
    std::lock_guard lock(semaphores_mutex);
    auto& s = semaphores[provider.id];
    if (!s)
      s = std::make_shared<AsyncSemaphore>(
          static_cast<std::size_t>(std::max<std::int64_t>(1, provider.max_concurrent)));
    call->semaphore = s;
    return call;
  }

  // The account for one operation of the call: what is left of the call's time. nullopt: nothing is left.
  static std::optional<VeloconnectAccount> remaining(const Call& call) {
    auto left = std::chrono::ceil<std::chrono::milliseconds>(call.deadline - Clock::now());
    if (left.count() <= 0) return std::nullopt;
    VeloconnectAccount a = call.account;
    a.timeout = left;
    return a;
  }

  template <class T>
  static VeloResult<T> no_slot(const Call& call) {
    VeloResult<T> r;
    r.error = VeloError::Transport;
    r.http_error = call.cancel.cancelled() ? HttpError::Cancelled : HttpError::Timeout;
    r.detail = call.cancel.cancelled() ? "cancelled" : "the call's time was up (waiting for a free slot)";
    return r;
  }

  // --- the operations, each holding one of the provider's slots ---

  Task<VeloResult<std::vector<ItemAnswer>>> details(std::shared_ptr<Call> call, std::vector<ItemAsk> asks) {
    auto acquiring = call->semaphore->acquire(call->deadline, call->cancel);
    auto permit = co_await std::move(acquiring);
    auto account = remaining(*call);
    if (!permit || !account) co_return no_slot<std::vector<ItemAnswer>>(*call);
    ++operations;
    auto asking = client.item_details(std::move(*account), std::move(asks), call->cancel);
    co_return co_await std::move(asking);
  }

  Task<VeloResult<std::vector<ProviderItem>>> search(std::shared_ptr<Call> call, std::string text) {
    auto acquiring = call->semaphore->acquire(call->deadline, call->cancel);
    auto permit = co_await std::move(acquiring);
    auto account = remaining(*call);
    if (!permit || !account) co_return no_slot<std::vector<ProviderItem>>(*call);
    ++operations;
    ++searches;
    auto asking = client.search(std::move(*account), std::move(text), options.search_hits, call->cancel);
    co_return co_await std::move(asking);
  }

  Task<VeloResult<OrderAnswer>> create(std::shared_ptr<Call> call, std::vector<ItemAsk> lines) {
    auto acquiring = call->semaphore->acquire(call->deadline, call->cancel);
    auto permit = co_await std::move(acquiring);
    auto account = remaining(*call);
    if (!permit || !account) co_return no_slot<OrderAnswer>(*call);
    ++operations;
    auto asking = client.create_order(std::move(*account), std::move(lines), call->cancel);
    co_return co_await std::move(asking);
  }

  // finish (FinishOrder), view (ViewOrder) or rollback (its status in status_code).
  enum class Step { Finish, View, Rollback };
  Task<VeloResult<OrderAnswer>> transaction_step(std::shared_ptr<Call> call, Step step, std::string transaction) {
    auto acquiring = call->semaphore->acquire(call->deadline, call->cancel);
    auto permit = co_await std::move(acquiring);
    auto account = remaining(*call);
    if (!permit || !account) co_return no_slot<OrderAnswer>(*call);
    ++operations;
    if (step == Step::Finish) {
      auto asking = client.finish_order(std::move(*account), std::move(transaction), call->cancel);
      co_return co_await std::move(asking);
    }
    if (step == Step::View) {
      auto asking = client.view_order(std::move(*account), std::move(transaction), call->cancel);
      co_return co_await std::move(asking);
    }
    auto asking = client.rollback(std::move(*account), transaction, call->cancel);
    auto rolled = co_await std::move(asking);
    VeloResult<OrderAnswer> out;
    out.error = rolled.error;
    out.response_code = rolled.response_code;
    out.http_error = rolled.http_error;
    out.http_status = rolled.http_status;
    out.detail = rolled.detail;
    out.value.transaction_id = transaction;
    out.value.status_code = rolled.value;
    co_return out;
  }

  // --- resolution ---

  std::string cache_key(const Call& call, const re::Product& product) const {
    return call.provider.id + '\x1f' + re::match_key(product);
  }

  std::optional<Resolution> cached(const std::string& key) {
    std::lock_guard lock(cache_mutex);
    auto it = cache.find(key);
    if (it == cache.end()) return std::nullopt;
    if (it->second.expires <= Clock::now()) {
      cache.erase(it);
      return std::nullopt;
    }
    ++cache_hits;
    Resolution r;
    r.found = it->second.found;
    r.item_id = it->second.item_id;
    return r;
  }

  void remember(const std::string& key, const Resolution& r) {
    if (r.status != ce::CallStatus::Ok || options.max_cache_entries == 0 || options.cache_ttl.count() <= 0) return;
    std::lock_guard lock(cache_mutex);
    auto serial = ++cache_serial;
    cache[key] = Entry{r.found, r.item_id, Clock::now() + options.cache_ttl, serial};
    cache_order.emplace_back(key, serial);
    while (cache.size() > options.max_cache_entries && !cache_order.empty()) {
      auto [oldest, oldest_serial] = cache_order.front();
      cache_order.pop_front();
      auto it = cache.find(oldest);
      if (it != cache.end() && it->second.serial == oldest_serial) cache.erase(it);
    }
    // Entries written again leave stale places in the order: drop them once they outnumber the live ones.
    if (cache_order.size() > 2 * cache.size() + 64) {
      std::deque<std::pair<std::string, std::uint64_t>> live;
      for (auto& [k, s] : cache_order) {
        auto it = cache.find(k);
        if (it != cache.end() && it->second.serial == s) live.emplace_back(std::move(k), s);
      }
      cache_order = std::move(live);
    }
  }

  void forget(const Call& call, const re::Product& product) {
    std::lock_guard lock(cache_mutex);
    cache.erase(cache_key(call, product));
  }

  // The provider's item id for `product` (a provider reference is taken as it is: the caller's next call
  // tells whether the provider knows it).
  Task<Resolution> resolve(std::shared_ptr<Call> call, re::Product product) {
    Resolution r;
    if (product.kind == re::DescriptionKind::ProviderReference) {
      r.found = Found::Yes;
      r.item_id = product.reference;
      co_return r;
    }
    std::string key = cache_key(*call, product);
    if (auto hit = cached(key)) co_return *hit;
    std::set<std::string> matches;
    for (const auto& text : search_strings(product)) {
      auto searching = search(call, text);
      auto found = co_await std::move(searching);
      if (!found.ok()) {
        r.status = status_of(found);
        r.detail = detail_of(found, "TextSearch '" + text + "'");
        co_return r;
      }
      for (const auto& item : found.value)
        if (describes(item, product)) matches.insert(item.item_id);
      if (!matches.empty()) break;
    }
    r.found = matches.empty() ? Found::NotCarried : matches.size() == 1 ? Found::Yes : Found::Ambiguous;
    if (r.found == Found::Yes) r.item_id = *matches.begin();
    remember(key, r);
    co_return r;
  }

  // Every distinct product of `products` resolved, side by side (the provider's slots bound them), in the
  // order given. A failure of any is returned as the first element's status by the caller.
  Task<std::vector<Resolution>> resolve_all(std::shared_ptr<Call> call, std::vector<re::Product> products) {
    std::vector<std::string> keys;
    std::map<std::string, std::size_t> first;  // match key -> index into distinct
    std::vector<re::Product> distinct;
    std::vector<std::size_t> slot;
    for (const auto& p : products) {
      auto key = re::match_key(p);
      auto [it, fresh] = first.emplace(key, distinct.size());
      if (fresh) distinct.push_back(p);
      slot.push_back(it->second);
    }
    std::vector<Task<Resolution>> tasks;
    for (const auto& p : distinct) tasks.push_back(resolve(call, p));
    auto executor = co_await boost::asio::this_coro::executor;
    auto all = when_all(executor, std::move(tasks));
    auto results = co_await std::move(all);
    std::vector<Resolution> out;
    for (std::size_t i = 0; i < products.size(); ++i) {
      auto& r = results[slot[i]];
      if (r) {
        out.push_back(*r);
      } else {
        Resolution failed;
        failed.status = ce::CallStatus::Error;
        failed.detail = "resolving a product failed unexpectedly";
        out.push_back(std::move(failed));
      }
    }
    co_return out;
  }

  static const Resolution* first_failure(const std::vector<Resolution>& all) {
    // A timeout says most about the provider; then unreachable; then any error.
    for (auto status : {ce::CallStatus::Timeout, ce::CallStatus::Unreachable, ce::CallStatus::Error})
      for (const auto& r : all)
        if (r.status == status) return &r;
    return nullptr;
  }

  // --- the order's lines, matched back to the client's items ---

  std::vector<ce::ItemResult> match_lines(const Call& call, const OrderAnswer& answer,
                                          const std::vector<ce::OrderItem>& items) {
    std::vector<ce::ItemResult> out;
    std::vector<bool> used(answer.lines.size(), false);
    for (const auto& item : items) {
      std::optional<std::size_t> at;
      auto take = [&](auto&& fits) {
        for (std::size_t i = 0; i < answer.lines.size() && !at; ++i)
          if (!used[i] && fits(answer.lines[i])) at = i;
      };
      // What the resolution found, while it is remembered; else the line that fits the description.
      std::optional<std::string> resolved;
      if (item.product.kind != re::DescriptionKind::ProviderReference) {
        std::lock_guard lock(cache_mutex);
        auto it = cache.find(cache_key(call, item.product));
        if (it != cache.end() && it->second.found == Found::Yes) resolved = it->second.item_id;
      }
      if (resolved) take([&](const OrderLineAnswer& l) { return l.item_id == *resolved; });
      if (!at) take([&](const OrderLineAnswer& l) { return describes(l.item, item.product); });
      ce::ItemResult r;
      r.index = item.index;
      if (!at) {
        r.accepted = false;
        r.message = "not in the provider's order";
        out.push_back(std::move(r));
        continue;
      }
      used[*at] = true;
      const auto& line = answer.lines[*at];
      r.accepted = true;
      r.provider_item = line.item_id;
      r.confirmed_quantity = rules::Decimal::parse(line.quantity);
      r.unit_price = line.unit_price.value_or("");
      r.currency = line.currency.value_or("");
      r.delivery_date = line.delivery_date.value_or("");
      r.raw_status = !line.availability_code.empty() ? line.availability_code : std::to_string(answer.status_code);
      out.push_back(std::move(r));
    }
    return out;
  }
};

VeloconnectProvider::VeloconnectProvider(HttpClient& http, std::string local_base, VeloconnectProviderOptions options)
    : impl_(std::make_shared<Impl>(http, std::move(local_base), options)) {}

VeloconnectProvider::~VeloconnectProvider() = default;

VeloconnectAccount VeloconnectProvider::account(const model::HubProvider& provider) const {
  return impl_->account_of(provider);
}

VeloconnectProvider::Stats VeloconnectProvider::stats() const {
  Stats s;
  s.cache_hits = impl_->cache_hits;
  s.searches = impl_->searches;
  s.operations = impl_->operations;
  {
    std::lock_guard lock(impl_->semaphores_mutex);
    for (const auto& [id, semaphore] : impl_->semaphores)
      s.peak_in_flight = std::max(s.peak_in_flight, semaphore->peak());
  }
  std::lock_guard lock(impl_->cache_mutex);
  s.cache_entries = impl_->cache.size();
  return s;
}

void VeloconnectProvider::clear_cache() {
  std::lock_guard lock(impl_->cache_mutex);
  impl_->cache.clear();
  impl_->cache_order.clear();
}

Task<ce::AvailabilityAnswer> VeloconnectProvider::availability(const model::HubProvider& provider,
                                                               std::vector<ce::AvailabilityAsk> asks,
                                                               CancelToken cancel) {
  auto impl = impl_;
  auto call = impl->begin(provider, std::move(cancel));
  ce::AvailabilityAnswer answer;
  if (asks.empty()) co_return answer;
  std::vector<re::Product> products;
  for (const auto& a : asks) products.push_back(a.product);
  auto resolving = impl->resolve_all(call, std::move(products));
  auto resolutions = co_await std::move(resolving);
  if (auto* failed = Impl::first_failure(resolutions)) {
    answer.status = failed->status;
    answer.detail = failed->detail;
    co_return answer;
  }
  // One GetItemDetailsList for every resolved item, each once, with the largest quantity asked for it.
  std::vector<ItemAsk> details_asks;
  std::map<std::string, std::size_t> ask_of_item;
  std::map<std::string, rules::Decimal> quantity_of_item;
  for (std::size_t i = 0; i < asks.size(); ++i) {
    if (resolutions[i].found != Found::Yes) continue;
    const auto& id = resolutions[i].item_id;
    auto& q = quantity_of_item[id];
    q = std::max(q, asks[i].quantity);
    if (ask_of_item.emplace(id, details_asks.size()).second) details_asks.push_back(ItemAsk{id, std::nullopt, {}});
  }
  for (auto& a : details_asks)
    if (auto q = quantity_of_item[a.item_id]; q > rules::Decimal()) a.quantity = q.to_string();
  std::vector<ItemAnswer> details;
  if (!details_asks.empty()) {
    auto asking = impl->details(call, std::move(details_asks));
    auto got = co_await std::move(asking);
    if (!got.ok()) {
      answer.status = status_of(got);
      answer.detail = detail_of(got, "GetItemDetailsList");
      co_return answer;
    }
    details = std::move(got.value);
  }
  for (std::size_t i = 0; i < asks.size(); ++i) {
    ce::ItemAvailability a;
    a.request_index = asks[i].request_index;
    const auto& r = resolutions[i];
    if (r.found != Found::Yes) {
      a.message = std::string(message_of(r.found));
      answer.items.push_back(std::move(a));
      continue;
    }
    const ItemAnswer& d = details[ask_of_item.at(r.item_id)];
    a.provider_item = r.item_id;
    switch (d.kind) {
      case ItemAnswer::Kind::Found:
        a.found = true;
        a.provider_item = d.item.item_id;
        a.description = d.item.description;
        a.availability = d.availability_code;
        a.available_quantity = d.available_quantity.value_or("");
        a.delivery_date = d.delivery_date.value_or("");
        a.unit_price = d.item.price.value_or("");
        a.currency = d.item.currency.value_or("");
        // The provider was asked for the largest quantity any request of the batch wants of this item; a
        // request for less is answered for its own quantity: when what is available covers it, it is
        // available (not "partially available" with the larger request's shortfall).
        if (a.availability == "partially_available") {
          auto available = rules::Decimal::parse(a.available_quantity);
          if (available && asks[i].quantity <= *available) {
            a.availability = "available";
            a.available_quantity.clear();
            a.delivery_date.clear();
          }
        }
        break;
      case ItemAnswer::Kind::Unknown:
        a.message = "not carried";
        impl->forget(*call, asks[i].product);  // a resolution the provider no longer stands by
        break;
      case ItemAnswer::Kind::Replaced: {
        a.message = "replaced";
        for (std::size_t k = 0; k < d.replacements.size(); ++k)
          a.message += (k == 0 ? " by " : ", ") + d.replacements[k];
        impl->forget(*call, asks[i].product);
        break;
      }
    }
    answer.items.push_back(std::move(a));
  }
  co_return answer;
}

Task<ce::StartResult> VeloconnectProvider::start_order(const model::HubProvider& provider,
                                                       std::vector<ce::OrderItem> items) {
  auto impl = impl_;
  auto call = impl->begin(provider, CancelToken());
  ce::StartResult result;
  if (items.empty()) co_return result;
  std::vector<re::Product> products;
  for (const auto& item : items) products.push_back(item.product);
  auto resolving = impl->resolve_all(call, std::move(products));
  auto resolutions = co_await std::move(resolving);
  if (auto* failed = Impl::first_failure(resolutions)) {
    result.status = failed->status;
    result.detail = failed->detail;
    co_return result;
  }
  auto refuse = [&](const ce::OrderItem& item, std::string message, std::string raw_status) {
    ce::ItemResult r;
    r.index = item.index;
    r.accepted = false;
    r.message = std::move(message);
    r.raw_status = std::move(raw_status);
    result.refused.push_back(std::move(r));
  };
  std::vector<ItemAsk> lines;
  std::map<std::string, std::size_t> line_of_item;  // provider item -> the item that ordered it
  std::map<std::string, std::size_t> item_of_line;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& r = resolutions[i];
    if (r.found != Found::Yes) {
      refuse(items[i], std::string(message_of(r.found)), "ItemUnknown");
      continue;
    }
    if (items[i].quantity <= rules::Decimal()) {
      refuse(items[i], "quantity is not positive", "Invalid");
      continue;
    }
    // One line per provider item (a normalised order): a second client line for the same item is refused.
    auto [it, fresh] = item_of_line.emplace(r.item_id, i);
    if (!fresh) {
      refuse(items[i], "the same provider item as line " + std::to_string(items[it->second].index), "Duplicate");
      continue;
    }
    line_of_item[r.item_id] = i;
    lines.push_back(ItemAsk{r.item_id, items[i].quantity.to_string(), std::nullopt});
  }
  if (lines.empty()) co_return result;
  auto creating = impl->create(call, std::move(lines));
  auto created = co_await std::move(creating);
  if (!created.ok()) {
    result.status = status_of(created);
    result.detail = detail_of(created, "CreateOrder");
    co_return result;
  }
  const OrderAnswer& order = created.value;
  auto item_for = [&](const std::string& id) -> std::optional<std::size_t> {
    if (auto it = line_of_item.find(id); it != line_of_item.end()) return it->second;
    for (const auto& [item_id, index] : line_of_item)
      if (equal_ignoring_ascii_case(item_id, id)) return index;
    return std::nullopt;
  };
  for (const auto& id : order.unknown_items)
    if (auto i = item_for(id)) {
      refuse(items[*i], "not carried", "ItemUnknown");
      impl->forget(*call, items[*i].product);
    }
  for (const auto& [id, successors] : order.replacements)
    if (auto i = item_for(id)) {
      std::string message = "replaced";
      for (std::size_t k = 0; k < successors.size(); ++k) message += (k == 0 ? " by " : ", ") + successors[k];
      refuse(items[*i], std::move(message), "RequestReplacement");
      impl->forget(*call, items[*i].product);
    }
  if (order.lines.empty()) {
    // Nothing the provider took: its empty instance is ended, nothing is left to finish.
    auto ending = impl->transaction_step(call, Impl::Step::Rollback, order.transaction_id);
    auto ended = co_await std::move(ending);
    result.detail = ended.ok() ? "no line was taken; the provider's transaction was rolled back"
                               : "no line was taken; rolling back failed: " + ended.detail;
    co_return result;
  }
  result.transaction = order.transaction_id;
  co_return result;
}

Task<ce::FinishResult> VeloconnectProvider::finish_order(const model::HubProvider& provider, std::string transaction,
                                                         std::vector<ce::OrderItem> items) {
  auto impl = impl_;
  auto call = impl->begin(provider, CancelToken());
  ce::FinishResult result;
  auto finishing = impl->transaction_step(call, Impl::Step::Finish, transaction);
  auto finished = co_await std::move(finishing);
  if (!finished.ok()) {
    result.status = status_of(finished);
    result.detail = detail_of(finished, "FinishOrder");
    co_return result;
  }
  result.finished = finished.value.status_code == 100;
  result.items = impl->match_lines(*call, finished.value, items);
  if (finished.value.order_id) result.detail = "provider order " + *finished.value.order_id;
  co_return result;
}

Task<ce::FinishResult> VeloconnectProvider::look_up_order(const model::HubProvider& provider, std::string transaction,
                                                          std::vector<ce::OrderItem> items) {
  auto impl = impl_;
  auto call = impl->begin(provider, CancelToken());
  ce::FinishResult result;
  auto viewing = impl->transaction_step(call, Impl::Step::View, transaction);
  auto viewed = co_await std::move(viewing);
  if (!viewed.ok() && viewed.response_code == 430) {
    // "Not applicable to the current state of the transaction": a finished
    // order can be viewed, so this one ended without an order (rolled back,
    // or ended by the provider's lifetime).
    result.detail = "the provider's transaction ended without an order (ViewOrder: ResponseCode 430)";
    co_return result;
  }
  if (!viewed.ok()) {
    result.status = status_of(viewed);
    result.detail = detail_of(viewed, "ViewOrder");
    co_return result;
  }
  int status = viewed.value.status_code;
  result.finished = status == 100;
  if (result.finished)
    result.items = impl->match_lines(*call, viewed.value, items);
  else if (status == 2)
    result.detail = "the provider's transaction is still open";
  else
    result.detail = "the provider's transaction ended in status " + std::to_string(status) + " without an order";
  co_return result;
}

Task<ce::CallStatus> VeloconnectProvider::abandon_order(const model::HubProvider& provider, std::string transaction) {
  auto impl = impl_;
  auto call = impl->begin(provider, CancelToken());
  auto ending = impl->transaction_step(call, Impl::Step::Rollback, transaction);
  auto ended = co_await std::move(ending);
  co_return ended.ok() ? ce::CallStatus::Ok : status_of(ended);
}

}  // namespace og::providers
