// Every row of the SRM product-definition table, violated alone against an
// item that passes all rows, must produce exactly that row's Log message.
#include <cppunit/extensions/HelperMacros.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "rules/srm/product_definition.hpp"
#include "rules/srm/unit_codes.hpp"

namespace og::test {

namespace {
using namespace og::rules::srm;

MasterData demo_master() {
  MasterData m;
  m.logical_system = "SRMCLNT100";
  m.categories["OFFICE"] = {"OFFICE", "01"};
  m.categories["IT-HW"] = {"IT-HW", "01"};
  m.categories["SERVICES"] = {"SERVICES", "02"};
  m.products["P-1000"] = {"P-1000", "Office chair", "01", "OFFICE", "EA"};
  m.products["P-2000"] = {"P-2000", "Laptop 14 inch", "01", "IT-HW", "EA"};
  m.products["S-3000"] = {"S-3000", "Consulting hour", "02", "SERVICES", "HUR"};
  return m;
}

SchemedID category(const char* id) {
  return {id, "ProductCategoryID", "SRMCLNT100"};
}

Item valid_item(ItemKind kind) {
  Item i;
  i.id = "10";
  i.parent_id = "0";
  switch (kind) {
    case ItemKind::FreeText:
      i.category = category("OFFICE");
      i.note = "Desk lamp";
      i.type_code = "01";
      i.quantity = Quantity{"1", "EA"};
      i.net_unit_price = Price{{"25", "EUR"}, Quantity{"1", "EA"}};
      i.accounting = {{"100", Quantity{"1", "EA"}, "1000"}};
      break;
    case ItemKind::Internal:
      i.category = category("OFFICE");
      i.note = "Office chair";
      i.type_code = "01";
      i.internal_id = SchemedID{"P-1000", "ProductID", "SRMCLNT100"};
      i.quantity = Quantity{"2", "EA"};
      i.net_unit_price = Price{{"199", "EUR"}, Quantity{"1", "EA"}};
      i.accounting = {{"100", Quantity{"2", "EA"}, "1000"}};
      break;
    case ItemKind::Limit:
      i.limit_indicator = true;
      i.category = category("SERVICES");
      i.note = "Consulting, up to 5000 EUR";
      i.quantity = Quantity{"1", "LS"};
      i.net_unit_price = Price{{"5000", "EUR"}, Quantity{"1", "LS"}};
      i.cost_upper_limit = Amount{"5000", "EUR"};
      i.accounting = {{"100", Quantity{"1", "LS"}, "1000"}};
      break;
  }
  return i;
}

// The smallest change to a valid item that breaks (field, check).
void violate(Item& i, Field field, Check check) {
  switch (field) {
    case Field::ParentID: i.parent_id = "10"; return;
    case Field::Category:
      if (check == Check::Mandatory)
        i.category.reset();
      else if (check == Check::IsKnownCategory)
        i.category->value = "FURNITURE";
      else
        i.category->value = "IT-HW";  // a real category, not the product's
      return;
    case Field::CategorySchemeID:
      if (check == Check::Mandatory)
        i.category->scheme_id.reset();
      else
        i.category->scheme_id = "MaterialGroup";
      return;
    case Field::CategorySchemeAgencyID:
      if (check == Check::Mandatory)
        i.category->scheme_agency_id.reset();
      else
        i.category->scheme_agency_id = "ERPCLNT800";
      return;
    case Field::Note:
      if (check == Check::Mandatory)
        i.note.reset();
      else
        i.note = "Chair";
      return;
    case Field::TypeCode:
      if (check == Check::Mandatory)
        i.type_code.reset();
      else
        i.type_code = "02";
      return;
    case Field::InternalID:
      if (check == Check::MustNotBeSubmitted)
        i.internal_id = SchemedID{"P-1000", "ProductID", "SRMCLNT100"};
      else if (check == Check::Mandatory)
        i.internal_id.reset();
      else
        i.internal_id->value = "P-9999";
      return;
    case Field::InternalIDSchemeID:
      if (check == Check::Mandatory)
        i.internal_id->scheme_id.reset();
      else
        i.internal_id->scheme_id = "ProductGUID";
      return;
    case Field::InternalIDSchemeAgencyID:
      if (check == Check::Mandatory)
        i.internal_id->scheme_agency_id.reset();
      else
        i.internal_id->scheme_agency_id = "ERPCLNT800";
      return;
    case Field::Quantity: i.quantity.reset(); return;
    case Field::QuantityUnitCode:
      if (check == Check::Mandatory)
        i.quantity->unit_code.reset();
      else
        i.quantity->unit_code = check == Check::IsRec20Unit ? "PC" : "PCE";
      return;
    case Field::NetUnitPriceUnitCode:
      if (check == Check::Mandatory)
        i.net_unit_price->base_quantity.reset();
      else
        i.net_unit_price->base_quantity->unit_code = check == Check::IsRec20Unit ? "PC" : "PCE";
      return;
    case Field::AccountingQuantityUnitCode:
      if (check == Check::Mandatory)
        i.accounting[0].quantity->unit_code.reset();
      else
        i.accounting[0].quantity->unit_code = check == Check::IsRec20Unit ? "PC" : "PCE";
      return;
    case Field::ProcurementCostUpperLimit: i.cost_upper_limit.reset(); return;
  }
}

std::vector<ItemKind> kinds_of(Applies a) {
  switch (a) {
    case Applies::FreeText: return {ItemKind::FreeText};
    case Applies::Internal: return {ItemKind::Internal};
    case Applies::Limit: return {ItemKind::Limit};
    case Applies::AllItems: break;
  }
  // An unknown unit is also "not the product's unit" for internal products;
  // alone it shows on the other kinds.
  return {ItemKind::FreeText, ItemKind::Limit};
}

std::string describe_row(std::size_t row, ItemKind kind) {
  return "row " + std::to_string(row) + " (" + type_id(product_definition_constraints()[row].number) + ") on a " +
         std::string(describe(kind));
}

}  // namespace

class SrmProductDefinitionTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(SrmProductDefinitionTest);
  CPPUNIT_TEST(valid_items_pass_every_row);
  CPPUNIT_TEST(every_row_violated_alone_reports_exactly_that_row);
  CPPUNIT_TEST(findings_name_item_field_and_element);
  CPPUNIT_TEST(table_follows_the_documentation);
  CPPUNIT_TEST(scheme_attributes_of_a_missing_element_are_not_reported);
  CPPUNIT_TEST(product_checks_wait_for_a_known_product);
  CPPUNIT_TEST(several_violations_are_all_reported);
  CPPUNIT_TEST(every_accounting_assignment_is_checked);
  CPPUNIT_TEST(cart_needs_items_with_unique_ids);
  CPPUNIT_TEST(kind_follows_limit_indicator_then_internal_id);
  CPPUNIT_TEST(unit_codes_are_rec20);
  CPPUNIT_TEST(notes_fit_the_log);
  CPPUNIT_TEST_SUITE_END();

