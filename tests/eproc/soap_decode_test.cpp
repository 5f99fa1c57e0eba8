// The SOAP binding's requests against xsd/eprocurement.xsd: what the schema
// refuses (technical faults) and what it leaves to the hub (business
// faults), read through the same XmlReader the endpoint uses.
#include <cppunit/extensions/HelperMacros.h>

#include <string>
#include <variant>

#include "eproc/soap_decode.hpp"
#include "message/schema_set.hpp"
#include "message/xml_reader.hpp"

namespace og::test {

using message::Envelope;
using message::XmlPayload;
using message::XmlProblem;
using message::XmlProblemKind;

namespace {

const message::SchemaSet& schema() {
  static const message::SchemaSet s(eproc::schema_roots());
  return s;
}

std::string soap11(const std::string& body) {
  return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>" + body + "</s:Body></s:Envelope>";
}

std::string soap12(const std::string& body) {
  return "<e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\"><e:Body>" + body + "</e:Body></e:Envelope>";
}

message::XmlReadResult read(const std::string& document) {
  static const message::XmlReader reader(eproc::vocabulary(), schema(), {});
  return reader.read(document, std::nullopt, Envelope::Soap11);
}

eproc::SoapRequest decoded(const std::string& document, Envelope expected = Envelope::Soap11) {
  auto r = read(document);
  auto* problem = std::get_if<XmlProblem>(&r);
  CPPUNIT_ASSERT_MESSAGE(problem ? problem->message : "", !problem);
  auto& payload = std::get<XmlPayload>(r);
  CPPUNIT_ASSERT(payload.envelope == expected);
  return eproc::decode_soap(payload);
}

XmlProblem problem(const std::string& document) {
  auto r = read(document);
  auto* p = std::get_if<XmlProblem>(&r);
  CPPUNIT_ASSERT_MESSAGE("expected a problem: " + document, p);
  return *p;
}

constexpr const char* kNs = "xmlns=\"urn:ordergate:eprocurement:1\"";

}  // namespace

class SoapDecodeTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(SoapDecodeTest);
  CPPUNIT_TEST(check_availability_is_read_in_order);
  CPPUNIT_TEST(place_order_is_read_with_its_client_reference);
  CPPUNIT_TEST(read_order_is_read);
  CPPUNIT_TEST(soap12_and_unqualified_elements_are_read);
  CPPUNIT_TEST(missing_values_are_left_to_the_hub);
  CPPUNIT_TEST(types_and_order_are_the_schemas);
  CPPUNIT_TEST(unknown_operations_and_broken_xml);
  CPPUNIT_TEST(operations_have_wsdl_names);
  CPPUNIT_TEST_SUITE_END();

