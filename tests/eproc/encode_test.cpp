// What the face writes (src/eproc: order_json, order_soap, json_encode,
// soap_encode, the OpenAPI document): the shapes the README and the
// OpenAPI document promise, problem+json and fault lists, and SOAP answers
// valid against xsd/eprocurement.xsd whatever a provider sent.
#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "eproc/answer_mapping.hpp"
#include "eproc/endpoint.hpp"
#include "eproc/json_encode.hpp"
#include "eproc/order_json.hpp"
#include "eproc/order_soap.hpp"
#include "eproc/soap_encode.hpp"
#include "eproc/xml_writer.hpp"
#include "support/xml_check.hpp"

namespace og::test {

using message::Envelope;
using nlohmann::json;
namespace re = rules::eproc;
namespace ce = core::eproc;

namespace {

model::HubOrder sample_order() {
  model::HubOrder o;
  o.reference = "EP-00000007";
  o.client_id = "garage-01";
  o.client_reference = "PO-1";
  o.status = 5;
  o.created_at = "2026-12-06T10:00:00.000000Z";
  o.updated_at = "2026-12-06T10:00:02.000000Z";
  model::HubOrderLine a;
  a.index = 0;
  a.provider = "prov-b";
  a.kind = "brand-reference";
  a.brand = "MANN";
  a.reference = "W712/95";
  a.quantity = "2";
  a.status = "confirmed";
  a.provider_item = "MANN-W71295";
  a.confirmed_quantity = "2";
  a.unit_price = "7.90";
  a.currency = "EUR";
  a.delivery_date = "2026-12-09";
  a.raw_status = "200";
  model::HubOrderLine b;
  b.index = 1;
  b.provider = "prov-b";
  b.kind = "brand-reference";
  b.brand = "VALEO";
  b.reference = "826703";
  b.quantity = "1";
  b.status = "refused";
  b.raw_status = "ItemUnknown";
  b.message = "not carried <by> \"prov-b\" & co\x01\xff";
  model::HubOrderLine c;
  c.index = 2;
  c.provider = "prov-a";
  c.kind = "ean";
  c.ean = "4047024793127";
  c.quantity = "1.5";
  c.status = "pending";
  c.unit_price = "n/a";      // not a decimal: left out of SOAP
  c.delivery_date = "soon";  // not a date: left out of SOAP
  model::HubOrderLine d;
  d.index = 3;
  d.provider = "prov-a";
  d.kind = "provider-reference";
  d.reference = "A-77";
  d.quantity = "3";
  d.status = "not-ordered";
  o.lines = {a, b, c, d};
  return o;
}

std::vector<ce::RequestAnswer> sample_answers() {
  ce::ItemAvailability found;
  found.request_index = 0;
  found.found = true;
  found.provider_item = "BOSCH-0986494104";
  found.description = "Brake pads";
  found.availability = "available";
  found.available_quantity = "10";
  found.delivery_date = "2026-12-07";
  found.unit_price = "41.50";
  found.currency = "EUR";
  ce::ItemAvailability missing;
  missing.request_index = 0;
  missing.found = false;
  missing.message = "not carried";
  missing.available_quantity = "many";  // not a decimal: left out of SOAP
  ce::RequestAnswer first{0, {{"prov-a", ce::CallStatus::Ok, found}, {"prov-b", ce::CallStatus::Ok, missing}}};
  ce::RequestAnswer second{1,
                           {{"prov-a", ce::CallStatus::Timeout, std::nullopt},
                            {"prov-b", ce::CallStatus::Unreachable, std::nullopt},
                            {"prov-c", ce::CallStatus::Error, found}}};  // an item with an error is not shown
  return {first, second};
}

std::vector<re::Fault> sample_faults() {
  return {{std::nullopt, re::FaultReason::EmptyBatch, "no line"},
          {0, re::FaultReason::BadEan, "the EAN \"123\" is not 8, 13 or 14 digits"},
          {2, re::FaultReason::NoAccess, "no access to prov-c"}};
}

void assert_valid(const std::string& xml) {
  std::string problem = validate_against_project_xsd(xml);
  CPPUNIT_ASSERT_MESSAGE(problem + "\n" + xml, problem.empty());
}

}  // namespace

class EncodeTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(EncodeTest);
  CPPUNIT_TEST(order_json_shows_every_item_in_its_request_vocabulary);
  CPPUNIT_TEST(order_json_leaves_out_what_has_no_value);
  CPPUNIT_TEST(order_json_survives_text_that_is_not_utf8);
  CPPUNIT_TEST(order_soap_is_a_valid_soap11_notification);
  CPPUNIT_TEST(order_answers_are_valid_in_both_soap_versions);
  CPPUNIT_TEST(availability_json_attaches_answers_to_requests);
  CPPUNIT_TEST(availability_soap_is_valid);
  CPPUNIT_TEST(problem_json_lists_every_fault);
  CPPUNIT_TEST(problem_json_lists_schema_errors);
  CPPUNIT_TEST(every_failure_has_a_status_type_and_fault);
  CPPUNIT_TEST(fault_lists_are_business_answers_valid_against_the_schema);
  CPPUNIT_TEST(soap_faults_carry_a_valid_technical_detail);
  CPPUNIT_TEST(xml_text_escapes_and_repairs);
  CPPUNIT_TEST(token_json_shape);
  CPPUNIT_TEST(openapi_document_carries_the_limits);
  CPPUNIT_TEST_SUITE_END();

