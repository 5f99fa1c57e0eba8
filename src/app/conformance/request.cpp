#include "app/conformance/request.hpp"

#include <cctype>
#include <cstdio>

namespace og::app::conformance {

namespace {

constexpr const char* kVct = "urn:veloconnect:transaction-1.0";
constexpr const char* kCac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-1.0";
constexpr const char* kCbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-1.0";

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// Writes elements with or without their prefixes: the unqualified probe is
// the same document with every namespace left out.
struct Writer {
  bool qualified;
  std::string out;

  void open(const char* prefix, const std::string& name, const std::string& attributes = "") {
    out += "<" + tag(prefix, name) + attributes + ">";
  }
  void close(const char* prefix, const std::string& name) { out += "</" + tag(prefix, name) + ">"; }
  void leaf(const char* prefix, const std::string& name, const std::string& text, const std::string& attributes = "") {
    open(prefix, name, attributes);
    out += escape(text);
    close(prefix, name);
  }
  std::string tag(const char* prefix, const std::string& name) const {
    return qualified ? std::string(prefix) + ":" + name : name;
  }
};

void item_id(Writer& w, const std::string& id) {
  w.open("cac", "SellersItemIdentification");
  w.leaf("cac", "ID", id);
  w.close("cac", "SellersItemIdentification");
}

void quantity(Writer& w, const Line& l) {
  w.leaf("cbc", "Quantity", l.quantity, l.unit.empty() ? "" : " quantityUnitCode=\"" + escape(l.unit) + "\"");
}

void envelope(Writer& w, const Request& r, Style style) {
  auto buyer = [&] { w.leaf("vct", "BuyersID", r.buyer); };
  auto credential = [&] {
    w.open("vct", "Credential");
    w.leaf("vct", "Password", r.password);
    w.close("vct", "Credential");
  };
  auto is_test = [&] { w.leaf("vct", "IsTest", r.is_test ? "true" : "false"); };
  if (style == Style::EnvelopeReordered) {
    // The standard's sequence backwards: IsTest, Credential, BuyersID.
    is_test();
    credential();
    buyer();
    if (!r.sellers_id.empty()) w.leaf("vct", "SellersID", r.sellers_id);
    if (!r.transaction_id.empty()) w.leaf("vct", "TransactionID", r.transaction_id);
    return;
  }
  buyer();
  credential();
  if (!r.sellers_id.empty()) w.leaf("vct", "SellersID", r.sellers_id);
  if (!r.transaction_id.empty()) w.leaf("vct", "TransactionID", r.transaction_id);
  if (r.is_test) is_test();
}

void body(Writer& w, const Request& r) {
  if (r.name == "GetItemDetailsRequest" && !r.lines.empty()) {
    item_id(w, r.lines.front().item);
    quantity(w, r.lines.front());
  } else if (r.name == "GetItemDetailsListRequest") {
    for (const auto& l : r.lines) {
      w.open("p", "RequestEntry");
      item_id(w, l.item);
      w.close("p", "RequestEntry");
    }
  } else {
    for (const auto& l : r.lines) {
      w.open("p", "OrderRequestLine");
      item_id(w, l.item);
      quantity(w, l);
      w.close("p", "OrderRequestLine");
    }
  }
  if (r.search_string) w.leaf("p", "SearchString", *r.search_string);
  for (const auto& [name, value] : r.fields) w.leaf("p", name, value);
}

std::string operation_of(const std::string& name) {
  return name.size() > 7 && name.ends_with("Request") ? name.substr(0, name.size() - 7) : name;
}

std::string soap(const std::string& document, const char* envelope_ns) {
  // The request document without its XML declaration goes into the Body.
  std::string inner = document;
  if (inner.starts_with("<?xml")) inner = inner.substr(inner.find("?>") + 2);
  if (inner.starts_with("\n")) inner.erase(0, 1);
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<s:Envelope xmlns:s=\"") + envelope_ns +
         "\"><s:Body>" + inner + "</s:Body></s:Envelope>";
}

std::string url_form(const Request& r) {
  std::string q = "RequestName=" + form_escape(r.name) + "&BuyersID=" + form_escape(r.buyer) +
                  "&Password=" + form_escape(r.password);
  if (!r.sellers_id.empty()) q += "&SellersID=" + form_escape(r.sellers_id);
  if (!r.transaction_id.empty()) q += "&TransactionID=" + form_escape(r.transaction_id);
  if (r.is_test) q += "&IsTest=true";
  if (r.name == "GetItemDetailsRequest" && !r.lines.empty()) {
    const auto& l = r.lines.front();
    q += "&SellersItemIdentification=" + form_escape(l.item) + "&Quantity=" + form_escape(l.quantity);
    if (!l.unit.empty()) q += "&quantityUnitCode=" + form_escape(l.unit);
  } else if (r.name == "GetItemDetailsListRequest") {
    for (const auto& l : r.lines) q += "&SellersItemIdentification=" + form_escape(l.item);
  } else {
    for (const auto& l : r.lines) {
      q += "&Quantity." + form_escape(l.item) + "=" + form_escape(l.quantity);
      if (!l.unit.empty()) q += "&quantityUnitCode." + form_escape(l.item) + "=" + form_escape(l.unit);
    }
  }
  if (r.search_string) q += "&SearchString=" + form_escape(*r.search_string);
  for (const auto& [name, value] : r.fields) q += "&" + form_escape(name) + "=" + form_escape(value);
  return q;
}

}  // namespace

