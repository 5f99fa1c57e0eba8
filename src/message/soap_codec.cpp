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

void SoapCodec::begin_write(std::string& out, Envelope envelope, std::span<const NamespaceBinding> namespaces) {
  output_ = &out;
  out.reserve(2048);
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  if (envelope == Envelope::Soap11)
    out += "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"" + std::string(kSoap11Ns) + "\"><SOAP-ENV:Body>";
  else if (envelope == Envelope::Soap12)
    out += "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"" + std::string(kSoap12Ns) + "\"><SOAP-ENV:Body>";
  soap_->header = nullptr;
  if (soap_begin_send(soap_)) throw_write_error();
  soap_->version = 0;
  soap_->ns = 2;  // we declare the namespaces; gSOAP must not dump its table
  for (const auto& b : namespaces) soap_set_attr(soap_, ("xmlns:" + b.prefix).c_str(), b.uri.c_str(), 1);
}

void SoapCodec::end_write(std::string& out, Envelope envelope) {
  if (envelope != Envelope::Plain) out += "</SOAP-ENV:Body></SOAP-ENV:Envelope>";
  out += "\n";
  output_ = nullptr;
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
