#include "eproc/json_encode.hpp"

#include "eproc/json_text.hpp"

namespace og::eproc {

namespace {

using Json = nlohmann::ordered_json;

void put_if(Json& object, const char* name, const std::string& value) {
  if (!value.empty()) object[name] = value;
}

Json item_json(const core::eproc::ItemAvailability& item) {
  Json out;
  out["found"] = item.found;
  put_if(out, "providerItem", item.provider_item);
  put_if(out, "description", item.description);
  put_if(out, "availability", item.availability);
  put_if(out, "availableQuantity", item.available_quantity);
  put_if(out, "deliveryDate", item.delivery_date);
  put_if(out, "unitPrice", item.unit_price);
  put_if(out, "currency", item.currency);
  put_if(out, "message", item.message);
  return out;
}

}  // namespace

std::string availability_json(const std::vector<core::eproc::RequestAnswer>& answers) {
  Json out;
  auto& list = out["answers"] = Json::array();
  for (const auto& answer : answers) {
    Json a;
    a["request"] = answer.index;
    auto& providers = a["providers"] = Json::array();
    for (const auto& p : answer.providers) {
      Json entry;
      entry["provider"] = p.provider;
      entry["status"] = std::string(wire_status(p.status));
      if (p.status == core::eproc::CallStatus::Ok && p.item) entry["item"] = item_json(*p.item);
      providers.push_back(std::move(entry));
    }
    list.push_back(std::move(a));
  }
  return json_text(out);
}

std::string token_json(const std::string& token, std::chrono::seconds expires_in) {
  Json out;
  out["access_token"] = token;
  out["token_type"] = "Bearer";
  out["expires_in"] = expires_in.count();
  return json_text(out);
}

std::string problem_json(Failure failure, const std::string& detail, const std::vector<rules::eproc::Fault>& faults,
                         const std::vector<SchemaError>& errors) {
  ProblemType p = problem_of(failure);
  Json out;
  out["type"] = std::string(kProblemTypeBase) + std::string(p.slug);
  out["title"] = p.title;
  out["status"] = p.status;
  put_if(out, "detail", detail);
  if (!faults.empty()) {
    auto& list = out["faults"] = Json::array();
    for (const auto& f : faults) {
      Json entry;
      if (f.line) entry["request"] = *f.line;
      entry["code"] = std::string(rules::eproc::to_string_view(f.reason));
      entry["detail"] = f.text;
      list.push_back(std::move(entry));
    }
  }
  if (!errors.empty()) {
    auto& list = out["errors"] = Json::array();
    for (const auto& e : errors) list.push_back(Json{{"pointer", e.pointer}, {"detail", e.detail}});
  }
  return json_text(out);
}

}  // namespace og::eproc
