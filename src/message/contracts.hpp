// The WSDL and XSDs a face was built from, as served to clients: the WSDL's
// placeholder address becomes the server's own (its configured public URL or
// listen address, never the client's Host header), and schema imports point
// back at the same server (<base>?xsd=<file>).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace og::message {

struct ContractRequest {
  std::string_view query;     // "wsdl" or "xsd=<file>" (any case for the keys)
  std::string_view base_url;  // http::Request::base_url, e.g. "https://vc.example.com"
  std::string_view path;      // the face's path, e.g. "/veloconnect"
};

// True for GET queries that ask for a contract.
bool is_contract_query(std::string_view query);

// The document, or nullopt when the named schema does not exist.
// `wsdl_name` is the face's WSDL file; `placeholder` the address written in it.
std::optional<std::string> contract_document(const ContractRequest& request, std::string_view wsdl_name,
                                             std::string_view placeholder);

// An embedded contract file as built (e.g. "eprocurement-openapi.json"), or
// an empty view when there is none of that name.
std::string_view contract_bytes(std::string_view name);

// "text/xml; charset=ISO-8859-1" -> ("text/xml", "ISO-8859-1"), type lower-cased.
struct MediaType {
  std::string type;
  std::optional<std::string> charset;
};
MediaType media_type(std::string_view content_type);

}  // namespace og::message
