// A Veloconnect service result: the value, or the outcome that stopped it
// (an error value, never an exception across the layer boundary). The face
// maps the outcome to the wire's ResponseCode in one place.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "model/veloconnect.hpp"
#include "rules/veloconnect/outcome.hpp"

namespace og::core::veloconnect {

using rules::veloconnect::Outcome;

struct Failure {
  Outcome outcome;
  std::string message;  // empty: the outcome's standard wording
  // The instance the request named, when the buyer may know about it
  // (so the answer can carry its TransactionID and StatusCode).
  std::optional<model::Transaction> transaction;
};

template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}            // NOLINT(google-explicit-constructor)
  Result(Failure failure) : v_(std::move(failure)) {}  // NOLINT(google-explicit-constructor)
  bool ok() const { return v_.index() == 0; }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  const Failure& failure() const { return std::get<1>(v_); }

 private:
  std::variant<T, Failure> v_;
};

}  // namespace og::core::veloconnect
