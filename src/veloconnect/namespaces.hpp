// The Veloconnect namespaces, the vocabulary that makes sloppy requests
// canonical, and which namespace declarations an answer carries.
#pragma once
#include <stdsoap2.h>

#include <string_view>
#include <vector>

#include "message/vocabulary.hpp"
#include "rules/veloconnect/version.hpp"

namespace og::veloconnect {

inline constexpr std::string_view kTransactionNs = "urn:veloconnect:transaction-1.0";
inline constexpr std::string_view kOrderNs = "urn:veloconnect:order-1.1";
inline constexpr std::string_view kCatalogNs = "urn:veloconnect:catalog-1.5";
inline constexpr std::string_view kProfileNs = "urn:veloconnect:profile-1.1";
inline constexpr std::string_view kStockB2BNs = "urn:veloconnect:stock-B2B-1.4";
inline constexpr std::string_view kStockB2CNs = "urn:veloconnect:stock-B2C-1.4";
inline constexpr std::string_view kSaleB2BNs = "urn:veloconnect:sale-B2B-1.6";
inline constexpr std::string_view kSaleB2XNs = "urn:veloconnect:sale-B2X-1.6";
inline constexpr std::string_view kReceiptNs = "urn:veloconnect:receipt-1.3";
inline constexpr std::string_view kCacNs = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-1.0";
inline constexpr std::string_view kCbcNs = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-1.0";

const message::Vocabulary& vocabulary();

// The versions an answer is written in (profile, catalog and GetStatus differ
// by version; every one of them is declared by the official XSD set).
struct AnswerNamespaces {
  rules::veloconnect::ProfileNs profile = rules::veloconnect::ProfileNs::V1_1;
  rules::veloconnect::CatalogNs catalog = rules::veloconnect::CatalogNs::V1_5;
  rules::veloconnect::TransactionNs get_status = rules::veloconnect::TransactionNs::V1_0;
};

// The root element of an answer: `response_tag` ("vct:GetStatusResponse"), or
// its later version's ("vct6:GetStatusResponse", declared as transaction-1.4
// or 1.6) when `ns` says so.
std::string_view answer_tag(std::string_view response_tag, const AnswerNamespaces& ns);

// Declarations for an answer whose root has prefix `root_prefix` (built once
// per combination, not per answer).
const std::vector<message::NamespaceBinding>& answer_bindings(std::string_view root_prefix, const AnswerNamespaces& ns);

// The version a request namespace names for profile/catalog (echoed in the answer).
AnswerNamespaces answer_namespaces_for_xml(std::string_view root_ns_sent);
AnswerNamespaces answer_namespaces_for_version(rules::veloconnect::Version v);

// gSOAP's namespace table for the Veloconnect binding.
const ::Namespace* soap_namespaces();

}  // namespace og::veloconnect
