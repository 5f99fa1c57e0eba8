// The JSON binding's answers other than orders (order_json.hpp): availability,
// tokens, and problem details (RFC 9457) for every failure.
#pragma once
#include <chrono>
#include <string>
#include <vector>

#include "core/eproc/hub.hpp"
#include "eproc/answer_mapping.hpp"
#include "eproc/json_decode.hpp"
#include "rules/eproc/fault.hpp"

namespace og::eproc {

// {"answers":[{"request":0,"providers":[{"provider":..,"status":..,"item":{..}}]}]}
std::string availability_json(const std::vector<core::eproc::RequestAnswer>& answers);

// {"access_token":..,"token_type":"Bearer","expires_in":..}
std::string token_json(const std::string& token, std::chrono::seconds expires_in);

// application/problem+json: type, title, status from problem_of(failure);
// detail when given; "faults" (validation: every faulty request, with
// "request" when it names one, "code", "detail") and "errors" (schema:
// "pointer", "detail") when there are any.
std::string problem_json(Failure failure, const std::string& detail,
                         const std::vector<rules::eproc::Fault>& faults = {},
                         const std::vector<SchemaError>& errors = {});

}  // namespace og::eproc
