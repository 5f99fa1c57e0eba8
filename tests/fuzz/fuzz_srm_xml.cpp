// SAP SRM SOAP 1.1/1.2: XmlReader with the SRM vocabulary and schema, then
// srm::decode of the validated payload, as Endpoint::process does after the
// caller authenticated (it also decodes plain XML here, which the endpoint
// refuses before decoding).
// Input: one header byte (see xml_input.hpp), then the body.
#include <cstddef>
#include <cstdint>
#include <variant>

#include "message/schema_set.hpp"
#include "message/xml_reader.hpp"
#include "property.hpp"
#include "srm/decode.hpp"
#include "srm/endpoint.hpp"
#include "srm/namespaces.hpp"
#include "xml_input.hpp"

namespace {

using og::message::Envelope;

const og::message::XmlReader& reader() {
  static const og::message::SchemaSet schema(og::srm::schema_roots());
  static const og::message::XmlReader reader(og::srm::vocabulary(), schema, {});
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
    auto request = og::srm::decode(*payload);
    FUZZ_PROPERTY(request.operation != nullptr);
    FUZZ_PROPERTY(!payload->canonical().empty());
  }
  return 0;
}
