// The JSON binding's request reading (src/eproc/json_decode): malformed JSON,
// the schema's structure and types, the limits it enforces itself, and the
// value rules it leaves to the hub (passed through as sent).
#include <cppunit/extensions/HelperMacros.h>

#include <string>
#include <variant>

#include "eproc/json_decode.hpp"

namespace og::test {

using eproc::JsonProblem;
namespace re = rules::eproc;

namespace {

re::Limits limits(std::size_t max_lines = 100) {
  re::Limits l;
  l.max_lines = max_lines;
  return l;
}

JsonProblem availability_problem(const std::string& body, std::size_t max_lines = 100) {
  auto r = eproc::decode_availability(body, limits(max_lines));
  auto* p = std::get_if<JsonProblem>(&r);
  CPPUNIT_ASSERT_MESSAGE("expected a problem for " + body, p);
  return *p;
}

std::vector<re::RequestLine> availability_lines(const std::string& body) {
  auto r = eproc::decode_availability(body, limits());
  auto* p = std::get_if<JsonProblem>(&r);
  CPPUNIT_ASSERT_MESSAGE(
      p ? (p->detail + (p->errors.empty() ? "" : " " + p->errors[0].pointer + ": " + p->errors[0].detail)) : "", !p);
  return std::get<std::vector<re::RequestLine>>(r);
}

JsonProblem order_problem(const std::string& body) {
  auto r = eproc::decode_order(body, limits());
  auto* p = std::get_if<JsonProblem>(&r);
  CPPUNIT_ASSERT_MESSAGE("expected a problem for " + body, p);
  return *p;
}

void assert_error(const JsonProblem& p, const std::string& pointer, const std::string& detail) {
  CPPUNIT_ASSERT(p.kind == JsonProblem::Kind::Invalid);
  for (const auto& e : p.errors)
    if (e.pointer == pointer && e.detail == detail) return;
  std::string all;
  for (const auto& e : p.errors) all += e.pointer + ": " + e.detail + "; ";
  CPPUNIT_FAIL("no error " + pointer + ": " + detail + " in " + all);
}

}  // namespace

class JsonDecodeTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(JsonDecodeTest);
  CPPUNIT_TEST(every_field_of_a_request_is_read);
  CPPUNIT_TEST(absent_null_and_empty_fields_are_not_sent);
  CPPUNIT_TEST(numbers_are_read_by_value_strings_as_written);
  CPPUNIT_TEST(malformed_json_is_malformed_and_says_where);
  CPPUNIT_TEST(an_empty_body_is_malformed);
  CPPUNIT_TEST(a_number_beyond_a_double_is_malformed_not_a_crash);
  CPPUNIT_TEST(the_body_must_be_an_object);
  CPPUNIT_TEST(requests_is_required_and_an_array);
  CPPUNIT_TEST(unknown_fields_are_errors_with_their_pointer);
  CPPUNIT_TEST(wrong_types_are_errors_with_their_pointer);
  CPPUNIT_TEST(every_schema_error_of_the_batch_is_listed_up_to_a_bound);
  CPPUNIT_TEST(more_lines_than_the_limit_is_the_too_many_lines_fault);
  CPPUNIT_TEST(value_rules_are_left_to_the_hub);
  CPPUNIT_TEST(nesting_bombs_are_refused);
  CPPUNIT_TEST(pointers_escape_member_names);
  CPPUNIT_TEST(an_order_is_read_with_its_client_reference);
  CPPUNIT_TEST(order_structure_errors);
  CPPUNIT_TEST(decimal_text_never_has_an_exponent);
  CPPUNIT_TEST_SUITE_END();

