#include "core/text_search.hpp"

#include "core/instance_gate.hpp"

namespace og::core {

namespace rv = rules::veloconnect;
using store::TransactionKind;
using store::TransactionRecord;

std::vector<std::string> TextSearches::terms(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    std::size_t j = i;
    while (j < s.size() && !(s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r')) ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

Result<TransactionRecord> TextSearches::create(const Caller& caller, std::string_view search_string) {
  auto credentials = auth_.authenticate(caller.buyer_id, caller.password);
  if (credentials != Credentials::Valid) return refusal(rv::check_credentials(credentials), {});
  // Counting may scan a large catalog: do it before taking the write lock.
  std::int64_t total = 0;
  store_.read([&](store::Reader& r) { total = r.count_items_matching(terms(search_string)); });
  try {
    TransactionRecord t;
    store_.write([&](store::UnitOfWork& uow) {
      int state = rv::state_after(rv::Step::CreateTextSearch, rv::state::kStart, {.text_search_has_hits = total > 0});
      t = open_instance(uow, TransactionKind::TextSearch, state, credentials, caller,
                        transaction_limits_.max_open_per_buyer, clock_);
      t.search_string = std::string(search_string);
      t.total_count = total;
      uow.insert_transaction(t);
    });
    return t;
  } catch (Refusal& r) {
    return r.failure;
  }
}

Result<SearchPage> TextSearches::page(const Caller& caller, std::string_view transaction_id, std::int64_t start,
                                      std::int64_t count, bool do_not_close, bool fetch_items) {
  auto credentials = auth_.authenticate(caller.buyer_id, caller.password);
  if (credentials != Credentials::Valid) return refusal(rv::check_credentials(credentials), {});
  try {
    SearchPage page;
    store_.write([&](store::UnitOfWork& uow) {
      std::optional<TransactionRecord> t = admit_step(uow, rv::Step::SearchResult, credentials, caller, transaction_id);
      // The count is fixed when the search is created: paging stays stable.
      page.window = rv::clamp_window(start, count, t->total_count, limits_.max_page);
      if (fetch_items && page.window.count > 0) {
        for (auto& item : uow.items_matching(terms(t->search_string), page.window.start, page.window.count)) {
          auto availability = catalog_.availability(item, rules::Decimal());
          page.hits.push_back({std::move(item), availability});
        }
      }
      t->state = rv::state_after(rv::Step::SearchResult, t->state, {.do_not_close = do_not_close});
      t->updated_at = clock_.now_utc();
      uow.update_transaction(*t);
      page.transaction = *t;
    });
    return page;
  } catch (Refusal& r) {
    return r.failure;
  }
}

}  // namespace og::core
