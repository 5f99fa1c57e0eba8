#include "message/soap_codec.hpp"

#include <cstring>
#include <stdexcept>

namespace og::message {

SoapCodec::SoapCodec(const Namespace* table) {
  // UTF-8 strings, plain XML (we write the envelope ourselves), tree
  // serialization (no id/href multi-refs).
  soap_ =
      soap_new2(SOAP_ENC_PLAIN | SOAP_C_UTFSTRING, SOAP_ENC_PLAIN | SOAP_IO_BUFFER | SOAP_C_UTFSTRING | SOAP_XML_TREE);
  soap_set_namespaces(soap_, table);
  soap_->user = this;
  soap_->fsend = &SoapCodec::send;
}

SoapCodec::~SoapCodec() {
  soap_destroy(soap_);
  soap_end(soap_);
  soap_free(soap_);
}

void SoapCodec::reset() {
  soap_destroy(soap_);
  soap_end(soap_);
}

int SoapCodec::send(soap* s, const char* buf, size_t len) {
  static_cast<SoapCodec*>(s->user)->output_->append(buf, len);
  return SOAP_OK;
}

namespace {
constexpr const char* kProlog = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

std::string escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}
}  // namespace

std::string SoapCodec::opening(Envelope envelope) {
  std::string out = kProlog;
  if (envelope == Envelope::Soap11)
    out += "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"" + std::string(kSoap11Ns) + "\"><SOAP-ENV:Body>";
  else if (envelope == Envelope::Soap12)
    out += "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"" + std::string(kSoap12Ns) + "\"><SOAP-ENV:Body>";
  return out;
}

std::string SoapCodec::closing(Envelope envelope) {
  return envelope == Envelope::Plain ? "\n" : "</SOAP-ENV:Body></SOAP-ENV:Envelope>\n";
}

std::string SoapCodec::fault_opening(Envelope envelope, bool sender, std::string_view reason) {
  // A fault exists only in SOAP; a plain request gets the SOAP 1.1 form.
  if (envelope == Envelope::Soap12) {
    return opening(envelope) +
           "<SOAP-ENV:Fault><SOAP-ENV:Code><SOAP-ENV:Value>SOAP-ENV:" + (sender ? "Sender" : "Receiver") +
           "</SOAP-ENV:Value></SOAP-ENV:Code><SOAP-ENV:Reason><SOAP-ENV:Text xml:lang=\"en\">" + escaped(reason) +
           "</SOAP-ENV:Text></SOAP-ENV:Reason><SOAP-ENV:Detail>";
  }
  return opening(Envelope::Soap11) + "<SOAP-ENV:Fault><faultcode>SOAP-ENV:" + (sender ? "Client" : "Server") +
         "</faultcode><faultstring>" + escaped(reason) + "</faultstring><detail>";
}

std::string SoapCodec::fault_closing(Envelope envelope) {
  if (envelope == Envelope::Soap12) return "</SOAP-ENV:Detail></SOAP-ENV:Fault>" + closing(envelope);
  return "</detail></SOAP-ENV:Fault>" + closing(Envelope::Soap11);
}

void SoapCodec::begin_write(std::string& out, std::string_view before, std::span<const NamespaceBinding> namespaces) {
  output_ = &out;
  out.reserve(2048);
  out += before;
  soap_->header = nullptr;
  if (soap_begin_send(soap_)) throw_write_error();
  soap_->version = 0;
  soap_->ns = 2;  // we declare the namespaces; gSOAP must not dump its table
  for (const auto& b : namespaces) soap_set_attr(soap_, ("xmlns:" + b.prefix).c_str(), b.uri.c_str(), 1);
}

std::vector<::Namespace> namespace_table(std::initializer_list<FaceNamespace> face) {
  std::vector<::Namespace> t{
      {"SOAP-ENV", kSoap11Ns, "http://www.w3.org/*/soap-envelope", nullptr},
      {"SOAP-ENC", "http://schemas.xmlsoap.org/soap/encoding/", "http://www.w3.org/*/soap-encoding", nullptr},
      {"xsi", "http://www.w3.org/2001/XMLSchema-instance", "http://www.w3.org/*/XMLSchema-instance", nullptr},
      {"xsd", "http://www.w3.org/2001/XMLSchema", "http://www.w3.org/*/XMLSchema", nullptr}};
  for (const auto& n : face) t.push_back({n.prefix, n.uri, n.pattern, nullptr});
  t.push_back({nullptr, nullptr, nullptr, nullptr});
  return t;
}

std::string must_understand_fault(Envelope envelope, const std::vector<XmlName>& blocks, std::string_view reason) {
  auto attribute = [](std::string_view text) {
    std::string out = escaped(text);
    for (auto at = out.find('"'); at != std::string::npos; at = out.find('"', at + 6)) out.replace(at, 1, "&quot;");
    return out;
  };
  std::string out = kProlog;
  if (envelope == Envelope::Soap12) {
    out += "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"" + std::string(kSoap12Ns) + "\"><SOAP-ENV:Header>";
    for (const auto& b : blocks) {
      out += "<SOAP-ENV:NotUnderstood qname=\"";
      out += b.ns.empty() ? "" : "nu:";
      out += attribute(b.local) + "\"";
      if (!b.ns.empty()) out += " xmlns:nu=\"" + attribute(b.ns) + "\"";
      out += "/>";
    }
    out +=
        "</SOAP-ENV:Header><SOAP-ENV:Body><SOAP-ENV:Fault><SOAP-ENV:Code><SOAP-ENV:Value>SOAP-ENV:MustUnderstand"
        "</SOAP-ENV:Value></SOAP-ENV:Code><SOAP-ENV:Reason><SOAP-ENV:Text xml:lang=\"en\">" +
        escaped(reason) + "</SOAP-ENV:Text></SOAP-ENV:Reason></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>\n";
    return out;
  }
  out += "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"" + std::string(kSoap11Ns) +
         "\"><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:MustUnderstand</faultcode><faultstring>" +
         escaped(reason) + "</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>\n";
  return out;
}

std::string in_envelope(std::string_view element, Envelope envelope) {
  std::string out;
  if (envelope == Envelope::Plain) {
    out = kProlog;
    out += element;
    out += "\n";
    return out;
  }
  const char* ns = envelope == Envelope::Soap12 ? kSoap12Ns : kSoap11Ns;
  out = std::string(kProlog) + "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"" + ns + "\"><SOAP-ENV:Body>";
  out += element;
  out += "</SOAP-ENV:Body></SOAP-ENV:Envelope>\n";
  return out;
}

std::string SoapCodec::error_text() {
  const char* code = nullptr;
  const char* detail = nullptr;
  const char** c = soap_faultstring(soap_);
  code = c ? *c : nullptr;
  const char** d = soap_faultdetail(soap_);
  detail = d ? *d : nullptr;
  std::string out = code ? code : "XML could not be read";
  if (detail && *detail) out += std::string(": ") + detail;
  soap_->error = SOAP_OK;
  return out;
}

void SoapCodec::throw_write_error() {
  std::string message = error_text();
  output_ = nullptr;
  throw std::runtime_error("serializing the answer failed: " + message);
}

}  // namespace og::message
