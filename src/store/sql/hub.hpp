// The e-procurement hub's tables (SQLite migrations 5 and 7) on a store's
// connection: the same statements for SQLite and PostgreSQL.
#pragma once
#include "store/hub_store.hpp"
#include "store/sql/db.hpp"

namespace og::store::sql {

class SqlHub final : public HubWriter {
 public:
  explicit SqlHub(Db& db) : db_(db) {}

  std::optional<model::HubClient> hub_client(std::string_view id) override;
  std::optional<model::HubProvider> hub_provider(std::string_view id) override;
  std::vector<model::HubProvider> hub_providers() override;
  std::optional<model::HubOrder> hub_order(std::string_view reference) override;
  std::optional<model::HubOrder> hub_order_by_client_reference(std::string_view client_id,
                                                               std::string_view client_reference) override;
  std::vector<model::Dispatch> dispatches(std::string_view order_reference) override;
  std::vector<model::Dispatch> due_dispatches(std::string_view now, std::int64_t limit) override;
  std::vector<model::CallbackJob> due_callbacks(std::string_view now, std::int64_t limit) override;
  std::int64_t count_open_dispatches() override;

  void put_hub_client(const model::HubClient& client) override;
  void put_hub_provider(const model::HubProvider& provider) override;
  std::string insert_hub_order(const model::HubOrder& order) override;
  void update_hub_order(const model::HubOrder& order) override;
  bool put_dispatch(const model::Dispatch& dispatch, bool release) override;
  bool put_callback(const model::CallbackJob& callback, bool release) override;
  std::vector<model::Dispatch> claim_dispatches(const Lease& lease, std::int64_t limit) override;
  std::vector<model::CallbackJob> claim_callbacks(const Lease& lease, std::int64_t limit) override;
  void hand_back_dispatch(const model::Dispatch& dispatch, std::string_view now) override;
  void hand_back_callback(const model::CallbackJob& callback, std::string_view now) override;
  void hand_back_claims(std::string_view prefix, std::string_view now) override;

 private:
  std::optional<model::HubOrder> order_where(const char* sql, std::string_view a, std::string_view b);
  void put_lines(const model::HubOrder& order);
  Db& db_;
};

}  // namespace og::store::sql
