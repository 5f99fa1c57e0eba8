// A server's answer as the checks read it: the Veloconnect response element
// (out of its SOAP envelope when there is one) and the envelope fields every
// check looks at. Elements are found by local name: prefixes are the
// server's choice.
#pragma once
#include <libxml/tree.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace og::app::conformance {

class Answer {
 public:
  // Parses `body` (no network, no DTD). problem() says why when it is not a
  // Veloconnect answer.
  explicit Answer(const std::string& body);
  ~Answer();
  Answer(Answer&&) noexcept;
  Answer(const Answer&) = delete;
  Answer& operator=(const Answer&) = delete;

  // Empty when the body is XML with a response element.
  const std::string& problem() const { return problem_; }
  // The response element (nullptr with a problem).
  xmlNodePtr root() const { return root_; }
  std::string root_name() const;
  std::string root_namespace() const;

  std::optional<int> response_code() const;
  std::optional<int> status_code() const;
  std::string response_message() const;
  std::string transaction_id() const;

  // The first element of that local name under the root (any depth).
  std::optional<std::string> text(const char* local_name) const;
  // GetProfile: the Value of the Property whose Key is `key`.
  std::optional<std::string> property(const std::string& key) const;
  // How many children of the root have that local name.
  int children(const char* local_name) const;
  // The SellersItemIdentification/ID of each Item below the root, in order.
  std::vector<std::string> item_ids() const;
  // The unit of the first BasePrice/BaseQuantity (the order unit), or "".
  std::string order_unit() const;

  // GetProfile: the transactions and operations listed for `bindings`
  // (Implements without a Binding count for every binding).
  std::set<std::string> implemented(const std::set<std::string>& bindings) const;

 private:
  struct FreeDoc {
    void operator()(xmlDocPtr d) const { xmlFreeDoc(d); }
  };
  std::unique_ptr<xmlDoc, FreeDoc> doc_;
  xmlNodePtr root_ = nullptr;
  std::string problem_;
};

// "200 (StatusCode 2)" or "no ResponseCode": what a detail column shows.
std::string describe(const Answer& a);

}  // namespace og::app::conformance
