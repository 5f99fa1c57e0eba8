#include "eproc/json_decode.hpp"

#include <array>
#include <charconv>
#include <nlohmann/json.hpp>

namespace og::eproc {

namespace {

using nlohmann::json;
namespace re = rules::eproc;

// Deeper than any request of the schema (3 levels) with room to spare: a
// nesting bomb is discarded while it is parsed instead of built.
constexpr int kMaxDepth = 16;

// RFC 6901: '~' and '/' in a member name are escaped. Names are cut so an
// error never echoes more than a line of what was sent.
std::string pointer_token(std::string_view name) {
  std::string out;
  for (char c : name.substr(0, 64)) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

class Checker {
 public:
  bool full() const { return errors.size() >= kMaxSchemaErrors; }
  void error(std::string pointer, std::string detail) {
    if (!full()) errors.push_back({std::move(pointer), std::move(detail)});
  }
  // Every member of `object` is one of `known`.
  template <std::size_t N>
  void only(const json& object, const std::string& at, const std::array<std::string_view, N>& known) {
    for (const auto& [name, value] : object.items()) {
      bool ok = false;
      for (auto k : known) ok = ok || name == k;
      if (!ok) error(at + "/" + pointer_token(name), "unknown field");
    }
  }
  // A string field, "" when absent or null.
  std::string text(const json& object, std::string_view name, const std::string& at) {
    auto it = object.find(name);
    if (it == object.end() || it->is_null()) return {};
    if (!it->is_string()) {
      error(at + "/" + std::string(name), "must be a string");
      return {};
    }
    return it->get<std::string>();
  }
  std::string quantity(const json& object, const std::string& at) {
    auto it = object.find("quantity");
    if (it == object.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_unsigned()) return std::to_string(it->get<std::uint64_t>());
    if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
    if (it->is_number_float()) return decimal_text(it->get<double>());
    error(at + "/quantity", "must be a number or a string");
    return {};
  }

  std::vector<SchemaError> errors;
};

constexpr std::array<std::string_view, 6> kLineFields{"provider", "providerReference", "brand", "manufacturerReference",
                                                      "ean",      "quantity"};

re::RequestLine line(Checker& check, const json& value, const std::string& at) {
  re::RequestLine l;
  if (!value.is_object()) {
    check.error(at, "must be an object");
    return l;
  }
  check.only(value, at, kLineFields);
  l.provider = check.text(value, "provider", at);
  l.description.provider_reference = check.text(value, "providerReference", at);
  l.description.brand = check.text(value, "brand", at);
  l.description.manufacturer_reference = check.text(value, "manufacturerReference", at);
  l.description.ean = check.text(value, "ean", at);
  l.quantity = check.quantity(value, at);
  return l;
}

// The body as a JSON object, or why not.
std::variant<json, JsonProblem> parse_object(std::string_view body) {
  bool too_deep = false;
  json::parser_callback_t limit = [&](int depth, json::parse_event_t, json&) {
    if (depth > kMaxDepth) too_deep = true;
    return !too_deep;
  };
  json document;
  try {
    document = json::parse(body.begin(), body.end(), limit);
  } catch (const json::parse_error& e) {
    // Our own words: the library's text names its internals.
    return JsonProblem{JsonProblem::Kind::Malformed,
                       body.find_first_not_of(" \t\r\n") == std::string_view::npos
                           ? "the body is empty"
                           : "the body is not valid JSON (at byte " + std::to_string(e.byte) + ")",
                       {},
                       {}};
  } catch (const json::out_of_range&) {
    // A number beyond what a double holds (4.4e479312): well-formed JSON, but
    // no quantity or price can be that, so it is answered as malformed too.
    return JsonProblem{JsonProblem::Kind::Malformed, "the body holds a number out of range", {}, {}};
  }
  if (too_deep)
    return JsonProblem{
        JsonProblem::Kind::Invalid, {}, {{"", "nested deeper than " + std::to_string(kMaxDepth) + " levels"}}, {}};
  if (!document.is_object())
    return JsonProblem{JsonProblem::Kind::Invalid, {}, {{"", "the body must be a JSON object"}}, {}};
  return document;
}

// The array member `name` of `document`, checked for its type and size.
// nullptr with the problem in `problem` when it cannot be read.
const json* batch(const json& document, std::string_view name, const re::Limits& limits, Checker& check,
                  std::optional<JsonProblem>& problem) {
  std::string at = "/" + std::string(name);
  auto it = document.find(name);
  if (it == document.end() || it->is_null()) {
    check.error(at, "required");
    return nullptr;
  }
  if (!it->is_array()) {
    check.error(at, "must be an array");
    return nullptr;
  }
  if (it->size() > limits.max_lines) {
    problem = JsonProblem{JsonProblem::Kind::Refused,
                          {},
                          {},
                          {re::Fault{std::nullopt, re::FaultReason::TooManyLines,
                                     std::to_string(it->size()) + " lines, at most " +
                                         std::to_string(limits.max_lines) + " are accepted"}}};
    return nullptr;
  }
  return &*it;
}

}  // namespace

std::string decimal_text(double value) {
  std::array<char, 400> buffer{};
  auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed);
  if (ec != std::errc()) return "not-a-number";  // cannot happen below 1e308; judged as not a number
  return std::string(buffer.data(), end);
}

std::variant<std::vector<re::RequestLine>, JsonProblem> decode_availability(std::string_view body,
                                                                            const re::Limits& limits) {
  auto parsed = parse_object(body);
  if (auto* problem = std::get_if<JsonProblem>(&parsed)) return std::move(*problem);
  const json& document = std::get<json>(parsed);
  Checker check;
  check.only(document, "", std::array<std::string_view, 1>{"requests"});
  std::optional<JsonProblem> refused;
  const json* requests = batch(document, "requests", limits, check, refused);
  if (refused) return std::move(*refused);
  std::vector<re::RequestLine> lines;
  if (requests) {
    lines.reserve(requests->size());
    for (std::size_t i = 0; i < requests->size() && !check.full(); ++i)
      lines.push_back(line(check, (*requests)[i], "/requests/" + std::to_string(i)));
  }
  if (!check.errors.empty()) return JsonProblem{JsonProblem::Kind::Invalid, {}, std::move(check.errors), {}};
  return lines;
}

std::variant<re::OrderRequest, JsonProblem> decode_order(std::string_view body, const re::Limits& limits) {
  auto parsed = parse_object(body);
  if (auto* problem = std::get_if<JsonProblem>(&parsed)) return std::move(*problem);
  const json& document = std::get<json>(parsed);
  Checker check;
  check.only(document, "", std::array<std::string_view, 2>{"clientReference", "items"});
  re::OrderRequest order;
  order.client_reference = check.text(document, "clientReference", "");
  std::optional<JsonProblem> refused;
  const json* items = batch(document, "items", limits, check, refused);
  if (refused) return std::move(*refused);
  if (items) {
    order.lines.reserve(items->size());
    for (std::size_t i = 0; i < items->size() && !check.full(); ++i)
      order.lines.push_back(line(check, (*items)[i], "/items/" + std::to_string(i)));
  }
  if (!check.errors.empty()) return JsonProblem{JsonProblem::Kind::Invalid, {}, std::move(check.errors), {}};
  return order;
}

}  // namespace og::eproc
