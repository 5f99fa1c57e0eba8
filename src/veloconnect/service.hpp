// The Veloconnect face: a decoded Request in, the serialized answer out.
// Maps requests to core calls and core results (or refusals) to wire types.
#pragma once
#include <cstddef>
#include <string>

#include "async/cancel.hpp"
#include "async/task.hpp"
#include "core/catalog/catalog.hpp"
#include "core/catalog/sellers.hpp"
#include "core/clock.hpp"
#include "core/context.hpp"
#include "core/veloconnect/buyer_auth.hpp"
#include "core/veloconnect/order_transactions.hpp"
#include "core/veloconnect/receipts.hpp"
#include "core/veloconnect/text_search.hpp"
#include "message/envelope.hpp"
#include "veloconnect/request.hpp"

namespace og::veloconnect {

struct ServiceConfig {
  std::string seller_id = "ordergate";
  std::string seller_name = "ordergate demo wholesaler";
  std::size_t max_list_entries = 1000;
  bool tls = false;  // the profile lists the -S bindings then
};

struct Answer {
  rules::veloconnect::Outcome outcome;
  std::string operation;  // for the access log
  std::string body;
};

// The core services the face calls.
struct Core {
  const core::ContextFactory& contexts;
  const core::SellerDirectory& sellers;
  core::veloconnect::BuyerAuth& auth;
  const core::Catalog& catalog;
  core::veloconnect::OrderTransactions& orders;
  core::veloconnect::TextSearches& searches;
  core::veloconnect::StockTransmissions& stock;
  core::veloconnect::SaleTransmissions& sales;
  const core::Clock& clock;  // the date error answers are issued on
  const core::veloconnect::Receipts& receipts;
};

class Service {
 public:
  Service(Core core, ServiceConfig config) : core_(core), config_(std::move(config)) {}

  Task<Answer> answer(const Decoded& decoded, message::Envelope envelope, CancelToken cancel,
                      std::string client_address = {});
  // A request that could not be decoded (404, 405, 406, 400): no core call.
  Answer answer(const DecodeError& error, message::Envelope envelope);

 private:
  struct Out;
  Task<void> perform(Out& out);
  // Which seller the request is for (415 if none of ours).
  Task<bool> place(Out& out);
  Task<void> get_profile(Out& out);
  Task<void> get_item_details(Out& out);
  Task<void> get_item_details_list(Out& out);
  Task<void> order_step(Out& out);
  Task<void> create_text_search(Out& out);
  Task<void> search_result(Out& out);
  Task<void> get_status(Out& out);
  Task<void> get_classification_scheme(Out& out);
  Task<void> rollback(Out& out);
  // StockTransmitB2B/B2C, SaleTransmitB2B/B2X: alike but for the core call.
  Task<core::veloconnect::Result<model::Transaction>> open_transmission(Out& out);
  Task<void> transmit(Out& out);
  Task<void> stock_item_status(Out& out);
  Task<void> sale_status(Out& out);
  Task<void> sale_b2x_status(Out& out);
  Task<void> receipt_query(Out& out);
  Task<void> receipt_details(Out& out);

  Core core_;
  ServiceConfig config_;
};

}  // namespace og::veloconnect
