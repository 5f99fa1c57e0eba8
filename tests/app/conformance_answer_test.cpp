// How the kit reads answers (in or out of a SOAP envelope, any prefixes) and
// judges them against a schema set.
#include <cppunit/extensions/HelperMacros.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/conformance/answer.hpp"
#include "app/conformance/answer_schema.hpp"

namespace og::test {

using namespace og::app::conformance;

namespace {

std::string sample(const std::string& name) {
  std::ifstream in(std::string(OG_SOURCE_DIR) + "/samples/veloconnect/" + name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

class ConformanceAnswerTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(ConformanceAnswerTest);
  CPPUNIT_TEST(a_soap_answer_is_read_from_its_body);
  CPPUNIT_TEST(the_profile_lists_per_binding);
  CPPUNIT_TEST(items_and_order_unit);
  CPPUNIT_TEST(what_is_not_an_answer_says_why);
  CPPUNIT_TEST(own_schema_set_judges_answers);
  CPPUNIT_TEST(official_schema_set_judges_answers);
  CPPUNIT_TEST_SUITE_END();

 public:
  void a_soap_answer_is_read_from_its_body() {
    Answer a(
        "<e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\"><e:Body>"
        "<x:OrderResponse xmlns:x=\"urn:veloconnect:order-1.1\" xmlns:y=\"urn:veloconnect:transaction-1.0\">"
        "<y:BuyersID>B</y:BuyersID><y:ResponseCode>430</y:ResponseCode><y:ResponseMessage>no</y:ResponseMessage>"
        "<y:TransactionID> T1 "
        "</y:TransactionID><y:StatusCode>199</y:StatusCode></x:OrderResponse></e:Body></e:Envelope>");
    CPPUNIT_ASSERT_EQUAL(std::string(), a.problem());
    CPPUNIT_ASSERT_EQUAL(std::string("OrderResponse"), a.root_name());
    CPPUNIT_ASSERT_EQUAL(std::string("urn:veloconnect:order-1.1"), a.root_namespace());
    CPPUNIT_ASSERT_EQUAL(430, a.response_code().value_or(0));
    CPPUNIT_ASSERT_EQUAL(199, a.status_code().value_or(0));
    CPPUNIT_ASSERT_EQUAL(std::string("T1"), a.transaction_id());
    CPPUNIT_ASSERT_EQUAL(std::string("ResponseCode 430, StatusCode 199 (no)"), describe(a));
  }

  void the_profile_lists_per_binding() {
    Answer a(sample("xml-post/010-get-profile.response.xml"));
    auto xml = a.implemented({"XML-POST", "XML-POST-S"});
    CPPUNIT_ASSERT(xml.count("Order") && xml.count("TextSearch") && xml.count("GetItemDetailsList") &&
                   xml.count("Rollback"));
    CPPUNIT_ASSERT(a.implemented({"SOMETHING-ELSE"}).empty());
  }

  void items_and_order_unit() {
    Answer list(sample("xml-post/370-search-result-item-detail.response.xml"));
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), list.item_ids().size());
    CPPUNIT_ASSERT_EQUAL(std::string("52090311100"), list.item_ids().front());
    CPPUNIT_ASSERT_EQUAL(std::string("PK"), list.order_unit());
    CPPUNIT_ASSERT_EQUAL(2, list.children("ItemDetail"));
  }

  void what_is_not_an_answer_says_why() {
    CPPUNIT_ASSERT_EQUAL(std::string("not well-formed XML"), Answer("<a>").problem());
    CPPUNIT_ASSERT_EQUAL(std::string("empty body"), Answer("").problem());
    Answer fault(
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault>"
        "<faultstring>boom</faultstring></s:Fault></s:Body></s:Envelope>");
    CPPUNIT_ASSERT_EQUAL(std::string("SOAP Fault: boom"), fault.problem());
  }

  void own_schema_set_judges_answers() {
    AnswerSchema schema;
    CPPUNIT_ASSERT(schema.declares("urn:veloconnect:catalog-1.5"));
    CPPUNIT_ASSERT(!schema.declares("urn:veloconnect:catalog-1.1"));
    Answer good(sample("xml-post/040-get-item-details.response.xml"));
    CPPUNIT_ASSERT_EQUAL(std::string(), schema.validate(good.root()));
    // ResponseCode after ResponseMessage: the sequence is broken.
    Answer bad(
        "<x:GetItemDetailsResponse xmlns:x=\"urn:veloconnect:order-1.1\" xmlns:y=\"urn:veloconnect:transaction-1.0\">"
        "<y:BuyersID>B</y:BuyersID><y:ResponseMessage>m</y:ResponseMessage><y:ResponseCode>200</y:ResponseCode>"
        "</x:GetItemDetailsResponse>");
    CPPUNIT_ASSERT(!schema.validate(bad.root()).empty());
  }

  void official_schema_set_judges_answers() {
    // The e2e ConformanceTest fails when the official set is missing; here it is optional.
    std::filesystem::path dir = "/work/shared/reference/veloconnect-xsd";
    if (const char* env = std::getenv("OG_OFFICIAL_XSD_DIR")) dir = env;
    if (!std::filesystem::exists(dir / "order-1.1.xsd")) return;
    AnswerSchema schema(dir);
    CPPUNIT_ASSERT(schema.declares("urn:veloconnect:profile-1.6"));
    Answer good(sample("xml-post/040-get-item-details.response.xml"));
    CPPUNIT_ASSERT_EQUAL(std::string(), schema.validate(good.root()));
    Answer no_status(
        "<x:OrderResponse xmlns:x=\"urn:veloconnect:order-1.1\" xmlns:y=\"urn:veloconnect:transaction-1.0\">"
        "<y:BuyersID>B</y:BuyersID><y:ResponseCode>200</y:ResponseCode><y:TransactionID>T</y:TransactionID>"
        "</x:OrderResponse>");
    CPPUNIT_ASSERT(!schema.validate(no_status.root()).empty());
    CPPUNIT_ASSERT_THROW(AnswerSchema(dir / "no-such-folder"), std::runtime_error);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ConformanceAnswerTest);

}  // namespace og::test
