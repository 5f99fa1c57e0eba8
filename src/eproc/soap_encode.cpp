#include "eproc/soap_encode.hpp"

#include "eproc/order_soap.hpp"
#include "eproc/xml_writer.hpp"
#include "message/soap_codec.hpp"

namespace og::eproc {

namespace {

using message::Envelope;

void write_fault(XmlWriter& out, std::optional<std::size_t> request, std::string_view code, const std::string& detail) {
  out.open("Fault");
  if (request) out.leaf("Request", std::to_string(*request));
  out.leaf("Code", code);
  out.leaf("Detail", detail);
  out.close("Fault");
}

void decimal_if(XmlWriter& out, std::string_view name, const std::string& value) {
  if (is_xsd_decimal(value)) out.leaf(name, value);
}

}  // namespace

std::string availability_soap(const std::vector<core::eproc::RequestAnswer>& answers, Envelope envelope) {
  XmlWriter out;
  out.root("CheckAvailabilityResponse");
  for (const auto& answer : answers) {
    out.open("Answer");
    out.leaf("Request", std::to_string(answer.index));
    for (const auto& p : answer.providers) {
      out.open("Provider");
      out.leaf("ID", p.provider.empty() ? "?" : p.provider);
      out.leaf("Status", wire_status(p.status));
      if (p.status == core::eproc::CallStatus::Ok && p.item) {
        const auto& i = *p.item;
        out.open("Item");
        out.leaf("Found", i.found ? "true" : "false");
        out.leaf_if("ProviderItem", i.provider_item);
        out.leaf_if("Description", i.description);
        out.leaf_if("Availability", i.availability);
        decimal_if(out, "AvailableQuantity", i.available_quantity);
        if (is_plain_date(i.delivery_date)) out.leaf("DeliveryDate", i.delivery_date);
        decimal_if(out, "UnitPrice", i.unit_price);
        out.leaf_if("Currency", i.currency);
        out.leaf_if("Message", i.message);
        out.close("Item");
      }
      out.close("Provider");
    }
    out.close("Answer");
  }
  out.close("CheckAvailabilityResponse");
  return message::in_envelope(out.take(), envelope);
}

std::string order_answer_soap(SoapOperation operation, const model::HubOrder& order, bool replayed, Envelope envelope) {
  const char* root = info(operation).response_root;
  XmlWriter out;
  out.root(root);
  write_order(out, order);
  if (operation == SoapOperation::PlaceOrder) out.leaf("Replayed", replayed ? "true" : "false");
  out.close(root);
  return message::in_envelope(out.take(), envelope);
}

std::string faults_soap(SoapOperation operation, const std::vector<rules::eproc::Fault>& faults, Envelope envelope) {
  const char* root = info(operation).response_root;
  XmlWriter out;
  out.root(root);
  for (const auto& f : faults) write_fault(out, f.line, rules::eproc::to_string_view(f.reason), f.text);
  out.close(root);
  return message::in_envelope(out.take(), envelope);
}

std::string business_fault_soap(SoapOperation operation, Failure failure, const std::string& detail,
                                Envelope envelope) {
  const char* root = info(operation).response_root;
  XmlWriter out;
  out.root(root);
  write_fault(out, std::nullopt, business_code(failure),
              detail.empty() ? std::string(problem_of(failure).title) : detail);
  out.close(root);
  return message::in_envelope(out.take(), envelope);
}

std::string soap_fault(Failure failure, const std::string& detail, Envelope envelope) {
  SoapFaultText f = soap_fault_of(failure);
  XmlWriter d;
  d.root("TechnicalFault");
  d.leaf("Code", f.code);
  d.leaf("Text", detail.empty() ? std::string(f.reason) : detail);
  d.close("TechnicalFault");
  std::string reason = xml_text(f.reason);
  std::string body;
  if (envelope == Envelope::Soap12) {
    body = std::string("<SOAP-ENV:Fault><SOAP-ENV:Code><SOAP-ENV:Value>SOAP-ENV:") +
           (f.sender ? "Sender" : "Receiver") +
           "</SOAP-ENV:Value></SOAP-ENV:Code><SOAP-ENV:Reason><SOAP-ENV:Text xml:lang=\"en\">" + reason +
           "</SOAP-ENV:Text></SOAP-ENV:Reason><SOAP-ENV:Detail>" + d.take() + "</SOAP-ENV:Detail></SOAP-ENV:Fault>";
  } else {
    envelope = Envelope::Soap11;
    body = std::string("<SOAP-ENV:Fault><faultcode>SOAP-ENV:") + (f.sender ? "Client" : "Server") +
           "</faultcode><faultstring>" + reason + "</faultstring><detail>" + d.take() + "</detail></SOAP-ENV:Fault>";
  }
  return message::in_envelope(body, envelope);
}

int soap_fault_status(Failure failure, Envelope envelope) {
  return envelope == Envelope::Soap12 && soap_fault_of(failure).sender ? 400 : 500;
}

}  // namespace og::eproc