 public:
  void valid_items_pass_every_row() {
    auto m = demo_master();
    for (auto kind : {ItemKind::FreeText, ItemKind::Internal, ItemKind::Limit}) {
      auto found = check_item(valid_item(kind), kind, m);
      CPPUNIT_ASSERT_MESSAGE(std::string(describe(kind)) + ": " + (found.empty() ? "" : found[0].note), found.empty());
    }
  }

  void every_row_violated_alone_reports_exactly_that_row() {
    auto m = demo_master();
    auto table = product_definition_constraints();
    for (std::size_t row = 0; row < table.size(); ++row) {
      const auto& c = table[row];
      for (auto kind : kinds_of(c.applies)) {
        Item item = valid_item(kind);
        violate(item, c.field, c.check);
        auto found = check_item(item, kind, m);
        std::string numbers;
        for (const auto& f : found) numbers += type_id(f.number) + " ";
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe_row(row, kind) + " gave " + numbers, std::size_t{1}, found.size());
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe_row(row, kind), type_id(c.number), type_id(found[0].number));
      }
    }
  }

  void findings_name_item_field_and_element() {
    auto m = demo_master();
    Item item = valid_item(ItemKind::Internal);
    item.id = "30";
    item.note = "Chair";
    auto found = check_item(item, ItemKind::Internal, m);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, found.size());
    CPPUNIT_ASSERT_EQUAL(std::string("30"), found[0].item_id);
    CPPUNIT_ASSERT_EQUAL(std::string("Item/Product/Product/Note"), found[0].element);
    CPPUNIT_ASSERT_EQUAL(
        std::string("Item 30: Product/Product/Note 'Chair' does not match the description of product P-1000 'Office "
                    "chair'"),
        found[0].note);
    CPPUNIT_ASSERT_EQUAL(std::string("010(OGSRM)"), type_id(found[0].number));
  }

  void table_follows_the_documentation() {
    // The seed's rows per block: free-text 7 fields (10 checks), internal 14
    // fields (23 checks), limit 6 fields (9 checks); ParentID; Rec. 20 for the
    // three unit codes.
    std::map<Applies, int> rows;
    std::set<std::pair<int, int>> field_checks;
    for (const auto& c : product_definition_constraints()) {
      ++rows[c.applies];
      CPPUNIT_ASSERT_MESSAGE(
          "duplicate row",
          field_checks
              .insert({static_cast<int>(c.applies) * 100 + static_cast<int>(c.field), static_cast<int>(c.check)})
              .second);
    }
    CPPUNIT_ASSERT_EQUAL(9, rows[Applies::FreeText]);
    CPPUNIT_ASSERT_EQUAL(23, rows[Applies::Internal]);
    CPPUNIT_ASSERT_EQUAL(9, rows[Applies::Limit]);
    CPPUNIT_ASSERT_EQUAL(4, rows[Applies::AllItems]);
  }

  void scheme_attributes_of_a_missing_element_are_not_reported() {
    auto m = demo_master();
    Item item = valid_item(ItemKind::FreeText);
    item.category.reset();
    auto found = check_item(item, ItemKind::FreeText, m);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, found.size());
    CPPUNIT_ASSERT_EQUAL(type_id(MessageNumber::CategoryMissing), type_id(found[0].number));
  }

  void product_checks_wait_for_a_known_product() {
    auto m = demo_master();
    Item item = valid_item(ItemKind::Internal);
    item.internal_id->value = "P-9999";
    item.note = "Anything";
    item.type_code = "02";
    item.quantity->unit_code = "PCE";
    auto found = check_item(item, ItemKind::Internal, m);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, found.size());
    CPPUNIT_ASSERT_EQUAL(type_id(MessageNumber::InternalIdUnknown), type_id(found[0].number));
  }

  void several_violations_are_all_reported() {
    auto m = demo_master();
    std::vector<Item> items{valid_item(ItemKind::Internal), valid_item(ItemKind::FreeText)};
    items[0].id = "10";
    items[0].parent_id = "5";
    items[0].quantity->unit_code = "PCE";
    items[1].id = "20";
    items[1].note.reset();
    items[1].category->scheme_agency_id = "OTHER";
    auto found = check_items(items, m);
    std::multiset<std::string> got;
    for (const auto& f : found) got.insert(f.item_id + ":" + type_id(f.number));
    std::multiset<std::string> want{"10:001(OGSRM)", "10:022(OGSRM)", "20:008(OGSRM)", "20:009(OGSRM)"};
    CPPUNIT_ASSERT(got == want);
  }

  void every_accounting_assignment_is_checked() {
    auto m = demo_master();
    Item item = valid_item(ItemKind::Internal);
    item.accounting = {
        {"50", Quantity{"1", "EA"}, "1000"}, {"25", Quantity{"1", std::nullopt}, "2000"}, {"25", std::nullopt, "3000"}};
    auto found = check_item(item, ItemKind::Internal, m);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, found.size());
    CPPUNIT_ASSERT_EQUAL(type_id(MessageNumber::AccountingUnitMissing), type_id(found[0].number));
  }

  void cart_needs_items_with_unique_ids() {
    auto m = demo_master();
    auto none = check_items({}, m);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, none.size());
    CPPUNIT_ASSERT_EQUAL(type_id(MessageNumber::NoItems), type_id(none[0].number));
    auto twice = check_items({valid_item(ItemKind::Internal), valid_item(ItemKind::FreeText)}, m);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, twice.size());
    CPPUNIT_ASSERT_EQUAL(type_id(MessageNumber::DuplicateItemId), type_id(twice[0].number));
  }

  void kind_follows_limit_indicator_then_internal_id() {
    Item i;
    CPPUNIT_ASSERT(kind_of(i) == ItemKind::FreeText);
    i.internal_id = SchemedID{"P-1000", {}, {}};
    CPPUNIT_ASSERT(kind_of(i) == ItemKind::Internal);
    i.limit_indicator = false;
    CPPUNIT_ASSERT(kind_of(i) == ItemKind::Internal);
    i.limit_indicator = true;
    CPPUNIT_ASSERT(kind_of(i) == ItemKind::Limit);
    // ... and a limit item that names a product breaks the limit block's rule.
    auto found = check_items({[&] {
                               Item l = valid_item(ItemKind::Limit);
                               l.internal_id = SchemedID{"P-1000", "ProductID", "SRMCLNT100"};
                               return l;
                             }()},
                             demo_master());
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, found.size());
    CPPUNIT_ASSERT_EQUAL(type_id(MessageNumber::InternalIdSubmitted), type_id(found[0].number));
  }

  void unit_codes_are_rec20() {
    for (auto code : {"EA", "PCE", "C62", "HUR", "KGM", "LTR", "MTR", "PK", "LS", "DAY", "SET"})
      CPPUNIT_ASSERT_MESSAGE(code, is_rec20_unit(code));
    for (auto code : {"PC", "ea", "", "XYZ", "STK", "EACH"}) CPPUNIT_ASSERT_MESSAGE(code, !is_rec20_unit(code));
  }

  void notes_fit_the_log() {
    CPPUNIT_ASSERT_EQUAL(std::string("short"), fit_note("short"));
    std::string longer(150, 'a');
    for (int i = 0; i < 40; ++i) longer += "\xC3\xA4";  // ä: two bytes each
    auto fitted = fit_note(longer);
    CPPUNIT_ASSERT(fitted.size() <= 200);
    CPPUNIT_ASSERT(fitted.ends_with("..."));
    std::string body = fitted.substr(0, fitted.size() - 3);
    CPPUNIT_ASSERT((static_cast<unsigned char>(body.back()) & 0xC0) != 0xC0);  // no cut lead byte
    CPPUNIT_ASSERT_EQUAL(std::string("001(OGSRM)"), type_id(MessageNumber::ParentIdNotZero));
    CPPUNIT_ASSERT_EQUAL(std::string("071(OGSRM)"), type_id(MessageNumber::CartReleased));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SrmProductDefinitionTest);

}  // namespace og::test
