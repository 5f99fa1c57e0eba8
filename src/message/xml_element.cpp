#include "message/xml_element.hpp"

#include "message/url_form.hpp"

namespace og::message {

std::string_view XmlElement::name() const {
  return node_ ? std::string_view(reinterpret_cast<const char*>(node_->name)) : std::string_view();
}

XmlElement XmlElement::child(std::string_view local) const {
  if (!node_) return {};
  for (xmlNodePtr c = node_->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && local == reinterpret_cast<const char*>(c->name)) return XmlElement(c);
  return {};
}

std::vector<XmlElement> XmlElement::children(std::string_view local) const {
  std::vector<XmlElement> out;
  if (!node_) return out;
  for (xmlNodePtr c = node_->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && local == reinterpret_cast<const char*>(c->name)) out.emplace_back(c);
  return out;
}

std::string XmlElement::text() const {
  if (!node_) return {};
  // Leaf elements hold one text node: read it without xmlNodeGetContent's copy.
  xmlNodePtr c = node_->children;
  if (c && !c->next && c->type == XML_TEXT_NODE && c->content) return trim(reinterpret_cast<const char*>(c->content));
  xmlChar* content = xmlNodeGetContent(node_);
  std::string out = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return trim(out);
}

std::optional<std::string> XmlElement::child_text(std::string_view local) const {
  XmlElement c = child(local);
  if (!c) return std::nullopt;
  return c.text();
}

std::optional<std::string> XmlElement::attribute(const char* name) const {
  if (!node_) return std::nullopt;
  xmlChar* value = xmlGetNoNsProp(node_, reinterpret_cast<const xmlChar*>(name));
  if (!value) return std::nullopt;
  std::string out = trim(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

}  // namespace og::message
