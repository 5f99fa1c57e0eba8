// A Veloconnect request as the face sees it, whichever binding brought it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/catalog/catalog.hpp"
#include "core/veloconnect/caller.hpp"
#include "core/veloconnect/order_transactions.hpp"
#include "core/veloconnect/sale_transmissions.hpp"
#include "core/veloconnect/stock_transmissions.hpp"
#include "message/envelope.hpp"
#include "rules/veloconnect/outcome.hpp"
#include "veloconnect/namespaces.hpp"
#include "veloconnect/operation.hpp"

namespace og::veloconnect {

enum class ResultFormat { Count, ItemDetail, ItemType, IdOnly };

struct Request {
  Operation operation = Operation::GetProfile;
  // The seller the URL names (/veloconnect/<seller>); nullopt at /veloconnect.
  std::optional<std::string> path_seller;
  core::veloconnect::Caller caller;
  std::optional<std::string> seller_id;
  std::optional<std::string> transaction_id;
  std::vector<core::ItemQuery> items;               // GetItemDetails(List)
  std::vector<core::veloconnect::LineInput> lines;  // CreateOrder, UpdateOrder
  std::string search_string;                        // CreateTextSearch
  std::int64_t start_index = 0;                     // SearchResult, GetItemStatusStockTransmit, GetStatusSaleTransmit
  std::int64_t count = 0;
  ResultFormat format = ResultFormat::IdOnly;
  bool do_not_close = false;
  core::veloconnect::StockInput stock;       // StockTransmitB2B/B2C
  core::veloconnect::SaleInput sale;         // SaleTransmitB2B
  core::veloconnect::SaleB2XInput sale_b2x;  // SaleTransmitB2X
  // Receipt Query: DateRange (YYYY-MM-DD, checked) and the reference filters;
  // Details: the IDs asked for.
  std::optional<std::string> from_date;
  std::optional<std::string> thru_date;
  std::vector<std::string> order_ids;
  std::vector<std::string> confirmation_ids;
  std::vector<std::string> delivery_note_ids;
  std::optional<std::string> request_reference;
  std::optional<std::string> request_date;
  std::vector<std::string> document_ids;
};

// Why a request could not be turned into a Request, and what the answer can
// still say about it.
struct DecodeError {
  rules::veloconnect::Outcome outcome;
  std::string message;
  const OperationInfo* operation = nullptr;  // when known
  std::string buyer_id;
  std::optional<std::string> transaction_id;
  // The namespaces the answer is written in (the request's versions, when known).
  AnswerNamespaces answer_ns{};
};

// A decoded request plus how to answer it.
struct Decoded {
  Request request;
  AnswerNamespaces answer_ns;
};

using DecodeResult = std::variant<Decoded, DecodeError>;

// Values a Veloconnect answer may echo (BuyersID, TransactionID, item IDs)
// are identifiers: longer ones are refused (400) before anything is looked
// up, and never written back. A SearchString is stored with its search.
inline constexpr std::size_t kMaxIdentifier = 256;
inline constexpr std::size_t kMaxSearchString = 4096;
// How much of a message an answer carries (they quote the request).
inline constexpr std::size_t kMaxResponseMessage = 1024;

// `value` when it is short enough to be echoed, else empty.
std::string echoable(const std::string& value);
std::optional<std::string> echoable(const std::optional<std::string>& value);

// The first value of `r` over its limit, as an error for `r` (nullopt: none).
std::optional<DecodeError> overlong_value(const Request& r, const OperationInfo* operation);

}  // namespace og::veloconnect
