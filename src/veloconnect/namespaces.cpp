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
    v.add_namespace("cac", std::string(kCacNs));
    v.add_namespace("cbc", std::string(kCbcNs));
    for (auto name : {"BuyersID", "Credential", "Password", "SellersID", "TransactionID", "IsTest"})
      v.add_element(name, "vct");
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
    for (auto name : {"CreateTextSearchRequest", "SearchResultRequest"}) {
      v.add_element(name, "vcc");
      v.add_root(name);
    }
    v.add_element("SearchString", "vcc", {"languageID"});
    for (auto name : {"StartIndex", "Count", "ResultFormat", "DoNotClose"}) v.add_element(name, "vcc");
    v.add_element("GetProfileRequest", "vcp");
    v.add_root("GetProfileRequest");
    for (auto name : {"SellersItemIdentification", "BuyersItemIdentification"}) v.add_element(name, "cac");
    v.add_element("ID", "cac", {"identificationSchemeID", "identificationSchemeAgencyID"});
    v.add_element("Quantity", "cbc", {"quantityUnitCode"});
    // The standard's attribute is quantityUnitCode; UBL 2 and many clients say unitCode.
    v.add_attribute_alias("Quantity", "unitCode", "quantityUnitCode");
    for (auto name : {"DeliveryDate", "BacklogIndicator"}) v.add_element(name, "cbc");
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
std::string_view catalog_uri(rv::CatalogNs c) {
  return c == rv::CatalogNs::V1_5 ? kCatalogNs : std::string_view("urn:veloconnect:catalog-1.1");
}
}  // namespace

namespace {
std::vector<message::NamespaceBinding> build_bindings(std::string_view root_prefix, const AnswerNamespaces& ns) {
  std::vector<message::NamespaceBinding> out;
  if (root_prefix == "vcp") out.push_back({"vcp", std::string(profile_uri(ns.profile))});
  if (root_prefix == "vcc") out.push_back({"vcc", std::string(catalog_uri(ns.catalog))});
  if (root_prefix == "vco" || root_prefix == "vcc") out.push_back({"vco", std::string(kOrderNs)});
  out.push_back({"vct", std::string(kTransactionNs)});
  if (root_prefix != "vct" && root_prefix != "vcp") {
    out.push_back({"cac", std::string(kCacNs)});
    out.push_back({"cbc", std::string(kCbcNs)});
  }
  return out;
}
}  // namespace

const std::vector<message::NamespaceBinding>& answer_bindings(std::string_view root_prefix,
                                                              const AnswerNamespaces& ns) {
  // Every answer root prefix x profile version x catalog version, built at first use.
  static const auto table = [] {
    std::map<std::tuple<std::string, rv::ProfileNs, rv::CatalogNs>, std::vector<message::NamespaceBinding>> t;
    for (const char* prefix : {"vct", "vco", "vcc", "vcp"})
      for (auto p : {rv::ProfileNs::V1_1, rv::ProfileNs::V1_4, rv::ProfileNs::V1_5, rv::ProfileNs::V1_6})
        for (auto c : {rv::CatalogNs::V1_1, rv::CatalogNs::V1_5})
          t[{prefix, p, c}] = build_bindings(prefix, AnswerNamespaces{p, c});
    return t;
  }();
  return table.at({std::string(root_prefix), ns.profile, ns.catalog});
}

AnswerNamespaces answer_namespaces_for_version(rv::Version v) {
  return {rv::profile_namespace_for(v), rv::catalog_namespace_for(v)};
}

AnswerNamespaces answer_namespaces_for_xml(std::string_view root_ns_sent) {
  AnswerNamespaces ns = answer_namespaces_for_version(rv::kDefaultVersion);
  auto v = rv::version_in_namespace(root_ns_sent);
  if (!v) return ns;
  if (root_ns_sent.starts_with("urn:veloconnect:profile-")) {
    if (*v == rv::Version{1, 4} || *v == rv::Version{1, 5} || *v == rv::Version{1, 6})
      ns.profile = rv::profile_namespace_for(*v);
  } else if (root_ns_sent.starts_with("urn:veloconnect:catalog-")) {
    if (*v == rv::Version{1, 5}) ns.catalog = rv::CatalogNs::V1_5;
  }
  return ns;
}

const ::Namespace* soap_namespaces() {
  static const auto table = message::namespace_table({
      {"vct", "urn:veloconnect:transaction-1.0"},
      {"vco", "urn:veloconnect:order-1.1"},
      {"vcc", "urn:veloconnect:catalog-1.5", "urn:veloconnect:catalog-*"},
      {"vcp", "urn:veloconnect:profile-1.1", "urn:veloconnect:profile-*"},
      {"cbc", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-1.0"},
      {"cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-1.0"},
  });
  return table.data();
}

}  // namespace og::veloconnect
