// The kit's requests in each binding, and the sloppy forms its leniency
// probes send.
#include <cppunit/extensions/HelperMacros.h>

#include "app/conformance/request.hpp"

namespace og::test {

using namespace og::app::conformance;

namespace {

Request order() {
  Request r;
  r.name = "UpdateOrderRequest";
  r.buyer = "B1";
  r.password = "p&w";
  r.transaction_id = "T1";
  r.is_test = true;
  r.lines = {{"A 1", "2", "PK"}};
  return r;
}

bool before(const std::string& s, const std::string& a, const std::string& b) {
  return s.find(a) != std::string::npos && s.find(a) < s.find(b);
}

}  // namespace

class ConformanceRequestTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(ConformanceRequestTest);
  CPPUNIT_TEST(standard_xml_keeps_the_envelope_sequence);
  CPPUNIT_TEST(probes_drop_namespaces_reorder_the_envelope_or_add_a_bom);
  CPPUNIT_TEST(url_binding_is_a_form_with_per_item_parameters);
  CPPUNIT_TEST(soap_bindings_carry_the_action);
  CPPUNIT_TEST_SUITE_END();

 public:
  void standard_xml_keeps_the_envelope_sequence() {
    std::string x = xml_document(order());
    CPPUNIT_ASSERT_MESSAGE(x,
                           x.find("<p:UpdateOrderRequest xmlns:p=\"urn:veloconnect:order-1.1\"") != std::string::npos);
    CPPUNIT_ASSERT_MESSAGE(x, before(x, "<vct:BuyersID>B1<", "<vct:Credential><vct:Password>p&amp;w<"));
    CPPUNIT_ASSERT_MESSAGE(x, before(x, "</vct:Credential>", "<vct:TransactionID>T1<"));
    CPPUNIT_ASSERT_MESSAGE(x, before(x, "<vct:TransactionID>", "<vct:IsTest>true<"));
    CPPUNIT_ASSERT_MESSAGE(
        x, before(x, "<vct:IsTest>", "<p:OrderRequestLine><cac:SellersItemIdentification><cac:ID>A 1<"));
    CPPUNIT_ASSERT_MESSAGE(x, x.find("<cbc:Quantity quantityUnitCode=\"PK\">2</cbc:Quantity>") != std::string::npos);
    Request status;
    status.name = "RollbackRequest";
    CPPUNIT_ASSERT(xml_document(status).find("<vct:RollbackRequest xmlns:vct=") != std::string::npos);
  }

  void probes_drop_namespaces_reorder_the_envelope_or_add_a_bom() {
    std::string plain = xml_document(order(), Style::Unqualified);
    CPPUNIT_ASSERT_MESSAGE(plain, plain.find("xmlns") == std::string::npos);
    CPPUNIT_ASSERT_MESSAGE(plain, plain.find("<UpdateOrderRequest><BuyersID>B1</BuyersID>") != std::string::npos);
    std::string reordered = xml_document(order(), Style::EnvelopeReordered);
    CPPUNIT_ASSERT_MESSAGE(reordered, before(reordered, "<vct:IsTest>", "<vct:Credential>"));
    CPPUNIT_ASSERT_MESSAGE(reordered, before(reordered, "<vct:Credential>", "<vct:BuyersID>"));
    CPPUNIT_ASSERT(xml_document(order(), Style::ByteOrderMark).starts_with("\xEF\xBB\xBF<?xml"));
    CPPUNIT_ASSERT(build(order(), Binding::Soap11, Style::ByteOrderMark).body.starts_with("\xEF\xBB\xBF<?xml"));
  }

  void url_binding_is_a_form_with_per_item_parameters() {
    auto call = build(order(), Binding::Url);
    CPPUNIT_ASSERT_EQUAL(std::string("GET"), call.method);
    CPPUNIT_ASSERT_EQUAL(std::string("RequestName=UpdateOrderRequest&BuyersID=B1&Password=p%26w&TransactionID=T1"
                                     "&IsTest=true&Quantity.A%201=2&quantityUnitCode.A%201=PK"),
                         call.query);
    Request list;
    list.name = "GetItemDetailsListRequest";
    list.lines = {{"1", "1", ""}, {"2", "1", ""}};
    CPPUNIT_ASSERT(
        build(list, Binding::Url).query.ends_with("&SellersItemIdentification=1&SellersItemIdentification=2"));
  }

  void soap_bindings_carry_the_action() {
    auto s11 = build(order(), Binding::Soap11);
    CPPUNIT_ASSERT_EQUAL(std::string("\"urn:veloconnect:UpdateOrder\""), s11.soap_action);
    CPPUNIT_ASSERT(
        s11.body.find("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><p:Update") !=
        std::string::npos);
    auto s12 = build(order(), Binding::Soap12);
    CPPUNIT_ASSERT_EQUAL(std::string("application/soap+xml; charset=utf-8; action=\"urn:veloconnect:UpdateOrder\""),
                         s12.content_type);
    CPPUNIT_ASSERT(s12.body.find("http://www.w3.org/2003/05/soap-envelope") != std::string::npos);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ConformanceRequestTest);

}  // namespace og::test
