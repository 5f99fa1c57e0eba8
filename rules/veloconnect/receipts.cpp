#include "rules/veloconnect/receipts.hpp"

#include <algorithm>

namespace og::rules::veloconnect {

namespace {
constexpr std::string_view kConfirmationPrefix = "OC-";

bool any_common(const std::vector<std::string>& wanted, const std::vector<std::string>& have) {
  for (const auto& w : wanted)
    if (std::find(have.begin(), have.end(), w) != have.end()) return true;
  return false;
}
}  // namespace

std::variant<DateWindow, WindowRefused> query_window(std::optional<Date> from, std::optional<Date> thru, Date today,
                                                     int default_days) {
  int days = std::max(default_days, 1);
  if (from && thru) {
    if (*thru < *from)
      return WindowRefused{"DateRange: FromDate " + from->to_string() + " is after ThruDate " + thru->to_string()};
    return DateWindow{*from, *thru};
  }
  if (from) return DateWindow{*from, std::max(*from, today)};
  Date end = thru.value_or(today);
  return DateWindow{end.plus_days(-(days - 1)), end};
}

HeaderSelection select_headers(const std::vector<HeaderKey>& candidates, DateWindow window, std::size_t max_headers) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < candidates.size(); ++i)
    if (window.contains(candidates[i].issue_date)) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = candidates[a];
    const auto& y = candidates[b];
    if (x.issue_date != y.issue_date) return x.issue_date > y.issue_date;
    return x.id > y.id;
  });
  HeaderSelection out;
  out.covered = window;
  if (order.size() <= max_headers) {
    out.listed = std::move(order);
    return out;
  }
  out.complete = false;
  // The first header left out: its day is not covered completely.
  Date cut = candidates[order[max_headers]].issue_date;
  for (std::size_t k = 0; k < max_headers; ++k)
    if (candidates[order[k]].issue_date > cut) out.listed.push_back(order[k]);
  if (!out.listed.empty()) {
    out.covered = DateWindow{cut.plus_days(1), window.thru};
    return out;
  }
  // One day holds more than an answer may list: the newest of that day.
  out.partial_day = true;
  out.listed.assign(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(max_headers));
  out.covered = DateWindow{cut, cut};
  return out;
}

bool matches(const ReferenceFilter& f, const References& d) {
  if (!f.order_ids.empty() && !any_common(f.order_ids, d.order_ids)) return false;
  if (!f.confirmation_ids.empty() && !any_common(f.confirmation_ids, d.confirmation_ids)) return false;
  if (!f.delivery_note_ids.empty() && !any_common(f.delivery_note_ids, d.delivery_note_ids)) return false;
  if (f.request_reference && d.request_reference != f.request_reference) return false;
  if (f.request_date && d.request_date != f.request_date) return false;
  return true;
}

std::optional<std::string> details_refused(std::size_t count, std::size_t max_ids, std::string_view operation) {
  if (count <= max_ids) return std::nullopt;
  return "at most " + std::to_string(max_ids) + " IDs per " + std::string(operation) + " (" + std::to_string(count) +
         " sent)";
}

std::string confirmation_id_of(std::string_view order_id) {
  return std::string(kConfirmationPrefix) + std::string(order_id);
}

std::optional<std::string> order_id_of(std::string_view confirmation_id) {
  if (confirmation_id.size() <= kConfirmationPrefix.size() || !confirmation_id.starts_with(kConfirmationPrefix))
    return std::nullopt;
  return std::string(confirmation_id.substr(kConfirmationPrefix.size()));
}

}  // namespace og::rules::veloconnect
