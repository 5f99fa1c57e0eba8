// The e-procurement hub's persistence: clients, providers, orders, and the
// dispatch and callback outboxes that a restart resumes.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/eproc.hpp"

namespace og::store {

class HubReader {
 public:
  virtual ~HubReader() = default;
  virtual std::optional<model::HubClient> hub_client(std::string_view id) = 0;
  virtual std::optional<model::HubProvider> hub_provider(std::string_view id) = 0;
  virtual std::vector<model::HubProvider> hub_providers() = 0;
  virtual std::optional<model::HubOrder> hub_order(std::string_view reference) = 0;
  virtual std::optional<model::HubOrder> hub_order_by_client_reference(std::string_view client_id,
                                                                       std::string_view client_reference) = 0;
  virtual std::vector<model::Dispatch> dispatches(std::string_view order_reference) = 0;
  // Work that is due at `now` (UTC, ISO-8601), oldest first.
  virtual std::vector<model::Dispatch> due_dispatches(std::string_view now, std::int64_t limit) = 0;
  virtual std::vector<model::CallbackJob> due_callbacks(std::string_view now, std::int64_t limit) = 0;
  // Not done yet: dispatches not done or given up, callbacks not delivered or given up.
  virtual std::int64_t count_open_dispatches() = 0;
};

class HubWriter : public HubReader {
 public:
  virtual void put_hub_client(const model::HubClient& client) = 0;
  virtual void put_hub_provider(const model::HubProvider& provider) = 0;
  // Assigns the next reference (EP-<number>) and stores the order with its lines.
  virtual std::string insert_hub_order(const model::HubOrder& order) = 0;
  // The order's status and every line's outcome.
  virtual void update_hub_order(const model::HubOrder& order) = 0;
  virtual void put_dispatch(const model::Dispatch& dispatch) = 0;
  virtual void put_callback(const model::CallbackJob& callback) = 0;
};

}  // namespace og::store