 public:
  void order_json_shows_every_item_in_its_request_vocabulary() {
    json o = json::parse(eproc::order_json(sample_order()));
    CPPUNIT_ASSERT_EQUAL(std::string("EP-00000007"), o["reference"].get<std::string>());
    CPPUNIT_ASSERT_EQUAL(std::string("PO-1"), o["clientReference"].get<std::string>());
    CPPUNIT_ASSERT_EQUAL(5, o["status"].get<int>());
    CPPUNIT_ASSERT_EQUAL(std::string("partially confirmed"), o["statusText"].get<std::string>());
    CPPUNIT_ASSERT_EQUAL(std::string("2026-12-06T10:00:00.000000Z"), o["createdAt"].get<std::string>());
    CPPUNIT_ASSERT_EQUAL(std::string("2026-12-06T10:00:02.000000Z"), o["updatedAt"].get<std::string>());
    CPPUNIT_ASSERT(!o.contains("clientId"));  // the caller knows who it is
    auto& items = o["items"];
    CPPUNIT_ASSERT_EQUAL(std::size_t{4}, items.size());
    CPPUNIT_ASSERT_EQUAL(json::parse(R"({"index":0,"provider":"prov-b","brand":"MANN","manufacturerReference":"W712/95",
        "quantity":"2","status":"confirmed","providerItem":"MANN-W71295","confirmedQuantity":"2","unitPrice":"7.90",
        "currency":"EUR","deliveryDate":"2026-12-09","providerStatus":"200"})"),
                         items[0]);
    CPPUNIT_ASSERT_EQUAL(std::string("4047024793127"), items[2]["ean"].get<std::string>());
    CPPUNIT_ASSERT_EQUAL(std::string("A-77"), items[3]["providerReference"].get<std::string>());
    CPPUNIT_ASSERT_EQUAL(std::string("not-ordered"), items[3]["status"].get<std::string>());
  }

  void order_json_leaves_out_what_has_no_value() {
    model::HubOrder o = sample_order();
    o.client_reference.clear();
    o.status = 2;
    json j = json::parse(eproc::order_json(o));
    CPPUNIT_ASSERT(!j.contains("clientReference"));
    CPPUNIT_ASSERT_EQUAL(std::string("initialised"), j["statusText"].get<std::string>());
    json d = j["items"][3];
    for (auto name : {"brand", "manufacturerReference", "ean", "providerItem", "confirmedQuantity", "unitPrice",
                      "currency", "deliveryDate", "providerStatus", "message"})
      CPPUNIT_ASSERT_MESSAGE(name, !d.contains(name));
    o.status = 4;  // undefined by the seed
    CPPUNIT_ASSERT_EQUAL(std::string("unknown"), json::parse(eproc::order_json(o))["statusText"].get<std::string>());
  }

  void order_json_survives_text_that_is_not_utf8() {
    json j = json::parse(eproc::order_json(sample_order()));
    std::string message = j["items"][1]["message"].get<std::string>();
    CPPUNIT_ASSERT(message.starts_with("not carried <by> \"prov-b\" & co"));
    CPPUNIT_ASSERT(message.ends_with("\xEF\xBF\xBD"));  // the 0xff byte
  }

  void order_soap_is_a_valid_soap11_notification() {
    std::string xml = eproc::order_soap(sample_order());
    CPPUNIT_ASSERT(xml.find("http://schemas.xmlsoap.org/soap/envelope/") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(std::string("OrderNotification"), payload_name(xml));
    CPPUNIT_ASSERT_EQUAL(std::string("urn:ordergate:eprocurement:1"), payload_namespace(xml));
    assert_valid(xml);
    CPPUNIT_ASSERT_EQUAL(4, count_elements(xml, "Item"));
    CPPUNIT_ASSERT_EQUAL(std::string("EP-00000007"), *first_text(xml, "Reference"));
    CPPUNIT_ASSERT_EQUAL(std::string("partially confirmed"), *first_text(xml, "StatusText"));
    CPPUNIT_ASSERT_EQUAL(std::string("W712/95"), *first_text(xml, "ManufacturerReference"));
    CPPUNIT_ASSERT_EQUAL(std::string("4047024793127"), *first_text(xml, "EAN"));
    CPPUNIT_ASSERT_EQUAL(1, count_elements(xml, "UnitPrice"));     // "n/a" left out
    CPPUNIT_ASSERT_EQUAL(1, count_elements(xml, "DeliveryDate"));  // "soon" left out
    std::string message = *first_text(xml, "Message");
    CPPUNIT_ASSERT(message.starts_with("not carried <by> \"prov-b\" & co"));
  }

  void order_answers_are_valid_in_both_soap_versions() {
    for (Envelope e : {Envelope::Soap11, Envelope::Soap12}) {
      std::string placed = eproc::order_answer_soap(eproc::SoapOperation::PlaceOrder, sample_order(), true, e);
      assert_valid(placed);
      CPPUNIT_ASSERT_EQUAL(std::string("PlaceOrderResponse"), payload_name(placed));
      CPPUNIT_ASSERT_EQUAL(std::string("true"), *first_text(placed, "Replayed"));
      std::string read = eproc::order_answer_soap(eproc::SoapOperation::ReadOrder, sample_order(), false, e);
      assert_valid(read);
      CPPUNIT_ASSERT_EQUAL(0, count_elements(read, "Replayed"));
    }
    CPPUNIT_ASSERT(eproc::order_answer_soap(eproc::SoapOperation::ReadOrder, sample_order(), false, Envelope::Soap12)
                       .find("http://www.w3.org/2003/05/soap-envelope") != std::string::npos);
  }

  void availability_json_attaches_answers_to_requests() {
    json a = json::parse(eproc::availability_json(sample_answers()));
    CPPUNIT_ASSERT_EQUAL(json::parse(R"({"answers":[
      {"request":0,"providers":[
        {"provider":"prov-a","status":"ok","item":{"found":true,"providerItem":"BOSCH-0986494104",
          "description":"Brake pads","availability":"available","availableQuantity":"10","deliveryDate":"2026-12-07",
          "unitPrice":"41.50","currency":"EUR"}},
        {"provider":"prov-b","status":"ok","item":{"found":false,"availableQuantity":"many","message":"not carried"}}]},
      {"request":1,"providers":[
        {"provider":"prov-a","status":"timeout"},{"provider":"prov-b","status":"unreachable"},
        {"provider":"prov-c","status":"error"}]}]})"),
                         a);
    CPPUNIT_ASSERT_EQUAL(std::string(R"({"answers":[]})"), eproc::availability_json({}));
  }

  void availability_soap_is_valid() {
    for (Envelope e : {Envelope::Soap11, Envelope::Soap12}) {
      std::string xml = eproc::availability_soap(sample_answers(), e);
      assert_valid(xml);
      CPPUNIT_ASSERT_EQUAL(2, count_elements(xml, "Answer"));
      CPPUNIT_ASSERT_EQUAL(5, count_elements(xml, "Provider"));
      CPPUNIT_ASSERT_EQUAL(2, count_elements(xml, "Item"));
      CPPUNIT_ASSERT_EQUAL(1, count_elements(xml, "AvailableQuantity"));  // "many" left out
      assert_valid(eproc::availability_soap({}, e));
    }
  }

  void problem_json_lists_every_fault() {
    json p = json::parse(eproc::problem_json(eproc::Failure::Refused, "see faults", sample_faults()));
    CPPUNIT_ASSERT_EQUAL(json::parse(R"({"type":"urn:ordergate:eprocurement:problem:validation",
      "title":"The request was refused; nothing was done","status":400,"detail":"see faults","faults":[
        {"code":"empty-batch","detail":"no line"},
        {"request":0,"code":"bad-ean","detail":"the EAN \"123\" is not 8, 13 or 14 digits"},
        {"request":2,"code":"no-access","detail":"no access to prov-c"}]})"),
                         p);
    // Every reason's code is a rules code, round trip.
    for (auto reason : re::all_fault_reasons()) {
      json q = json::parse(eproc::problem_json(eproc::Failure::Refused, "", {{1, reason, "t"}}));
      CPPUNIT_ASSERT(re::fault_reason_from_string(q["faults"][0]["code"].get<std::string>()) == reason);
      CPPUNIT_ASSERT(!q.contains("detail"));
    }
  }

  void problem_json_lists_schema_errors() {
    json p = json::parse(eproc::problem_json(eproc::Failure::InvalidRequest, "see errors", {},
                                             {{"/requests/0/quantity", "must be a number or a string"}}));
    CPPUNIT_ASSERT_EQUAL(std::string("urn:ordergate:eprocurement:problem:invalid-request"),
                         p["type"].get<std::string>());
    CPPUNIT_ASSERT_EQUAL(400, p["status"].get<int>());
    CPPUNIT_ASSERT_EQUAL(std::string("/requests/0/quantity"), p["errors"][0]["pointer"].get<std::string>());
    CPPUNIT_ASSERT(!p.contains("faults"));
  }

  void every_failure_has_a_status_type_and_fault() {
    using F = eproc::Failure;
    struct Case {
      F failure;
      int status;
      bool business;
    };
    for (auto c :
         {Case{F::MalformedJson, 400, false}, Case{F::InvalidRequest, 400, false}, Case{F::NotWellFormed, 400, false},
          Case{F::NoPayload, 400, false}, Case{F::UnknownOperation, 400, false}, Case{F::NotValid, 400, false},
          Case{F::NoEnvelope, 400, false}, Case{F::UnsupportedMediaType, 415, false}, Case{F::TooLarge, 413, false},
          Case{F::BadGrant, 400, false}, Case{F::Unauthorized, 401, false}, Case{F::NoSuchResource, 404, false},
          Case{F::MethodNotAllowed, 405, false}, Case{F::Refused, 400, true}, Case{F::NotFound, 404, true},
          Case{F::Conflict, 409, true}, Case{F::Unavailable, 503, false}, Case{F::TimedOut, 503, false},
          Case{F::Internal, 500, false}}) {
      auto p = eproc::problem_of(c.failure);
      CPPUNIT_ASSERT_EQUAL(c.status, p.status);
      CPPUNIT_ASSERT(!p.slug.empty() && !p.title.empty());
      CPPUNIT_ASSERT_EQUAL(c.business, eproc::is_business_fault(c.failure));
      CPPUNIT_ASSERT(!eproc::soap_fault_of(c.failure).code.empty());
      json j = json::parse(eproc::problem_json(c.failure, ""));
      CPPUNIT_ASSERT_EQUAL(c.status, j["status"].get<int>());
    }
    CPPUNIT_ASSERT(!eproc::failure_of(ce::HubError::None));
    CPPUNIT_ASSERT(eproc::failure_of(ce::HubError::Refused) == F::Refused);
    CPPUNIT_ASSERT(eproc::failure_of(ce::HubError::Conflict) == F::Conflict);
    CPPUNIT_ASSERT(eproc::failure_of(ce::HubError::NotFound) == F::NotFound);
    CPPUNIT_ASSERT(eproc::failure_of(ce::HubError::Unavailable) == F::Unavailable);
    CPPUNIT_ASSERT_EQUAL(std::string("order-not-found"), std::string(eproc::business_code(F::NotFound)));
    CPPUNIT_ASSERT_EQUAL(std::string("client-reference-conflict"), std::string(eproc::business_code(F::Conflict)));
    CPPUNIT_ASSERT_EQUAL(std::string("unreachable"), std::string(eproc::wire_status(ce::CallStatus::Unreachable)));
  }

  void fault_lists_are_business_answers_valid_against_the_schema() {
    for (auto op : {eproc::SoapOperation::CheckAvailability, eproc::SoapOperation::PlaceOrder}) {
      std::string xml = eproc::faults_soap(op, sample_faults(), Envelope::Soap11);
      assert_valid(xml);
      CPPUNIT_ASSERT_EQUAL(3, count_elements(xml, "Fault"));
      CPPUNIT_ASSERT_EQUAL(2, count_elements(xml, "Request"));  // the batch's own fault names none
      CPPUNIT_ASSERT_EQUAL(std::string("empty-batch"), *first_text(xml, "Code"));
    }
    for (auto f : {eproc::Failure::NotFound, eproc::Failure::Conflict}) {
      auto op = f == eproc::Failure::NotFound ? eproc::SoapOperation::ReadOrder : eproc::SoapOperation::PlaceOrder;
      std::string xml = eproc::business_fault_soap(op, f, {}, Envelope::Soap12);
      assert_valid(xml);
      CPPUNIT_ASSERT_EQUAL(std::string(eproc::business_code(f)), *first_text(xml, "Code"));
      CPPUNIT_ASSERT_EQUAL(0, count_elements(xml, "Request"));
    }
  }

  void soap_faults_carry_a_valid_technical_detail() {
    std::string client = eproc::soap_fault(eproc::Failure::NotValid, "line 3: Element 'ep:Quantity': 'x' is not valid",
                                           Envelope::Soap11);
    CPPUNIT_ASSERT_EQUAL(std::string("SOAP-ENV:Client"), *first_text(client, "faultcode"));
    CPPUNIT_ASSERT_EQUAL(std::string("not-valid"), *first_text(client, "Code"));
    CPPUNIT_ASSERT_EQUAL(std::string("line 3: Element 'ep:Quantity': 'x' is not valid"), *first_text(client, "Text"));
    std::string problem = validate_element_against_project_xsd(client, "TechnicalFault");
    CPPUNIT_ASSERT_MESSAGE(problem, problem.empty());
    CPPUNIT_ASSERT_EQUAL(500, eproc::soap_fault_status(eproc::Failure::NotValid, Envelope::Soap11));

    std::string receiver = eproc::soap_fault(eproc::Failure::Unavailable, {}, Envelope::Soap12);
    CPPUNIT_ASSERT_EQUAL(std::string("SOAP-ENV:Receiver"), *first_text(receiver, "Value"));
    // (SOAP 1.2's own Code comes first.)
    CPPUNIT_ASSERT(receiver.find("<ep:Code>unavailable</ep:Code>") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(500, eproc::soap_fault_status(eproc::Failure::Unavailable, Envelope::Soap12));
    CPPUNIT_ASSERT_EQUAL(400, eproc::soap_fault_status(eproc::Failure::NotWellFormed, Envelope::Soap12));
    problem = validate_element_against_project_xsd(receiver, "TechnicalFault");
    CPPUNIT_ASSERT_MESSAGE(problem, problem.empty());
    // A plain XML request gets the SOAP 1.1 form.
    std::string plain = eproc::soap_fault(eproc::Failure::NoEnvelope, {}, Envelope::Plain);
    CPPUNIT_ASSERT_EQUAL(std::string("SOAP-ENV:Client"), *first_text(plain, "faultcode"));
  }

  void xml_text_escapes_and_repairs() {
    CPPUNIT_ASSERT_EQUAL(std::string("a&lt;b&gt;&amp;&quot;'"), eproc::xml_text("a<b>&\"'"));
    CPPUNIT_ASSERT_EQUAL(std::string("t\tn\n&#13;"), eproc::xml_text("t\tn\n\r"));
    const std::string r = "\xEF\xBF\xBD";
    CPPUNIT_ASSERT_EQUAL(r + "x" + r, eproc::xml_text(std::string("\x01x\x7f", 3)));
    CPPUNIT_ASSERT_EQUAL(r, eproc::xml_text(std::string("\0", 1)));
    CPPUNIT_ASSERT_EQUAL(r + r, eproc::xml_text("\xC0\xAF"));          // overlong '/'
    CPPUNIT_ASSERT_EQUAL(r + r + r, eproc::xml_text("\xED\xA0\x80"));  // a surrogate
    CPPUNIT_ASSERT_EQUAL(r + r, eproc::xml_text("\xE2\x82"));          // cut short
    CPPUNIT_ASSERT_EQUAL(r + r + r, eproc::xml_text("\xEF\xBF\xBE"));  // U+FFFE
    CPPUNIT_ASSERT_EQUAL(std::string("ü€😀"), eproc::xml_text("ü€😀"));  // kept
    CPPUNIT_ASSERT(eproc::is_xsd_decimal("-1.50") && eproc::is_xsd_decimal(".5") && eproc::is_xsd_decimal("5."));
    CPPUNIT_ASSERT(!eproc::is_xsd_decimal("") && !eproc::is_xsd_decimal(".") && !eproc::is_xsd_decimal("1e3") &&
                   !eproc::is_xsd_decimal("1,5"));
    CPPUNIT_ASSERT(eproc::is_plain_date("2028-02-29") && !eproc::is_plain_date("2026-02-29") &&
                   !eproc::is_plain_date("2026-13-01") && !eproc::is_plain_date("2026-12-1"));
  }

  void token_json_shape() {
    json t = json::parse(eproc::token_json("ogt1.x.y", std::chrono::minutes(15)));
    CPPUNIT_ASSERT_EQUAL(json::parse(R"({"access_token":"ogt1.x.y","token_type":"Bearer","expires_in":900})"), t);
  }

  void openapi_document_carries_the_limits() {
    re::Limits limits;
    limits.max_lines = 7;
    limits.max_text_length = 33;
    json doc = json::parse(eproc::openapi_document(limits));
    CPPUNIT_ASSERT_EQUAL(std::string("3.0.3"), doc["openapi"].get<std::string>());
    auto& schemas = doc["components"]["schemas"];
    CPPUNIT_ASSERT_EQUAL(7, schemas["AvailabilityRequest"]["properties"]["requests"]["maxItems"].get<int>());
    CPPUNIT_ASSERT_EQUAL(7, schemas["OrderRequest"]["properties"]["items"]["maxItems"].get<int>());
    CPPUNIT_ASSERT_EQUAL(33, schemas["OrderRequest"]["properties"]["clientReference"]["maxLength"].get<int>());
    CPPUNIT_ASSERT_EQUAL(33, schemas["RequestLine"]["properties"]["ean"]["maxLength"].get<int>());
    CPPUNIT_ASSERT_EQUAL(false, schemas["RequestLine"]["additionalProperties"].get<bool>());
    for (auto path : {"/token", "/availability", "/orders", "/orders/{reference}"})
      CPPUNIT_ASSERT_MESSAGE(path, doc["paths"].contains(path));
    // Every fault code of the rules is listed, and nothing else.
    auto codes = schemas["Fault"]["properties"]["code"]["enum"];
    CPPUNIT_ASSERT_EQUAL(re::all_fault_reasons().size(), codes.size());
    for (auto reason : re::all_fault_reasons())
      CPPUNIT_ASSERT(std::find(codes.begin(), codes.end(), std::string(re::to_string_view(reason))) != codes.end());
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(EncodeTest);

}  // namespace og::test
