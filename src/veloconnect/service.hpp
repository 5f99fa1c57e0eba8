// The Veloconnect face: a decoded Request in, the serialized answer out.
// Maps requests to core calls and core results (or refusals) to wire types.
#pragma once
#include <cstddef>
#include <string>

#include "core/catalog.hpp"
#include "core/order_transactions.hpp"
#include "core/text_search.hpp"
#include "message/soap_codec.hpp"
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

class Service {
 public:
  Service(core::Catalog& catalog, core::OrderTransactions& orders, core::TextSearches& searches, core::BuyerAuth& auth,
          ServiceConfig config)
      : catalog_(catalog), orders_(orders), searches_(searches), auth_(auth), config_(std::move(config)) {}

  Answer answer(const Decoded& decoded, message::SoapCodec& codec, message::Envelope envelope);
  Answer answer(const DecodeError& error, message::SoapCodec& codec, message::Envelope envelope);
  // The 500 answer for a request whose changes were lost after answer() ran
  // (their group commit failed).
  Answer not_applied(const Decoded& decoded, message::SoapCodec& codec, message::Envelope envelope);

 private:
  struct Out;
  void get_profile(Out& out);
  void get_item_details(Out& out);
  void get_item_details_list(Out& out);
  void order_step(Out& out);
  void create_text_search(Out& out);
  void search_result(Out& out);
  void get_status(Out& out);
  void rollback(Out& out);

  core::Catalog& catalog_;
  core::OrderTransactions& orders_;
  core::TextSearches& searches_;
  core::BuyerAuth& auth_;
  ServiceConfig config_;
};

}  // namespace og::veloconnect
