#include "message/vocabulary.hpp"

#include <stdexcept>

namespace og::message {

void Vocabulary::add_namespace(std::string prefix, std::string uri) {
  namespaces_.push_back({std::move(prefix), std::move(uri)});
}

void Vocabulary::add_element(std::string_view local, std::string_view prefix, std::vector<std::string> attributes) {
  for (std::size_t i = 0; i < namespaces_.size(); ++i) {
    if (namespaces_[i].prefix == prefix) {
      elements_[std::string(local)] = Element{static_cast<int>(i), std::move(attributes), {}};
      return;
    }
  }
  throw std::logic_error("vocabulary: undeclared prefix " + std::string(prefix));
}

void Vocabulary::add_attribute_alias(std::string_view local, std::string sloppy, std::string canonical) {
  elements_.at(std::string(local)).aliases.emplace_back(std::move(sloppy), std::move(canonical));
}

void Vocabulary::add_root(std::string_view local) {
  roots_[std::string(local)] = true;
}

const Vocabulary::Element* Vocabulary::element(std::string_view local) const {
  auto it = elements_.find(local);
  return it == elements_.end() ? nullptr : &it->second;
}

bool Vocabulary::is_root(std::string_view local) const {
  return roots_.count(std::string(local)) != 0;
}

}  // namespace og::message
