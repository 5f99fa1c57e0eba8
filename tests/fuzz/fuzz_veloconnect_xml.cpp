// Veloconnect XML-POST and SOAP 1.1/1.2: XmlReader with the face's vocabulary
// and schema (safe parse, envelope, normalization, XSD validation), then
// decode_xml on a payload or decode_error on a problem, as Endpoint does.
// Input: one header byte (see xml_input.hpp), then the body.
#include <cstddef>
#include <cstdint>
#include <variant>

#include "message/schema_set.hpp"
#include "message/xml_reader.hpp"
#include "property.hpp"
#include "veloconnect/decode_xml.hpp"
#include "veloconnect/endpoint.hpp"
#include "veloconnect/namespaces.hpp"
#include "xml_input.hpp"

namespace {

using og::message::Envelope;

const og::message::XmlReader& reader() {
  static const og::message::SchemaSet schema(og::veloconnect::schema_roots());
  static const og::message::XmlReader reader(og::veloconnect::vocabulary(), schema, {"BuyersID", "TransactionID"});
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
  Envelope hint = in.media.type == "application/soap+xml" ? Envelope::Soap12
                  : in.has_soap_action                    ? Envelope::Soap11
                                                          : Envelope::Plain;
  auto read = reader().read(in.body, in.media.charset, hint);
  if (auto* payload = std::get_if<og::message::XmlPayload>(&read)) {
    FUZZ_PROPERTY(og::veloconnect::vocabulary().is_root(payload->root));
    auto decoded = og::veloconnect::decode_xml(*payload);
    // The normalized tree must serialize on its own (every namespace it uses
    // declared on the payload root, nothing pointing at freed declarations).
    FUZZ_PROPERTY(!payload->canonical().empty());
    (void)decoded;
  } else {
    auto error = og::veloconnect::decode_error(std::get<og::message::XmlProblem>(read));
    (void)error;
  }
  return 0;
}
