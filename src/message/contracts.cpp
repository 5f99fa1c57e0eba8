#include "message/contracts.hpp"

#include <algorithm>
#include <cctype>

#include "contracts_table.hpp"

namespace og::message {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

std::string_view embedded(std::string_view name) {
  for (const auto& e : contracts::all())
    if (e.name == name) return e.bytes;
  return {};
}

}  // namespace

std::string_view contract_bytes(std::string_view name) {
  return embedded(name);
}

bool is_contract_query(std::string_view query) {
  std::string q = lower(query);
  return q == "wsdl" || q.starts_with("xsd=");
}

std::optional<std::string> contract_document(const ContractRequest& request, std::string_view wsdl_name,
                                             std::string_view placeholder) {
  std::string base = std::string(request.base_url) + std::string(request.path);
  std::string body;
  if (lower(request.query) == "wsdl") {
    body = std::string(embedded(wsdl_name));
    replace_all(body, placeholder, base);
    replace_all(body, "schemaLocation=\"../xsd/", "schemaLocation=\"" + base + "?xsd=");
    return body;
  }
  std::string name(request.query.substr(4));
  if (!name.ends_with(".xsd") || embedded(name).empty()) return std::nullopt;
  body = std::string(embedded(name));
  // Imports name their neighbours by file name; point them at this server.
  replace_all(body, "schemaLocation=\"", "schemaLocation=\"" + base + "?xsd=");
  return body;
}

MediaType media_type(std::string_view content_type) {
  auto semi = content_type.find(';');
  MediaType out;
  out.type = lower(content_type.substr(0, semi));
  out.type.erase(out.type.find_last_not_of(" \t") + 1);
  if (semi != std::string_view::npos) {
    std::string params = lower(content_type.substr(semi + 1));
    auto at = params.find("charset=");
    if (at != std::string::npos) {
      std::string value(content_type.substr(semi + 1 + at + 8));
      value = value.substr(0, value.find(';'));
      value.erase(std::remove(value.begin(), value.end(), '"'), value.end());
      value.erase(0, value.find_first_not_of(" \t"));
      value.erase(value.find_last_not_of(" \t") + 1);
      if (!value.empty()) out.charset = value;
    }
  }
  return out;
}

}  // namespace og::message
