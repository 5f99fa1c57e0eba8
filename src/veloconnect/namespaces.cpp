#include "veloconnect/namespaces.hpp"

#include <stdsoap2.h>

#include "message/soap_codec.hpp"

#include <map>
#include <string>
#include <tuple>

namespace og::veloconnect {

namespace rv = rules::veloconnect;

const message::Vocabulary& vocabulary() {
  static const message::Vocabulary v = [] {
    message::Vocabulary v;
    v.add_namespace("vct", std::string(kTransactionNs));
    v.add_namespace("vco", std::string(kOrderNs));
    v.add_namespace("vcc", std::string(kCatalogNs));
    v.add_namespace("vcp", std::string(kProfileNs));
    v.add_namespace("vcr", std::string(kReceiptNs));
    v.add_namespace("cac", std::string(kCacNs));
    v.add_namespace("cbc", std::string(kCbcNs));
    for (auto name : {"BuyersID", "Credential", "Password", "SellersID", "TransactionID", "IsTest"})
      v.add_element(name, "vct");
    // The RequestType sequence's order; the official request collection's first
    // version sends IsTest after the content, other clients TransactionID first.
    v.set_leading({"BuyersID", "Credential", "SellersID", "TransactionID", "IsTest"});
    for (auto name : {"GetStatusRequest", "RollbackRequest"}) {
      v.add_element(name, "vct");
      v.add_root(name);
    }
    for (auto name : {"GetItemDetailsRequest", "GetItemDetailsListRequest", "CreateOrderRequest", "UpdateOrderRequest",
                      "ViewOrderRequest", "FinishOrderRequest"}) {
      v.add_element(name, "vco");
      v.add_root(name);
    }
    for (auto name : {"OrderRequestLine", "RequestEntry"}) v.add_element(name, "vco");
    for (auto name : {"CreateTextSearchRequest", "SearchResultRequest", "GetClassificationSchemeRequest"}) {
      v.add_element(name, "vcc");
      v.add_root(name);
    }
    v.add_element("SearchString", "vcc", {"languageID"});
    for (auto name : {"StartIndex", "Count", "ResultFormat", "DoNotClose"}) v.add_element(name, "vcc");
    for (auto name : {"OfferQueryRequest", "OfferDetailsRequest", "OrderConfirmationQueryRequest",
                      "OrderConfirmationDetailsRequest", "DeliveryNoteQueryRequest", "DeliveryNoteDetailsRequest",
                      "InvoiceInformationQueryRequest", "InvoiceInformationDetailsRequest"}) {
      v.add_element(name, "vcr");
      v.add_root(name);
    }
    for (auto name : {"DateRange", "FromDate", "ThruDate", "RequestReference", "RequestDate", "OfferID", "OrderID",
                      "OrderConfirmationID", "DeliveryNoteID", "InvoiceID"})
      v.add_element(name, "vcr");
    v.add_element("GetProfileRequest", "vcp");
    v.add_root("GetProfileRequest");
    for (auto name : {"SellersItemIdentification", "BuyersItemIdentification"}) v.add_element(name, "cac");
    v.add_element("ID", "cac", {"identificationSchemeID", "identificationSchemeAgencyID"});
    v.add_element("Quantity", "cbc", {"quantityUnitCode"});
    // The standard's attribute is quantityUnitCode; UBL 2 and many clients say unitCode.
    v.add_attribute_alias("Quantity", "unitCode", "quantityUnitCode");
    for (auto name : {"DeliveryDate", "BacklogIndicator"}) v.add_element(name, "cbc");
    // Stock transmissions (stock-B2B/B2C-1.4): the two modules share element
    // names, and catalog's paging names, so theirs are scoped by request.
    v.add_namespace("vsb", std::string(kStockB2BNs));
    v.add_namespace("vsc", std::string(kStockB2CNs));
    for (auto [root, prefix] : {std::pair{"StockTransmitB2BRequest", "vsb"}, {"StockTransmitB2CRequest", "vsc"}}) {
      v.add_element(root, prefix);
      v.add_root(root);
      for (auto name : {"CreateDate", "Frequence", "Availability"}) v.add_element_under(root, name, prefix);
      v.add_element_under(root, "SpecialPriceName", prefix, {"languageID"});
    }
    for (auto [root, prefix] :
         {std::pair{"GetItemStatusStockTransmitB2BRequest", "vsb"}, {"GetItemStatusStockTransmitB2CRequest", "vsc"}}) {
      v.add_element(root, prefix);
      v.add_root(root);
      for (auto name : {"StartIndex", "Count", "DoNotClose"}) v.add_element_under(root, name, prefix);
    }
    v.add_element("StockTransmitB2BLine", "vsb");
    for (auto name : {"StockTransmitB2CLine", "MarketPlaceItemIdentification", "SpecialPrice", "SpecialPriceStart",
                      "SpecialPriceEnd", "Shipping", "TaxCategory", "Orderable", "Url", "DeliveryMin", "DeliveryMax",
                      "Assembly", "Condition"})
      v.add_element(name, "vsc");
    for (auto name :
         {"StandardItemIdentification", "ManufacturersItemIdentification", "IssuerParty", "PartyName", "BasePrice"})
      v.add_element(name, "cac");
    v.add_element("Name", "cbc", {"languageID"});
    v.add_element("PriceAmount", "cbc", {"amountCurrencyID"});
    v.add_element("BaseQuantity", "cbc", {"quantityUnitCode"});
    // Sale transmissions (sale-B2B-1.6): scoped like stock's, and the line's
    // own ID beside cac:ID by its parent.
    v.add_namespace("vlb", std::string(kSaleB2BNs));
    v.add_element("SaleTransmitB2BRequest", "vlb");
    v.add_root("SaleTransmitB2BRequest");
    for (auto name : {"CreateDate", "QuantityFraction", "SaleDate", "DocumentNumber", "PostalCode", "SerialNumbers",
                      "SalesChannel"})
      v.add_element_under("SaleTransmitB2BRequest", name, "vlb");
    for (auto name : {"SalesPriceGross", "SalesPriceNet"})
      v.add_element_under("SaleTransmitB2BRequest", name, "vlb", {"amountCurrencyID"});
    v.add_element_under("SaleTransmitB2BRequest", "SerialID", "vlb", {"kind", "description"});
    v.add_element("SaleTransmitB2BLine", "vlb");
    v.add_element_in("SaleTransmitB2BLine", "ID", "vlb");
    v.add_element("GetStatusSaleTransmitB2BRequest", "vlb");
    v.add_root("GetStatusSaleTransmitB2BRequest");
    for (auto name : {"StartIndex", "Count", "DoNotClose"})
      v.add_element_under("GetStatusSaleTransmitB2BRequest", name, "vlb");
    // Sale B2X (sale-B2X-1.6): its own Quantity and Description beside UBL's.
    v.add_namespace("vlx", std::string(kSaleB2XNs));
    v.add_element("SaleTransmitB2XRequest", "vlx");
    v.add_root("SaleTransmitB2XRequest");
    for (auto name : {"CreateDate", "BidexProductGroupKey", "SaleDate", "DocumentNumber", "PostalCode", "SalesChannel"})
      v.add_element_under("SaleTransmitB2XRequest", name, "vlx");
    for (auto name : {"SalesPriceGross", "SalesPriceNet", "RecommendedRetailPrice"})
      v.add_element_under("SaleTransmitB2XRequest", name, "vlx", {"amountCurrencyID"});
    v.add_element_under("SaleTransmitB2XRequest", "Quantity", "vlx", {"quantityUnitCode"});
    v.add_attribute_alias_under("SaleTransmitB2XRequest", "Quantity", "unitCode", "quantityUnitCode");
    v.add_element_under("SaleTransmitB2XRequest", "Description", "vlx", {"languageID"});
    v.add_element("SaleTransmitB2XLine", "vlx");
    v.add_element_in("SaleTransmitB2XLine", "ID", "vlx");
    v.add_element("CommodityClassification", "cac");
    for (auto name : {"NatureCode", "CargoTypeCode", "CommodityCode", "ItemClassificationCode"})
      v.add_element(name, "cbc", {"listID", "listAgencyID"});
    v.add_element("GetStatusSaleTransmitB2XRequest", "vlx");
    v.add_root("GetStatusSaleTransmitB2XRequest");
    for (auto name : {"StartIndex", "Count", "DoNotClose"})
      v.add_element_under("GetStatusSaleTransmitB2XRequest", name, "vlx");
    return v;
  }();
  return v;
}

namespace {
std::string_view profile_uri(rv::ProfileNs p) {
  switch (p) {
    case rv::ProfileNs::V1_4: return "urn:veloconnect:profile-1.4";
    case rv::ProfileNs::V1_5: return "urn:veloconnect:profile-1.5";
    case rv::ProfileNs::V1_6: return "urn:veloconnect:profile-1.6";
    case rv::ProfileNs::V1_1: break;
  }
  return kProfileNs;
}

std::string_view get_status_uri(rv::TransactionNs t) {
  switch (t) {
    case rv::TransactionNs::V1_4: return "urn:veloconnect:transaction-1.4";
    case rv::TransactionNs::V1_6: return "urn:veloconnect:transaction-1.6";
    case rv::TransactionNs::V1_0: break;
  }
  return kTransactionNs;
}

// The official set's modules beyond the core ones, by the prefix their
// response elements use (operation.cpp).
struct Module {
  const char* prefix;
  const char* uri;
};
constexpr Module kModules[] = {
    {"vcr", "urn:veloconnect:receipt-1.3"},   {"vsb", "urn:veloconnect:stock-B2B-1.4"},
    {"vsc", "urn:veloconnect:stock-B2C-1.4"}, {"vlb", "urn:veloconnect:sale-B2B-1.6"},
    {"vlx", "urn:veloconnect:sale-B2X-1.6"},
};

std::vector<message::NamespaceBinding> build_bindings(std::string_view root_prefix, const AnswerNamespaces& ns) {
  std::vector<message::NamespaceBinding> out;
  if (root_prefix == "vcp") out.push_back({"vcp", std::string(profile_uri(ns.profile))});
  // vco answers carry items, and an item's classification is vcc:ItemInformation.
  if (root_prefix == "vcc" || root_prefix == "vco") out.push_back({"vcc", std::string(kCatalogNs)});
  if (root_prefix == "vco" || root_prefix == "vcc") out.push_back({"vco", std::string(kOrderNs)});
  if (root_prefix == "vct6") out.push_back({"vct6", std::string(get_status_uri(ns.get_status))});
  for (const auto& m : kModules)
    if (root_prefix == m.prefix) out.push_back({m.prefix, m.uri});
  out.push_back({"vct", std::string(kTransactionNs)});
  if (root_prefix == "vco" || root_prefix == "vcc" || root_prefix == "vsb" || root_prefix == "vsc" ||
      root_prefix == "vlb" || root_prefix == "vlx" || root_prefix == "vcr") {
    out.push_back({"cac", std::string(kCacNs)});
    out.push_back({"cbc", std::string(kCbcNs)});
  }
  return out;
}
}  // namespace

std::string_view answer_tag(std::string_view response_tag, const AnswerNamespaces& ns) {
  if (response_tag == "vct:GetStatusResponse" && ns.get_status != rv::TransactionNs::V1_0)
    return "vct6:GetStatusResponse";
  return response_tag;
}

const std::vector<message::NamespaceBinding>& answer_bindings(std::string_view root_prefix,
                                                              const AnswerNamespaces& ns) {
  // Every answer root prefix x the versions that change its declarations,
  // built at first use.
  using Key = std::tuple<std::string, rv::ProfileNs, rv::TransactionNs>;
  static const auto table = [] {
    std::map<Key, std::vector<message::NamespaceBinding>> t;
    std::vector<std::string> prefixes{"vct", "vct6", "vco", "vcc", "vcp"};
    for (const auto& m : kModules) prefixes.emplace_back(m.prefix);
    for (const auto& prefix : prefixes)
      for (auto p : {rv::ProfileNs::V1_1, rv::ProfileNs::V1_4, rv::ProfileNs::V1_5, rv::ProfileNs::V1_6})
        for (auto g : {rv::TransactionNs::V1_0, rv::TransactionNs::V1_4, rv::TransactionNs::V1_6})
          t[{prefix, p, g}] = build_bindings(prefix, AnswerNamespaces{p, rv::CatalogNs::V1_5, g});
    return t;
  }();
  return table.at({std::string(root_prefix), ns.profile, ns.get_status});
}

AnswerNamespaces answer_namespaces_for_version(rv::Version v) {
  return {rv::profile_namespace_for(v), rv::catalog_namespace_for(v), rv::get_status_namespace_for(v)};
}

AnswerNamespaces answer_namespaces_for_xml(std::string_view root_ns_sent) {
  AnswerNamespaces ns = answer_namespaces_for_version(rv::kDefaultVersion);
  auto v = rv::version_in_namespace(root_ns_sent);
  if (!v) return ns;
  // Only the module the request's root names has a version to keep.
  if (root_ns_sent.starts_with("urn:veloconnect:profile-")) ns.profile = rv::profile_namespace_for(*v);
  if (root_ns_sent.starts_with("urn:veloconnect:transaction-")) ns.get_status = rv::get_status_namespace_for(*v);
  return ns;
}

const ::Namespace* soap_namespaces() {
  static const auto table = message::namespace_table({
      {"vct", "urn:veloconnect:transaction-1.0"},
      {"vco", "urn:veloconnect:order-1.1"},
      {"vcc", "urn:veloconnect:catalog-1.5", "urn:veloconnect:catalog-*"},
      {"vcp", "urn:veloconnect:profile-1.1", "urn:veloconnect:profile-*"},
      {"vct6", "urn:veloconnect:transaction-1.6"},
      {"vsk", "urn:veloconnect:stock-1.4"},
      {"vsb", "urn:veloconnect:stock-B2B-1.4"},
      {"vsc", "urn:veloconnect:stock-B2C-1.4"},
      {"vls", "urn:veloconnect:sale-1.6"},
      {"vlb", "urn:veloconnect:sale-B2B-1.6"},
      {"vlx", "urn:veloconnect:sale-B2X-1.6"},
      {"vcr", "urn:veloconnect:receipt-1.3"},
      {"cbc", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-1.0"},
      {"cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-1.0"},
  });
  return table.data();
}

}  // namespace og::veloconnect
