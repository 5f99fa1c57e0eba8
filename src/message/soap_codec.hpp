// gSOAP's generated serializers writing answers into a string. gSOAP is our
// binding layer, not our network layer: one context per thread, reset per
// message. (Requests are read from the tree XmlReader validated; see README,
// Architecture.)
#pragma once
#include <stdsoap2.h>

#include <span>
#include <string>
#include <string_view>

#include "message/envelope.hpp"
#include "message/vocabulary.hpp"

namespace og::message {

class SoapCodec {
 public:
  explicit SoapCodec(const Namespace* table);
  ~SoapCodec();
  SoapCodec(const SoapCodec&) = delete;
  SoapCodec& operator=(const SoapCodec&) = delete;

  soap* ctx() { return soap_; }
  // Frees every object of the previous message.
  void reset();

  // Serializes `value` as element `tag`, in `envelope`, declaring `namespaces`
  // on the payload root (and nothing else).
  template <class T>
  std::string write(const T& value, const char* tag, Envelope envelope, std::span<const NamespaceBinding> namespaces) {
    std::string out;
    begin_write(out, envelope, namespaces);
    value.soap_serialize(soap_);
    if (value.soap_put(soap_, tag, nullptr) || soap_end_send(soap_)) throw_write_error();
    end_write(out, envelope);
    return out;
  }

 private:
  void begin_write(std::string& out, Envelope envelope, std::span<const NamespaceBinding> namespaces);
  void end_write(std::string& out, Envelope envelope);
  std::string error_text();
  [[noreturn]] void throw_write_error();

  static int send(soap* s, const char* buf, size_t len);

  soap* soap_;
  std::string* output_ = nullptr;
};

}  // namespace og::message
