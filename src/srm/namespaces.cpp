#include "srm/namespaces.hpp"

#include <string>

#include "message/soap_codec.hpp"
#include "srm/operation.hpp"

namespace og::srm {

const message::Vocabulary& vocabulary() {
  static const message::Vocabulary v = [] {
    message::Vocabulary v;
    v.add_namespace("srm", std::string(kSeGlobalNs));
    v.add_namespace("", "");
    for (auto op : {Operation::Create, Operation::Read, Operation::Release, Operation::Cancel}) {
      v.add_element(info(op).request_root, "srm");
      v.add_root(info(op).request_root);
    }
    for (auto name : {"MessageHeader",
                      "ID",
                      "UUID",
                      "ReferenceID",
                      "ReferenceUUID",
                      "CreationDateTime",
                      "SenderBusinessSystemID",
                      "RecipientBusinessSystemID",
                      "InternalRequest",
                      "InternalRequestSelectionByID",
                      "ChangeStateID",
                      "Status",
                      "OrderedIndicator",
                      "ConsistentIndicator",
                      "Item",
                      "ParentID",
                      "LimitIndicator",
                      "Product",
                      "Note",
                      "TypeCode",
                      "NetUnitPrice",
                      "AccountingCodingBlockAssignment",
                      "Percent",
                      "CostCentreID",
                      "CatalogueReference",
                      "ItemID"})
      v.add_element(name, "");
    for (auto name : {"Category", "InternalID"}) v.add_element(name, "", {"schemeID", "schemeAgencyID"});
    for (auto name : {"Quantity", "BaseQuantity"}) v.add_element(name, "", {"unitCode"});
    for (auto name : {"Amount", "ProcurementCostUpperLimit"}) v.add_element(name, "", {"currencyCode"});
    return v;
  }();
  return v;
}

const ::Namespace* soap_namespaces() {
  static const auto table = message::namespace_table({
      {"srm", "http://sap.com/xi/SRM/SE/Global"},
      {"srmb", "http://sap.com/xi/SRM/Basis/Global"},
  });
  return table.data();
}

const std::vector<message::NamespaceBinding>& answer_bindings() {
  static const std::vector<message::NamespaceBinding> b{{"srm", std::string(kSeGlobalNs)}};
  return b;
}

const std::vector<message::NamespaceBinding>& fault_bindings() {
  static const std::vector<message::NamespaceBinding> b{{"srmb", std::string(kBasisGlobalNs)}};
  return b;
}

}  // namespace og::srm
