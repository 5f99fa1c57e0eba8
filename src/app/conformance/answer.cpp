#include "app/conformance/answer.hpp"

#include <libxml/parser.h>

#include <charconv>
#include <cstring>

namespace og::app::conformance {

namespace {

bool named(xmlNodePtr n, const char* local) {
  return n && n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), local) == 0;
}

xmlNodePtr first_element(xmlNodePtr n) {
  for (; n; n = n->next)
    if (n->type == XML_ELEMENT_NODE) return n;
  return nullptr;
}

xmlNodePtr child(xmlNodePtr parent, const char* local) {
  for (auto c = parent ? parent->children : nullptr; c; c = c->next)
    if (named(c, local)) return c;
  return nullptr;
}

xmlNodePtr find(xmlNodePtr parent, const char* local) {
  for (auto c = parent ? parent->children : nullptr; c; c = c->next) {
    if (named(c, local)) return c;
    if (auto deeper = find(c, local)) return deeper;
  }
  return nullptr;
}

std::string content(xmlNodePtr n) {
  if (!n) return {};
  xmlChar* text = xmlNodeGetContent(n);
  std::string s = text ? reinterpret_cast<const char*>(text) : "";
  xmlFree(text);
  auto begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
}

std::optional<int> number(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  int v = 0;
  auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), v);
  if (ec != std::errc() || end != s->data() + s->size()) return std::nullopt;
  return v;
}

std::string attribute(xmlNodePtr n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return s;
}

}  // namespace

Answer::Answer(const std::string& body) {
  doc_.reset(xmlReadMemory(body.data(), static_cast<int>(body.size()), nullptr, nullptr,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc_) {
    problem_ = body.empty() ? "empty body" : "not well-formed XML";
    return;
  }
  xmlNodePtr n = xmlDocGetRootElement(doc_.get());
  if (named(n, "Envelope")) {
    xmlNodePtr soap_body = child(n, "Body");
    n = soap_body ? first_element(soap_body->children) : nullptr;
    if (!n) {
      problem_ = "SOAP envelope without a Body element";
      return;
    }
    if (named(n, "Fault")) {
      problem_ = "SOAP Fault: " + content(n);
      return;
    }
  }
  root_ = n;
}

Answer::~Answer() = default;
Answer::Answer(Answer&&) noexcept = default;

std::string Answer::root_name() const {
  return root_ ? reinterpret_cast<const char*>(root_->name) : "";
}

std::string Answer::root_namespace() const {
  return root_ && root_->ns && root_->ns->href ? reinterpret_cast<const char*>(root_->ns->href) : "";
}

std::optional<int> Answer::response_code() const {
  return number(text("ResponseCode"));
}

std::optional<int> Answer::status_code() const {
  return number(text("StatusCode"));
}

std::string Answer::response_message() const {
  return text("ResponseMessage").value_or("");
}

std::string Answer::transaction_id() const {
  return text("TransactionID").value_or("");
}

std::optional<std::string> Answer::text(const char* local_name) const {
  auto n = find(root_, local_name);
  if (!n) return std::nullopt;
  return content(n);
}

std::optional<std::string> Answer::property(const std::string& key) const {
  std::optional<std::string> found;
  auto visit = [&](auto& self, xmlNodePtr parent) -> void {
    for (auto c = parent ? parent->children : nullptr; c && !found; c = c->next) {
      if (named(c, "Property")) {
        auto k = child(c, "Key");
        auto v = child(c, "Value");
        if (k && v && content(k) == key) found = content(v);
      } else if (c->type == XML_ELEMENT_NODE) {
        self(self, c);
      }
    }
  };
  visit(visit, root_);
  return found;
}

int Answer::children(const char* local_name) const {
  int count = 0;
  for (auto c = root_ ? root_->children : nullptr; c; c = c->next) count += named(c, local_name);
  return count;
}

std::vector<std::string> Answer::item_ids() const {
  std::vector<std::string> ids;
  auto visit = [&](auto& self, xmlNodePtr parent) -> void {
    for (auto c = parent ? parent->children : nullptr; c; c = c->next) {
      if (named(c, "Item")) {
        if (auto id = child(child(c, "SellersItemIdentification"), "ID")) ids.push_back(content(id));
      } else if (c->type == XML_ELEMENT_NODE) {
        self(self, c);
      }
    }
  };
  visit(visit, root_);
  return ids;
}

std::string Answer::order_unit() const {
  auto quantity = child(find(root_, "BasePrice"), "BaseQuantity");
  return quantity ? attribute(quantity, "quantityUnitCode") : "";
}

std::set<std::string> Answer::implemented(const std::set<std::string>& bindings) const {
  std::set<std::string> out;
  auto profile = find(root_, "VeloconnectProfile");
  for (auto c = profile ? profile->children : nullptr; c; c = c->next) {
    if (!named(c, "Implements")) continue;
    auto what = child(c, "Transaction");
    if (!what) what = child(c, "Operation");
    if (!what) continue;
    bool listed = true;
    if (auto binding = child(c, "Binding")) listed = bindings.count(content(binding)) > 0;
    if (listed) out.insert(content(what));
  }
  return out;
}

std::string describe(const Answer& a) {
  if (!a.problem().empty()) return a.problem();
  auto code = a.response_code();
  std::string s = code ? "ResponseCode " + std::to_string(*code) : a.root_name() + " without ResponseCode";
  if (auto status = a.status_code()) s += ", StatusCode " + std::to_string(*status);
  if (code && *code != 200 && !a.response_message().empty()) s += " (" + a.response_message() + ")";
  return s;
}

}  // namespace og::app::conformance
