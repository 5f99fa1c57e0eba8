// The receipt module (receipt-1.3): which days a Query covers, which headers
// one answer lists, which documents the request's reference filters select,
// how many IDs a Details request may name, and the OrderConfirmationID of an
// order ordergate took.
//
// - Window: FromDate and ThruDate are inclusive and compared with the
//   documents' IssueDate. Without either the window is the last
//   `default_days` days up to today; with only ThruDate the `default_days`
//   days up to it; with only FromDate, FromDate up to today (or FromDate
//   itself when that is later). FromDate after ThruDate is refused (400).
// - Headers: newest first (IssueDate, then ID, both descending), at most
//   `max_headers`. An answer that cannot list everything lists whole days
//   only, so the DateRange it echoes is exactly what it covers completely: the
//   client asks again with ThruDate the day before the echoed FromDate. Only
//   when one day alone holds more than `max_headers` does an answer list part
//   of a day (the newest `max_headers` of it; the echoed range is that day).
// - Filters: each kind the request names (OrderID, OrderConfirmationID,
//   DeliveryNoteID, RequestReference, RequestDate) must be met: a document
//   matches a list when it refers to any ID of it; kinds combine with AND.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "rules/common/date.hpp"

namespace og::rules::veloconnect {

struct ReceiptLimits {
  int default_days = 90;          // window of a Query that names no bound
  std::size_t max_headers = 200;  // headers in one Query answer
  std::size_t max_ids = 50;       // IDs in one Details request (400 above)
};

struct DateWindow {
  Date from;
  Date thru;
  friend bool operator==(const DateWindow&, const DateWindow&) = default;
  bool contains(Date d) const { return from <= d && d <= thru; }
};

struct WindowRefused {
  std::string reason;
};

// The window a Query covers (see above). `default_days` below 1 counts as 1.
std::variant<DateWindow, WindowRefused> query_window(std::optional<Date> from, std::optional<Date> thru, Date today,
                                                     int default_days);

struct HeaderKey {
  Date issue_date;
  std::string id;
};

struct HeaderSelection {
  std::vector<std::size_t> listed;  // indices into the candidates, newest first
  DateWindow covered;               // the DateRange the answer echoes
  bool complete = true;             // every candidate in the window is listed
  bool partial_day = false;         // one day held more than max_headers: part of it is listed
};

// Candidates outside `window` are ignored (the store reads the window only;
// this holds for any list). The store may pass just the newest
// max_headers + 1 of them: that decides the same.
HeaderSelection select_headers(const std::vector<HeaderKey>& candidates, DateWindow window, std::size_t max_headers);

// What a request asks the documents to refer to (empty lists: no filter).
struct ReferenceFilter {
  std::vector<std::string> order_ids;
  std::vector<std::string> confirmation_ids;
  std::vector<std::string> delivery_note_ids;
  std::optional<std::string> request_reference;  // offers
  std::optional<Date> request_date;              // offers
};

// What a document refers to (its header's lists; offers their request).
struct References {
  std::vector<std::string> order_ids;
  std::vector<std::string> confirmation_ids;
  std::vector<std::string> delivery_note_ids;
  std::optional<std::string> request_reference;
  std::optional<Date> request_date;
};

bool matches(const ReferenceFilter& filter, const References& document);

// A Details request naming `count` IDs: nullopt when it may be answered, else
// the reason for 400 (the same code GetItemDetailsList gives above its limit).
std::optional<std::string> details_refused(std::size_t count, std::size_t max_ids, std::string_view operation);

// An order ordergate took is confirmed once: its OrderConfirmationID is
// "OC-" + OrderID (OG-00000001 -> OC-OG-00000001), and back.
std::string confirmation_id_of(std::string_view order_id);
std::optional<std::string> order_id_of(std::string_view confirmation_id);

}  // namespace og::rules::veloconnect
