#include "rules/srm/cart_actions.hpp"

#include <cstdio>

namespace og::rules::srm {

namespace {

std::optional<std::chrono::sys_seconds> parse_timestamp(std::string_view s) {
  if (s.size() != 14) return std::nullopt;
  int v[6];
  const int widths[6] = {4, 2, 2, 2, 2, 2};
  std::size_t at = 0;
  for (int i = 0; i < 6; ++i) {
    v[i] = 0;
    for (int d = 0; d < widths[i]; ++d, ++at) {
      if (s[at] < '0' || s[at] > '9') return std::nullopt;
      v[i] = v[i] * 10 + (s[at] - '0');
    }
  }
  using namespace std::chrono;
  year_month_day ymd{year(v[0]), month(static_cast<unsigned>(v[1])), day(static_cast<unsigned>(v[2]))};
  if (!ymd.ok() || v[3] > 23 || v[4] > 59 || v[5] > 59) return std::nullopt;
  return sys_days(ymd) + hours(v[3]) + minutes(v[4]) + seconds(v[5]);
}

std::string format_timestamp(std::chrono::sys_seconds t) {
  using namespace std::chrono;
  auto day = floor<days>(t);
  year_month_day ymd(day);
  hh_mm_ss hms(t - day);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d%02u%02u%02d%02d%02d", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buffer;
}

}  // namespace

std::optional<MessageNumber> refuse_release(const std::optional<StoredCart>& cart, const ReleaseSubmission& submitted,
                                            bool consistent) {
  if (!cart) return MessageNumber::CartNotFound;
  if (cart->ordered) return MessageNumber::CartAlreadyOrdered;
  if (submitted.change_state_id) {
    // ChangeStateID is leading: the items, if sent too, are not compared.
    if (*submitted.change_state_id != cart->change_state_id) return MessageNumber::ChangeStateMismatch;
  } else if (submitted.complete_request) {
    if (!submitted.same_content) return MessageNumber::ContentMismatch;
  } else {
    return MessageNumber::NeitherStateNorContent;
  }
  if (!consistent) return MessageNumber::CartInconsistent;
  return std::nullopt;
}

std::optional<MessageNumber> refuse_cancel(const std::optional<StoredCart>& cart,
                                           const std::optional<std::string>& change_state_id) {
  if (!cart) return MessageNumber::CartNotFound;
  if (cart->ordered) return MessageNumber::CartAlreadyOrdered;
  if (change_state_id && *change_state_id != cart->change_state_id) return MessageNumber::ChangeStateMismatch;
  return std::nullopt;
}

std::string next_change_state_id(std::chrono::sys_seconds now, std::string_view previous) {
  if (auto last = parse_timestamp(previous); last && *last >= now) now = *last + std::chrono::seconds(1);
  return format_timestamp(now);
}

}  // namespace og::rules::srm
