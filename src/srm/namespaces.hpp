// SAP's namespaces for the SRM face: what requests are normalized to, and
// what answers and faults declare.
#pragma once
#include <stdsoap2.h>

#include <string_view>
#include <vector>

#include "message/vocabulary.hpp"

namespace og::srm {

inline constexpr std::string_view kSeGlobalNs = "http://sap.com/xi/SRM/SE/Global";
inline constexpr std::string_view kBasisGlobalNs = "http://sap.com/xi/SRM/Basis/Global";

// Message roots in SE/Global, everything below unqualified (GDT style).
const message::Vocabulary& vocabulary();
// gSOAP's table for the srm binding.
const ::Namespace* soap_namespaces();
// Declared on an answer's root / on a fault's detail.
const std::vector<message::NamespaceBinding>& answer_bindings();
const std::vector<message::NamespaceBinding>& fault_bindings();

}  // namespace og::srm