std::optional<Binding> parse_binding(const std::string& name) {
  if (name == "url") return Binding::Url;
  if (name == "xml") return Binding::Xml;
  if (name == "soap11") return Binding::Soap11;
  if (name == "soap12") return Binding::Soap12;
  return std::nullopt;
}

const char* binding_name(Binding b) {
  switch (b) {
    case Binding::Url: return "url";
    case Binding::Xml: return "xml";
    case Binding::Soap11: return "soap11";
    case Binding::Soap12: return "soap12";
  }
  return "?";
}

std::string request_namespace(const std::string& name) {
  if (name == "GetProfileRequest") return "urn:veloconnect:profile-1.1";
  if (name == "CreateTextSearchRequest" || name == "SearchResultRequest" || name == "GetClassificationSchemeRequest")
    return "urn:veloconnect:catalog-1.5";
  if (name == "GetStatusRequest" || name == "RollbackRequest") return kVct;
  return "urn:veloconnect:order-1.1";
}

std::string xml_document(const Request& r, Style style) {
  Writer w{style != Style::Unqualified, {}};
  if (style == Style::ByteOrderMark) w.out = "\xEF\xBB\xBF";
  w.out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  // The root's prefix is "p" unless the operation's namespace is vct's own.
  std::string ns = request_namespace(r.name);
  const char* root_prefix = ns == kVct ? "vct" : "p";
  std::string declarations;
  if (w.qualified) {
    if (ns != kVct) declarations += " xmlns:p=\"" + ns + "\"";
    declarations += std::string(" xmlns:vct=\"") + kVct + "\" xmlns:cac=\"" + kCac + "\" xmlns:cbc=\"" + kCbc + "\"";
  }
  w.open(root_prefix, r.name, declarations);
  envelope(w, r, style);
  body(w, r);
  w.close(root_prefix, r.name);
  return w.out;
}

HttpCall build(const Request& r, Binding binding, Style style) {
  HttpCall call;
  std::string op = operation_of(r.name);
  switch (binding) {
    case Binding::Url:
      call.method = "GET";
      call.query = url_form(r);
      break;
    case Binding::Xml:
      call.method = "POST";
      call.content_type = "application/xml; charset=utf-8";
      call.body = xml_document(r, style);
      break;
    case Binding::Soap11:
      call.method = "POST";
      call.content_type = "text/xml; charset=utf-8";
      call.soap_action = "\"urn:veloconnect:" + op + "\"";
      call.body = soap(xml_document(r, style == Style::ByteOrderMark ? Style::Standard : style),
                       "http://schemas.xmlsoap.org/soap/envelope/");
      break;
    case Binding::Soap12:
      call.method = "POST";
      call.content_type = "application/soap+xml; charset=utf-8; action=\"urn:veloconnect:" + op + "\"";
      call.body = soap(xml_document(r, style == Style::ByteOrderMark ? Style::Standard : style),
                       "http://www.w3.org/2003/05/soap-envelope");
      break;
  }
  // The byte order mark goes in front of whatever document is sent.
  if (style == Style::ByteOrderMark && binding != Binding::Xml && binding != Binding::Url)
    call.body = "\xEF\xBB\xBF" + call.body;
  return call;
}

std::string form_escape(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

}  // namespace og::app::conformance
