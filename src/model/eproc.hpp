// The e-procurement hub's plain values: its clients (garages), the providers
// they order from, orders with an outcome per item, and the two outboxes that
// make asynchronous work survive a crash (a dispatch per provider per order,
// a callback per settled order).
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace og::model {

struct HubClient {
  std::string id;  // garage-01
  std::string name;
  std::string password_salt;
  std::string password_hash;
  int password_iterations = 0;
  std::set<std::string> providers;        // the providers it may use
  std::string callback_url;               // "" when it reads its orders instead
  std::string callback_secret;            // HMAC key of the callback's signature
  std::string callback_binding = "json";  // json or soap
};

struct HubProvider {
  std::string id;  // prov-a
  std::string name;
  std::string protocol = "veloconnect";
  // The provider's URL. "local:<seller>" is this server's own
  // /veloconnect/<seller>, reached over loopback HTTP (the demo providers).
  std::string url;
  std::string buyer_id;  // the hub's account at the provider
  std::string password;
  std::string sellers_id;             // "" when the provider wants none
  std::set<std::string> understands;  // rules::eproc description kinds: provider-reference, brand-reference, ean
  std::int64_t timeout_ms = 5000;     // per call
  std::int64_t max_concurrent = 8;    // calls at once
};

struct HubOrderLine {
  std::int64_t index = 0;  // in the client's order, from 0
  std::string provider;
  std::string kind;  // how the product was described
  std::string brand;
  std::string reference;
  std::string ean;
  std::string quantity;  // decimal text
  // What came of it (rules::eproc::ItemStatus as text: pending, confirmed, ...).
  std::string status = "pending";
  std::string provider_item;  // the provider's item number it resolved to
  std::string confirmed_quantity;
  std::string unit_price;
  std::string currency;
  std::string delivery_date;
  std::string raw_status;  // the provider's own word for it
  std::string message;
};

struct HubOrder {
  std::string reference;  // EP-00000001
  std::string client_id;
  std::string client_reference;  // "" when the client gave none
  std::string body_key;          // rules::eproc::canonical_body: a repeat must match it
  int status = 2;
  std::string created_at;
  std::string updated_at;
  std::vector<HubOrderLine> lines;
};

// One provider's share of an order, pushed by the dispatcher.
struct Dispatch {
  std::string order_reference;
  std::string provider;
  // pending (nothing sent), started (the provider's transaction is recorded:
  // ask it before sending anything again), done, given_up.
  std::string state = "pending";
  int attempts = 0;
  std::string next_attempt_at;  // UTC, ISO-8601
  std::string deadline;         // after it: its items are not ordered
  std::string provider_transaction;
  std::string last_error;
  // The claim this copy was taken under ("" for none): see HubWriter.
  std::string lease;
};

struct CallbackJob {
  std::string order_reference;
  int status = 0;  // the settled status it reports
  int attempts = 0;
  std::string next_attempt_at;
  std::string delivered_at;  // "" until the client took it
  std::string last_error;
  std::string lease;  // as Dispatch::lease
};

}  // namespace og::model
