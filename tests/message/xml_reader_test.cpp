// XmlReader keeps one libxml2 parser context per thread: what one request
// leaves in it must not change how the next one is read.
#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

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
  CPPUNIT_TEST(envelope_elements_are_read_in_any_order_and_position);
  CPPUNIT_TEST(content_order_and_repeated_envelope_elements_stay_invalid);
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

  // Every permutation of the five envelope elements, before, between and
  // after the content: read, and put in the standard's order.
  void envelope_elements_are_read_in_any_order_and_position() {
    message::SchemaSet schema(veloconnect::schema_roots());
    message::XmlReader reader(veloconnect::vocabulary(), schema, {});
    std::vector<std::string> envelope{"<BuyersID>B1</BuyersID>", "<Credential><Password>p</Password></Credential>",
                                      "<SellersID>S</SellersID>", "<TransactionID>T</TransactionID>",
                                      "<IsTest>false</IsTest>"};
    const std::string content[] = {"<StartIndex>0</StartIndex>", "<Count>5</Count>",
                                   "<ResultFormat>COUNT</ResultFormat>"};
    std::vector<int> order{0, 1, 2, 3, 4};
    int read_ok = 0;
    do {
      for (int at = 0; at <= 5; ++at) {  // the content goes before envelope element `at` (5: last)
        std::string body = "<SearchResultRequest>";
        for (int i = 0; i < 5; ++i) {
          if (i == at)
            for (const auto& c : content) body += c;
          body += envelope[static_cast<std::size_t>(order[static_cast<std::size_t>(i)])];
        }
        if (at == 5)
          for (const auto& c : content) body += c;
        body += "</SearchResultRequest>";
        auto read = reader.read(body, std::nullopt, Envelope::Plain);
        auto* problem = std::get_if<XmlProblem>(&read);
        CPPUNIT_ASSERT_MESSAGE(body + (problem ? ": " + problem->message : ""), !problem);
        std::string canonical = std::get<XmlPayload>(read).canonical();
        auto pos = [&](const char* name) { return canonical.find(name); };
        CPPUNIT_ASSERT_MESSAGE(canonical, pos("BuyersID") < pos("Credential") && pos("Credential") < pos("SellersID") &&
                                              pos("SellersID") < pos("TransactionID") &&
                                              pos("TransactionID") < pos("IsTest") &&
                                              pos("IsTest") < pos("StartIndex"));
        ++read_ok;
      }
    } while (std::next_permutation(order.begin(), order.end()));
    CPPUNIT_ASSERT_EQUAL(120 * 6, read_ok);
  }

  void content_order_and_repeated_envelope_elements_stay_invalid() {
    message::SchemaSet schema(veloconnect::schema_roots());
    message::XmlReader reader(veloconnect::vocabulary(), schema, {});
    const std::string cred = "<BuyersID>B1</BuyersID><Credential><Password>p</Password></Credential>";
    for (const std::string& body :
         {"<SearchResultRequest>" + cred +
              "<TransactionID>T</TransactionID><Count>5</Count>"
              "<StartIndex>0</StartIndex><ResultFormat>COUNT</ResultFormat></SearchResultRequest>",
          "<SearchResultRequest>" + cred +
              "<TransactionID>T</TransactionID><StartIndex>0</StartIndex><Count>5</Count>"
              "<ResultFormat>COUNT</ResultFormat><BuyersID>B1</BuyersID></SearchResultRequest>",
          "<SearchResultRequest>" + cred +
              "<StartIndex>0</StartIndex><Count>5</Count>"
              "<ResultFormat>COUNT</ResultFormat></SearchResultRequest>"}) {
      auto read = reader.read(body, std::nullopt, Envelope::Plain);
      auto* problem = std::get_if<XmlProblem>(&read);
      CPPUNIT_ASSERT_MESSAGE(body, problem && problem->kind == message::XmlProblemKind::NotValid);
    }
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(XmlReaderTest);

}  // namespace og::test
