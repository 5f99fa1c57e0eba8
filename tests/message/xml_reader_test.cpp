// XmlReader keeps one libxml2 parser context per thread: what one request
// leaves in it must not change how the next one is read.
#include <cppunit/extensions/HelperMacros.h>

#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "message/schema_set.hpp"
#include "message/xml_reader.hpp"
#include "veloconnect/endpoint.hpp"
#include "veloconnect/namespaces.hpp"

namespace og::test {

using message::Envelope;
using message::XmlPayload;
using message::XmlProblem;

class XmlReaderTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(XmlReaderTest);
  CPPUNIT_TEST(made_up_names_of_earlier_requests_do_not_stop_new_ones);
  CPPUNIT_TEST_SUITE_END();

 public:
  // libxml2 interns names, namespace URIs and short texts in the parser
  // context's dictionary and refuses new entries once the dictionary is full
  // (about 22 MB); the reader must not keep one dictionary for ever, or made-up
  // names would leave the thread unable to read a request with a prefix,
  // namespace or short value it has not seen before.
  void made_up_names_of_earlier_requests_do_not_stop_new_ones() {
    message::SchemaSet schema(veloconnect::schema_roots());
    message::XmlReader reader(veloconnect::vocabulary(), schema, {});
    // Long names until libxml2 refuses them (at most 40 MB), then short ones
    // to fill what room is left.
    int doc = 0;
    for (auto [length, documents] : {std::pair{1000, 40}, std::pair{10, 40}}) {
      for (int n = 0; n < documents; ++n, ++doc) {
        std::string body = "<r>";
        for (int i = 0; i < 1000; ++i)
          body += "<" + std::string(static_cast<std::size_t>(length), 'n') + std::to_string(doc) + "x" +
                  std::to_string(i) + "/>";
        body += "</r>";
        auto read = reader.read(body, std::nullopt, Envelope::Plain);
        auto* problem = std::get_if<XmlProblem>(&read);
        CPPUNIT_ASSERT(problem);
        if (problem->kind == message::XmlProblemKind::NotWellFormed) break;
      }
    }
    auto read = reader.read(
        "<zq1:GetProfileRequest xmlns:zq1=\"urn:veloconnect:profile-1.1\" "
        "xmlns:zq2=\"urn:veloconnect:transaction-1.0\"><zq2:BuyersID>B9</zq2:BuyersID>"
        "<zq2:Credential><zq2:Password>pw7</zq2:Password></zq2:Credential></zq1:GetProfileRequest>",
        std::nullopt, Envelope::Plain);
    auto* problem = std::get_if<XmlProblem>(&read);
    CPPUNIT_ASSERT_MESSAGE(problem ? problem->message : "", !problem);
    CPPUNIT_ASSERT_EQUAL(std::string("GetProfileRequest"), std::get<XmlPayload>(read).root);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(XmlReaderTest);

}  // namespace og::test
