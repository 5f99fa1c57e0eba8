// How the hub's core reaches a provider, whatever its protocol: the core asks
// in its own terms (a product as rules/eproc describes it, a quantity) and
// gets plain answers; src/providers implements this per protocol (Veloconnect
// first), so a second protocol is one new file there.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "async/cancel.hpp"
#include "async/task.hpp"
#include "model/eproc.hpp"
#include "rules/common/decimal.hpp"
#include "rules/eproc/description.hpp"

namespace og::core::eproc {

// How a call to a provider ended.
enum class CallStatus {
  Ok,
  Timeout,      // no answer within the provider's timeout
  Unreachable,  // no connection
  Error,        // an answer, but a refusal of the call itself or not one we can read
};
inline std::string_view to_string_view(CallStatus status) {
  switch (status) {
    case CallStatus::Ok: return "ok";
    case CallStatus::Timeout: return "timeout";
    case CallStatus::Unreachable: return "unreachable";
    case CallStatus::Error: return "error";
  }
  return "error";
}

struct AvailabilityAsk {
  std::size_t request_index;  // the client's request this answers
  rules::eproc::Product product;
  rules::Decimal quantity;
};

struct ItemAvailability {
  std::size_t request_index;
  bool found = false;         // the provider has the product
  std::string provider_item;  // its item number there
  std::string description;
  std::string availability;        // the provider's code: available, partially-available, not-available, ...
  std::string available_quantity;  // when it says
  std::string delivery_date;       // YYYY-MM-DD, when it says
  std::string unit_price;          // net, per unit
  std::string currency;
  std::string message;  // why not found: "not carried", "ambiguous", ...
};

struct AvailabilityAnswer {
  CallStatus status = CallStatus::Ok;
  std::string detail;  // for the operator's log, never for a client
  std::vector<ItemAvailability> items;
};

struct OrderItem {
  std::int64_t index;  // the line of the client's order
  rules::eproc::Product product;
  rules::Decimal quantity;
};

struct ItemResult {
  std::int64_t index;
  bool accepted = false;
  std::optional<rules::Decimal> confirmed_quantity;
  std::string provider_item;
  std::string unit_price;
  std::string currency;
  std::string delivery_date;
  std::string raw_status;  // the provider's own word
  std::string message;
};

// Step one of an order at a provider: a transaction is opened there (nothing
// is ordered yet). The hub records `transaction` durably before step two, so
// that after a crash it asks the provider instead of ordering again.
struct StartResult {
  CallStatus status = CallStatus::Ok;
  std::string detail;
  std::string transaction;          // "" when nothing could be opened (e.g. no item carried)
  std::vector<ItemResult> refused;  // lines the provider cannot take (not carried): not in the transaction
};

// Step two (or, after a crash, what became of it).
struct FinishResult {
  CallStatus status = CallStatus::Ok;
  std::string detail;
  bool finished = false;  // the provider's order is placed (false: its transaction is still open)
  std::vector<ItemResult> items;
};

class ProviderApi {
 public:
  virtual ~ProviderApi() = default;
  // One call (where the protocol can batch) for every ask of this provider.
  virtual Task<AvailabilityAnswer> availability(const model::HubProvider& provider, std::vector<AvailabilityAsk> asks,
                                                CancelToken cancel) = 0;
  virtual Task<StartResult> start_order(const model::HubProvider& provider, std::vector<OrderItem> items) = 0;
  virtual Task<FinishResult> finish_order(const model::HubProvider& provider, std::string transaction,
                                          std::vector<OrderItem> items) = 0;
  virtual Task<FinishResult> look_up_order(const model::HubProvider& provider, std::string transaction,
                                           std::vector<OrderItem> items) = 0;
  // Ends a transaction that was started and never finished (given up at the
  // deadline), so it is not left open at the provider. Ok, or why not.
  virtual Task<CallStatus> abandon_order(const model::HubProvider& provider, std::string transaction) = 0;
};

// Pushes a settled order to a client's callback URL.
class CallbackSender {
 public:
  virtual ~CallbackSender() = default;
  // Ok when the client took it (a 2xx answer).
  virtual Task<CallStatus> deliver(const model::HubClient& client, const model::HubOrder& order,
                                   std::string idempotency_key) = 0;
};

}  // namespace og::core::eproc