 public:
  void every_field_of_a_request_is_read() {
    auto lines = availability_lines(R"({"requests":[{"provider":"prov-a","providerReference":"PR-1","brand":"BOSCH",)"
                                    R"("manufacturerReference":"0986494104","ean":"4047024793127","quantity":2}]})");
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, lines.size());
    CPPUNIT_ASSERT_EQUAL(std::string("prov-a"), lines[0].provider);
    CPPUNIT_ASSERT_EQUAL(std::string("PR-1"), lines[0].description.provider_reference);
    CPPUNIT_ASSERT_EQUAL(std::string("BOSCH"), lines[0].description.brand);
    CPPUNIT_ASSERT_EQUAL(std::string("0986494104"), lines[0].description.manufacturer_reference);
    CPPUNIT_ASSERT_EQUAL(std::string("4047024793127"), lines[0].description.ean);
    CPPUNIT_ASSERT_EQUAL(std::string("2"), lines[0].quantity);
  }

  void absent_null_and_empty_fields_are_not_sent() {
    auto lines = availability_lines(
        R"({"requests":[{"ean":"4047024793127"},{"provider":null,"brand":null,"ean":"","quantity":null}]})");
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, lines.size());
    CPPUNIT_ASSERT_EQUAL(std::string(), lines[0].provider);
    CPPUNIT_ASSERT_EQUAL(std::string(), lines[0].quantity);
    CPPUNIT_ASSERT_EQUAL(std::string(), lines[1].provider);
    CPPUNIT_ASSERT_EQUAL(std::string(), lines[1].description.brand);
    CPPUNIT_ASSERT_EQUAL(std::string(), lines[1].description.ean);
    CPPUNIT_ASSERT_EQUAL(std::string(), lines[1].quantity);
  }

  void numbers_are_read_by_value_strings_as_written() {
    auto lines =
        availability_lines(R"({"requests":[{"quantity":2.5},{"quantity":1e3},{"quantity":-3},{"quantity":"2.50"},)"
                           R"({"quantity":" 7 "},{"quantity":0.1},{"quantity":18446744073709551615},{"quantity":1e-7},)"
                           R"({"quantity":"1e3"},{"quantity":2.0}]})");
    std::vector<std::string> expected{"2.5",       "1000", "-3", "2.50", " 7 ", "0.1", "18446744073709551615",
                                      "0.0000001", "1e3",  "2"};
    CPPUNIT_ASSERT_EQUAL(expected.size(), lines.size());
    for (std::size_t i = 0; i < expected.size(); ++i) CPPUNIT_ASSERT_EQUAL(expected[i], lines[i].quantity);
  }

  void malformed_json_is_malformed_and_says_where() {
    for (std::string body : {R"({"requests":[)", R"({"requests":[{"ean":"1",}]})", "{'requests':[]}", "nul",
                             R"({"requests":[]} trailing)", "\xff\xfe{}", R"({"requests":["\ud800"]})"}) {
      JsonProblem p = availability_problem(body);
      CPPUNIT_ASSERT_MESSAGE(body, p.kind == JsonProblem::Kind::Malformed);
      CPPUNIT_ASSERT_MESSAGE(p.detail, p.detail.find("not valid JSON (at byte") != std::string::npos);
      // Our words, never the library's.
      CPPUNIT_ASSERT(p.detail.find("json.exception") == std::string::npos);
    }
  }

  void an_empty_body_is_malformed() {
    for (std::string body : {"", "  \r\n"}) {
      JsonProblem p = availability_problem(body);
      CPPUNIT_ASSERT(p.kind == JsonProblem::Kind::Malformed);
      CPPUNIT_ASSERT_EQUAL(std::string("the body is empty"), p.detail);
    }
  }

  // Found by fuzz_eproc_json: the library throws out_of_range, not parse_error.
  void a_number_beyond_a_double_is_malformed_not_a_crash() {
    for (std::string body : {R"({"requests":[{"ean":"1","quantity":4.470e479312}]})", R"({"x":-1e999})"}) {
      JsonProblem p = availability_problem(body);
      CPPUNIT_ASSERT_MESSAGE(body, p.kind == JsonProblem::Kind::Malformed);
      CPPUNIT_ASSERT_EQUAL(std::string("the body holds a number out of range"), p.detail);
      CPPUNIT_ASSERT(order_problem(body).kind == JsonProblem::Kind::Malformed);
    }
  }

  void the_body_must_be_an_object() {
    for (std::string body : {"[]", "\"requests\"", "42", "null", "true"})
      assert_error(availability_problem(body), "", "the body must be a JSON object");
  }

  void requests_is_required_and_an_array() {
    assert_error(availability_problem("{}"), "/requests", "required");
    assert_error(availability_problem(R"({"requests":null})"), "/requests", "required");
    assert_error(availability_problem(R"({"requests":{}})"), "/requests", "must be an array");
    assert_error(availability_problem(R"({"requests":"x"})"), "/requests", "must be an array");
    // An empty batch is the hub's fault empty-batch, not a schema error.
    CPPUNIT_ASSERT(availability_lines(R"({"requests":[]})").empty());
  }

  void unknown_fields_are_errors_with_their_pointer() {
    JsonProblem p = availability_problem(R"({"requests":[{"ean":"1","quantiy":2}],"extra":true})");
    assert_error(p, "/extra", "unknown field");
    assert_error(p, "/requests/0/quantiy", "unknown field");
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, p.errors.size());
  }

  void wrong_types_are_errors_with_their_pointer() {
    JsonProblem p = availability_problem(
        R"({"requests":[{"provider":1,"providerReference":true,"brand":[],"manufacturerReference":{},)"
        R"("ean":4047024793127,"quantity":true},{"quantity":[1]},{"quantity":{"v":1}},7,"x",null]})");
    for (auto field : {"provider", "providerReference", "brand", "manufacturerReference", "ean"})
      assert_error(p, "/requests/0/" + std::string(field), "must be a string");
    assert_error(p, "/requests/0/quantity", "must be a number or a string");
    assert_error(p, "/requests/1/quantity", "must be a number or a string");
    assert_error(p, "/requests/2/quantity", "must be a number or a string");
    assert_error(p, "/requests/3", "must be an object");
    assert_error(p, "/requests/4", "must be an object");
    assert_error(p, "/requests/5", "must be an object");
    CPPUNIT_ASSERT_EQUAL(std::size_t{11}, p.errors.size());
  }

  void every_schema_error_of_the_batch_is_listed_up_to_a_bound() {
    std::string body = R"({"requests":[)";
    for (int i = 0; i < 99; ++i) body += std::string(i ? "," : "") + R"({"quantity":true})";
    body += "]}";
    JsonProblem p = availability_problem(body);
    CPPUNIT_ASSERT_EQUAL(eproc::kMaxSchemaErrors, p.errors.size());
    CPPUNIT_ASSERT_EQUAL(std::string("/requests/49/quantity"), p.errors.back().pointer);
  }

  void more_lines_than_the_limit_is_the_too_many_lines_fault() {
    std::string body = R"({"requests":[1,2,3,4]})";  // not even objects: lines are not examined
    JsonProblem p = availability_problem(body, 3);
    CPPUNIT_ASSERT(p.kind == JsonProblem::Kind::Refused);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, p.faults.size());
    CPPUNIT_ASSERT(p.faults[0].reason == re::FaultReason::TooManyLines);
    CPPUNIT_ASSERT(!p.faults[0].line);
    CPPUNIT_ASSERT_EQUAL(std::string("4 lines, at most 3 are accepted"), p.faults[0].text);
    // At the limit: read.
    auto r = eproc::decode_availability(R"({"requests":[{},{},{}]})", limits(3));
    CPPUNIT_ASSERT(std::holds_alternative<std::vector<re::RequestLine>>(r));
    // Orders too.
    auto o = eproc::decode_order(R"({"items":[{},{},{},{}]})", limits(3));
    CPPUNIT_ASSERT(std::get<JsonProblem>(o).kind == JsonProblem::Kind::Refused);
  }

  void value_rules_are_left_to_the_hub() {
    // Too long, two descriptions, a bad EAN, a negative or wordy quantity:
    // the hub's faults (with codes, every request at once), passed as sent.
    std::string long_text(500, 'x');
    auto lines = availability_lines(R"({"requests":[{"brand":")" + long_text +
                                    R"(","manufacturerReference":"1","ean":"123","quantity":"abc"},{}]})");
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, lines.size());
    CPPUNIT_ASSERT_EQUAL(long_text, lines[0].description.brand);
    CPPUNIT_ASSERT_EQUAL(std::string("123"), lines[0].description.ean);
    CPPUNIT_ASSERT_EQUAL(std::string("abc"), lines[0].quantity);
  }

  void nesting_bombs_are_refused() {
    std::string body = R"({"requests":[{"brand":)" + std::string(10000, '[') + std::string(10000, ']') + "}]}";
    JsonProblem p = availability_problem(body);
    assert_error(p, "", "nested deeper than 16 levels");
  }

  void pointers_escape_member_names() {
    JsonProblem p = availability_problem(R"({"a/b~c":1,"requests":[]})");
    assert_error(p, "/a~1b~0c", "unknown field");
  }

  void an_order_is_read_with_its_client_reference() {
    auto r = eproc::decode_order(
        R"({"clientReference":" PO-1 ","items":[{"provider":"prov-b","brand":"MANN","manufacturerReference":"W712/95","quantity":"2"}]})",
        limits());
    auto& order = std::get<re::OrderRequest>(r);
    CPPUNIT_ASSERT_EQUAL(std::string(" PO-1 "), order.client_reference);  // the rules trim it
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, order.lines.size());
    CPPUNIT_ASSERT_EQUAL(std::string("prov-b"), order.lines[0].provider);
    CPPUNIT_ASSERT_EQUAL(std::string("MANN"), order.lines[0].description.brand);
    CPPUNIT_ASSERT_EQUAL(std::string("W712/95"), order.lines[0].description.manufacturer_reference);
    CPPUNIT_ASSERT_EQUAL(std::string("2"), order.lines[0].quantity);
    auto none = eproc::decode_order(R"({"clientReference":null,"items":[]})", limits());
    CPPUNIT_ASSERT_EQUAL(std::string(), std::get<re::OrderRequest>(none).client_reference);
  }

  void order_structure_errors() {
    assert_error(order_problem(R"({"clientReference":"x"})"), "/items", "required");
    assert_error(order_problem(R"({"items":{}})"), "/items", "must be an array");
    assert_error(order_problem(R"({"clientReference":5,"items":[]})"), "/clientReference", "must be a string");
    assert_error(order_problem(R"({"requests":[],"items":[]})"), "/requests", "unknown field");
    assert_error(order_problem(R"({"items":[{"provider":"prov-a","qty":1}]})"), "/items/0/qty", "unknown field");
    CPPUNIT_ASSERT(order_problem("{").kind == JsonProblem::Kind::Malformed);
  }

  void decimal_text_never_has_an_exponent() {
    CPPUNIT_ASSERT_EQUAL(std::string("1000"), eproc::decimal_text(1e3));
    CPPUNIT_ASSERT_EQUAL(std::string("0.0000001"), eproc::decimal_text(1e-7));
    CPPUNIT_ASSERT_EQUAL(std::string("-2.5"), eproc::decimal_text(-2.5));
    CPPUNIT_ASSERT_EQUAL(std::string("0.3"), eproc::decimal_text(0.3));
    CPPUNIT_ASSERT_EQUAL(std::string::npos, eproc::decimal_text(1e300).find('e'));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(JsonDecodeTest);

}  // namespace og::test
