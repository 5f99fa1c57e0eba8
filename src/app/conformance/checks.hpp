// The standard's rules as checks against one server and buyer. Each check
// sends real requests and records a Finding; every answer is also validated
// against the schema set. Orders are test orders (vct:IsTest true) from
// CreateOrder to FinishOrder, so a supplier's merchandise system must not
// act on them.
#pragma once
#include <string>

#include "app/conformance/answer_schema.hpp"
#include "app/conformance/http_exchange.hpp"
#include "app/conformance/report.hpp"
#include "app/conformance/request.hpp"

namespace og::app::conformance {

struct Settings {
  std::string buyer;
  std::string password;
  std::string sellers_id;
  std::string item;  // empty: found through TextSearch
  Binding binding = Binding::Xml;
};

// Thrown when the server cannot be reached at all (exit code 2).
struct Unreachable {
  std::string message;
};

// Runs every check; throws Unreachable when the first request gets no HTTP answer.
Report run_checks(const Transport& http, const AnswerSchema& schema, const Settings& settings);

}  // namespace og::app::conformance
