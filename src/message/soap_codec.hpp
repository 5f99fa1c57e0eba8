// gSOAP's generated serializers writing answers into a string. gSOAP is our
// binding layer, not our network layer: one context per thread, reset per
// message. (Requests are read from the tree XmlReader validated; see README,
// Architecture.)
#pragma once
#include <stdsoap2.h>

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

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
    return write_framed(value, tag, opening(envelope), namespaces, closing(envelope));
  }

  // The element alone: no XML declaration, no envelope (see in_envelope).
  template <class T>
  std::string write_element(const T& value, const char* tag, std::span<const NamespaceBinding> namespaces) {
    return write_framed(value, tag, "", namespaces, "");
  }

  // A SOAP Fault (Client/Sender or Server/Receiver) whose detail is `value`.
  template <class T>
  std::string write_fault(const T& value, const char* tag, Envelope envelope,
                          std::span<const NamespaceBinding> namespaces, bool sender, std::string_view reason) {
    return write_framed(value, tag, fault_opening(envelope, sender, reason), namespaces, fault_closing(envelope));
  }

 private:
  template <class T>
  std::string write_framed(const T& value, const char* tag, std::string_view before,
                           std::span<const NamespaceBinding> namespaces, std::string_view after) {
    std::string out;
    begin_write(out, before, namespaces);
    value.soap_serialize(soap_);
    if (value.soap_put(soap_, tag, nullptr) || soap_end_send(soap_)) throw_write_error();
    out += after;
    output_ = nullptr;
    return out;
  }
  static std::string opening(Envelope envelope);
  static std::string closing(Envelope envelope);
  static std::string fault_opening(Envelope envelope, bool sender, std::string_view reason);
  static std::string fault_closing(Envelope envelope);
  void begin_write(std::string& out, std::string_view before, std::span<const NamespaceBinding> namespaces);
  std::string error_text();
  [[noreturn]] void throw_write_error();

  static int send(soap* s, const char* buf, size_t len);

  soap* soap_;
  std::string* output_ = nullptr;
};

// gSOAP's namespace table for a face: the SOAP/XSD entries every codec needs,
// then the face's own (prefix, URI, pattern or nullptr), then the terminator.
struct FaceNamespace {
  const char* prefix;
  const char* uri;
  const char* pattern = nullptr;
};
std::vector<::Namespace> namespace_table(std::initializer_list<FaceNamespace> face);

// A document holding `element` (written by write_element), in `envelope`.
std::string in_envelope(std::string_view element, Envelope envelope);

}  // namespace og::message
