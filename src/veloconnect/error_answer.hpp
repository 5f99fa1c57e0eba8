// Error answers: the operation's own response element carrying the envelope
// fields, plus whatever its official XSD type requires that an error can
// honestly give (TransactionID and StatusCode, an empty profile). See README,
// "Protocol decisions", Errors.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "message/envelope.hpp"
#include "message/soap_codec.hpp"
#include "message/vocabulary.hpp"
#include "rules/veloconnect/instance_report.hpp"
#include "rules/veloconnect/outcome.hpp"
#include "veloconnect/operation.hpp"

namespace og::veloconnect {

struct ErrorFields {
  std::string buyer_id;
  rules::veloconnect::Outcome outcome;
  std::string message;  // already capped
  // The instance the caller owns, when the failure concerns it.
  std::optional<rules::veloconnect::KnownInstance> known;
  // The TransactionID the request sent, if it may be echoed.
  std::optional<std::string> sent_transaction;
  bool echo_instance = true;  // false for 410/411
  bool is_test = false;
  // FinalOrderResponse's OrderHeader: the known instance's order, if it has
  // one; else no OrderID, issued on `today` (the answer's own date).
  std::optional<std::string> order_id;
  std::optional<std::string> issue_date;
  std::string today;  // YYYY-MM-DD
};

// `codec` must be fresh (reset) for this answer.
std::string write_error(message::SoapCodec& codec, std::string_view tag, ErrorShape shape, const ErrorFields& fields,
                        message::Envelope envelope, std::span<const message::NamespaceBinding> namespaces);

}  // namespace og::veloconnect