 public:
  void check_availability_is_read_in_order() {
    auto r =
        decoded(soap11(std::string("<CheckAvailabilityRequest ") + kNs +
                       "><Request><Provider>prov-a</Provider><EAN>4047024793127</EAN><Quantity>2</Quantity>"
                       "</Request><Request><Brand>MANN</Brand><ManufacturerReference>W 712/95</ManufacturerReference>"
                       "<Quantity>1.5</Quantity></Request><Request><ProviderReference>A-1</ProviderReference>"
                       "</Request></CheckAvailabilityRequest>"));
    CPPUNIT_ASSERT(r.operation == eproc::SoapOperation::CheckAvailability);
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, r.requests.size());
    CPPUNIT_ASSERT_EQUAL(std::string("prov-a"), r.requests[0].provider);
    CPPUNIT_ASSERT_EQUAL(std::string("4047024793127"), r.requests[0].description.ean);
    CPPUNIT_ASSERT_EQUAL(std::string("2"), r.requests[0].quantity);
    CPPUNIT_ASSERT_EQUAL(std::string("MANN"), r.requests[1].description.brand);
    CPPUNIT_ASSERT_EQUAL(std::string("W 712/95"), r.requests[1].description.manufacturer_reference);
    CPPUNIT_ASSERT_EQUAL(std::string("1.5"), r.requests[1].quantity);
    CPPUNIT_ASSERT_EQUAL(std::string("A-1"), r.requests[2].description.provider_reference);
    CPPUNIT_ASSERT_EQUAL(std::string(), r.requests[2].quantity);
  }

  void place_order_is_read_with_its_client_reference() {
    auto r =
        decoded(soap11(std::string("<ep:PlaceOrderRequest xmlns:ep=\"urn:ordergate:eprocurement:1\">"
                                   "<ep:ClientReference>PO-7</ep:ClientReference><ep:Item><ep:Provider>prov-b"
                                   "</ep:Provider><ep:Brand>MANN</ep:Brand><ep:ManufacturerReference>W712/95"
                                   "</ep:ManufacturerReference><ep:Quantity>3</ep:Quantity></ep:Item>"
                                   "</ep:PlaceOrderRequest>")));
    CPPUNIT_ASSERT(r.operation == eproc::SoapOperation::PlaceOrder);
    CPPUNIT_ASSERT_EQUAL(std::string("PO-7"), r.order.client_reference);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, r.order.lines.size());
    CPPUNIT_ASSERT_EQUAL(std::string("prov-b"), r.order.lines[0].provider);
    CPPUNIT_ASSERT_EQUAL(std::string("3"), r.order.lines[0].quantity);
  }

  void read_order_is_read() {
    auto r = decoded(soap11(std::string("<ReadOrderRequest ") + kNs + "><Reference>EP-00000001</Reference>" +
                            "</ReadOrderRequest>"));
    CPPUNIT_ASSERT(r.operation == eproc::SoapOperation::ReadOrder);
    CPPUNIT_ASSERT_EQUAL(std::string("EP-00000001"), r.reference);
  }

  void soap12_and_unqualified_elements_are_read() {
    auto r = decoded(soap12("<ReadOrderRequest><Reference>EP-2</Reference></ReadOrderRequest>"), Envelope::Soap12);
    CPPUNIT_ASSERT_EQUAL(std::string("EP-2"), r.reference);
  }

  void missing_values_are_left_to_the_hub() {
    // No requests at all, a request with nothing: the hub's faults
    // (empty-batch, no-description, quantity-missing), not the schema's.
    auto empty = decoded(soap11(std::string("<CheckAvailabilityRequest ") + kNs + "/>"));
    CPPUNIT_ASSERT(empty.requests.empty());
    auto blank = decoded(soap11(std::string("<PlaceOrderRequest ") + kNs + "><Item/><Item/></PlaceOrderRequest>"));
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, blank.order.lines.size());
    CPPUNIT_ASSERT_EQUAL(std::string(), blank.order.client_reference);
  }

  void types_and_order_are_the_schemas() {
    for (std::string body :
         {std::string("<CheckAvailabilityRequest ") + kNs + "><Request><Quantity>abc</Quantity></Request>" +
              "</CheckAvailabilityRequest>",
          std::string("<CheckAvailabilityRequest ") + kNs + "><Request><Quantity>1e3</Quantity></Request>" +
              "</CheckAvailabilityRequest>",
          std::string("<CheckAvailabilityRequest ") + kNs + "><Request><Quantity>2</Quantity><EAN>1</EAN></Request>" +
              "</CheckAvailabilityRequest>",
          std::string("<ReadOrderRequest ") + kNs + "/>",
          std::string("<ReadOrderRequest ") + kNs + "><Reference></Reference></ReadOrderRequest>",
          std::string("<PlaceOrderRequest ") + kNs + "><Item/><ClientReference>x</ClientReference>" +
              "</PlaceOrderRequest>"}) {
      XmlProblem p = problem(soap11(body));
      CPPUNIT_ASSERT_MESSAGE(body + ": " + p.message, p.kind == XmlProblemKind::NotValid);
      CPPUNIT_ASSERT_MESSAGE(p.message, !p.message.empty());
    }
  }

  void unknown_operations_and_broken_xml() {
    CPPUNIT_ASSERT(problem(soap11(std::string("<CancelOrderRequest ") + kNs + "/>")).kind ==
                   XmlProblemKind::UnknownRoot);
    CPPUNIT_ASSERT(problem(soap11(std::string("<CheckAvailabilityResponse ") + kNs + "/>")).kind ==
                   XmlProblemKind::UnknownRoot);
    CPPUNIT_ASSERT(problem("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>").kind ==
                   XmlProblemKind::NotWellFormed);
    CPPUNIT_ASSERT(problem("<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>").kind == XmlProblemKind::NotWellFormed);
    CPPUNIT_ASSERT(problem("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body/>"
                           "</s:Envelope>")
                       .kind == XmlProblemKind::NoPayload);
    // A request outside an envelope is read (the endpoint answers it with a fault).
    auto plain = read(std::string("<ReadOrderRequest ") + kNs + "><Reference>EP-1</Reference></ReadOrderRequest>");
    CPPUNIT_ASSERT(std::get<XmlPayload>(plain).envelope == Envelope::Plain);
  }

  void operations_have_wsdl_names() {
    CPPUNIT_ASSERT(eproc::operation_for_root("PlaceOrderRequest") == eproc::SoapOperation::PlaceOrder);
    CPPUNIT_ASSERT(!eproc::operation_for_root("PlaceOrder"));
    CPPUNIT_ASSERT_EQUAL(std::string("ReadOrderResponse"),
                         std::string(eproc::info(eproc::SoapOperation::ReadOrder).response_root));
    CPPUNIT_ASSERT_EQUAL(std::string("CheckAvailability"),
                         std::string(eproc::info(eproc::SoapOperation::CheckAvailability).name));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SoapDecodeTest);

}  // namespace og::test
