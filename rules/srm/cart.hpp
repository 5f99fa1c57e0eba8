// An SRM internal request (shopping cart) as the rules see it: what the caller
// submitted, field by field, with "not submitted" kept apart from "empty",
// because the product-definition rules are about exactly that difference.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace og::rules::srm {

// An identifier with the scheme attributes SAP's GDTs give it
// (ProductCategoryInternalID, ProductInternalID).
struct SchemedID {
  std::string value;
  std::optional<std::string> scheme_id;
  std::optional<std::string> scheme_agency_id;
  friend bool operator==(const SchemedID&, const SchemedID&) = default;
};

// Quantity@unitCode. The amount stays the canonical decimal text (see
// canonical_decimal) so a stored cart compares equal to a resubmitted one
// whatever zeros the caller wrote.
struct Quantity {
  std::string amount;
  std::optional<std::string> unit_code;
  friend bool operator==(const Quantity&, const Quantity&) = default;
};

// Amount@currencyCode.
struct Amount {
  std::string value;
  std::string currency_code;
  friend bool operator==(const Amount&, const Amount&) = default;
};

struct Price {
  Amount amount;
  std::optional<Quantity> base_quantity;  // carries the price's unitCode
  friend bool operator==(const Price&, const Price&) = default;
};

struct AccountAssignment {
  std::optional<std::string> percent;
  std::optional<Quantity> quantity;
  std::optional<std::string> cost_centre_id;
  friend bool operator==(const AccountAssignment&, const AccountAssignment&) = default;
};

struct CatalogueReference {
  std::optional<std::string> catalogue_id;
  std::optional<std::string> item_id;
  friend bool operator==(const CatalogueReference&, const CatalogueReference&) = default;
};

struct Item {
  std::string id;
  std::optional<std::string> parent_id;
  std::optional<bool> limit_indicator;
  std::optional<SchemedID> category;     // Item/Product/Category
  std::optional<std::string> note;       // Item/Product/Product/Note
  std::optional<std::string> type_code;  // Item/Product/Product/TypeCode
  std::optional<SchemedID> internal_id;  // Item/Product/Product/InternalID
  std::optional<Quantity> quantity;
  std::optional<Price> net_unit_price;
  std::optional<Amount> cost_upper_limit;  // ProcurementCostUpperLimit
  std::vector<AccountAssignment> accounting;
  std::optional<CatalogueReference> catalogue;
  friend bool operator==(const Item&, const Item&) = default;
};

// Which block of the product-definition rules applies to an item.
enum class ItemKind { FreeText, Internal, Limit };

// SRM's own reading: an item flagged LimitIndicator is a limit item; one that
// names a product (InternalID) is an internal product; anything else is
// described by text only, a free-text product.
ItemKind kind_of(const Item& item);

// "The complete internal request ... released if they are the same": the same
// items (matched by item ID, order irrelevant) with the same content.
bool same_content(const std::vector<Item>& submitted, const std::vector<Item>& stored);

// xsd:decimal text in one canonical spelling ("02.50" -> "2.5", "-0" -> "0");
// nullopt when it is not a decimal.
std::optional<std::string> canonical_decimal(std::string_view text);

}  // namespace og::rules::srm
