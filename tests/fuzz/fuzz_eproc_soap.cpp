// The e-procurement hub's SOAP binding: XmlReader with the hub's vocabulary
// and xsd/eprocurement.xsd (safe parse, SOAP 1.1/1.2 envelope, normalisation,
// validation), then decode_soap of the validated payload, as Endpoint::soap
// does after the caller authenticated (it also decodes plain XML here, which
// the endpoint refuses before decoding).
// Input: one header byte (see xml_input.hpp), then the body.
#include <cstddef>
#include <cstdint>
#include <variant>

#include "eproc/soap_decode.hpp"
#include "message/schema_set.hpp"
#include "message/xml_reader.hpp"
#include "property.hpp"
#include "xml_input.hpp"

namespace {

using og::message::Envelope;

const og::message::XmlReader& reader() {
  static const og::message::SchemaSet schema(og::eproc::schema_roots());
  static const og::message::XmlReader reader(og::eproc::vocabulary(), schema, {});
  return reader;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  og::message::init_xml();
  reader();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto in = og::fuzz::xml_input(data, size);
  Envelope hint = in.media.type == "application/soap+xml" ? Envelope::Soap12 : Envelope::Soap11;
  auto read = reader().read(in.body, in.media.charset, hint);
  if (auto* payload = std::get_if<og::message::XmlPayload>(&read)) {
    // The reader only lets a request root of the vocabulary through.
    auto operation = og::eproc::operation_for_root(payload->root);
    FUZZ_PROPERTY(operation.has_value());
    auto request = og::eproc::decode_soap(*payload);
    FUZZ_PROPERTY(request.operation == *operation);
    FUZZ_PROPERTY(!payload->canonical().empty());
  }
  return 0;
}
