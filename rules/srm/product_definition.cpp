#include "rules/srm/product_definition.hpp"

#include <set>

#include "rules/srm/unit_codes.hpp"

namespace og::rules::srm {

namespace {

using A = Applies;
using C = Check;
using F = Field;
using M = MessageNumber;

// The service documentation, row by row ("Signature", "Freetext Product",
// "Internal Product", "Limit Item"), plus Rec. 20 for every unit code.
constexpr Constraint kConstraints[] = {
    // Hierarchies are not supported, therefore the ParentID value can only be 0.
    {A::AllItems, F::ParentID, C::IsZero, M::ParentIdNotZero},

    // Freetext product.
    {A::FreeText, F::Category, C::Mandatory, M::CategoryMissing},
    {A::FreeText, F::Category, C::IsKnownCategory, M::CategoryUnknown},
    {A::FreeText, F::CategorySchemeID, C::Mandatory, M::CategorySchemeIdMissing},
    {A::FreeText, F::CategorySchemeID, C::IsProductCategoryID, M::CategorySchemeIdWrong},
    {A::FreeText, F::CategorySchemeAgencyID, C::Mandatory, M::CategoryAgencyMissing},
    {A::FreeText, F::CategorySchemeAgencyID, C::IsLogicalSystem, M::CategoryAgencyWrong},
    {A::FreeText, F::Note, C::Mandatory, M::NoteMissing},
    {A::FreeText, F::TypeCode, C::Mandatory, M::TypeCodeMissing},
    {A::FreeText, F::InternalID, C::MustNotBeSubmitted, M::InternalIdSubmitted},

    // Internal product.
    {A::Internal, F::Category, C::Mandatory, M::CategoryMissing},
    {A::Internal, F::Category, C::IsProductsCategory, M::CategoryNotProducts},
    {A::Internal, F::CategorySchemeID, C::Mandatory, M::CategorySchemeIdMissing},
    {A::Internal, F::CategorySchemeID, C::IsProductCategoryID, M::CategorySchemeIdWrong},
    {A::Internal, F::CategorySchemeAgencyID, C::Mandatory, M::CategoryAgencyMissing},
    {A::Internal, F::CategorySchemeAgencyID, C::IsLogicalSystem, M::CategoryAgencyWrong},
    {A::Internal, F::Note, C::Mandatory, M::NoteMissing},
    {A::Internal, F::Note, C::IsProductsDescription, M::NoteNotProductDescription},
    {A::Internal, F::TypeCode, C::Mandatory, M::TypeCodeMissing},
    {A::Internal, F::TypeCode, C::IsProductsType, M::TypeCodeNotProductType},
    {A::Internal, F::InternalID, C::Mandatory, M::InternalIdMissing},
    {A::Internal, F::InternalID, C::IsKnownProduct, M::InternalIdUnknown},
    {A::Internal, F::InternalIDSchemeID, C::Mandatory, M::InternalIdSchemeIdMissing},
    {A::Internal, F::InternalIDSchemeID, C::IsProductID, M::InternalIdSchemeIdWrong},
    {A::Internal, F::InternalIDSchemeAgencyID, C::Mandatory, M::InternalIdAgencyMissing},
    {A::Internal, F::InternalIDSchemeAgencyID, C::IsLogicalSystem, M::InternalIdAgencyWrong},
    {A::Internal, F::Quantity, C::Mandatory, M::QuantityMissing},
    {A::Internal, F::QuantityUnitCode, C::Mandatory, M::QuantityUnitMissing},
    {A::Internal, F::QuantityUnitCode, C::IsProductsUnit, M::QuantityUnitNotProducts},
    {A::Internal, F::NetUnitPriceUnitCode, C::Mandatory, M::PriceUnitMissing},
    {A::Internal, F::NetUnitPriceUnitCode, C::IsProductsUnit, M::PriceUnitNotProducts},
    {A::Internal, F::AccountingQuantityUnitCode, C::Mandatory, M::AccountingUnitMissing},
    {A::Internal, F::AccountingQuantityUnitCode, C::IsProductsUnit, M::AccountingUnitNotProducts},

    // Limit item.
    {A::Limit, F::Category, C::Mandatory, M::CategoryMissing},
    {A::Limit, F::Category, C::IsKnownCategory, M::CategoryUnknown},
    {A::Limit, F::CategorySchemeID, C::Mandatory, M::CategorySchemeIdMissing},
    {A::Limit, F::CategorySchemeID, C::IsProductCategoryID, M::CategorySchemeIdWrong},
    {A::Limit, F::CategorySchemeAgencyID, C::Mandatory, M::CategoryAgencyMissing},
    {A::Limit, F::CategorySchemeAgencyID, C::IsLogicalSystem, M::CategoryAgencyWrong},
    {A::Limit, F::Note, C::Mandatory, M::NoteMissing},
    {A::Limit, F::InternalID, C::MustNotBeSubmitted, M::InternalIdSubmitted},
    {A::Limit, F::ProcurementCostUpperLimit, C::Mandatory, M::CostUpperLimitMissing},

    // Unit codes are UN/ECE Rec. 20 codes.
    {A::AllItems, F::QuantityUnitCode, C::IsRec20Unit, M::UnitCodeUnknown},
    {A::AllItems, F::NetUnitPriceUnitCode, C::IsRec20Unit, M::UnitCodeUnknown},
    {A::AllItems, F::AccountingQuantityUnitCode, C::IsRec20Unit, M::UnitCodeUnknown},
};

// One place where a field may be: `value` is empty when it was not submitted.
// A field with no occurrence does not apply (the scheme attributes of a
// missing element, the price unit of a missing price).
struct Occurrence {
  std::optional<std::string> value;
  std::string element;
};

std::vector<Occurrence> occurrences(const Item& item, Field field) {
  auto one = [](const std::optional<std::string>& v, const char* element) {
    return std::vector<Occurrence>{{v, element}};
  };
  switch (field) {
    case F::ParentID:
      if (!item.parent_id) return {};
      return one(item.parent_id, "Item/ParentID");
    case F::Category:
      return one(item.category ? std::optional(item.category->value) : std::nullopt, "Item/Product/Category");
    case F::CategorySchemeID:
      if (!item.category) return {};
      return one(item.category->scheme_id, "Item/Product/Category/@schemeID");
    case F::CategorySchemeAgencyID:
      if (!item.category) return {};
      return one(item.category->scheme_agency_id, "Item/Product/Category/@schemeAgencyID");
    case F::Note: return one(item.note, "Item/Product/Product/Note");
    case F::TypeCode: return one(item.type_code, "Item/Product/Product/TypeCode");
    case F::InternalID:
      return one(item.internal_id ? std::optional(item.internal_id->value) : std::nullopt,
                 "Item/Product/Product/InternalID");
    case F::InternalIDSchemeID:
      if (!item.internal_id) return {};
      return one(item.internal_id->scheme_id, "Item/Product/Product/InternalID/@schemeID");
    case F::InternalIDSchemeAgencyID:
      if (!item.internal_id) return {};
      return one(item.internal_id->scheme_agency_id, "Item/Product/Product/InternalID/@schemeAgencyID");
    case F::Quantity: return one(item.quantity ? std::optional(item.quantity->amount) : std::nullopt, "Item/Quantity");
    case F::QuantityUnitCode:
      if (!item.quantity) return {};
      return one(item.quantity->unit_code, "Item/Quantity/@unitCode");
    case F::NetUnitPriceUnitCode:
      if (!item.net_unit_price) return {};
      return one(item.net_unit_price->base_quantity ? item.net_unit_price->base_quantity->unit_code : std::nullopt,
                 "Item/NetUnitPrice/BaseQuantity/@unitCode");
    case F::AccountingQuantityUnitCode: {
      std::vector<Occurrence> out;
      for (const auto& a : item.accounting)
        if (a.quantity)
          out.push_back({a.quantity->unit_code, "Item/AccountingCodingBlockAssignment/Quantity/@unitCode"});
      return out;
    }
    case F::ProcurementCostUpperLimit:
      return one(item.cost_upper_limit ? std::optional(item.cost_upper_limit->value) : std::nullopt,
                 "Item/ProcurementCostUpperLimit");
  }
  return {};
}

bool applies(Applies a, ItemKind kind) {
  switch (a) {
    case A::FreeText: return kind == ItemKind::FreeText;
    case A::Internal: return kind == ItemKind::Internal;
    case A::Limit: return kind == ItemKind::Limit;
    case A::AllItems: return true;
  }
  return false;
}

std::string quoted(std::string_view s) {
  return "'" + std::string(s) + "'";
}

// nullopt: the check holds; otherwise why it does not (the note's second half).
std::optional<std::string> evaluate(Check check, const Occurrence& at, const Item& item, ItemKind kind,
                                    const MasterData& master) {
  const bool present = at.value && !at.value->empty();
  if (check == C::Mandatory)
    return present ? std::nullopt : std::optional("is mandatory for a " + std::string(describe(kind)));
  if (check == C::MustNotBeSubmitted)
    return !at.value ? std::nullopt : std::optional("must not be submitted for a " + std::string(describe(kind)));
  if (!present) return std::nullopt;
  const std::string& v = *at.value;
  const Product* product = item.internal_id ? master.product(item.internal_id->value) : nullptr;
  auto differs = [&](const std::string& expected, const char* what) -> std::optional<std::string> {
    if (v == expected) return std::nullopt;
    return quoted(v) + " does not match " + what + " " + quoted(expected);
  };
  switch (check) {
    case C::IsZero: return v == "0" ? std::nullopt : std::optional(quoted(v) + " must be 0 (no hierarchies)");
    case C::IsProductCategoryID: return differs("ProductCategoryID", "the category scheme");
    case C::IsProductID: return differs("ProductID", "the product scheme");
    case C::IsLogicalSystem: return differs(master.logical_system, "the logical system");
    case C::IsKnownCategory:
      return master.category(v) ? std::nullopt : std::optional(quoted(v) + " is not a product category in SRM");
    case C::IsKnownProduct:
      return master.product(v) ? std::nullopt : std::optional(quoted(v) + " is not a product in SRM");
    case C::IsProductsCategory:
      return product ? differs(product->category_id, ("the category of product " + product->id).c_str()) : std::nullopt;
    case C::IsProductsDescription:
      return product ? differs(product->description, ("the description of product " + product->id).c_str())
                     : std::nullopt;
    case C::IsProductsType:
      return product ? differs(product->type_code, ("the product type of " + product->id).c_str()) : std::nullopt;
    case C::IsProductsUnit:
      return product ? differs(product->unit, ("the unit of measure of " + product->id).c_str()) : std::nullopt;
    case C::IsRec20Unit:
      return is_rec20_unit(v) ? std::nullopt : std::optional(quoted(v) + " is not a UN/ECE Rec. 20 unit code");
    case C::Mandatory:
    case C::MustNotBeSubmitted: break;
  }
  return std::nullopt;
}

}  // namespace

std::span<const Constraint> product_definition_constraints() {
  return kConstraints;
}

std::string_view describe(ItemKind kind) {
  switch (kind) {
    case ItemKind::FreeText: return "free-text product";
    case ItemKind::Internal: return "internal product";
    case ItemKind::Limit: return "limit item";
  }
  return "item";
}

std::string_view element_name(Field field) {
  switch (field) {
    case F::ParentID: return "ParentID";
    case F::Category: return "Product/Category";
    case F::CategorySchemeID: return "Product/Category/@schemeID";
    case F::CategorySchemeAgencyID: return "Product/Category/@schemeAgencyID";
    case F::Note: return "Product/Product/Note";
    case F::TypeCode: return "Product/Product/TypeCode";
    case F::InternalID: return "Product/Product/InternalID";
    case F::InternalIDSchemeID: return "Product/Product/InternalID/@schemeID";
    case F::InternalIDSchemeAgencyID: return "Product/Product/InternalID/@schemeAgencyID";
    case F::Quantity: return "Quantity";
    case F::QuantityUnitCode: return "Quantity/@unitCode";
    case F::NetUnitPriceUnitCode: return "NetUnitPrice/BaseQuantity/@unitCode";
    case F::AccountingQuantityUnitCode: return "AccountingCodingBlockAssignment/Quantity/@unitCode";
    case F::ProcurementCostUpperLimit: return "ProcurementCostUpperLimit";
  }
  return "";
}

std::vector<Finding> check_item(const Item& item, ItemKind kind, const MasterData& master) {
  std::vector<Finding> out;
  for (const auto& c : kConstraints) {
    if (!applies(c.applies, kind)) continue;
    for (const auto& at : occurrences(item, c.field)) {
      auto why = evaluate(c.check, at, item, kind, master);
      if (!why) continue;
      out.push_back({c.number, item.id, at.element,
                     fit_note("Item " + item.id + ": " + std::string(element_name(c.field)) + " " + *why)});
    }
  }
  return out;
}

std::vector<Finding> check_items(const std::vector<Item>& items, const MasterData& master) {
  std::vector<Finding> out;
  if (items.empty())
    out.push_back(
        {M::NoItems, "", "InternalRequest/Item", "The internal request has no items; at least one is needed"});
  std::set<std::string> seen;
  for (const auto& item : items) {
    if (!seen.insert(item.id).second)
      out.push_back(
          {M::DuplicateItemId, item.id, "Item/ID", fit_note("Item ID " + item.id + " occurs more than once")});
    auto found = check_item(item, kind_of(item), master);
    out.insert(out.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  return out;
}

}  // namespace og::rules::srm
