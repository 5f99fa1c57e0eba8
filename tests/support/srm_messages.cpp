#include "support/srm_messages.hpp"

#include "support/basic_auth.hpp"

#include <openssl/evp.h>

namespace og::test::srm {

namespace {
std::string cart(const std::string& inner) {
  return "<InternalRequest>" + inner + "</InternalRequest>";
}
}  // namespace

std::string envelope(const std::string& message, bool soap12) {
  std::string ns = soap12 ? "http://www.w3.org/2003/05/soap-envelope" : "http://schemas.xmlsoap.org/soap/envelope/";
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"" + ns +
         "\" xmlns:glob=\"http://sap.com/xi/SRM/SE/Global\"><s:Body>" + message + "</s:Body></s:Envelope>";
}

std::string message(const std::string& root, const std::string& inner, const std::string& uuid) {
  std::string header = "<MessageHeader><ID>TEST-1</ID>" + (uuid.empty() ? "" : "<UUID>" + uuid + "</UUID>") +
                       "<CreationDateTime>2026-11-23T10:00:00Z</CreationDateTime></MessageHeader>";
  return "<glob:" + root + " xmlns:glob=\"http://sap.com/xi/SRM/SE/Global\">" + header + inner + "</glob:" + root + ">";
}

std::string cart_id(const std::string& answer) {
  const std::string open = "<InternalRequest><ID>";
  auto at = answer.find(open);
  if (at == std::string::npos) return "";
  at += open.size();
  return answer.substr(at, answer.find('<', at) - at);
}

std::string read_request(const std::string& cart_id) {
  return envelope(message("InternalRequestSRMByIDQuery_sync",
                          "<InternalRequestSelectionByID><ID>" + cart_id + "</ID></InternalRequestSelectionByID>"));
}

std::string release_request(const std::string& cart_id, const std::string& change_state_id, const std::string& uuid) {
  return envelope(message("InternalRequestSRMReleaseRequest_sync",
                          cart("<ID>" + cart_id + "</ID><ChangeStateID>" + change_state_id + "</ChangeStateID>"),
                          uuid));
}

std::string cancel_request(const std::string& cart_id, const std::string& uuid) {
  return envelope(message("InternalRequestSRMCancelRequest_sync", cart("<ID>" + cart_id + "</ID>"), uuid));
}

std::string create_request(const std::string& uuid) {
  const std::string chair =
      "<Item><ID>10</ID><ParentID>0</ParentID><Product>"
      "<Category schemeID=\"ProductCategoryID\" schemeAgencyID=\"SRMCLNT100\">OFFICE</Category>"
      "<Product><Note>Office chair</Note><TypeCode>01</TypeCode>"
      "<InternalID schemeID=\"ProductID\" schemeAgencyID=\"SRMCLNT100\">P-1000</InternalID></Product></Product>"
      "<Quantity unitCode=\"EA\">2</Quantity></Item>";
  const std::string lamp =
      "<Item><ID>20</ID><ParentID>0</ParentID><Product>"
      "<Category schemeID=\"ProductCategoryID\" schemeAgencyID=\"SRMCLNT100\">OFFICE</Category>"
      "<Product><Note>Desk lamp</Note><TypeCode>01</TypeCode></Product></Product>"
      "<Quantity unitCode=\"EA\">1</Quantity></Item>";
  return envelope(message("InternalRequestSRMCreateRequest_sync", cart(chair + lamp), uuid));
}

HttpReply post(HttpClient& client, const std::string& body, const std::string& user_password, bool soap12) {
  std::map<std::string, std::string> headers;
  if (!user_password.empty()) headers["Authorization"] = basic_authorization(user_password);
  if (!soap12) headers["SOAPAction"] = "\"http://sap.com/xi/WebService/soap1.1\"";
  return client.post(kPath, body, soap12 ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8", headers);
}

}  // namespace og::test::srm
