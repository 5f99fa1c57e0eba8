// The catalogue's plain values: buyers and items. Shared by core, the store
// and the faces (src/model is below all three): the store's interfaces speak
// these types, so no store header ever reaches a face.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "rules/common/decimal.hpp"

namespace og::model {

using rules::Decimal;

// A seller ordergate serves: its own catalogue, buyers, orders and profile.
// The id "" is the default seller at /veloconnect, whose SellersID is the
// --seller-id flag; every other seller is at /veloconnect/<id>.
struct Seller {
  std::string id;
  std::string name;
};

struct Buyer {
  std::string id;
  std::string name;
  std::string password_salt;  // raw bytes
  std::string password_hash;  // raw bytes, PBKDF2-HMAC-SHA256
  int password_iterations = 0;
};

// An item's place in one of the seller's classification schemes.
struct ItemGroup {
  std::string scheme_id;
  std::string group_id;
};

struct Item {
  std::string id;  // the seller's item number (SellersItemIdentification)
  std::string description;
  std::string order_unit;  // UN/ECE Rec. 20
  std::string base_unit;
  Decimal base_per_order_unit = Decimal::from_int(1);
  Decimal step = Decimal::from_int(1);
  std::optional<std::string> ean;
  std::optional<std::string> manufacturer;
  std::optional<std::string> manufacturer_item_id;
  Decimal price;  // net, per order unit
  std::string currency;
  std::optional<Decimal> recommended_retail_price;  // gross, per order unit
  Decimal stock;                                    // in the order unit
  std::optional<std::string> next_delivery;         // YYYY-MM-DD
  std::vector<ItemGroup> groups;                    // the first is its primary group
};

// A group of one of a seller's classification schemes (GetClassificationScheme):
// groups form a tree through parent_id within their scheme.
struct ClassificationGroup {
  std::string scheme_id;
  std::string id;
  std::optional<std::string> parent_id;
  std::string description;
};

}  // namespace og::model
