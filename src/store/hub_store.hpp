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

// One claim on due outbox entries: `token` names it (unique per claim), the
// entries are due at `now` and reserved for it until `until` (UTC, ISO-8601).
struct Lease {
  std::string token;
  std::string now;
  std::string until;
};

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
  // Writes an entry: a new one, or one still held under the claim it was
  // taken with (its `lease`). It keeps that claim (more writes of the same
  // attempt follow) or, with `release`, drops it (the attempt is over; the
  // next one is anybody's, at its time). False, and nothing written, when
  // another claim took the entry since: what it records is no longer this
  // copy's to record.
  virtual bool put_dispatch(const model::Dispatch& dispatch, bool release = false) = 0;
  virtual bool put_callback(const model::CallbackJob& callback, bool release = false) = 0;
  // Takes up to `limit` entries due at `lease.now`, oldest first: each is due
  // again only at `lease.until`, so no other instance takes it before (one
  // whose instance died comes due then), and the copies carry the claim.
  // Instances claiming at once get different entries.
  virtual std::vector<model::Dispatch> claim_dispatches(const Lease& lease, std::int64_t limit) = 0;
  virtual std::vector<model::CallbackJob> claim_callbacks(const Lease& lease, std::int64_t limit) = 0;
  // Gives an entry still held under its claim back, due at `now`: an instance
  // that stops hands back what it could not finish.
  virtual void hand_back_dispatch(const model::Dispatch& dispatch, std::string_view now) = 0;
  virtual void hand_back_callback(const model::CallbackJob& callback, std::string_view now) = 0;
  // Hands back every claim whose name starts with `prefix`: an instance
  // started again under its name takes up at once what it held when it died.
  virtual void hand_back_claims(std::string_view prefix, std::string_view now) = 0;
};

}  // namespace og::store
