#include "message/vocabulary.hpp"

#include <stdexcept>

namespace og::message {

void Vocabulary::add_namespace(std::string prefix, std::string uri) {
  namespaces_.push_back({std::move(prefix), std::move(uri)});
}

int Vocabulary::ns_index(std::string_view prefix) const {
  for (std::size_t i = 0; i < namespaces_.size(); ++i)
    if (namespaces_[i].prefix == prefix) return static_cast<int>(i);
  throw std::logic_error("vocabulary: undeclared prefix " + std::string(prefix));
}

void Vocabulary::add_element(std::string_view local, std::string_view prefix, std::vector<std::string> attributes) {
  elements_[std::string(local)] = Element{ns_index(prefix), std::move(attributes), {}};
}

void Vocabulary::add_element_under(std::string_view root, std::string_view local, std::string_view prefix,
                                   std::vector<std::string> attributes) {
  scoped_[std::string(root) + " " + std::string(local)] = Element{ns_index(prefix), std::move(attributes), {}};
  scoped_roots_[std::string(root)] = true;
}

void Vocabulary::add_element_in(std::string_view parent, std::string_view local, std::string_view prefix) {
  within_[std::string(parent) + " " + std::string(local)] = Element{ns_index(prefix), {}, {}};
  within_parents_[std::string(parent)] = true;
}

void Vocabulary::add_attribute_alias(std::string_view local, std::string sloppy, std::string canonical) {
  elements_.at(std::string(local)).aliases.emplace_back(std::move(sloppy), std::move(canonical));
}

void Vocabulary::add_attribute_alias_under(std::string_view root, std::string_view local, std::string sloppy,
                                           std::string canonical) {
  scoped_.at(std::string(root) + " " + std::string(local))
      .aliases.emplace_back(std::move(sloppy), std::move(canonical));
}

void Vocabulary::add_root(std::string_view local) {
  roots_[std::string(local)] = true;
}

const Vocabulary::Element* Vocabulary::element(std::string_view local) const {
  auto it = elements_.find(local);
  return it == elements_.end() ? nullptr : &it->second;
}

const Vocabulary::Element* Vocabulary::element_under(std::string_view root, std::string_view local) const {
  if (scoped_roots_.find(root) != scoped_roots_.end()) {
    std::string key;
    key.reserve(root.size() + 1 + local.size());
    key.append(root).append(" ").append(local);
    if (auto it = scoped_.find(key); it != scoped_.end()) return &it->second;
  }
  return element(local);
}

const Vocabulary::Element* Vocabulary::element_in(std::string_view root, std::string_view parent,
                                                  std::string_view local) const {
  if (within_parents_.find(parent) != within_parents_.end()) {
    std::string key;
    key.reserve(parent.size() + 1 + local.size());
    key.append(parent).append(" ").append(local);
    if (auto it = within_.find(key); it != within_.end()) return &it->second;
  }
  return element_under(root, local);
}

bool Vocabulary::is_root(std::string_view local) const {
  return roots_.count(std::string(local)) != 0;
}

}  // namespace og::message
