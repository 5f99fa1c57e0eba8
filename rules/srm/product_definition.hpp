// SRM's product-definition constraints for internal request items, as one
// table (product_definition.cpp) that reads like the service documentation,
// evaluated by one small engine. Each violation is one Finding.
#pragma once
#include <span>
#include <string>
#include <vector>

#include "rules/srm/cart.hpp"
#include "rules/srm/master_data.hpp"
#include "rules/srm/message.hpp"

namespace og::rules::srm {

// The item fields the constraints speak about.
enum class Field {
  ParentID,
  Category,
  CategorySchemeID,
  CategorySchemeAgencyID,
  Note,
  TypeCode,
  InternalID,
  InternalIDSchemeID,
  InternalIDSchemeAgencyID,
  Quantity,
  QuantityUnitCode,
  NetUnitPriceUnitCode,
  AccountingQuantityUnitCode,
  ProcurementCostUpperLimit,
};

// What a constraint demands of a field. Checks other than Mandatory and
// MustNotBeSubmitted judge only a submitted value (a missing one is the
// Mandatory row's business), and the product checks only a known product.
enum class Check {
  Mandatory,
  MustNotBeSubmitted,
  IsZero,                 // ParentID: hierarchies are not supported
  IsProductCategoryID,    // schemeID of the category
  IsProductID,            // schemeID of the product
  IsLogicalSystem,        // schemeAgencyID
  IsKnownCategory,        // a product category in SRM
  IsProductsCategory,     // the category of the named product
  IsProductsDescription,  // Note
  IsProductsType,         // TypeCode
  IsKnownProduct,         // InternalID
  IsProductsUnit,         // any unitCode
  IsRec20Unit,            // any unitCode
};

// Which items a row applies to.
enum class Applies { FreeText, Internal, Limit, AllItems };

struct Constraint {
  Applies applies;
  Field field;
  Check check;
  MessageNumber number;
};

// The table, in the documentation's order.
std::span<const Constraint> product_definition_constraints();

struct Finding {
  MessageNumber number;
  std::string item_id;  // "" for findings about the cart as a whole
  std::string element;  // the element or attribute, e.g. "Item/Product/Category/@schemeID"
  std::string note;     // names the item and the field; at most 200 characters
};

// Every violation of the table for one item of the given kind (the kind is a
// parameter so each row can be exercised on its own).
std::vector<Finding> check_item(const Item& item, ItemKind kind, const MasterData& master);

// check_item for every item with its own kind, plus the cart-level rules (at
// least one item, unique item IDs).
std::vector<Finding> check_items(const std::vector<Item>& items, const MasterData& master);

std::string_view describe(ItemKind kind);  // "free-text product", ...
std::string_view element_name(Field field);

}  // namespace og::rules::srm
